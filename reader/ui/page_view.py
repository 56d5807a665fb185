"""The original pages: a PDF rendered by PyMuPDF, zoomable, with page navigation."""

from __future__ import annotations

from pathlib import Path

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


class PageView(QWidget):
    """Shows one page at a time of a PDF; PageUp/PageDown and the spin box move between pages."""

    pageChanged = Signal(int)  # 0-based page shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.pdf = None
        self.path: Path | None = None
        self.page = 0
        self.zoom = 1.25
        self.range: tuple[int, int] | None = None

        self.prev_button = QToolButton(text="◀")
        self.prev_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button = QToolButton(text="▶")
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.spin = QSpinBox()
        self.spin.setAccessibleName(self.tr("Page number"))
        self.total_label = QLabel()
        self.zoom_out = QToolButton(text="−")
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in = QToolButton(text="+")
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.info = QLabel()
        bar = QHBoxLayout()
        for w in (self.prev_button, self.spin, self.total_label, self.next_button, self.zoom_out, self.zoom_in):
            bar.addWidget(w)
        bar.addWidget(self.info, 1)
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(self.tr("Original page"))
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.spin.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.zoom * 1.2))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.zoom / 1.2))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.show_page(self.page - 1))

    def open_pdf(self, path: Path | None, page: int = 0, doc_range: tuple[int, int] | None = None) -> bool:
        """Open a PDF at a page; False (with a message shown) when there is none."""
        import pymupdf

        if path is None or not path.exists() or path.suffix.lower() != ".pdf":
            self.close_pdf()
            self.info.setText(self.tr("No original pages: this issue was imported from a text export."))
            return False
        if self.path != path:
            self.close_pdf()
            self.pdf = pymupdf.open(str(path))
            self.path = path
        self.range = doc_range
        assert self.pdf is not None
        self.spin.blockSignals(True)
        self.spin.setRange(1, self.pdf.page_count)
        self.spin.blockSignals(False)
        self.total_label.setText(f"/ {self.pdf.page_count}")
        self.show_page(page)
        return True

    def close_pdf(self) -> None:
        """Forget the open PDF."""
        if self.pdf is not None:
            self.pdf.close()
        self.pdf, self.path = None, None
        self.image.clear()

    def set_zoom(self, zoom: float) -> None:
        """Zoom between 50% and 400%."""
        self.zoom = max(0.5, min(4.0, zoom))
        self.show_page(self.page)

    def show_page(self, page: int) -> None:
        """Render one page (clamped to the document)."""
        import pymupdf

        if self.pdf is None:
            return
        self.page = max(0, min(self.pdf.page_count - 1, page))
        pix = self.pdf[self.page].get_pixmap(matrix=pymupdf.Matrix(self.zoom, self.zoom), alpha=False)
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
