"""Long work off the UI thread: searching and importing, each on its own thread with its own Archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.archive import Archive, GazetteError, ImportResult, SearchResult
from reader.ui.messages import reason_text


def failure_text(exc: BaseException) -> str:
    """Why a search failed: the typed reason in the window's language, else the error's own words or kind."""
    if isinstance(exc, GazetteError):
        return reason_text(exc.reason)
    return str(exc).strip() or type(exc).__name__


class SearchWorker(QObject):
    """Runs searches one at a time on a worker thread; the UI keeps only the newest answer."""

    finished = Signal(int, object)  # request id, SearchResult
    failed = Signal(int, str)
    indexing = Signal(int, int)  # done, total while the index is rebuilt
    prepared = Signal()  # the start-up warm-up ended (failed or not)

    def __init__(self, data_dir: Path, pack: Path | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.pack = pack  # an office pack shown read-only, or None for the data home's archive
        self.archive: Archive | None = None

    @Slot()
    def prepare(self) -> None:
        """Open the archive and bring the index up to date (after the window is shown)."""
        try:
            self._archive().ensure_index(lambda done, total: self.indexing.emit(done, total))
            self._archive().warm_up()
        except Exception as exc:  # reported, never fatal
            self.failed.emit(0, failure_text(exc))
        self.prepared.emit()

    def _archive(self) -> Archive:
        if self.archive is None:
            self.archive = Archive(self.data_dir, pack=self.pack)
        return self.archive

    @Slot(int, str, object)
    def search(self, request: int, text: str, options: object) -> None:
        """Search and emit the result tagged with its request id."""
        try:
            archive = self._archive()
            archive.ensure_index(lambda done, total: self.indexing.emit(done, total))
            result: SearchResult = archive.search(text, **dict(options))  # type: ignore[call-overload]
            self.finished.emit(request, result)
        except Exception as exc:
            self.failed.emit(request, failure_text(exc))

    @Slot()
    def close(self) -> None:
        """Close the archive on the worker thread."""
        if self.archive is not None:
            self.archive.close()
            self.archive = None


class ImportWorker(QObject):
    """Imports files one by one (each all or nothing) and reports progress; cancel stops before the next file."""

    progress = Signal(int, int, str)  # done, total, current file
    pages = Signal(int, int)  # scanned pages recognised so far, pages to recognise (of the current file)
    file_done = Signal(object)  # ImportResult
    finished = Signal(bool)  # cancelled

    def __init__(self, data_dir: Path, files: list[Path], replace: bool = False, password: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.files = files
        self.replace = replace
        self.password = password
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        """Import every file, then report."""
        with Archive(self.data_dir) as archive:
            for k, path in enumerate(self.files):
                if self.cancelled:
                    break
                self.progress.emit(k, len(self.files), str(path))
                result: ImportResult = archive.import_file(
                    path, replace=self.replace, password=self.password,
                    progress=lambda done, total: self.pages.emit(done, total), cancelled=lambda: self.cancelled)
                self.file_done.emit(result)
            self.progress.emit(len(self.files), len(self.files), "")
        self.finished.emit(self.cancelled)


def start_thread(worker: QObject, name: str) -> QThread:
    """Move a worker onto a new running thread."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.start()
    return thread
