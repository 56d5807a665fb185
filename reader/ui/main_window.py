"""The main window: issue tree, reading pane or original pages, search box and results, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.archive import Archive
from reader.notes.store import COLORS, Annotation, Bookmark, new_annotation, new_bookmark
from reader.search.searcher import SearchHit, SearchResult
from reader.sources import expand
from reader.ui.import_dialog import ImportDialog
from reader.ui.notes_panels import (
    AddAnnotation,
    AddBookmark,
    AnnotationsPanel,
    BookmarksPanel,
    RemoveAnnotation,
    RemoveBookmark,
)
from reader.ui.page_view import PageView
from reader.ui.reader_view import ReaderView
from reader.ui.search_panel import SearchPanel
from reader.ui.tree_model import DOC_ID_ROLE, IssueTreeModel
from reader.ui.workers import SearchWorker, start_thread

SEARCH_DELAY_MS = 250


class FindBar(QWidget):
    """Find in the current document (Ctrl+F): a box, next, previous, close."""

    def __init__(self, view: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(self.tr("Find in document"))
        self.box.setAccessibleName(self.tr("Find in document"))
        self.count = QLabel()
        prev_b, next_b, close_b = QToolButton(), QToolButton(), QToolButton()
        for button, label in ((prev_b, "▲"), (next_b, "▼"), (close_b, "✕")):
            button.setText(label)
        prev_b.setToolTip(self.tr("Previous"))
        next_b.setToolTip(self.tr("Next"))
        close_b.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (self.box, self.count, prev_b, next_b, close_b):
            layout.addWidget(w)
        self.box.textChanged.connect(self._changed)
        self.box.returnPressed.connect(lambda: self.view.find_next(self.box.text()))
        prev_b.clicked.connect(lambda: self.view.find_next(self.box.text(), backward=True))
        next_b.clicked.connect(lambda: self.view.find_next(self.box.text()))
        close_b.clicked.connect(self.close_bar)

    def _changed(self, text: str) -> None:
        n = self.view.find_in_page(text)
        self.count.setText(self.tr("{0} found").format(n) if text else "")

    def open_bar(self) -> None:
        """Show and focus the box."""
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        """Hide and clear the find highlights."""
        self.view.find_in_page("")
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)  # type: ignore[arg-type]


class WelcomePage(QWidget):
    """The first-run page: import files or a folder, or load the sample gazette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to Gazette Reader"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        text = QLabel(self.tr("Your archive is empty. Import gazette issues (PDF or text exports) to read and "
                              "search them offline, or load the sample gazette to try the reader."))
        text.setWordWrap(True)
        self.import_files = QPushButton(self.tr("Import files…"))
        self.import_folder = QPushButton(self.tr("Import a folder…"))
        self.load_sample = QPushButton(self.tr("Load the sample gazette"))
        self.load_sample.setObjectName("loadSampleButton")
        box = QVBoxLayout()
        box.addStretch(1)
        box.addWidget(title)
        box.addWidget(text)
        for b in (self.import_files, self.import_folder, self.load_sample):
            b.setMinimumHeight(36)
            box.addWidget(b)
        box.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)


