"""Importing from the window: choose files or a folder, the sample, drops; a dialog runs the import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.archive import expand, make_sample, paths
from reader.ui.import_dialog import ImportDialog
from reader.ui.operations import Change

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class ImportController(QObject):
    """Starts imports and announces Change.ARCHIVE when one ends."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | None = None

    def refused_in_pack(self) -> bool:
        """An office pack is read-only: say so, and where imports go, instead of importing out of sight."""
        if self.window.archive.pack is None:
            return False
        QMessageBox.information(self.window, self.tr("Import gazettes"), self.tr(
            "This window shows an office pack, which is read-only. To import files into your own archive, use "
            "File → Open my own archive, then import them there."))
        return True

    def choose_files(self) -> None:
        """Choose PDFs or text exports and import them."""
        if self.refused_in_pack():
            return
        files, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import gazettes"), str(Path.home()),
                                                self.tr("Gazettes and documents (*.pdf *.docx *.ofd *.txt *.md *.html *.htm);;All files (*)"))
        if files:
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        """Choose a folder and import every gazette in it."""
        if self.refused_in_pack():
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder of gazettes"),
                                                  str(Path.home()))
        if folder:
            self.start([Path(folder)])

    def load_sample(self) -> None:
        """Generate the fictional sample gazette in the data home and import it."""
        if self.refused_in_pack():
            return
        self.start([make_sample(self.window.home / paths.SAMPLE_DIR)])

    def start(self, paths_: list[Path]) -> ImportDialog | None:
        """Import files and folders with a progress dialog; the window updates when it ends."""
        if self.refused_in_pack():
            return None
        files = expand(paths_)
        if not files:
            QMessageBox.information(self.window, self.tr("Nothing to import"),
                                    self.tr("No PDF, .txt or .md file was found there."))
            return None
        dialog = ImportDialog(self.window.home, files, self.window)
        dialog.imported.connect(self._imported)
        self.dialog = dialog
        dialog.show()
        return dialog

    def stop(self) -> None:
        """The window closes: cancel after the current file and wait."""
        if self.dialog is not None:
            self.dialog.stop()

    def _imported(self, count: int) -> None:
        w = self.window
        current = w.current_doc
        w.bus.did_execute(Change.ARCHIVE)
        if current:
            w.page_sync.reopen_after_import(current)  # a replace may have changed its text and its pages
        elif count:
            issues = w.archive.issues()
            docs = w.archive.outline(issues[-1].id) if issues else []
            if docs:
                w.show_document(docs[0].id)
