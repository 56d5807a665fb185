"""Records that flow from a source file through the parser into the archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Line:
    """One line of text in reading order, with whatever layout hints the source gave."""

    text: str
    page: int | None = None  # 0-based PDF page, None for text exports
    size: float = 0.0  # font size in points (PDF), 0 when unknown
    bold: bool = False
    heading: int = 0  # Markdown heading level used as a hint, 0 when none
    indent: bool | None = None  # PDF: starts indented (a new paragraph); None when unknown
    short: bool | None = None  # PDF: ends well before the right margin; None when unknown
    right: bool = False  # PDF: right-aligned or centred to the right (signatures)
    centered: bool = False  # PDF: centred on the page
    printed: int | None = None  # text exports: the printed page the line starts on, when page marks tell it


@dataclass
class Source:
    """A file turned into lines, before the genre is recognised."""

    path: Path
    kind: str  # "pdf", "text", "web" (a saved page) or "web-issue" (an issue page and the pages it links to)
    lines: list[Line]
    pages: int | None = None
    printed_pages: dict[int, int] = field(default_factory=dict)  # PDF page -> printed page number
    title_hint: str = ""
    warnings: list[str] = field(default_factory=list)
    ocr_pages: dict[int, float] = field(default_factory=dict)  # PDF page -> mean OCR confidence (recognised pages)
    parsed: ParsedIssue | None = None  # sources whose structure the file states (saved web pages): already parsed
    bundle: list[Path] = field(default_factory=list)  # other files the source was read from (an issue page's links)
    ocr_boxes: dict[int, dict[str, Any]] = field(default_factory=dict)  # PDF page -> OcrPage.line_boxes()


@dataclass
class Block:
    """A paragraph-level unit of a document's body."""

    kind: str  # title, docnumber, recipients, para, heading, item, table, attachment, signature, date, note
    text: str
    rows: list[list[str]] | None = None
    page: int | None = None
    align: str = ""  # "center" or "right" when the source aligned the block so and its kind does not imply it

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.rows is not None:
            data["rows"] = self.rows
        if self.page is not None:
            data["page"] = self.page
        if self.align:
            data["align"] = self.align
        return data


@dataclass
class TocEntry:
    """One line of the printed 目录."""

    section: str | None
    title: str
    doc_number: str | None
    page: int | None
    document_index: int | None = None
    organ: str | None = None  # the issuing organ some 目录 print between the title and the page


@dataclass
class Document:
    """One document of an issue, as parsed."""

    title: str
    doc_number: str | None
    doc_number_canonical: str | None
    section: str | None = None
    issuer: str | None = None
    date: str | None = None
    recipients: str | None = None
    blocks: list[Block] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    pdf_pages: tuple[int, int] | None = None
    printed_pages: tuple[int, int] | None = None
    toc_index: int | None = None
    key: str = ""  # stable within an issue; the archive derives the document id from it

    @property
    def in_toc(self) -> bool:
        """Whether a 目录 entry points at this document."""
        return self.toc_index is not None

    @property
    def text(self) -> str:
        """The readable text: one block per line."""
        return "\n".join(b.text for b in self.blocks)


@dataclass
class ParsedIssue:
    """A whole issue: metadata, 目录 and documents."""

    gazette: str
    printed_name: str
    publisher: str | None
    year: int | None
    issue: int | None
    total_issue: int | None = None
    published: str | None = None
    frequency: str | None = None
    sections: list[str] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
