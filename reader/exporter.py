"""The export-json shape: a contract other tools rely on (extend it, never change a key's meaning)."""

from __future__ import annotations

import json
from typing import Any

from reader.library import DocumentRecord, IssueInfo, Library
from reader.people import People
from reader.validity import Validity


def export_archive(library: Library, validity: Validity, issue_id: str | None = None,
                   people: People | None = None) -> dict[str, Any]:
    """The archive (or one issue) in the export-json shape."""
    issues = [library.issue(issue_id)] if issue_id else library.issues()
    return {"issues": [export_issue(library, validity, i, people) for i in issues]}


def validity_json(validity: Validity, doc_id: str, numbers: dict[str, str | None]) -> dict[str, Any]:
    """A document's status, dates and citations (keys added in schema 4; numbers maps ids to 发文字号)."""
    status = validity.status(doc_id)
    by = status.by
    return {
        "status": status.state.value,
        "status_by": {"document_id": by.document_id, "doc_number": by.doc_number, "action": by.action.value,
                      "date": by.date, "title_mismatch": by.mismatch} if by else None,
        "effective": status.effective, "expires": status.expires,
        "cites": [{"doc_number": c.doc_number, "document_id": c.document_id, "title": c.title or None}
                  for c in validity.cites(doc_id)],
        "cited_by": [{"document_id": d, "doc_number": numbers.get(d)} for d in validity.cited_by(doc_id)],
    }


def people_json(people: People | None, doc_id: str) -> dict[str, Any]:
    """A document's personnel decisions (key added in schema 8): the records of `people --json`."""
    return {"people": [r.to_json() for r in people.of_document(doc_id)]} if people is not None else {}


def export_issue(library: Library, validity: Validity, info: IssueInfo, people: People | None = None) -> dict[str, Any]:
    """One issue with its 目录 and documents."""
    row = library.issue_row(info.id)
    numbers = dict(library.db.execute("SELECT id, doc_number FROM documents").fetchall())
    return {
        "id": info.id, "gazette": info.gazette, "publisher": info.publisher, "year": info.year,
        "issue": info.issue, "total_issue": info.total_issue, "published": info.published,
        "printed_name": info.printed_name, "frequency": row["frequency"],
        "source": {"file": info.source_name, "sha256": info.source_sha256, "kind": info.source_kind,
                   "pages": info.source_pages, "stored": info.source_stored},
        "warnings": json.loads(row["warnings"]),
        "toc": [{"section": t["section"], "title": t["title"], "doc_number": t["doc_number"], "page": t["page"],
                 "document_id": t["document_id"]} for t in library.toc(info.id)],
        "documents": [{**export_document(d), **validity_json(validity, d.id, numbers), **people_json(people, d.id)}
                      for d in library.documents(info.id)],
    }


def export_document(d: DocumentRecord) -> dict[str, Any]:
    """One document in the export-json shape."""
    return {
        "id": d.id, "section": d.section, "title": d.title, "doc_number": d.doc_number,
        "doc_number_canonical": d.doc_number_canonical, "issuer": d.issuer, "date": d.date,
        "pdf_pages": list(d.pdf_pages) if d.pdf_pages else None,
        "printed_pages": list(d.printed_pages) if d.printed_pages else None,
        "in_toc": d.in_toc, "text": d.text, "recipients": d.recipients, "attachments": d.attachments,
        "blocks": d.blocks,
        "ocr": d.ocr is not None, "ocr_confidence": d.ocr,
    }
