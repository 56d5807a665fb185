"""Searching from the window: the box, a worker thread that keeps only the newest answer, results and hits."""

from __future__ import annotations

import atexit
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from reader.archive import Bookmark, SearchHit, SearchResult
from reader.ui.operations import Change
from reader.ui.workers import SearchWorker, start_thread

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

SEARCH_DELAY_MS = 250


def _stop_later(ref: weakref.ReferenceType[SearchController]) -> None:
    """At interpreter exit: stop the controller's thread if it still runs."""
    controller = ref()
    if controller is not None:
        try:
            controller.stop()
        except RuntimeError:  # the Qt object is already gone: so is its thread
            pass


class SearchController(QObject):
    """Runs the search box's queries on a worker thread and shows the newest result."""

    searchRequested = Signal(int, str, object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.request = 0
        self.last_result: SearchResult | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run)
        window.search_box.textChanged.connect(self._edited)
        window.search_box.returnPressed.connect(self.run)
        window.results.openHit.connect(self.open_hit)
        window.results.filtersChanged.connect(self.run)
        window.results.closeRequested.connect(self.close_results)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), window.search_box, self.close_results,
                  context=Qt.ShortcutContext.WidgetShortcut)
        window.reader.hitChanged.connect(self.hit_changed)
        window.bus.operationDidExecute.connect(self._changed)
        self.worker = SearchWorker(window.home, window.archive.root if window.archive.pack else None)
        self.worker_thread: QThread | None = start_thread(self.worker, "search")
        self.searchRequested.connect(self.worker.search)
        self.worker.finished.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.worker.indexing.connect(self._indexing)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        # a script or a test may end without the window's close event: stop the thread before Python tears down
        atexit.register(_stop_later, weakref.ref(self))
        QTimer.singleShot(300, self._prepare)

    def _prepare(self) -> None:
        if self.worker_thread is not None:
            QMetaObject.invokeMethod(self.worker, "prepare", Qt.ConnectionType.QueuedConnection)

    def stop(self) -> None:
        """Stop the worker thread and close its archive (safe to call more than once, also while unwinding)."""
        if self.worker_thread is None:
            return
        thread, self.worker_thread = self.worker_thread, None
        self.timer.stop()
        if thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "close", Qt.ConnectionType.BlockingQueuedConnection)
            thread.quit()
            thread.wait(10000)

    def _changed(self, change: Change) -> None:
        if change & Change.ARCHIVE and self.window.search_box.text().strip():
            self.run()

    def _edited(self, text: str) -> None:
        """The query changed: search again after a pause, with the filters the user chose kept."""
        if text.strip():
            self.timer.start()
        else:
            self.timer.stop()
            self.window.results.hide()
            self.last_result = None

    def close_results(self) -> None:
        """Hide the results panel (the query stays in the box; Enter shows them again)."""
        self.timer.stop()
        self.window.results.hide()

    def run(self) -> None:
        """Search now for the box's text (in the archive or in the user's notes)."""
        w = self.window
        text = w.search_box.text().strip()
        if not text or self.worker_thread is None:
            return
        self.timer.stop()
        self.request += 1
        w.panels.show_results()
        if w.results.in_notes():
            from reader.ui.notes_panels import annotation_html, bookmark_html

            words = text.split()
            notes = w.archive.search_notes(text)
            marks = w.archive.search_bookmarks(text)
            w.results.show_notes([*notes, *marks], lambda r: (bookmark_html(r, words) if isinstance(r, Bookmark)
                                                              else annotation_html(r, words)))
            return
        w.results.show_message(self.tr("Searching…"))
        self.searchRequested.emit(self.request, text, w.results.options())

    @Slot(int, object)
    def _done(self, request: int, result: SearchResult) -> None:
        if request != self.request:
            return  # an older query answered late
        self.last_result = result
        self.window.results.show_result(result)
        self.window.statusBar().showMessage(
            (self.tr("1 document found in {0:.0f} ms").format(result.elapsed_ms) if result.total == 1 else
             self.tr("{0} documents found in {1:.0f} ms").format(result.total, result.elapsed_ms)), 5000)

    @Slot(int, str)
    def _failed(self, request: int, message: str) -> None:
        if request in (0, self.request):
            self.window.statusBar().showMessage(self.tr("Search failed: {0}").format(message), 10000)

    @Slot(int, int)
    def _indexing(self, done: int, total: int) -> None:
        bar = self.window.statusBar()
        if done >= total:  # built: say so briefly instead of leaving the count standing
            bar.showMessage(self.tr("Search index ready: {0} documents").format(total), 4000)
        else:
            bar.showMessage(self.tr("Building the search index: {0} of {1} documents").format(done, total))

    def open_hit(self, hit: SearchHit) -> None:
        """Open a search hit with the core's hits (offsets into the text) highlighted and the first in view."""
        self.window.show_document(hit.document_id, list(hit.positions))

    def hit_changed(self, current: int, total: int) -> None:
        """Say which hit of how many is shown (in the reading pane or on the pages)."""
        if total:
            self.window.statusBar().showMessage(
                self.tr("Hit {0} of {1} (F3 next, Shift+F3 previous)").format(current, total))
