"""Reading the archive: issues, documents, outlines and 目录 as records (the archive's read side)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from reader.citation_label import Citation, issue_label
from reader.errors import NotFoundError
from reader.store.blocks import unpack

LIBRARY = "library"  # issues.collection of a loose document's container
LIBRARY_NAME = "文件库"  # the container's gazette name: what the search facet and export-json show


@dataclass
class IssueInfo:
    """An issue as the archive lists it."""

    id: str
    gazette: str
    printed_name: str | None
    publisher: str | None
    year: int | None
    issue: int | None
    total_issue: int | None
    published: str | None
    source_name: str
    source_stored: str
    source_sha256: str
    source_kind: str
    source_pages: int | None
    imported_at: str
    document_count: int = 0
    collection: str | None = None  # "library": the container of one loose document (文件库), not a gazette issue

    @property
    def is_library(self) -> bool:
        """Whether this is a loose document's container in the 文件库 rather than a gazette issue."""
        return self.collection == LIBRARY

    @property
    def label(self) -> str:
        """How an issue is named to a reader: 2023年第1期 (总第23期), or its file name when undated."""
        return issue_label(self.year, self.issue, self.total_issue, fallback=self.source_name)


@dataclass
class DocumentBrief:
    """A document's place and title, without its text."""

    id: str
    issue_id: str
    ordinal: int
    section: str | None
    title: str
    doc_number: str | None
    date: str | None
    in_toc: bool


@dataclass
class DocumentRecord(DocumentBrief):
    """A stored document with its place in the archive, its text and its layout blocks."""

    doc_number_canonical: str | None
    issuer: str | None
    recipients: str | None
    pdf_pages: tuple[int, int] | None
    printed_pages: tuple[int, int] | None
    text: str
    blocks: list[dict[str, Any]]
    attachments: list[str]
    ocr: float | None = None  # mean OCR confidence when its text was recognised from scanned pages


def cite(doc: DocumentRecord, info: IssueInfo) -> Citation:
    """A document's citation: gazette, year, issue, title, 发文字号 and first printed page."""
    page = doc.printed_pages[0] if doc.printed_pages else None
    if info.is_library:  # a loose document is cited by its title and 发文字号 alone
        return Citation(title=doc.title, doc_number=doc.doc_number)
    return Citation(gazette=info.gazette, year=info.year, issue=info.issue, title=doc.title,
                    doc_number=doc.doc_number, page=page)


def _pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    return (a, b) if a is not None and b is not None else None


def _issue(row: dict[str, Any]) -> IssueInfo:
    keys = IssueInfo.__dataclass_fields__.keys()
    return IssueInfo(**{k: row[k] for k in keys if k in row})


def _document(row: dict[str, Any]) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"], issue_id=row["issue_id"], ordinal=row["ordinal"], section=row["section"],
        title=row["title"], doc_number=row["doc_number"], doc_number_canonical=row["doc_number_canonical"],
        issuer=row["issuer"], date=row["date"], recipients=row["recipients"],
        pdf_pages=_pair(row["pdf_first"], row["pdf_last"]),
        printed_pages=_pair(row["printed_first"], row["printed_last"]),
        in_toc=bool(row["in_toc"]), text=row["text"], blocks=unpack(row["blocks"], row["text"]),
        attachments=json.loads(row["attachments"]), ocr=row.get("ocr"),
    )


