"""The original pages as a reader view: continuous scrolling, zoom, printed page numbers, thumbnails, and on the
pages the search hits, the user's highlights (hover shows the note) and a selection made by dragging."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QKeyEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive import Annotation, PageSource, Rect
from reader.ui.messages import page_label
from reader.ui.pages_canvas import GAP, Mark, PagesCanvas
from reader.ui.palette import color_hex

ZOOMS = [0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0]
HIT = QColor(255, 224, 102, 110)
CURRENT_HIT = QColor(255, 159, 67, 150)


class PageView(QWidget):
    """The reader view of the original pages: toolbar, thumbnails and the scrolling pages."""

    pageChanged = Signal(int)  # the page at the top of the view
    hitChanged = Signal(int, int)  # current hit (1-based), number of hits
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.source: PageSource | None = None
        self.key: str | None = None
        self.zoom = 0.0  # 0: fit width; -1: fit page; else a factor (1.0 = 100 % of 72 dpi)
        self.zoom_value = 1.0
        self.range: tuple[int, int] | None = None
        self.hits: list[Mark] = []
        self.current = -1
        self.notes: list[tuple[Annotation, Mark]] = []

        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.prev_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        self.page_box = QLineEdit()
        self.page_box.setObjectName("pageBox")
        self.page_box.setAccessibleName(self.tr("Page: a printed page number, or (n) for the n-th PDF page"))
        self.page_box.setToolTip(self.page_box.accessibleName())
        widest = self.page_box.fontMetrics().horizontalAdvance(page_label(888, 887, 888)) + 24
        self.page_box.setMinimumWidth(widest)  # the whole label shows, never its tail only
        self.page_box.setMaximumWidth(max(150, widest))
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoomBox")
        self.zoom_box.addItem(self.tr("Fit width"), 0.0)
        self.zoom_box.addItem(self.tr("Fit page"), -1.0)
        for z in ZOOMS:
            self.zoom_box.addItem(f"{round(z * 100)}%", z)
        self.thumbs_button = QToolButton()
        self.thumbs_button.setText(self.tr("Thumbnails"))
        self.thumbs_button.setCheckable(True)
        self.info = QLabel()
        self.info.setWordWrap(True)  # in a narrow pane it takes two lines rather than losing its end
        bar = QHBoxLayout()
        for w in (self.thumbs_button, self.prev_button, self.page_box, self.next_button, self.zoom_box):
            bar.addWidget(w)
        bar.addWidget(self.info, 1)

        self.thumbs = QListWidget()
        self.thumbs.setObjectName("pageThumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setWrapping(False)  # one column: icon mode would wrap into a second, cut-off one
        self.thumbs.setMovement(QListWidget.Movement.Static)  # a click never drags a thumbnail away
        self.thumbs.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.thumbs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumbs.setIconSize(QSize(90, 128))
        self.thumbs.setGridSize(QSize(120, 152))
        self.thumbs.setFixedWidth(120 + 2 * self.thumbs.frameWidth() + self.thumbs.verticalScrollBar().sizeHint().width())
        self.thumbs.hide()
        self.canvas = PagesCanvas(self)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fitting never flickers
        self._refit_pending = False
        self.scroller.viewport().installEventFilter(self)
        split = QHBoxLayout()  # the strip at its own width, the pages take the rest
        split.setSpacing(2)
        split.addWidget(self.thumbs)
        split.addWidget(self.scroller, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(split, 1)

        self.prev_button.clicked.connect(lambda: self.go_to(self.page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.page() + 1))
        self.page_box.returnPressed.connect(self._page_typed)
        self.zoom_box.activated.connect(lambda k: self.set_zoom(float(self.zoom_box.itemData(k))))
        self.thumbs_button.toggled.connect(self.show_thumbnails)
        self.thumbs.currentRowChanged.connect(self._thumb_chosen)
        self.scroller.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled())
        self.canvas.selectionChanged.connect(self.selectionChanged.emit)

    # ---- opening -------------------------------------------------------------------------------
    def open_pages(self, source: PageSource | None, key: str, page: int = 0,
                   doc_range: tuple[int, int] | None = None, kind: str = "") -> bool:
        """Show an issue's pages at a page; False, with a message saying why (by the kind of its source), when the
        issue has none."""
        if source is None:
            self.close_pdf()
            self.info.setText(self.no_pages_text(kind))
            return False
        if self.key == key and self.source is not None:
            source.close()
        else:
            self.close_pdf()
            self.source, self.key = source, key
            self._apply_zoom()
            self._fill_thumbnails()
        self.range = doc_range
        self.go_to(page)
        return True

    def no_pages_text(self, kind: str) -> str:
        """Why an issue has no original pages to show."""
        if kind == "ofd":
            return self.tr("OFD pages cannot be shown (no OFD renderer); the text is in the reading pane.")
        if kind == "docx":
            return self.tr("A Word document has no fixed pages; the text is in the reading pane.")
        return self.tr("No original pages: this issue was imported from a text export.")

    def close_pdf(self) -> None:
        """Forget the open pages."""
        if self.source is not None:
            self.source.close()
        self.source, self.key = None, None
        self.hits, self.notes, self.current = [], [], -1
        self.canvas.selection = None
        self.canvas.layout_pages()
        self.thumbs.clear()

    # ---- navigation ----------------------------------------------------------------------------
    def page(self) -> int:
        """The page in view: the one at the middle of the view (the top one when a page is taller than the view)."""
        if not self.canvas.tops:
            return 0
        top = self.scroller.verticalScrollBar().value()
        middle = self.canvas.page_at(top + self.scroller.viewport().height() // 2)
        first = self.canvas.page_at(top + GAP)
        page_height = self.canvas.sizes[first].height() if self.canvas.sizes else 0
        return first if page_height - (top - self.canvas.tops[first]) > self.scroller.viewport().height() // 2 else middle

    def go_to(self, page: int, y_points: float = 0.0) -> None:
        """Scroll a page (and a height on it, in points) to the top of the view."""
        if self.source is None:
            return
        page = max(0, min(self.source.count - 1, page))
        top = self.canvas.tops[page] + int(y_points * self.zoom_value) - (GAP if not y_points else 60)
        self.scroller.verticalScrollBar().setValue(max(0, top))
        self._scrolled()

    def _thumb_chosen(self, row: int) -> None:
        if row >= 0:
            self.go_to(row)

    def _page_typed(self) -> None:
        """第12页 or 12: the printed page; (16) or #16: the 16th page of the PDF."""
        import re

        if self.source is None:
            return
        text = self.page_box.text().strip()
        pdf = re.fullmatch(r"[（(#＃]\s*(\d+)\s*[)）]?", text)
        printed = re.search(r"(\d+)", text)
        if pdf:
            self.go_to(int(pdf.group(1)) - 1)
        elif printed:
            page = self.source.page_of_printed(int(printed.group(1)))
            self.go_to(page if page is not None else int(printed.group(1)) - 1)

    def scroll_pages(self, step: int) -> None:
        """Page Up/Down: scroll by the view's height (a little less, so a line stays in sight)."""
        bar = self.scroller.verticalScrollBar()
        bar.setValue(bar.value() + step * max(40, self.scroller.viewport().height() - 40))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        keys = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1, Qt.Key.Key_Space: 1}
        if event.key() in keys:
            self.scroll_pages(keys[Qt.Key(event.key())])
        elif event.key() == Qt.Key.Key_Home:
            self.go_to(0)
        elif event.key() == Qt.Key.Key_End and self.source is not None:
            self.go_to(self.source.count - 1)
        else:
            super().keyPressEvent(event)

    def _scrolled(self) -> None:
        if self.source is None:
            return
        page = self.page()
        if not self.page_box.hasFocus():
            self.page_box.setText(page_label(self.source.printed.get(page), page, self.source.count))
            self.page_box.setCursorPosition(0)
        text = ""
        if self.range:
            inside = self.range[0] <= page <= self.range[1]
            first, last = (self.source.printed.get(p, p + 1) for p in self.range)
            text = self.tr("Document: pages {0}–{1}").format(first, last)
            text += "" if inside else " · " + self.tr("outside this document")
        self.info.setText(text)
        self.thumbs.blockSignals(True)
        self.thumbs.setCurrentRow(page)
        self.thumbs.blockSignals(False)
        self.pageChanged.emit(page)

    # ---- zoom ----------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        """0 fits the width, -1 the whole page; otherwise a factor between 50 % and 400 %."""
        page, bar = self.page(), self.scroller.verticalScrollBar()
        offset = (bar.value() - (self.canvas.tops[page] if self.canvas.tops else 0)) / max(self.zoom_value, 0.01)
        self.zoom = zoom if zoom <= 0 else max(0.5, min(4.0, zoom))
        self._apply_zoom()
        if self.canvas.tops:
            bar.setValue(self.canvas.tops[page] + int(offset * self.zoom_value))
        k = self.zoom_box.findData(self.zoom)
        self.zoom_box.setCurrentIndex(k) if k >= 0 else self.zoom_box.setEditText(f"{round(self.zoom * 100)}%")

    def effective_zoom(self) -> float:
        """The factor in use."""
        return self.zoom_value

    def _apply_zoom(self) -> None:
        if self.source is not None:
            w, h = self.source.size(self.page() if self.canvas.tops else 0)
            viewport = self.scroller.viewport().size()
            if self.zoom == 0:
                self.zoom_value = max(0.3, (viewport.width() - 2 * GAP - 4) / w)
            elif self.zoom < 0:
                self.zoom_value = max(0.2, min((viewport.width() - 2 * GAP) / w, (viewport.height() - 2 * GAP) / h))
            else:
                self.zoom_value = self.zoom
        self.canvas.layout_pages()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The view's area changed size (the window, a panel or the thumbnails): refit a fitted zoom once the
        layout has settled."""
        if watched is self.scroller.viewport() and event.type() == QEvent.Type.Resize and not self._refit_pending:
            if self.zoom <= 0 and self.source is not None:
                self._refit_pending = True
                QTimer.singleShot(0, self._refit)
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        """Fit the width (or page) to the view's area as it is now, keeping the place on the page."""
        self._refit_pending = False
        if self.zoom <= 0 and self.source is not None:
            self.set_zoom(self.zoom)

    # ---- thumbnails ----------------------------------------------------------------------------
    def show_thumbnails(self, on: bool) -> None:
        """Show or hide the strip of page thumbnails (drawn when shown)."""
        self.thumbs.setVisible(on)
        if on:
            self._fill_thumbnails(draw=True)

    def _fill_thumbnails(self, draw: bool = False) -> None:
        self.thumbs.clear()
        if self.source is None:
            return
        for page in range(self.source.count):
            item = QListWidgetItem(self.source.label(page).split(" ")[0])
            if draw or self.thumbs.isVisible():
                r = self.source.render(page, 0.15)
                image = QImage(r.samples, r.width, r.height, r.stride, QImage.Format.Format_RGB888).copy()
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.thumbs.addItem(item)

    # ---- hits and highlights -------------------------------------------------------------------
    def marks(self) -> list[Mark]:
        """What is drawn over the pages: highlights under hits, the current hit last."""
        current = [self.hits[self.current]] if 0 <= self.current < len(self.hits) else []
        return [m for _, m in self.notes] + [h for h in self.hits if h not in current] + current

    def set_hits(self, strings: list[str], doc_range: tuple[int, int] | None, current: int = 0) -> None:
        """Mark every place the hit strings stand on the document's pages, and go to the current one."""
        self.hits, self.current = [], -1
        if self.source is not None and strings and doc_range:
            for page in range(doc_range[0], doc_range[1] + 1):
                found = [(rects[0][1], rects[0][0], rects) for s in sorted(set(strings), key=len, reverse=True)
                         for rects in self.source.find(page, s) if rects]
                for _y, _x, rects in sorted(found):
                    self.hits.append(Mark(page, rects, HIT))
        if self.hits:
            self.next_hit(0, at=min(max(0, current), len(self.hits) - 1))
        else:
            self.canvas.update()

    def next_hit(self, step: int = 1, at: int | None = None) -> None:
        """Go to the next (or previous) hit, across pages, wrapping around."""
        if not self.hits:
            return
        self.current = at if at is not None else (self.current + step) % len(self.hits)
        for k, hit in enumerate(self.hits):
            hit.color = CURRENT_HIT if k == self.current else HIT
        hit = self.hits[self.current]
        self.scroll_to(hit.page, hit.rects[0])
        self.canvas.update()
        self.hitChanged.emit(self.current + 1, len(self.hits))

    def scroll_to(self, page: int, rect: Rect) -> None:
        """Bring a box on a page into the middle of the view."""
        box = self.canvas.to_canvas(page, rect)
        self.scroller.ensureVisible(int(box.center().x()), int(box.center().y()), 40,
                                    self.scroller.viewport().height() // 2 - 20)
        self._scrolled()

    def set_notes(self, placed: list[tuple[Annotation, int, list[Rect]]]) -> None:
        """Draw highlights (placed on their pages by the caller) in their colours; hovering shows each note."""
        self.notes = []
        for annotation, page, rects in placed:
            color = QColor(color_hex(annotation.color))
            color.setAlpha(140)
            self.notes.append((annotation, Mark(page, rects, color, annotation.note)))
        self.canvas.update()

    # ---- selection -----------------------------------------------------------------------------
    def selected_text(self) -> str:
        """The text selected on the pages (lines joined without breaks, as the reading pane's text is)."""
        return "".join(c.text for _, c in self.canvas.selected_chars())

    def selection_page(self) -> int | None:
        """The page the selection starts on."""
        chars = self.canvas.selected_chars()
        return chars[0][0] if chars else None

    def selection_occurrence(self, doc_range: tuple[int, int] | None) -> int:
        """How many times the selected text stands on the document's pages before the selection."""
        chars = self.canvas.selected_chars()
        if not chars or self.source is None or not doc_range:
            return 0
        first_page, first = chars[0]
        text = self.selected_text()
        count = 0
        for page in range(doc_range[0], first_page + 1):
            for rects in self.source.find(page, text):
                if page < first_page or (rects[0][1], rects[0][0]) < (first.rect[1], first.rect[0]):
                    count += 1
        return count

    def clear_selection(self) -> None:
        """Drop the selection."""
        self.canvas.selection = None
        self.canvas.update()
