"""Printing the shown document, and exporting it as a PDF file."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.ui.palette import color_hex

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def suggested_name(title: str, limit: int = 60) -> str:
    """A file name from a title: characters a file system refuses removed; a long 关于印发《X》的通知 becomes X,
    and what is still too long is cut before a bracket or a pause, never in the middle of a word if it can help."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "", title) or "document"
    inner = re.search(r"《([^《》]+)》", name)
    if len(name) > limit and inner:
        name = inner.group(1)
    if len(name) > limit:
        cut = max(name.rfind(c, 0, limit) for c in "（(、，的和与及")
        name = name[:cut] if cut > limit // 2 else name[:limit]
    return name + ".pdf"


def printable(w: MainWindow, with_notes: bool, owner: QObject) -> QTextDocument:
    """The shown document for print or PDF, a copy Qt keeps alive as long as its owner: with notes, its highlights
    painted in their colours and, after it, each highlighted passage with its note."""
    doc = w.reader.document().clone(owner)
    if not with_notes or not w.reader.notes:
        return doc
    cursor = QTextCursor(doc)
    for note in w.reader.notes:
        a, b = w.reader.to_view(note.start), w.reader.to_view(note.end)
        if not note.attached or a is None or b is None:
            continue
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color_hex(note.color)))
        cursor.mergeCharFormat(fmt)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    rows = "".join(
        f"<p><span style='background:{color_hex(n.color)}'>{html.escape(n.exact)}</span>"
        + (f"<br>{html.escape(n.note)}" if n.note else "") + "</p>"
        for n in w.reader.notes)
    heading = QCoreApplication.translate("Printing", "Highlights and notes")
    cursor.insertHtml(f"<hr><h3>{html.escape(heading)}</h3>{rows}")
    return doc


def ask_with_notes(w: MainWindow) -> bool:
    """Whether to include the highlights and notes (asked only when the document has some)."""
    if not w.reader.notes:
        return False
    answer = QMessageBox.question(w, QCoreApplication.translate("Printing", "Highlights and notes"),
                                  QCoreApplication.translate("Printing", "Include your highlights and notes?"),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def export_pdf(w: MainWindow, path: str | None = None, with_notes: bool | None = None) -> str | None:
    """Save the shown document as a PDF file (asks where when no path is given, and whether to add the notes)."""
    from PySide6.QtPrintSupport import QPrinter

    if w.reader.doc is None:
        return None
    if not path:
        suggested = str(Path.home() / suggested_name(w.reader.doc.title))
        path, _ = QFileDialog.getSaveFileName(w, QCoreApplication.translate("Printing", "Export as PDF"), suggested, "PDF (*.pdf)")
        if not path:
            return None
    if with_notes is None:
        with_notes = ask_with_notes(w)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    document = printable(w, with_notes, w)
    document.print_(printer)
    document.deleteLater()
    w.statusBar().showMessage(QCoreApplication.translate("Printing", "Saved {0}").format(path), 5000)
    return path


def print_document(w: MainWindow, with_notes: bool | None = None) -> None:
    """Print the shown document after a preview (the system's print dialog is one click away in it)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    if w.reader.doc is None:
        return
    if with_notes is None:
        with_notes = ask_with_notes(w)
    preview = QPrintPreviewDialog(w)  # it owns its printer
    preview.setObjectName("printPreview")
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    document = printable(w, with_notes, preview)  # owned by the preview: freed with it, never before
    preview.paintRequested.connect(lambda target: document.print_(target))
    w.print_preview = preview
    preview.destroyed.connect(lambda _=None: setattr(w, "print_preview", None))
    preview.open()
