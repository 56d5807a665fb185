"""The export-json shape: a contract other tools rely on (extend it, never change a key's meaning)."""

from __future__ import annotations

import json
from typing import Any

from reader.library import DocumentRecord, IssueInfo, Library


def export_archive(library: Library, issue_id: str | None = None) -> dict[str, Any]:
    """The archive (or one issue) in the export-json shape."""
    issues = [library.issue(issue_id)] if issue_id else library.issues()
    return {"issues": [export_issue(library, i) for i in issues]}


def export_issue(library: Library, info: IssueInfo) -> dict[str, Any]:
    """One issue with its 目录 and documents."""
    row = library.issue_row(info.id)
    return {
        "id": info.id, "gazette": info.gazette, "publisher": info.publisher, "year": info.year,
        "issue": info.issue, "total_issue": info.total_issue, "published": info.published,
        "printed_name": info.printed_name, "frequency": row["frequency"],
        "source": {"file": info.source_name, "sha256": info.source_sha256, "kind": info.source_kind,
                   "pages": info.source_pages, "stored": info.source_stored},
        "warnings": json.loads(row["warnings"]),
        "toc": [{"section": t["section"], "title": t["title"], "doc_number": t["doc_number"], "page": t["page"],
                 "document_id": t["document_id"]} for t in library.toc(info.id)],
        "documents": [export_document(d) for d in library.documents(info.id)],
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
    }
