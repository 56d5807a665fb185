"""Printing the shown document, and exporting it as a PDF file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

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


def export_pdf(w: MainWindow, path: str | None = None) -> str | None:
    """Save the shown document as a PDF file (asks where when no path is given)."""
    from PySide6.QtPrintSupport import QPrinter

    if w.reader.doc is None:
        return None
    if not path:
        suggested = str(Path.home() / suggested_name(w.reader.doc.title))
        path, _ = QFileDialog.getSaveFileName(w, w.tr("Export as PDF"), suggested, "PDF (*.pdf)")
        if not path:
            return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    w.reader.document().print_(printer)
    w.statusBar().showMessage(w.tr("Saved {0}").format(path), 5000)
    return path


def print_document(w: MainWindow) -> None:
    """Print the shown document through the system's print dialog."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    if w.reader.doc is None:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, w)
    if dialog.exec():
        w.reader.document().print_(printer)
