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

from reader.archive import ImportResult, ImportStatus, Reason
from reader.ui.messages import result_line, warning_text
from reader.ui.workers import ImportWorker, start_thread

RETRY_REPLACE = {Reason.NEEDS_REPLACE}
PAGE_STEPS = 1000  # steps of the progress bar per file, so recognising its scanned pages moves it
RETRY_PASSWORD = {Reason.NEEDS_PASSWORD, Reason.WRONG_PASSWORD}


class ImportDialog(QDialog):
    """Runs an import on a worker thread; one line per file, the latest outcome of each (retries replace it)."""

    imported = Signal(int)  # number of issues added or replaced, when the run ends

    def __init__(self, data_dir: Path, files: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import gazettes"))
        self.setMinimumWidth(560)
        self.data_dir = data_dir
        self.results: dict[Path, ImportResult] = {}
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
        self.retry_replace.clicked.connect(self.replace_failed)
        self.retry_password.clicked.connect(lambda: self.retry_with_password())
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.worker: ImportWorker | None = None
        self.thread_: QThread | None = None
        self.running = False
        self.current = ""  # the file being imported
        self.file_index = 0  # the file being imported, counted from 0
        self.start(files)

    def start(self, files: list[Path], replace: bool = False, password: str | None = None) -> None:
        """Import files on a worker thread."""
        self.retry_replace.hide()
        self.retry_password.hide()
        self.bar.setRange(0, max(1, len(files)))
        self.bar.setValue(0)
        self.worker = ImportWorker(self.data_dir, files, replace, password)
        self.worker.progress.connect(self._progress)
        self.worker.pages.connect(self._pages)
        self.worker.file_done.connect(self._file_done)
        self.worker.finished.connect(self._finished)
        self.thread_ = start_thread(self.worker, "import")
        self.running = True
        self.cancel_button.setText(self.tr("Cancel"))
        QMetaObject.invokeMethod(self.worker, "run", Qt.ConnectionType.QueuedConnection)

    def stop(self) -> None:
        """Cancel after the current file and wait for the thread (the window is closing)."""
        if self.worker is not None:
            self.worker.cancelled = True
        if self.thread_ is not None and self.thread_.isRunning():
            self.thread_.quit()
            self.thread_.wait(30000)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, path: str) -> None:
        self.bar.setRange(0, max(1, total) * PAGE_STEPS)  # each file a stretch the bar moves along by scanned pages
        self.bar.setValue(done * PAGE_STEPS)
        self.file_index = done
        if path:
            self.current = Path(path).name
            self.label.setText(self.tr("Importing {0} of {1}: {2}").format(done + 1, total, Path(path).name))

    @Slot(int, int)
    def _pages(self, done: int, total: int) -> None:
        self.bar.setValue(self.file_index * PAGE_STEPS + done * PAGE_STEPS // max(1, total))
        self.label.setText(self.tr("Recognising scanned page {0} of {1}: {2}").format(done + 1, total, self.current))

    @Slot(object)
    def _file_done(self, result: ImportResult) -> None:
        self.results[result.path] = result
        self._show_results()

    def _show_results(self) -> None:
        """One line per file: its latest outcome, failures in red, warnings under it."""
        self.list.clear()
        for result in self.results.values():
            text = result_line(result)
            for warning in result.warnings:
                text += "\n  " + self.tr("warning: {0}").format(warning_text(warning))
            item = QListWidgetItem(text)
            if result.status is ImportStatus.FAILED:
                item.setForeground(QColor("#b00020"))
            item.setToolTip(result.message)  # the full technical wording, for a support person
            self.list.addItem(item)
        self.list.scrollToBottom()

    def counts(self) -> dict[ImportStatus, int]:
        """How many files ended in each outcome (each file counted once, at its latest outcome)."""
        return {s: sum(1 for r in self.results.values() if r.status is s) for s in ImportStatus}

    @Slot(bool)
    def _finished(self, cancelled: bool) -> None:
        self.running = False
        if self.thread_ is not None:
            self.thread_.quit()
            self.thread_.wait()
        c = self.counts()
        summary = self.tr("{0} imported, {1} replaced, {2} already in the archive, {3} failed").format(
            c[ImportStatus.IMPORTED], c[ImportStatus.REPLACED], c[ImportStatus.UNCHANGED], c[ImportStatus.FAILED])
        self.label.setText((self.tr("Cancelled. ") if cancelled else self.tr("Done. ")) + summary)
        self.cancel_button.setText(self.tr("Close"))
        self.retry_replace.setVisible(bool(self.failed(RETRY_REPLACE)))
        self.retry_password.setVisible(bool(self.failed(RETRY_PASSWORD)))
        self.imported.emit(c[ImportStatus.IMPORTED] + c[ImportStatus.REPLACED])

    def failed(self, reasons: set[Reason]) -> list[Path]:
        """The files whose latest outcome failed for one of these reasons."""
        return [p for p, r in self.results.items() if r.status is ImportStatus.FAILED and r.reason in reasons]

    def replace_failed(self) -> None:
        """Import again, replacing the issues the archive already held."""
        self.start(self.failed(RETRY_REPLACE), replace=True)

    def retry_with_password(self, password: str | None = None) -> None:
        """Ask for the password of the encrypted files (naming them) and import them again."""
        files = self.failed(RETRY_PASSWORD)
        if not files:
            return
        if password is None:
            names = "\n".join(p.name for p in files)
            password, ok = QInputDialog.getText(self, self.tr("Encrypted PDF"),
                                                self.tr("Password for:\n{0}").format(names),
                                                QLineEdit.EchoMode.Password)
            if not ok:
                return
        if password:
            self.start(files, password=password)

    def _cancel_or_close(self) -> None:
        if self.running and self.worker is not None:
            self.worker.cancelled = True
            self.label.setText(self.tr("Cancelling…"))
        else:
            self.accept()

    def reject(self) -> None:
        """Escape cancels a running import instead of hiding the dialog."""
        if self.running:
            self._cancel_or_close()
        else:
            super().reject()
