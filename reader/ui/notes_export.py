"""File → Export notes…: every bookmark and annotation as Markdown, CSV or JSON, the same files as
`gazette-reader notes export` writes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def name_filters() -> dict[str, str]:
    """The file dialog's choice of format, by format key."""
    return {
        "md": QCoreApplication.translate("NotesExport", "Markdown, to read or print (*.md)"),
        "csv": QCoreApplication.translate("NotesExport", "CSV, for a spreadsheet (*.csv)"),
        "json": QCoreApplication.translate("NotesExport", "JSON, complete: can be imported again (*.json)"),
    }


def export_notes(window: MainWindow) -> Path | None:
    """Ask where and in which format, write the export, and say where it went (or why it could not be written)."""
    filters = name_filters()
    start = str(Path.home() / QCoreApplication.translate("NotesExport", "my-notes.md"))
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("NotesExport", "Export notes"), start, ";;".join(filters.values()))
    if not chosen:
        return None
    path = Path(chosen)
    typed = path.suffix.lower().lstrip(".")
    fmt = typed if typed in filters else next((k for k, v in filters.items() if v == chosen_filter), "md")
    if typed != fmt:
        path = path.with_name(f"{path.name}.{fmt}")
    try:
        window.archive.notes.write_export(fmt, path)
    except OSError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("NotesExport", "Export notes"),
                            QCoreApplication.translate(
                                "NotesExport", "{0} cannot be written ({1}). Choose another folder or file name.")
                            .format(path, exc.strerror or exc))
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("NotesExport", "Notes exported to {0}").format(path), 8000)
    return path
