"""The pages drawn one below the other: rendering when in view, marks (hits, highlights) and the drag selection."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QToolTip, QWidget

from reader.archive import Rect, Word, merge_lines

if TYPE_CHECKING:
    from reader.ui.page_view import PageView

GAP = 12  # pixels between pages
CACHE = 8  # rendered pages kept
SELECTION = QColor(51, 136, 255, 90)


@dataclass
class Mark:
    """Something drawn on a page: boxes in PDF points, a colour, and a note shown on hover."""

    page: int
    rects: list[Rect]
    color: QColor
    note: str = ""


class PagesCanvas(QWidget):
    """All pages one below the other, each rendered when it comes into view; marks and the selection on top."""

    selectionChanged = Signal()

    def __init__(self, view: PageView) -> None:
        super().__init__()
        self.view = view
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cache: OrderedDict[int, QPixmap] = OrderedDict()
        self.tops: list[int] = []
        self.sizes: list[QSize] = []
        self.press: tuple[int, int] | None = None  # (page, char index) where a drag started
        self.selection: tuple[tuple[int, int], tuple[int, int]] | None = None

    # ---- geometry ------------------------------------------------------------------------------
    def layout_pages(self) -> None:
        """Place the pages at the view's zoom; forget the rendered images when the zoom changed."""
        source = self.view.source
        self.tops, self.sizes, y = [], [], GAP
        width = 0
        if source is not None:
            for page in range(source.count):
                w, h = source.size(page)
                size = QSize(int(w * self.view.zoom_value), int(h * self.view.zoom_value))
                self.tops.append(y)
                self.sizes.append(size)
                y += size.height() + GAP
                width = max(width, size.width())
        self.cache.clear()
        self.setFixedSize(width + 2 * GAP, y)
        self.update()

    def page_rect(self, page: int) -> QRect:
        """Where a page is drawn on the canvas."""
        size = self.sizes[page]
        return QRect((self.width() - size.width()) // 2, self.tops[page], size.width(), size.height())

    def to_canvas(self, page: int, rect: Rect) -> QRectF:
        """A box in PDF points on a page, in canvas pixels."""
        origin, z = self.page_rect(page).topLeft(), self.view.zoom_value
        return QRectF(origin.x() + rect[0] * z, origin.y() + rect[1] * z, (rect[2] - rect[0]) * z,
                      (rect[3] - rect[1]) * z)

    def page_at(self, y: int) -> int:
        """The page drawn at a height of the canvas (the nearest one in a gap)."""
        for page in range(len(self.tops) - 1, -1, -1):
            if y >= self.tops[page] - GAP:
                return page
        return 0

    def char_at(self, point: QPoint) -> tuple[int, int] | None:
        """The character under (or nearest on its line to) a point: (page, index in the page's characters)."""
        source = self.view.source
        if source is None or not self.tops:
            return None
        page = self.page_at(point.y())
        chars = source.chars(page)
        if not chars:
            return None
        origin, z = self.page_rect(page).topLeft(), self.view.zoom_value
        x, y = (point.x() - origin.x()) / z, (point.y() - origin.y()) / z

        def distance(k: int) -> float:
            x0, y0, x1, y1 = chars[k].rect
            dy = 0.0 if y0 <= y <= y1 else min(abs(y - y0), abs(y - y1)) * 4
            dx = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
            return dy + dx

        return page, min(range(len(chars)), key=distance)

    # ---- painting ------------------------------------------------------------------------------
    def pixmap(self, page: int) -> QPixmap:
        """A page's image at the current zoom, rendered once and kept among the last few."""
        if page in self.cache:
            self.cache.move_to_end(page)
            return self.cache[page]
        assert self.view.source is not None
        r = self.view.source.render(page, self.view.zoom_value)
        image = QImage(r.samples, r.width, r.height, r.stride, QImage.Format.Format_RGB888).copy()
        self.cache[page] = QPixmap.fromImage(image)
        while len(self.cache) > CACHE:
            self.cache.popitem(last=False)
        return self.cache[page]

    def visible_pages(self, area: QRect) -> list[int]:
        """The pages that intersect an area of the canvas."""
        return [p for p in range(len(self.tops)) if self.page_rect(p).intersects(area)]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#8a8f96"))
        if self.view.source is None:
            return
        pages = self.visible_pages(event.rect())
        for page in pages:
            painter.drawPixmap(self.page_rect(page), self.pixmap(page))
        painter.setPen(Qt.PenStyle.NoPen)
        # multiplied with the page: the paper takes the colour, the printed text stays as dark as it is
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for mark in self.view.marks():
            if mark.page in pages:
                painter.setBrush(mark.color)
                for rect in mark.rects:
                    painter.drawRect(self.to_canvas(mark.page, rect))
        painter.setBrush(SELECTION)
        for page, rect in self.selection_rects():
            if page in pages:
                painter.drawRect(self.to_canvas(page, rect))

    # ---- selection -----------------------------------------------------------------------------
    def selected_chars(self) -> list[tuple[int, Word]]:
        """The selected characters in reading order, with their pages."""
        if self.selection is None or self.view.source is None:
            return []
        (p0, k0), (p1, k1) = sorted(self.selection)
        out: list[tuple[int, Word]] = []
        for page in range(p0, p1 + 1):
            chars = self.view.source.chars(page)
            lo = k0 if page == p0 else 0
            hi = k1 if page == p1 else len(chars) - 1
            out += [(page, c) for c in chars[lo:hi + 1]]
        return out

    def selection_rects(self) -> list[tuple[int, Rect]]:
        """The selection as boxes, one per line on each page."""
        by_page: dict[int, list[Rect]] = {}
        for page, char in self.selected_chars():
            by_page.setdefault(page, []).append(char.rect)
        return [(page, r) for page, rects in by_page.items() for r in merge_lines(rects)]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Page keys scroll the view (by its height), not the scroll area's own step."""
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Space, Qt.Key.Key_Home, Qt.Key.Key_End):
            self.view.keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.press = self.char_at(event.position().toPoint())
            self.selection = None
            self.update()
            self.selectionChanged.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            here = self.char_at(event.position().toPoint())
            if here is not None:
                self.selection = (self.press, here)
                self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.press is not None:
            here = self.char_at(event.position().toPoint())
            self.selection = (self.press, here) if here is not None and here != self.press else self.selection
            self.press = None
            self.update()
            self.selectionChanged.emit()

    def event(self, event: object) -> bool:
        """Hovering a highlight shows its note."""
        if isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            for mark in self.view.marks():
                if mark.note and any(self.to_canvas(mark.page, r).contains(point) for r in mark.rects):
                    QToolTip.showText(event.globalPos(), mark.note, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
