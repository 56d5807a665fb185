"""How a document's layout blocks are stored: kinds and lengths over the document's text, which holds their words
once (a document's text is its blocks' texts joined by line breaks), as compressed JSON (a blob).

Stored blocks before schema 7 carried their text (and a table's cells) a second time as JSON text; ``unpack``
reads both."""

from __future__ import annotations

import json
import zlib
from typing import Any

TAB_CELLS = "tabs"  # a table whose rows are its text's lines split at tabs


def _cells(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.split("\n")]


def pack(blocks: list[dict[str, Any]], text: str) -> str | bytes:
    """The blocks as stored: each with its text's length instead of the text (and its table cells only when they
    are not the text split at line breaks and tabs); the full blocks when they do not make up the text."""
    if "\n".join(b["text"] for b in blocks) != text:
        return json.dumps(blocks, ensure_ascii=False)
    out = []
    for block in blocks:
        item: dict[str, Any] = {"kind": block["kind"], "len": len(block["text"])}
        for key, value in block.items():
            if key in ("kind", "text"):
                continue
            item[key] = TAB_CELLS if key == "rows" and value == _cells(block["text"]) else value
        out.append(item)
    return zlib.compress(json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(stored: str | bytes, text: str) -> list[dict[str, Any]]:
    """The blocks of a document (kind, text, rows of a table, page), from what ``pack`` stored."""
    items = json.loads(zlib.decompress(stored) if isinstance(stored, bytes) else stored)
    if not items or "len" not in items[0]:
        return list(items)  # written before schema 7, or not made of the text
    blocks, at = [], 0
    for item in items:
        size = item.pop("len")
        block = {"kind": item.pop("kind"), "text": text[at:at + size]}
        at += size + 1
        for key, value in item.items():
            block[key] = _cells(block["text"]) if key == "rows" and value == TAB_CELLS else value
        blocks.append(block)
    return blocks