class Library:
    """Read-only queries over archive.db."""

    def __init__(self, db: sqlite_utils.Database, home: Path) -> None:
        self.db = db
        self.home = home

    def issues(self) -> list[IssueInfo]:
        """All issues, by gazette, year and issue number."""
        rows = self.db.execute(
            "SELECT i.*, (SELECT COUNT(*) FROM documents d WHERE d.issue_id = i.id) AS document_count "
            "FROM issues i ORDER BY gazette, year, issue"
        )
        return [_issue(dict(zip([c[0] for c in rows.description], r))) for r in rows.fetchall()]

    def issue(self, issue_id: str) -> IssueInfo:
        """One issue by id."""
        found = list(self.issues_where("id = ?", [issue_id]))
        if not found:
            raise NotFoundError(f"no issue with id {issue_id!r}; 'gazette-reader list' shows the ids")
        return found[0]

    def has_issue(self, issue_id: str) -> bool:
        """Whether the archive holds an issue."""
        return bool(self.db.execute("SELECT 1 FROM issues WHERE id = ?", [issue_id]).fetchone())

    def issues_where(self, where: str, args: list[Any]) -> Iterator[IssueInfo]:
        """Issues matching an SQL condition."""
        for row in self.db["issues"].rows_where(where, args):
            yield _issue(row)

    def issue_row(self, issue_id: str) -> dict[str, Any]:
        """The stored row of an issue, every column."""
        rows = list(self.db["issues"].rows_where("id = ?", [issue_id]))
        if not rows:
            raise NotFoundError(f"no issue with id {issue_id!r}; 'gazette-reader list' shows the ids")
        return rows[0]

    def page_lines(self, issue_id: str) -> dict[int, dict[str, Any]]:
        """The line boxes OCR found on an issue's scanned pages, by PDF page (empty for a text layer)."""
        if not self.db["page_lines"].exists():
            return {}  # an archive of an older schema opened read-only (a pack built before schema 8)
        rows = self.db.execute("SELECT page, lines FROM page_lines WHERE issue_id = ?", [issue_id]).fetchall()
        return {int(page): json.loads(lines) for page, lines in rows}

    def documents(self, issue_id: str) -> list[DocumentRecord]:
        """The documents of an issue in body order."""
        return [_document(r) for r in self.db["documents"].rows_where("issue_id = ?", [issue_id], order_by="ordinal")]

    def outline(self, issue_id: str) -> list[DocumentBrief]:
        """The documents of an issue without their text, in body order (for trees and lists)."""
        rows = self.db.execute(
            "SELECT id, issue_id, ordinal, section, title, doc_number, date, in_toc FROM documents "
            "WHERE issue_id = ? ORDER BY ordinal", [issue_id]).fetchall()
        return [DocumentBrief(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows]

    def library_documents(self) -> list[tuple[DocumentBrief, str | None]]:
        """Every loose document of the 文件库 without its text, with its issuing organ, by date (newest first)."""
        rows = self.db.execute(
            "SELECT d.id, d.issue_id, d.ordinal, d.section, d.title, d.doc_number, d.date, d.in_toc, d.issuer "
            "FROM documents d JOIN issues i ON i.id = d.issue_id WHERE i.collection = ? "
            "ORDER BY d.date DESC, d.title", [LIBRARY]).fetchall()
        return [(DocumentBrief(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])), r[8]) for r in rows]

    def briefs(self, doc_ids: list[str]) -> list[DocumentBrief]:
        """Several documents without their text, in the order asked (ids not in the archive left out)."""
        marks = ",".join("?" * len(doc_ids))
        rows = self.db.execute(f"SELECT id, issue_id, ordinal, section, title, doc_number, date, in_toc FROM documents "
                               f"WHERE id IN ({marks})", doc_ids).fetchall() if doc_ids else []
        found = {r[0]: DocumentBrief(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows}
        return [found[d] for d in doc_ids if d in found]

    def document(self, doc_id: str) -> DocumentRecord:
        """One document by id."""
        rows = list(self.db["documents"].rows_where("id = ?", [doc_id]))
        if not rows:
            raise NotFoundError(f"no document with id {doc_id!r}; 'gazette-reader export-json' lists document ids")
        return _document(rows[0])

    def toc(self, issue_id: str) -> list[dict[str, Any]]:
        """The printed 目录 of an issue."""
        return list(self.db["toc"].rows_where("issue_id = ?", [issue_id], order_by="ordinal"))

    def texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The text of several documents in one query."""
        marks = ",".join("?" * len(doc_ids))
        return {r["id"]: r["text"] for r in self.db.query(f"SELECT id, text FROM documents WHERE id IN ({marks})", doc_ids)}

    def source_path(self, issue_id: str) -> Path:
        """The stored copy of an issue's source file."""
        return self.home / self.issue(issue_id).source_stored
