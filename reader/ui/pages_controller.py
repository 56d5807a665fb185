"""The original pages and the reading pane as one: the same document, hits, highlights and place in both views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.archive import Annotation, GazetteError, Rect, occurrence_before, text_span
from reader.ui.messages import reason_text
from reader.ui.operations import Change

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class PagesController(QObject):
    """Switches between the views at the same place and keeps hits, highlights and selections in step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pages = window.pages
        window.bus.operationDidExecute.connect(self._changed)
        self.pages.hitChanged.connect(window.search.hit_changed)
        self.pages.selectionChanged.connect(window.notes.update_actions)
        self.pages.pageChanged.connect(self._follow)
        self.ranges: list[tuple[int, int, str]] = []  # the open issue's documents: first and last PDF page, id

    @property
    def active(self) -> bool:
        """Whether the original pages are shown."""
        return self.window.view_stack.currentWidget() is self.pages

    def show(self) -> None:
        """Show the document's pages at the reading pane's place: its current hit, or the page it is reading."""
        w = self.window
        w.view_stack.setCurrentIndex(1)
        doc = w.reader.doc
        if doc is None:
            return
        try:
            source = w.archive.open_pages(doc.issue_id)
        except GazetteError as exc:
            w.statusBar().showMessage(reason_text(exc.reason), 8000)
            source = None
        page = self.reading_page()
        self.ranges = [(d.pdf_pages[0], d.pdf_pages[1], d.id) for d in w.archive.documents(doc.issue_id)
                       if d.pdf_pages] if source is not None else []
        kind = w.archive.issue(doc.issue_id).source_kind if source is None else "pdf"
        if not self.pages.open_pages(source, doc.issue_id, page, doc.pdf_pages, kind):
            return
        self.pages.set_hits(w.reader.hit_texts(), doc.pdf_pages, max(0, w.reader.current))
        self.place_notes()
        self.pages.setFocus()

    def hide(self) -> None:
        """Back to the reading pane, at the first paragraph printed on the page that was shown."""
        w = self.window
        page = self.pages.page()
        w.view_stack.setCurrentIndex(0)
        doc = w.reader.doc
        if doc is None or self.pages.source is None:
            return
        offset = 0
        for block in doc.blocks:
            if block.get("page") is not None and int(block["page"]) >= page:
                w.reader.scroll_to_offset(offset)
                return
            offset += len(block.get("text", "")) + 1

    def reading_page(self) -> int:
        """The PDF page of what the reading pane shows: its top paragraph (or the document's first page)."""
        doc = self.window.reader.doc
        if doc is None:
            return 0
        offset = self.window.reader.top_offset()
        at = 0
        for block in doc.blocks:
            at += len(block.get("text", "")) + 1
            if at > offset and block.get("page") is not None:
                return int(block["page"])
        return doc.pdf_pages[0] if doc.pdf_pages else 0

    def place_notes(self) -> None:
        """Draw the document's highlights on its pages: each at the place that holds its passage, counted in order."""
        w, source = self.window, self.pages.source
        doc = w.reader.doc
        if doc is None or source is None or not doc.pdf_pages:
            self.pages.set_notes([])
            return
        placed: list[tuple[Annotation, int, list[Rect]]] = []
        for a in w.archive.notes.annotations(doc.id):
            if not a.attached:
                continue
            k = occurrence_before(doc.text, a.exact, a.start)
            found = [(page, rects) for page in range(doc.pdf_pages[0], doc.pdf_pages[1] + 1)
                     for rects in source.find(page, a.exact)]
            if found:
                page, rects = found[min(k, len(found) - 1)]
                placed.append((a, page, rects))
        self.pages.set_notes(placed)

    def selection_span(self) -> tuple[int, int] | None:
        """The passage selected on the pages, as offsets into the document's text (None: nothing usable)."""
        doc = self.window.reader.doc
        selected = self.pages.selected_text()
        if doc is None or not selected:
            return None
        return text_span(doc.text, selected, self.pages.selection_occurrence(doc.pdf_pages))

    def selection_page_label(self) -> str:
        """The printed page the selection stands on (第12页), for a citation."""
        page = self.pages.selection_page()
        source = self.pages.source
        if page is None or source is None:
            return ""
        printed = source.printed.get(page)
        return f"第{printed}页" if printed is not None else ""

    def export_pages(self, path: str | None = None) -> str | None:
        """Ctrl+Shift+E on the pages: save the chosen original pages as a PDF, and say where."""
        from reader.ui.pages_print import export_original_pages

        doc = self.window.reader.doc
        saved = export_original_pages(self.pages, doc.title if doc else "pages", path)
        if saved:
            self.window.statusBar().showMessage(self.tr("Saved {0}").format(saved), 5000)
        return saved

    def print_pages(self) -> None:
        """Ctrl+P on the pages: a print preview of the chosen original pages."""
        from reader.ui.pages_print import print_original_pages

        preview = print_original_pages(self.pages)
        if preview is not None:
            self.window.print_preview = preview

    def document_at(self, page: int) -> str | None:
        """The document printed on a page of the open issue: the shown one when it is there, else the first one
        on the page (or the last one that starts before it)."""
        here = [doc_id for first, last, doc_id in self.ranges if first <= page <= last]
        doc = self.window.reader.doc
        if doc is not None and doc.id in here:
            return doc.id
        starts = [doc_id for first, _last, doc_id in self.ranges if first <= page]
        return here[0] if here else (starts[-1] if starts else None)

    def _follow(self, page: int) -> None:
        """The page in view moved into another document: select it in the tree (its parents opened, nothing
        collapsed), as a reader's place in the issue."""
        if not self.active:
            return
        doc_id = self.document_at(page)
        tree = self.window.tree
        index = self.window.model.index_of_document(doc_id) if doc_id else None
        if index is not None and index.isValid() and index != tree.currentIndex():
            tree.setCurrentIndex(index)
            tree.scrollTo(index)

    def reopen_after_import(self, doc_id: str) -> None:
        """After an import: show the open document again as the archive now holds it (a replace changes its text
        and pages), at the same place; when it is gone, the first document of its issue."""
        w = self.window
        shown = w.reader.doc
        top = w.reader.top_offset()
        try:
            w.archive.document(doc_id)
        except GazetteError:
            try:
                docs = w.archive.outline(shown.issue_id) if shown is not None else []
            except GazetteError:
                docs = []
            if docs:
                w.show_document(docs[0].id)
            return
        if w.show_document(doc_id):
            w.reader.scroll_to_offset(top)

    def _changed(self, change: Change) -> None:
        if change & Change.ARCHIVE:
            self.pages.close_pdf()  # the issue's pages may have changed: opened again when next shown
        if change & Change.NOTES and self.active:
            self.place_notes()