class MainWindow(QMainWindow):
    """The reader's window over one data home."""

    searchRequested = Signal(int, str, object)
    documentShown = Signal(str)

    def __init__(self, data_dir: str | Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.archive = Archive(data_dir)
        self.home = self.archive.home
        self.settings = QSettings(str(self.home / "settings.ini"), QSettings.Format.IniFormat)
        self.setWindowTitle(self.tr("Gazette Reader"))
        self.setAcceptDrops(True)
        self.current_doc: str | None = None
        self.request = 0
        self.last_result: SearchResult | None = None
        self.import_dialog: ImportDialog | None = None
        self.closed = False

        self.undo_stack = QUndoStack(self)
        self.highlight_color = "yellow"
        self._build_widgets()
        self._build_docks()
        self._build_actions()
        self._update_note_actions()
        self._start_search_thread()
        self.refresh_archive()
        self._restore()
        QTimer.singleShot(0, self.refresh_notes)
        QTimer.singleShot(2000, self._backup_notes)

    # ---- construction --------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.tree = QTreeView()
        self.tree.setObjectName("issueTree")
        self.tree.setAccessibleName(self.tr("Gazettes, issues and documents"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.model = IssueTreeModel(self.archive, self)
        self.tree.setModel(self.model)
        self.tree.activated.connect(self._tree_activated)
        self.tree.clicked.connect(self._tree_activated)

        self.reader = ReaderView()
        self.reader.hitChanged.connect(self._hit_changed)
        self.pages = PageView()
        self.find_bar = FindBar(self.reader)
        self.find_bar.hide()
        self.view_stack = QStackedWidget()
        self.view_stack.addWidget(self.reader)
        self.view_stack.addWidget(self.pages)
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self.view_stack, 1)
        reading_layout.addWidget(self.find_bar)

        self.welcome = WelcomePage()
        self.welcome.import_files.clicked.connect(self.import_files)
        self.welcome.import_folder.clicked.connect(self.import_folder)
        self.welcome.load_sample.clicked.connect(self.load_sample)
        self.center = QStackedWidget()
        self.center.addWidget(self.welcome)
        self.center.addWidget(reading)

        self.results = SearchPanel()
        self.results.openHit.connect(self.open_hit)
        self.results.openNote.connect(self.open_annotation)
        self.results.filtersChanged.connect(self._run_search)
        self.results.hide()

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.setCentralWidget(self.splitter)

        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search: words, 文号, 标题:… 年份:2019-2023  (Ctrl+K)"))
        self.search_box.setAccessibleName(self.tr("Search the archive"))
        self.search_box.setMinimumWidth(360)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(self._query_edited)
        self.search_box.returnPressed.connect(self._run_search)
        self.statusBar().showMessage(self.tr("Ready"))

    def _build_docks(self) -> None:
        self.bookmarks = BookmarksPanel()
        self.bookmarks.openBookmark.connect(self.open_bookmark)
        self.bookmarks.removeRequested.connect(self.remove_bookmark)
        self.bookmarks.renameRequested.connect(self.rename_bookmark)
        self.bookmarks.order.currentIndexChanged.connect(lambda _=0: self.refresh_notes())
        self.annotations = AnnotationsPanel()
        self.annotations.openAnnotation.connect(self.open_annotation)
        self.annotations.removeRequested.connect(self.remove_annotation)
        self.annotations.editRequested.connect(self.edit_annotation)
        self.annotations.filtersChanged.connect(self.refresh_notes)
        self.bookmarks_dock = QDockWidget(self.tr("Bookmarks"), self)
        self.bookmarks_dock.setObjectName("bookmarksDock")
        self.bookmarks_dock.setWidget(self.bookmarks)
        self.annotations_dock = QDockWidget(self.tr("Annotations"), self)
        self.annotations_dock.setObjectName("annotationsDock")
        self.annotations_dock.setWidget(self.annotations)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.bookmarks_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations_dock)
        self.tabifyDockWidget(self.bookmarks_dock, self.annotations_dock)
        self.bookmarks_dock.hide()
        self.annotations_dock.hide()
        for dock in (self.bookmarks_dock, self.annotations_dock):
            dock.visibilityChanged.connect(self._dock_shown)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        self.reader.selectionChanged.connect(self._update_note_actions)
        self.reader.cursorPositionChanged.connect(self._update_note_actions)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        s = QKeySequence.StandardKey
        self.act_import = self._action(self.tr("&Import files…"), self.import_files, s.Open)
        self.act_import_folder = self._action(self.tr("Import &folder…"), self.import_folder, "Ctrl+Shift+O")
        self.act_sample = self._action(self.tr("Load the &sample gazette"), self.load_sample)
        self.act_export_pdf = self._action(self.tr("&Export document as PDF…"), self.export_pdf, "Ctrl+Shift+E")
        self.act_print = self._action(self.tr("&Print…"), self.print_document, s.Print)
        self.act_quit = self._action(self.tr("&Quit"), self.close, s.Quit)
        self.act_copy = self._action(self.tr("&Copy"), self.copy_text, s.Copy)
        self.act_cite = self._action(self.tr("Copy with &citation"), self.copy_with_citation, "Ctrl+Shift+C")
        self.act_find = self._action(self.tr("&Find in document…"), self.find_bar.open_bar, s.Find)
        self.act_search = self._action(self.tr("&Search the archive"), self.focus_search, "Ctrl+K")
        self.act_next_hit = self._action(self.tr("&Next hit"), lambda: self.reader.next_hit(1), "F3")
        self.act_prev_hit = self._action(self.tr("P&revious hit"), lambda: self.reader.next_hit(-1), "Shift+F3")
        self.act_zoom_in = self._action(self.tr("Zoom &in"), lambda: self.zoom(1), "Ctrl+=")
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.act_zoom_out = self._action(self.tr("Zoom &out"), lambda: self.zoom(-1), "Ctrl+-")
        self.act_zoom_reset = self._action(self.tr("&Actual size"), lambda: self.zoom(0, reset=True), "Ctrl+0")
        self.act_pages = self._action(self.tr("&Original pages"), self.toggle_pages, "Ctrl+Shift+P", checkable=True)
        self.act_about = self._action(self.tr("&About Gazette Reader"), self.about)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_bookmark = self._action(self.tr("&Bookmark this document"), self.toggle_bookmark, "Ctrl+D")
        self.act_highlight = self._action(self.tr("&Highlight selection"), lambda: self.highlight(), "Ctrl+H")
        self.act_highlight_note = self._action(self.tr("Highlight with &note…"), lambda: self.highlight(ask_note=True),
                                               "Ctrl+Shift+H")
        self.color_names = {"yellow": self.tr("Yellow"), "green": self.tr("Green"), "blue": self.tr("Blue"),
                            "pink": self.tr("Pink"), "purple": self.tr("Purple")}
        self.act_colors = []
        for k, color in enumerate(COLORS, 1):
            act = self._action(self.tr("Highlight in {0}").format(self.color_names[color]),
                               lambda _=False, c=color: self.highlight(color=c), f"Ctrl+{k}")
            self.act_colors.append(act)
        self.act_edit_note = self._action(self.tr("&Edit note of highlight…"), self.edit_note_here)
        self.act_remove_highlight = self._action(self.tr("&Remove highlight"), self.remove_highlight_here)
        self.act_show_bookmarks = self.bookmarks_dock.toggleViewAction()
        self.act_show_bookmarks.setText(self.tr("Bookmarks &panel"))
        self.act_show_bookmarks.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.act_show_annotations = self.annotations_dock.toggleViewAction()
        self.act_show_annotations.setText(self.tr("&Annotations panel"))
        self.act_show_annotations.setShortcut(QKeySequence("Ctrl+Shift+A"))

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for a in (self.act_import, self.act_import_folder, self.act_sample):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export_pdf)
        file_menu.addAction(self.act_print)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        for a in (self.act_copy, self.act_cite, self.act_find, self.act_search, self.act_next_hit, self.act_prev_hit):
            edit_menu.addAction(a)
        notes_menu = menu.addMenu(self.tr("&Notes"))
        for a in (self.act_bookmark, self.act_highlight, self.act_highlight_note):
            notes_menu.addAction(a)
        colors = notes_menu.addMenu(self.tr("Highlight &colour"))
        for a in self.act_colors:
            colors.addAction(a)
        for a in (self.act_edit_note, self.act_remove_highlight):
            notes_menu.addAction(a)
        notes_menu.addSeparator()
        notes_menu.addAction(self.act_show_bookmarks)
        notes_menu.addAction(self.act_show_annotations)
        view_menu = menu.addMenu(self.tr("&View"))
        for a in (self.act_pages, self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view_menu.addAction(a)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)

        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.addAction(self.act_import)
        bar.addAction(self.act_pages)
        bar.addAction(self.act_bookmark)
        bar.addAction(self.act_highlight)
        bar.addAction(self.act_show_bookmarks)
        bar.addAction(self.act_show_annotations)
        bar.addSeparator()
        bar.addWidget(self.search_box)

    def _start_search_thread(self) -> None:
        self.search_worker = SearchWorker(self.home)
        self.search_thread: QThread = start_thread(self.search_worker, "search")
        self.searchRequested.connect(self.search_worker.search)
        self.search_worker.finished.connect(self._search_done)
        self.search_worker.failed.connect(self._search_failed)
        self.search_worker.indexing.connect(self._indexing)
        QTimer.singleShot(300, self._prepare_search)

    def _prepare_search(self) -> None:
        from PySide6.QtCore import QMetaObject

        QMetaObject.invokeMethod(self.search_worker, "prepare", Qt.ConnectionType.QueuedConnection)

    # ---- archive and tree ----------------------------------------------------------------------
    def refresh_archive(self) -> None:
        """Re-read the issues; show the welcome page when there are none."""
        self.model.reload()
        empty = self.model.rowCount() == 0
        self.center.setCurrentIndex(0 if empty else 1)
        for a in (self.act_export_pdf, self.act_print, self.act_cite, self.act_pages):
            a.setEnabled(not empty)
        if not empty:
            for row in range(self.model.rowCount()):
                gazette = self.model.index(row, 0)
                self.tree.expand(gazette)

    def _tree_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.show_document(doc_id)
        elif not self.tree.isExpanded(index):
            self.tree.expand(index)

    def show_document(self, doc_id: str, hit_strings: list[str] | None = None, select: bool = True) -> bool:
        """Open a document in the reading pane (and the page view when it is on)."""
        try:
            doc = self.archive.document(doc_id)
            issue = self.archive.issue(doc.issue_id)
        except Exception as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return False
        self.center.setCurrentIndex(1)
        self.current_doc = doc_id
        self.reader.show_document(doc, issue, hit_strings)
        self.reader.set_notes(self.archive.annotations_for(doc_id))
        self._update_bookmark_action()
        if self.act_pages.isChecked():
            self._show_pages()
        if select:
            index = self.model.index_of_document(doc_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        self.setWindowTitle(f"{doc.title} — {self.tr('Gazette Reader')}")
        self.settings.setValue("last_document", doc_id)
        self.documentShown.emit(doc_id)
        return True

    # ---- search --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+K: focus the search box with its text selected."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _query_edited(self, text: str) -> None:
        self.results.reset_filters()
        if text.strip():
            self.search_timer.start()
        else:
            self.search_timer.stop()
            self.results.hide()
            self.last_result = None

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        self.search_timer.stop()
        self.request += 1
        self.results.show()
        if self.results.in_notes():
            from reader.ui.notes_panels import annotation_html

            self.results.show_notes(self.archive.notes.search_notes(text), annotation_html)
            return
        self.results.show_message(self.tr("Searching…"))
        self.searchRequested.emit(self.request, text, self.results.options())

    @Slot(int, object)
    def _search_done(self, request: int, result: SearchResult) -> None:
        if request != self.request:
            return  # an older query answered late
        self.last_result = result
        self.results.show_result(result)
        self.statusBar().showMessage(self.tr("{0} documents found in {1:.0f} ms").format(result.total, result.elapsed_ms),
                                     5000)

    @Slot(int, str)
    def _search_failed(self, request: int, message: str) -> None:
        if request in (0, self.request):
            self.statusBar().showMessage(self.tr("Search failed: {0}").format(message), 10000)

    @Slot(int, int)
    def _indexing(self, done: int, total: int) -> None:
        self.statusBar().showMessage(self.tr("Building the search index: {0} of {1} documents").format(done, total))

    def open_hit(self, hit: SearchHit) -> None:
        """Open a search hit with every hit highlighted and the first in view."""
        try:
            text = self.archive.document(hit.document_id).text
        except Exception:
            text = ""
        strings = sorted({text[s:e] for s, e in hit.positions if text[s:e].strip()}, key=len, reverse=True)
        self.show_document(hit.document_id, strings)

    def _hit_changed(self, current: int, total: int) -> None:
        if total:
            self.statusBar().showMessage(self.tr("Hit {0} of {1} (F3 next, Shift+F3 previous)").format(current, total))

    # ---- reading -------------------------------------------------------------------------------
    def zoom(self, step: int, reset: bool = False) -> None:
        """Change the reading size (remembered)."""
        self.reader.set_zoom(0 if reset else self.reader.zoom_steps + step)
        self.settings.setValue("zoom", self.reader.zoom_steps)
        if self.act_pages.isChecked():
            self.pages.set_zoom(self.pages.effective_zoom() * (1.2 ** step) if not reset else 0.0)

    def toggle_pages(self, on: bool) -> None:
        """Switch between the reading pane and the original pages."""
        if on:
            self._show_pages()
        else:
            self.view_stack.setCurrentIndex(0)

    def _show_pages(self) -> None:
        self.view_stack.setCurrentIndex(1)
        doc = self.reader.doc
        if doc is None:
            return
        info = self.archive.issue(doc.issue_id)
        path = self.home / info.source_stored if info.source_kind == "pdf" else None
        first = doc.pdf_pages[0] if doc.pdf_pages else 0
        self.pages.open_pdf(path, first, doc.pdf_pages)

    def copy_text(self) -> None:
        """Copy the selection (or the whole document) as plain text."""
        focus = QGuiApplication.focusObject()
        if isinstance(focus, QLineEdit):
            focus.copy()
            return
        QGuiApplication.clipboard().setText(self.reader.selected_or_all())

    def copy_with_citation(self) -> None:
        """Copy the selection (or the document) followed by its citation."""
        text = self.reader.citation_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage(self.tr("Copied with citation"), 3000)

    def export_pdf(self, path: str | None = None) -> str | None:
        """Save the shown document as a PDF file."""
        from PySide6.QtPrintSupport import QPrinter

        if self.reader.doc is None:
            return None
        if not path:
            suggested = str(Path.home() / f"{self.reader.doc.title[:40]}.pdf")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as PDF"), suggested, "PDF (*.pdf)")
            if not path:
                return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.reader.document().print_(printer)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return path

    def print_document(self) -> None:
        """Print the shown document."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.reader.doc is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            self.reader.document().print_(printer)

    # ---- importing -----------------------------------------------------------------------------
    def import_files(self) -> None:
        """Choose PDFs or text exports and import them."""
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import gazettes"), str(Path.home()),
                                                self.tr("Gazettes (*.pdf *.txt *.md);;All files (*)"))
        if files:
            self.start_import([Path(f) for f in files])

    def import_folder(self) -> None:
        """Choose a folder and import every gazette in it."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of gazettes"), str(Path.home()))
        if folder:
            self.start_import([Path(folder)])

    def load_sample(self) -> None:
        """Generate the fictional sample gazette in the data home and import it."""
        from reader.sample import build_sample

        sample = build_sample(self.home / "sample")
        self.start_import([sample.pdf])

    def start_import(self, paths_: list[Path]) -> ImportDialog | None:
        """Import files and folders with a progress dialog; the tree updates when it ends."""
        files = expand(paths_)
        if not files:
            QMessageBox.information(self, self.tr("Nothing to import"),
                                    self.tr("No PDF, .txt or .md file was found there."))
            return None
        dialog = ImportDialog(self.home, files, self)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.show()
        return dialog

    def _imported(self, count: int) -> None:
        current = self.current_doc
        self.refresh_archive()
        self.refresh_notes()
        if current:
            index = self.model.index_of_document(current)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        elif count:
            self._open_first_document()
        if self.search_box.text().strip():
            self._run_search()

    def _open_first_document(self) -> None:
        issues = self.archive.issues()
        if issues:
            docs = self.archive.outline(issues[-1].id)
            if docs:
                self.show_document(docs[0].id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.start_import(files)
            event.acceptProposedAction()

    # ---- notes ---------------------------------------------------------------------------------
    def refresh_notes(self) -> None:
        """Re-read bookmarks and annotations into the panels and the reading pane."""
        if self.closed:
            return
        store = self.archive.notes
        if self.bookmarks_dock.isVisible():
            self.bookmarks.show_bookmarks(store.bookmarks(order=self.bookmarks.order.currentData() or "added"))
        if self.annotations_dock.isVisible():
            self.annotations.set_issues([(i.id, f"{i.gazette} {i.label}") for i in self.archive.issues()])
            self.annotations.show_annotations(store.annotations(**self.annotations.filters()))
        if self.reader.doc is not None:
            self.reader.set_notes(store.annotations(self.reader.doc.id))
        self._update_bookmark_action()

    def _dock_shown(self, visible: bool) -> None:
        if visible:
            self.refresh_notes()

    def _update_bookmark_action(self) -> None:
        doc = self.reader.doc
        marked = doc is not None and self.archive.notes.bookmark_at(doc.id) is not None
        self.act_bookmark.setCheckable(True)
        self.act_bookmark.setChecked(marked)

    def toggle_bookmark(self) -> None:
        """Ctrl+D: bookmark the document being read, or remove its bookmark."""
        doc = self.reader.doc
        if doc is None:
            return
        existing = self.archive.notes.bookmark_at(doc.id)
        if existing is not None:
            self.undo_stack.push(RemoveBookmark(self.archive.notes, existing, self.refresh_notes))
            self.statusBar().showMessage(self.tr("Bookmark removed (Ctrl+Z to undo)"), 4000)
            return
        position = self.reader.to_text(self.reader.textCursor().position())
        bookmark = new_bookmark(doc.id, doc.issue_id, position, "", self.archive.citation(doc.id))
        self.undo_stack.push(AddBookmark(self.archive.notes, bookmark, self.refresh_notes))
        self.statusBar().showMessage(self.tr("Bookmarked"), 3000)

    def highlight(self, color: str | None = None, ask_note: bool = False, note: str | None = None) -> Annotation | None:
        """Highlight the selected passage in a colour, optionally with a note."""
        doc = self.reader.doc
        span = self.reader.selection_offsets()
        if doc is None or span is None:
            self.statusBar().showMessage(self.tr("Select a passage of the document first"), 4000)
            return None
        color = color or self.highlight_color
        self.highlight_color = color
        if ask_note and note is None:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note on this passage:"))
            if not ok:
                return None
            note = text
        annotation = new_annotation(doc.id, doc.text, *span, color=color, note=note or "",
                                    citation=self.archive.citation(doc.id), issue_id=doc.issue_id)
        self.undo_stack.push(AddAnnotation(self.archive.notes, annotation, self.refresh_notes))
        return annotation

    def _note_here(self) -> Annotation | None:
        cursor = self.reader.textCursor()
        return self.reader.note_at(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    def edit_note_here(self) -> None:
        """Edit the note of the highlight under the cursor."""
        note = self._note_here()
        if note is not None:
            self.edit_annotation(note)

    def remove_highlight_here(self) -> None:
        """Remove the highlight under the cursor (undoable)."""
        note = self._note_here()
        if note is not None:
            self.remove_annotation(note)

    def edit_annotation(self, annotation: Annotation, text: str | None = None) -> None:
        """Change an annotation's note."""
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note on this passage:"),
                                                     annotation.note)
            if not ok:
                return
        self.archive.notes.update_annotation(annotation.id, note=text)
        self.refresh_notes()

    def remove_annotation(self, annotation: Annotation) -> None:
        """Delete an annotation (Ctrl+Z brings it back)."""
        self.undo_stack.push(RemoveAnnotation(self.archive.notes, annotation, self.refresh_notes))
        self.statusBar().showMessage(self.tr("Highlight removed (Ctrl+Z to undo)"), 4000)

    def remove_bookmark(self, bookmark: Bookmark) -> None:
        """Delete a bookmark (Ctrl+Z brings it back)."""
        self.undo_stack.push(RemoveBookmark(self.archive.notes, bookmark, self.refresh_notes))

    def rename_bookmark(self, bookmark: Bookmark, label: str) -> None:
        """Give a bookmark a label."""
        self.archive.notes.rename_bookmark(bookmark.id, label)
        self.refresh_notes()

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Open a bookmarked document at its position."""
        if self.show_document(bookmark.document_id) and bookmark.position is not None:
            self.reader.select_offsets(bookmark.position, bookmark.position)

    def open_annotation(self, annotation: Annotation) -> None:
        """Open an annotation's document with its passage selected and in view."""
        if self.show_document(annotation.document_id) and annotation.attached:
            self.reader.select_offsets(annotation.start, annotation.end)

    def _update_note_actions(self) -> None:
        """Enable highlighting when a passage is selected, editing when the cursor is on a highlight."""
        has_selection = self.reader.selection_offsets() is not None
        for act in [self.act_highlight, self.act_highlight_note, *self.act_colors]:
            act.setEnabled(has_selection)
        here = self._note_here() is not None
        self.act_edit_note.setEnabled(here)
        self.act_remove_highlight.setEnabled(here)

    def _reader_menu(self, point: QPoint) -> None:
        self._update_note_actions()
        menu: QMenu = self.reader.createStandardContextMenu()
        menu.addSeparator()
        colors = menu.addMenu(self.tr("Highlight"))
        colors.setEnabled(self.act_highlight.isEnabled())
        for act in self.act_colors:
            colors.addAction(act)
        for act in (self.act_highlight_note, self.act_edit_note, self.act_remove_highlight):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_bookmark)
        menu.addAction(self.act_cite)
        menu.exec(self.reader.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def _backup_notes(self) -> None:
        """Keep a daily copy of the user's file when it changed."""
        if self.closed:
            return
        try:
            self.archive.notes.backup()
        except Exception as exc:  # a failed backup is reported, never fatal
            self.statusBar().showMessage(self.tr("Backup of your notes failed: {0}").format(exc), 10000)

    # ---- settings ------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        sizes = self.settings.value("splitter")
        if isinstance(sizes, QByteArray):
            self.splitter.restoreState(sizes)
        else:
            self.splitter.setSizes([300, 640, 340])
        try:
            self.reader.set_zoom(int(str(self.settings.value("zoom", 0))))
        except (TypeError, ValueError):
            pass
        last = self.settings.value("last_document")
        if isinstance(last, str) and last and self.center.currentIndex() == 1:
            if not self.show_document(last):
                self.settings.remove("last_document")

    def save_settings(self) -> None:
        """Remember geometry, splitter and zoom."""
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("zoom", self.reader.zoom_steps)
        self.settings.sync()

    def about(self) -> None:
        """The about box."""
        from reader import __version__

        QMessageBox.about(self, self.tr("About Gazette Reader"),
                          self.tr("Gazette Reader {0}\nData folder: {1}").format(__version__, self.home))

    def shutdown(self) -> None:
        """Stop the worker threads and close the archive."""
        if getattr(self, "search_thread", None) is None:
            return
        from PySide6.QtCore import QMetaObject

        QMetaObject.invokeMethod(self.search_worker, "close", Qt.ConnectionType.BlockingQueuedConnection)
        self.search_thread.quit()
        self.search_thread.wait(5000)
        self.search_thread = None  # type: ignore[assignment]
        self.pages.close_pdf()
        self.closed = True
        self.archive.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.import_dialog is not None and self.import_dialog.running:
            self.import_dialog.worker.cancelled = True  # type: ignore[union-attr]
            if self.import_dialog.thread_ is not None:
                self.import_dialog.thread_.wait(30000)
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)

