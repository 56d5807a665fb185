"""The user's notes as the archive offers them: every note made with its citation, re-attached after imports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reader.citation_label import Citation
from reader.errors import GazetteError
from reader.library import DocumentRecord, Library, cite
from reader.notes.anchors import Folded, fold_text, holds
from reader.notes.store import Annotation, Bookmark, UserStore, new_annotation, new_bookmark, text_sha
from reader.textfold import compact

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
        """After an issue was imported, replaced or deleted: re-attach its notes and bookmarks to the current texts.

        A note follows its document: its own id, else the document that replaced it (same 发文字号, else same title),
        else the one document holding its words in their context; there it is re-attached only where the same words
        stand in the same context, otherwise flagged for review. A note whose issue is gone is marked missing and
        comes back when the issue is imported again. A bookmark follows its document the same way."""
        docs = self.library.documents(issue_id) if self.library.has_issue(issue_id) else []
        texts = {d.id: d.text for d in docs}
        folded = {doc_id: fold_text(text) for doc_id, text in texts.items()}
        touched: set[str] = set()
        for a in self.annotations(issue_id=issue_id):
            home = self._home_of(a, folded, docs)
            touched.add(a.document_id)
            if home is not None and home != a.document_id:
                a.document_id = home
                a.text_sha = None  # looked for again in its new document
                for name, value in self.citation(home).fields().items():
                    setattr(a, name, value)
                self.add_annotation(a)
                touched.add(home)
        for doc_id in touched:
            self.reanchor(doc_id, texts.get(doc_id))
        for b in self.bookmarks():
            if b.issue_id == issue_id and b.document_id not in texts:
                successor = _successor(b.doc_number, b.title, docs)
                if successor is not None:
                    self.move_bookmark(b.id, successor, self.citation(successor))

    def _home_of(self, a: Annotation, folded: dict[str, Folded], docs: list[DocumentRecord]) -> str | None:
        """The document a note belongs on now: its own (same id, else the one with its 发文字号 or title) when there is
        one, reviewed there if its words changed; else the one document that holds its words in their context
        (boilerplate standing in several documents is not followed); None when none does."""
        own = a.document_id if a.document_id in folded else _successor(a.doc_number, a.title, docs)
        if own is not None:
            return own
        holders = [doc_id for doc_id, text in folded.items() if holds(a.anchor, text)]
        return holders[0] if len(holders) == 1 else None


def _successor(doc_number: str | None, title: str | None, docs: list[DocumentRecord]) -> str | None:
    """The document of a replacing issue that stands for a vanished one: the same 发文字号, else the same title."""
    if doc_number:
        key = compact(doc_number)
        same = [d.id for d in docs if d.doc_number and compact(d.doc_number) == key]
        if len(same) == 1:
            return same[0]
    if title:
        key = compact(title)
        same = [d.id for d in docs if compact(d.title) == key]
        if len(same) == 1:
            return same[0]
    return None
