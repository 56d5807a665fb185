"""The main window: issue tree, reading pane or original pages, search box and results, notes panels.

It lays the views out and routes between them; actions live in actions.py, notes in notes_controller.py,
search in search_controller.py, and every change is announced on one OperationBus the views listen to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.archive import Archive, GazetteError, __version__, paths
from reader.ui import pack_ui, tree_state
from reader.ui.actions import Actions, build_menus, build_toolbar
from reader.ui.citations_panel import CitationsController
from reader.ui.find_bar import FindBar
from reader.ui.history import History
from reader.ui.import_controller import ImportController
from reader.ui.layout import MIN_WIDTHS, PanelLayout, keep_docks_narrow
from reader.ui.messages import reason_text, title_text
from reader.ui.notes_controller import NotesController
from reader.ui.notes_panels import AnnotationsPanel, BookmarksPanel
from reader.ui.operations import Change, OperationBus
from reader.ui.page_view import PageView
from reader.ui.pages_controller import PagesController
from reader.ui.people_panel import PeopleController
from reader.ui.printing import export_pdf, print_document
from reader.ui.reader_view import ReaderView
from reader.ui.search_controller import SearchController
from reader.ui.search_panel import SearchPanel
from reader.ui.tree_model import DOC_ID_ROLE, IssueTreeModel
from reader.ui.welcome import WelcomePage


class MainWindow(QMainWindow):
    """The reader's window over one data home."""

    documentShown = Signal(str)

    def __init__(self, data_dir: str | Path | None = None, pack: str | Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.archive = Archive(data_dir, pack=pack)
        self.home = self.archive.home
        self.settings = QSettings(str(self.home / paths.SETTINGS_FILE), QSettings.Format.IniFormat)
        self.setWindowTitle(self.tr("Gazette Reader"))
        self.setAcceptDrops(True)
        self.current_doc: str | None = None
        self.closed = False
        self.print_preview: QWidget | None = None  # the open print preview
        self.bus = OperationBus(self)
        self._build_widgets()
        self._build_docks()
        self.notes = NotesController(self)
        self.notes.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.search = SearchController(self)
        self.imports = ImportController(self)
        self.citations = CitationsController(self)
        self.people = PeopleController(self)
        self.page_sync = PagesController(self)
        self.history = History(self)
        self.act = Actions(self)
        build_menus(self.menuBar(), self.act)
        build_toolbar(self.addToolBar(self.tr("Main")), self.act)
        # the search box sits beside the menus: never in a toolbar's overflow, so Ctrl+K always reaches it
        self.search_corner = corner = QWidget(self)  # its layout holds the box's minimum width in the menu bar
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(8, 1, 4, 1)
        corner_layout.addWidget(self.search_box)
        self.menuBar().setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self._connect()
        self.bus.operationDidExecute.connect(self._changed)
        self.refresh_archive()
        self._restore()
        self.pack_banner = pack_ui.show_banner(self, self.archive)
        QTimer.singleShot(0, lambda: pack_ui.tell_changes(self, self.archive))
        QTimer.singleShot(0, self.notes.refresh)
        QTimer.singleShot(2000, self.notes.backup)

    # ---- construction --------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.tree = QTreeView()
        self.tree.setObjectName("issueTree")
        self.tree.setAccessibleName(self.tr("Gazettes, issues and documents"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.model = IssueTreeModel(self.archive, self)
        self.tree.setModel(self.model)
        self.reader = ReaderView()
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
        self.center = QStackedWidget()
        self.center.addWidget(self.welcome)
        self.center.addWidget(reading)
        self.results = SearchPanel()
        self.results.hide()
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.panels = PanelLayout(self.splitter, self.tree, self.center, self.results)
        self.setCentralWidget(self.splitter)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search: words, 文号, title:…  (Ctrl+K)"))  # whole in 260 px
        self.search_box.setToolTip(self.tr("Words, a 文号, a phrase in quotes, -word to leave out, OR; fields such as "
                                           "title:… number:… issuer:… year:2019-2023 section:… gazette:… "
                                           "status:valid"))
        self.search_box.setAccessibleName(self.tr("Search the archive"))
        self.search_box.setMinimumWidth(MIN_WIDTHS["search"])
        self.search_box.setMaximumWidth(640)
        self.statusBar().showMessage(self.tr("Ready"))

    def _build_docks(self) -> None:
        self.bookmarks = BookmarksPanel()
        self.annotations = AnnotationsPanel()
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
        for panel in (self.bookmarks, self.annotations):
            panel.setMinimumWidth(MIN_WIDTHS["dock"])
        keep_docks_narrow(self, [self.bookmarks_dock, self.annotations_dock])

    def _connect(self) -> None:
        """Wire the views to the controllers."""
        notes = self.notes
        self.tree.activated.connect(self._tree_activated)
        self.tree.clicked.connect(self._tree_activated)
        self.welcome.import_files.clicked.connect(self.imports.choose_files)
        self.welcome.import_folder.clicked.connect(self.imports.choose_folder)
        self.welcome.load_sample.clicked.connect(self.imports.load_sample)
        self.welcome.openDocument.connect(self.show_document)
        self.bookmarks.opened.connect(notes.open_bookmark)
        self.bookmarks.removeRequested.connect(notes.remove_bookmark)
        self.bookmarks.renameRequested.connect(notes.rename_bookmark)
        self.bookmarks.order.currentIndexChanged.connect(lambda _=0: notes.refresh())
        self.annotations.opened.connect(notes.open_annotation)
        self.annotations.removeRequested.connect(notes.remove_annotation)
        self.annotations.editRequested.connect(notes.edit_annotation)
        self.annotations.confirmRequested.connect(notes.place)
        self.annotations.filtersChanged.connect(notes.refresh)
        self.results.openNote.connect(notes.open_record)
        for dock in (self.bookmarks_dock, self.annotations_dock):
            dock.visibilityChanged.connect(lambda visible: notes.refresh() if visible else None)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        self.reader.selectionChanged.connect(notes.update_actions)
        self.reader.cursorPositionChanged.connect(notes.update_actions)
        self.reader.historyRequested.connect(self.history.go)

    def _changed(self, change: Change) -> None:
        if change & Change.ARCHIVE:
            self.refresh_archive()

    # ---- archive and tree ----------------------------------------------------------------------
    def refresh_archive(self) -> None:
        """Re-read the issues (the open rows and the selection kept); show the welcome page when there are none."""
        kept = tree_state.save(self.tree, self.model)
        self.model.reload()
        empty = self.model.rowCount() == 0
        self.center.setCurrentIndex(0 if empty or self.current_doc is None else 1)
        self.welcome.set_state(empty, self.act.recent.entries())  # the start page lists the recent documents
        for a in self.act.document_actions():
            a.setEnabled(not empty and self.reader.doc is not None)
        self.act.pages.setEnabled(not empty)
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        tree_state.restore(self.tree, self.model, kept)

    def _tree_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ID_ROLE)
        if doc_id:
            self.show_document(doc_id)
        elif not self.tree.isExpanded(index):
            self.tree.expand(index)

    def show_document(self, doc_id: str, hits: list[tuple[int, int]] | None = None, select: bool = True) -> bool:
        """Open a document in the reading pane (and the page view when it is on); hits are offsets into its text."""
        try:
            doc = self.archive.document(doc_id)
            issue = self.archive.issue(doc.issue_id)
        except GazetteError as exc:
            self.statusBar().showMessage(reason_text(exc.reason), 8000)
            return False
        self.history.leaving(doc_id)
        self.center.setCurrentIndex(1)
        self.current_doc = doc_id
        self.reader.show_document(doc, issue, hits, *self.citations.extras(doc_id))
        self.reader.set_notes(self.archive.annotations_for(doc_id))
        for a in self.act.document_actions():
            a.setEnabled(True)
        self.notes.update_actions()
        self.notes.update_bookmark_action()
        if self.act.pages.isChecked():
            self.page_sync.show()
        if select:
            index = self.model.index_of_document(doc_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        self.setWindowTitle(f"{title_text(doc.title)} — {self.tr('Gazette Reader')}")
        self.settings.setValue("last_document", doc_id)
        self.documentShown.emit(doc_id)
        return True

    # ---- reading -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+K: focus the search box with its text selected."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def zoom(self, step: int, reset: bool = False) -> None:
        """Change the reading size (remembered)."""
        self.reader.set_zoom(0 if reset else self.reader.zoom_steps + step)
        self.settings.setValue("zoom", self.reader.zoom_steps)
        if self.act.pages.isChecked():
            self.pages.set_zoom(self.pages.effective_zoom() * (1.2 ** step) if not reset else 0.0)

    def toggle_pages(self, on: bool) -> None:
        """Switch between the reading pane and the original pages, at the same place."""
        if on:
            self.page_sync.show()
        else:
            self.page_sync.hide()

    def next_hit(self, step: int) -> None:
        """F3 / Shift+F3: the next or previous hit, in whichever view is shown (across pages on the pages)."""
        (self.pages if self.page_sync.active else self.reader).next_hit(step)

    def selection_span(self) -> tuple[int, int] | None:
        """The selected passage as offsets into the document's text, in whichever view is shown."""
        return self.page_sync.selection_span() if self.page_sync.active else self.reader.selection_offsets()

    def copy_text(self) -> None:
        """Copy the selection (or the whole document) as plain text."""
        focus = QGuiApplication.focusObject()
        if isinstance(focus, QLineEdit):
            focus.copy()
            return
        page_text = self.pages.selected_text() if self.page_sync.active else ""
        QGuiApplication.clipboard().setText(page_text or self.reader.selected_or_all())
        self.statusBar().showMessage(self.tr("Copied"), 2000)

    def copy_with_citation(self) -> None:
        """Copy the selection (or the document) followed by its citation."""
        text = self.reader.citation_text()
        if self.page_sync.active and self.pages.selected_text() and self.reader.doc and self.reader.issue:
            from reader.archive import cite

            citation = cite(self.reader.doc, self.reader.issue).text()
            page = self.page_sync.selection_page_label()
            if page:
                citation = citation.rsplit("第", 1)[0] + page if "页" in citation else citation + page
            text = f"{self.pages.selected_text()}\n——{citation}"
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusBar().showMessage(self.tr("Copied with citation"), 3000)

    def export_pdf(self, path: str | None = None, with_notes: bool | None = None) -> str | None:
        """Save the shown document as a PDF file (with its highlights and notes if asked); on the original pages,
        the pages themselves."""
        if self.page_sync.active and self.pages.source is not None:
            return self.page_sync.export_pages(path)
        return export_pdf(self, path, with_notes)

    def print_document(self, with_notes: bool | None = None) -> None:
        """Print the shown document, after a preview; on the original pages, the pages themselves."""
        if self.page_sync.active and self.pages.source is not None:
            self.page_sync.print_pages()
            return
        print_document(self, with_notes)

    def _reader_menu(self, point: QPoint) -> None:
        a = self.act
        self.notes.update_actions()
        menu: QMenu = self.reader.createStandardContextMenu()
        menu.addSeparator()
        colors = menu.addMenu(self.tr("Highlight"))
        colors.setEnabled(a.highlight.isEnabled())
        for act in a.colors:
            colors.addAction(act)
        for act in (a.highlight_note, a.edit_note, a.remove_highlight):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(a.bookmark)
        menu.addAction(a.cite)
        menu.exec(self.reader.viewport().mapToGlobal(point))

    # ---- importing (ImportController) ---------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.imports.start(files)
            event.acceptProposedAction()

    # ---- settings and shutdown -----------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.panels.restore(self.settings)
        try:
            self.reader.set_zoom(int(str(self.settings.value("zoom", 0))))
        except (TypeError, ValueError):
            pass
        last = self.settings.value("last_document")
        if isinstance(last, str) and last and self.model.rowCount() and not self.show_document(last):
            self.settings.remove("last_document")

    def save_settings(self) -> None:
        """Remember geometry, splitter and zoom."""
        self.settings.setValue("geometry", self.saveGeometry())
        self.panels.save(self.settings)
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("zoom", self.reader.zoom_steps)
        self.settings.sync()

    def about(self) -> None:
        """The about box."""
        QMessageBox.about(self, self.tr("About Gazette Reader"),
                          self.tr("Gazette Reader {0}\nData folder: {1}").format(__version__, self.home))

    def shutdown(self) -> None:
        """Stop the worker threads and close the archive (safe to call more than once)."""
        if self.closed:
            return
        self.closed = True
        self.imports.stop()
        self.search.stop()
        self.pages.close_pdf()
        self.archive.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.closed:
            self.save_settings()
        self.shutdown()
        super().closeEvent(event)
