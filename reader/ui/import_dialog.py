"""Importing files with progress: a bar, the current file, cancel, and what happened to each file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMetaObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive import ImportResult
from reader.ui.workers import ImportWorker, start_thread


class ImportDialog(QDialog):
    """Runs an import on a worker thread; the window stays responsive; the list says why a file failed."""

    imported = Signal(int)  # number of issues added or replaced, when the run ends

    def __init__(self, data_dir: Path, files: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import gazettes"))
        self.setMinimumWidth(560)
        self.data_dir = data_dir
        self.results: list[ImportResult] = []
        self.label = QLabel(self.tr("Preparing…"))
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.list = QListWidget()
        self.list.setObjectName("importResults")
        self.list.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.retry_replace = QPushButton(self.tr("Replace these issues"))
        self.retry_password = QPushButton(self.tr("Enter password…"))
        for b in (self.retry_replace, self.retry_password):
            self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
            b.hide()
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.retry_replace.clicked.connect(lambda: self._retry("replace"))
        self.retry_password.clicked.connect(lambda: self._retry("password"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.worker: ImportWorker | None = None
        self.thread_: QThread | None = None
        self.running = False
        self.start(files)

    def start(self, files: list[Path], replace: bool = False, password: str | None = None) -> None:
        """Import files on a worker thread."""
        self.retry_replace.hide()
        self.retry_password.hide()
        self.bar.setRange(0, max(1, len(files)))
        self.bar.setValue(0)
        self.worker = ImportWorker(self.data_dir, files, replace, password)
        self.worker.progress.connect(self._progress)
        self.worker.file_done.connect(self._file_done)
        self.worker.finished.connect(self._finished)
        self.thread_ = start_thread(self.worker, "import")
        self.running = True
        self.cancel_button.setText(self.tr("Cancel"))
        QMetaObject.invokeMethod(self.worker, "run", Qt.ConnectionType.QueuedConnection)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, path: str) -> None:
        self.bar.setValue(done)
        if path:
            self.label.setText(self.tr("Importing {0} of {1}: {2}").format(done + 1, total, Path(path).name))

    @Slot(object)
    def _file_done(self, result: ImportResult) -> None:
        self.results.append(result)
        words = {"imported": self.tr("imported"), "replaced": self.tr("replaced"),
                 "unchanged": self.tr("unchanged"), "failed": self.tr("failed")}
        text = f"{words.get(result.status, result.status)}: {result.path.name} — {result.message}"
        for warning in result.warnings:
            text += "\n  " + self.tr("warning: {0}").format(warning)
        item = QListWidgetItem(text)
        if result.status == "failed":
            item.setForeground(QColor("#b00020"))
        self.list.addItem(item)
        self.list.scrollToBottom()

    @Slot(bool)
    def _finished(self, cancelled: bool) -> None:
        self.running = False
        if self.thread_ is not None:
            self.thread_.quit()
            self.thread_.wait()
        counts = {s: sum(1 for r in self.results if r.status == s) for s in ("imported", "replaced", "unchanged", "failed")}
        summary = self.tr("{0} imported, {1} replaced, {2} unchanged, {3} failed").format(
            counts["imported"], counts["replaced"], counts["unchanged"], counts["failed"])
        self.label.setText((self.tr("Cancelled. ") if cancelled else self.tr("Done. ")) + summary)
        self.cancel_button.setText(self.tr("Close"))
        self.retry_replace.setVisible(any("--replace" in r.message for r in self._failed()))
        self.retry_password.setVisible(any("password" in r.message for r in self._failed()))
        self.imported.emit(counts["imported"] + counts["replaced"])

    def _failed(self) -> list[ImportResult]:
        latest: dict[Path, ImportResult] = {}
        for r in self.results:
            latest[r.path] = r
        return [r for r in latest.values() if r.status == "failed"]

    def _retry(self, how: str) -> None:
        if how == "replace":
            files = [r.path for r in self._failed() if "--replace" in r.message]
            self.start(files, replace=True)
        else:
            files = [r.path for r in self._failed() if "password" in r.message]
            password, ok = QInputDialog.getText(self, self.tr("Encrypted PDF"), self.tr("Password:"),
                                                QLineEdit.EchoMode.Password)
            if ok and password:
                self.start(files, password=password)

    def _cancel_or_close(self) -> None:
        if self.running and self.worker is not None:
            self.worker.cancelled = True
            self.label.setText(self.tr("Cancelling after the current file…"))
        else:
            self.accept()

    def reject(self) -> None:
        """Escape cancels a running import instead of hiding the dialog."""
        if self.running:
            self._cancel_or_close()
        else:
            super().reject()
