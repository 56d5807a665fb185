"""Exports of the user's notes (JSON for backup and merging, CSV, Markdown with citations) and the JSON import."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.citation_label import Citation, issue_label
from reader.notes.colors import color_of

if TYPE_CHECKING:
    from reader.notes.store import Annotation, UserStore


def export_json(store: UserStore) -> dict[str, Any]:
    """Everything, for backup (import_json merges it back)."""
    from reader.notes.store import USER_SCHEMA_VERSION, _row, now  # the store imports this module

    return {
        "format": "gazette-reader-notes", "version": USER_SCHEMA_VERSION, "exported": now(),
        "bookmarks": [_row(b) for b in store.bookmarks()],
        "annotations": [{**_row(a), "selectors": a.anchor.to_w3c()} for a in store.annotations()],
    }


def import_json(store: UserStore, data: dict[str, Any]) -> tuple[int, int]:
    """Merge an export: new items added, known ones kept unless the export's copy is newer; (added, updated)."""
    from reader.notes.store import Annotation, Bookmark, _from_row, _row

    if data.get("format") != "gazette-reader-notes":
        raise ValueError("not a Gazette Reader notes export (no \"format\": \"gazette-reader-notes\")")
    added = updated = 0
    with store.db.atomic():
        for table, cls, items in (("bookmarks", Bookmark, data.get("bookmarks", [])),
                                  ("annotations", Annotation, data.get("annotations", []))):
            for item in items:
                record = _from_row(cls, item)
                old = list(store.db[table].rows_where("id = ?", [record.id]))
                if not old:
                    added += 1
                elif old[0]["updated"] < record.updated:
                    updated += 1
                else:
                    continue
                store.db.table(table).insert(_row(record), replace=True)
    return added, updated


def export_csv(store: UserStore) -> str:
    """Annotations and bookmarks as CSV rows (kind, gazette, year, issue, title, 发文字号, page, colour, quote, note, date)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["kind", "gazette", "year", "issue", "title", "doc_number", "page", "color", "quote", "note",
                     "status", "created", "document_id"])
    for a in store.annotations():
        writer.writerow(["annotation", a.gazette, a.year, a.issue, a.title, a.doc_number, a.page, a.color, a.exact,
                         a.note, a.status, a.created, a.document_id])
    for b in store.bookmarks():
        writer.writerow(["bookmark", b.gazette, b.year, b.issue, b.title, b.doc_number, b.page, "", "", b.label,
                         "", b.created, b.document_id])
    return out.getvalue()


def export_markdown(store: UserStore, page_of: Callable[[Annotation], int | None] | None = None) -> str:
    """Notes grouped by issue and document, each with its citation; each highlight with its colour and page
    (page_of gives the printed page a highlight stands on; without it, the document's first page)."""
    groups: dict[tuple[Any, ...], dict[str, list[Any]]] = {}
    for a in store.annotations():
        key = (a.gazette or "", a.year or 0, a.issue or 0, a.title or a.document_id, a.doc_number or "", a.page)
        groups.setdefault(key, {"a": [], "b": []})["a"].append(a)
    for b in store.bookmarks():
        key = (b.gazette or "", b.year or 0, b.issue or 0, b.title or b.document_id, b.doc_number or "", b.page)
        groups.setdefault(key, {"a": [], "b": []})["b"].append(b)
    lines = ["# 我的笔记 (Gazette Reader)", ""]
    last_issue = None
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2], k[3])):
        gazette, year, issue, title, number, page = key
        if (gazette, year, issue) != last_issue:
            lines += [f"## {gazette} {issue_label(year or None, issue or None)}", ""]
            last_issue = (gazette, year, issue)
        lines += [f"### {title}", ""]
        lines.append(f"*{Citation(gazette=gazette, year=year, issue=issue, title=title, doc_number=number, page=page).text()}*")
        lines.append("")
        for b in groups[key]["b"]:
            lines.append(f"- 书签{('：' + b.label) if b.label else ''}")
        if groups[key]["b"]:
            lines.append("")
        for a in sorted(groups[key]["a"], key=lambda a: a.start):
            lines.append(f"> {a.exact}")
            lines.append("")
            if a.note:
                lines += [f"批注：{a.note}", ""]
            at = page_of(a) if page_of else a.page
            where = [color_of(a.color).zh, f"第{at}页" if at else "", "未能定位" if not a.attached else ""]
            lines += ["（" + "，".join(w for w in where if w) + "）", ""]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
