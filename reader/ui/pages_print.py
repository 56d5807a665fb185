"""Printing and exporting the original pages themselves: the document's pages, the issue's or a range, with or
without the highlights and hits drawn on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive import PageMark, export_pages, parse_page_list
from reader.ui.printing import suggested_name

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from reader.ui.page_view import PageView

PRINT_DPI = 200  # pages are drawn for the printer at this resolution
KEPT: list[tuple[QDialog, QPrinter]] = []  # the open preview and its printer


@dataclass(frozen=True)
class PagesChoice:
    """What to print or export: 0-based PDF pages, and whether the marks go with them."""

    pages: list[int]
    marks: bool


class PagesDialog(QDialog):
    """Asks which pages (this document's, the whole issue's, or typed) and whether to draw the marks."""

    def __init__(self, view: PageView, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagesDialog")
        self.setWindowTitle(title)
        self.view = view
        assert view.source is not None
        count = view.source.count
        doc = view.range
        self.document = QRadioButton(self.tr("This document's pages ({0}–{1} of {2})").format(
            doc[0] + 1, doc[1] + 1, count) if doc else self.tr("This document's pages"))
        self.document.setEnabled(doc is not None)
        self.issue = QRadioButton(self.tr("The whole issue ({0} pages)").format(count))
        self.typed = QRadioButton(self.tr("Pages:"))
        self.pages_box = QLineEdit(f"{doc[0] + 1}-{doc[1] + 1}" if doc else f"1-{count}")
        self.pages_box.setObjectName("pagesRange")
        self.pages_box.setPlaceholderText(self.tr("PDF pages, such as 4-6, 9"))
        self.pages_box.textEdited.connect(lambda _t: self.typed.setChecked(True))
        (self.document if doc else self.issue).setChecked(True)
        self.marks = QCheckBox(self.tr("With highlights and search hits"))
        self.marks.setChecked(bool(view.marks()))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.document, self.issue, self.typed, self.pages_box, self.marks, self.error, buttons):
            layout.addWidget(widget)

    def choice(self) -> PagesChoice | None:
        """The pages chosen, or None when the typed range is not pages of this PDF."""
        assert self.view.source is not None
        count = self.view.source.count
        if self.document.isChecked() and self.view.range:
            pages: list[int] | None = list(range(self.view.range[0], self.view.range[1] + 1))
        elif self.issue.isChecked():
            pages = list(range(count))
        else:
            pages = parse_page_list(self.pages_box.text(), count)
        return PagesChoice(pages, self.marks.isChecked()) if pages else None

    def _accept(self) -> None:
        if self.choice() is None:
            assert self.view.source is not None
            self.error.setText(self.tr("Type pages between 1 and {0}, such as 4-6, 9.").format(self.view.source.count))
            self.pages_box.setFocus()
            return
        self.accept()


def ask_pages(view: PageView, title: str) -> PagesChoice | None:
    """Ask which pages; None when the user cancels."""
    dialog = PagesDialog(view, title, view.window())
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def page_marks(view: PageView) -> list[PageMark]:
    """The highlights and hits on the pages, with their colours and notes."""
    return [PageMark(m.page, list(m.rects), (m.color.redF(), m.color.greenF(), m.color.blueF()), m.note)
            for m in view.marks()]


def export_original_pages(view: PageView, title: str, path: str | None = None) -> str | None:
    """Ctrl+Shift+E on the pages: save the chosen pages as a PDF (the original pages, text layer kept)."""
    if view.source is None:
        return None
    choice = ask_pages(view, QCoreApplication.translate("PagesPrint", "Export original pages as PDF"))
    if choice is None:
        return None
    if not path:
        suggested = str(Path.home() / suggested_name(title))
        path, _ = QFileDialog.getSaveFileName(view.window(), QCoreApplication.translate("PagesPrint", "Export original pages as PDF"), suggested,
                                              "PDF (*.pdf)")
        if not path:
            return None
    export_pages(view.source, choice.pages, page_marks(view) if choice.marks else [], path)
    return path


def paint_pages(view: PageView, choice: PagesChoice, printer: QPrinter) -> None:
    """Draw the chosen pages on the printer, one a sheet, scaled to fit, marks multiplied over them."""
    source = view.source
    if source is None:
        return
    painter = QPainter(printer)
    marks = view.marks() if choice.marks else []
    for k, page in enumerate(choice.pages):
        if k:
            printer.newPage()
        r = source.render(page, PRINT_DPI / 72)
        image = QImage(r.samples, r.width, r.height, r.stride, QImage.Format.Format_RGB888).copy()  # recorded
        area = QRectF(painter.viewport())
        scale = min(area.width() / r.width, area.height() / r.height)
        target = QRectF(area.left(), area.top(), r.width * scale, r.height * scale)
        painter.drawImage(target, image)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        points = scale * r.zoom  # device pixels per PDF point
        for mark in (m for m in marks if m.page == page):
            painter.setBrush(mark.color)
            for x0, y0, x1, y1 in mark.rects:
                painter.drawRect(QRectF(target.left() + x0 * points, target.top() + y0 * points,
                                        (x1 - x0) * points, (y1 - y0) * points))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    painter.end()


def print_original_pages(view: PageView) -> QDialog | None:
    """Ctrl+P on the pages: a print preview of the chosen pages (the system's print dialog is one click away)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    if view.source is None:
        return None
    choice = ask_pages(view, QCoreApplication.translate("PagesPrint", "Print original pages"))
    if choice is None:
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, view.window())
    preview.setObjectName("printPreview")
    preview.paintRequested.connect(lambda p: paint_pages(view, choice, p))
    KEPT.clear()
    KEPT.append((preview, printer))  # the preview does not own its printer: kept alive while it may paint
    preview.open()
    return preview
