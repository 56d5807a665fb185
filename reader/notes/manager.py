"""The user's notes as the archive offers them: every note made with its citation, re-attached after imports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reader.citation import Citation
from reader.errors import GazetteError
from reader.library import Library, cite
from reader.notes.anchors import locate
from reader.notes.store import Annotation, Bookmark, UserStore, new_annotation, new_bookmark, text_sha

EXPORT_FORMATS = ("md", "csv", "json")
EXPORT_ENCODINGS = {"md": "utf-8", "csv": "utf-8-sig", "json": "utf-8"}


class NotesManager(UserStore):
    """user.db plus what needs the archive: citations, annotating by document id, re-anchoring after imports.

    Both the command line and the window go through these methods, so a note is made the same way everywhere."""

    def __init__(self, path: Path, library: Library) -> None:
        super().__init__(path)
        self.library = library

    def citation(self, doc_id: str) -> Citation:
        """What a note on a document records about where it stands."""
        doc = self.library.document(doc_id)
        return cite(doc, self.library.issue(doc.issue_id))

    def new_annotation_on(self, doc_id: str, start: int, end: int, color: str = "yellow", note: str = "") -> Annotation:
        """An annotation on a passage of a document (offsets into its text), with its citation; not yet saved."""
        doc = self.library.document(doc_id)
        return new_annotation(doc_id, doc.text, start, end, color=color, note=note, citation=self.citation(doc_id),
                              issue_id=doc.issue_id)

    def annotate_document(self, doc_id: str, start: int, end: int, color: str = "yellow", note: str = "") -> Annotation:
        """Highlight a passage of a document and save it."""
        return self.add_annotation(self.new_annotation_on(doc_id, start, end, color, note))

    def new_bookmark_on(self, doc_id: str, position: int | None = None, label: str = "") -> Bookmark:
        """A bookmark on a document (or a position in it), with its citation; not yet saved."""
        doc = self.library.document(doc_id)
        return new_bookmark(doc_id, doc.issue_id, position, label, self.citation(doc_id))

    def page_of(self, annotation: Annotation) -> int | None:
        """The printed page a highlight starts on: its block's PDF page, counted from the document's first page."""
        try:
            doc = self.library.document(annotation.document_id)
        except GazetteError:
            return annotation.page
        if not doc.pdf_pages or not doc.printed_pages:
            return annotation.page
        offset = 0
        for block in doc.blocks:
            offset += len(block.get("text", "")) + 1
            if offset > annotation.start and block.get("page") is not None:
                return doc.printed_pages[0] + int(block["page"]) - doc.pdf_pages[0]
        return annotation.page

    def export_markdown(self, page_of: Callable[[Annotation], int | None] | None = None) -> str:
        """The Markdown export, each highlight with the printed page it stands on."""
        return super().export_markdown(page_of or self.page_of)

    def export_text(self, fmt: str) -> str:
        """Every note as md (readable), csv (a spreadsheet) or json (complete, for `notes import`)."""
        if fmt == "json":
            return json.dumps(self.export_json(), ensure_ascii=False, indent=1) + "\n"
        return self.export_csv() if fmt == "csv" else self.export_markdown()

    def write_export(self, fmt: str, path: Path) -> None:
        """Write the export to a file (CSV with a byte-order mark, so Excel reads its Chinese)."""
        path.write_text(self.export_text(fmt), encoding=EXPORT_ENCODINGS.get(fmt, "utf-8"))

    def annotations_for(self, doc_id: str) -> list[Annotation]:
        """A document's annotations, re-attached first if its text changed since they were made."""
        notes = self.annotations(doc_id)
        if notes:
            text = self.library.document(doc_id).text
            if any(a.text_sha != text_sha(text) for a in notes):
                self.reanchor(doc_id, text)
                notes = self.annotations(doc_id)
        return notes

    def reanchor_issue(self, issue_id: str) -> None:
        """After an issue was imported, replaced or deleted: re-attach its annotations to the current texts.

        A note whose document id is gone (a corrected 发文字号 changes the id) is looked for in the issue's other
        documents; one whose issue is gone is marked missing and comes back when the issue is imported again."""
        texts = {d.id: d.text for d in self.library.documents(issue_id)} if self.library.has_issue(issue_id) else {}
        for doc_id in {a.document_id for a in self.annotations(issue_id=issue_id)}:
            if doc_id in texts:
                self.reanchor(doc_id, texts[doc_id])
            elif not self._move_to_other_document(doc_id, texts):
                self.reanchor(doc_id, None)

    def _move_to_other_document(self, doc_id: str, texts: dict[str, str]) -> bool:
        """Move a vanished document's annotations to the document of the issue that holds their passage."""
        moved = False
        for a in self.annotations(doc_id):
            for other, text in texts.items():
                if locate(a.anchor, text).found:
                    a.document_id = other
                    self.add_annotation(a)
                    self.reanchor(other, text)
                    moved = True
                    break
        return moved
