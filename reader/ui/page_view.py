"""The original pages: a PDF rendered by PyMuPDF, zoomable, with page navigation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def _button(text: str) -> QToolButton:
    """A small tool button showing text."""
    button = QToolButton()
    button.setText(text)
    return button


class PageView(QWidget):
    """Shows one page at a time of a PDF; PageUp/PageDown and the spin box move between pages."""

    pageChanged = Signal(int)  # 0-based page shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.pdf: Any = None
        self.key: str | None = None
        self.page = 0
        self.zoom = 0.0  # 0: fit the page to the width of the view
        self.range: tuple[int, int] | None = None

        self.prev_button = _button("◀")
        self.prev_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button = _button("▶")
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.spin = QSpinBox()
        self.spin.setAccessibleName(self.tr("Page number"))
        self.total_label = QLabel()
        self.zoom_out = _button("−")
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in = _button("+")
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.info = QLabel()
        bar = QHBoxLayout()
        for w in (self.prev_button, self.spin, self.total_label, self.next_button, self.zoom_out, self.zoom_in):
            bar.addWidget(w)
        bar.addWidget(self.info, 1)
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Original page"))
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.image)
        self.scroller.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)

        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.spin.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.effective_zoom() * 1.2))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.effective_zoom() / 1.2))
        self.fit = _button("↔")
        self.fit.setToolTip(self.tr("Fit width"))
        self.fit.clicked.connect(lambda: self.set_zoom(0.0))
        bar.insertWidget(6, self.fit)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.show_page(self.page - 1))

    def open_pdf(self, pdf: Any | None, key: str, page: int = 0, doc_range: tuple[int, int] | None = None) -> bool:
        """Show an opened PDF (the archive opens it, unlocked) at a page; False, with a message, when there is none.

        key names the PDF (its issue): the same key keeps the PDF already shown and closes the new copy."""
        if pdf is None:
            self.close_pdf()
            self.info.setText(self.tr("No original pages: this issue was imported from a text export."))
            return False
        if self.key == key and self.pdf is not None:
            pdf.close()
        else:
            self.close_pdf()
            self.pdf, self.key = pdf, key
        self.range = doc_range
        assert self.pdf is not None
        self.spin.blockSignals(True)
        self.spin.setRange(1, self.pdf.page_count)
        self.spin.blockSignals(False)
        self.total_label.setText(f"/ {self.pdf.page_count}")
        self.show_page(page)
        return True

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        """Keep fitting the width while the view is resized."""
        super().resizeEvent(event)
        if not self.zoom and self.pdf is not None:
            self.show_page(self.page)

    def close_pdf(self) -> None:
        """Forget the open PDF."""
        if self.pdf is not None:
            self.pdf.close()
        self.pdf, self.key = None, None
        self.image.clear()

    def set_zoom(self, zoom: float) -> None:
        """Zoom between 50% and 400% (0 fits the width)."""
        self.zoom = 0.0 if zoom == 0 else max(0.5, min(4.0, zoom))
        self.show_page(self.page)

    def effective_zoom(self) -> float:
        """The zoom in use: the chosen one, or the one that fits the page to the view's width."""
        if self.zoom or self.pdf is None:
            return self.zoom or 1.0
        width = self.pdf[self.page].rect.width or 595
        return max(0.5, min(4.0, (self.scroller.viewport().width() - 24) / width))

    def show_page(self, page: int) -> None:
        """Render one page (clamped to the document)."""
        import pymupdf

        if self.pdf is None:
            return
        self.page = max(0, min(self.pdf.page_count - 1, page))
        zoom = self.effective_zoom()
        pix = self.pdf[self.page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888).copy()
        self.image.setPixmap(QPixmap.fromImage(image))
        self.spin.blockSignals(True)
        self.spin.setValue(self.page + 1)
        self.spin.blockSignals(False)
        if self.range:
            inside = self.range[0] <= self.page <= self.range[1]
            self.info.setText(self.tr("Document: pages {0}–{1}").format(self.range[0] + 1, self.range[1] + 1)
                              + ("" if inside else " · " + self.tr("outside this document")))
        self.pageChanged.emit(self.page)
