"""The window's actions in one registry, and the menus and toolbar built from it (Picard's way)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenuBar, QToolBar

from reader.ui import pack_ui
from reader.ui.notes_export import export_notes
from reader.ui.palette import COLORS, color_label
from reader.ui.recent import RecentDocuments

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class Actions(QObject):
    """Every action of the window, made once, each with its text, shortcut and slot."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.window = w
        s = QKeySequence.StandardKey
        notes = w.notes
        self.import_files = self._make(self.tr("&Import files…"), w.imports.choose_files, s.Open)
        self.import_folder = self._make(self.tr("Import &folder…"), w.imports.choose_folder, "Ctrl+Shift+O")
        self.sample = self._make(self.tr("Load the &sample gazette"), w.imports.load_sample)
        self.open_pack = self._make(self.tr("Open archive &pack…"), lambda: pack_ui.open_pack(w, w.home))
        self.own_archive = self._make(self.tr("Open &my own archive"), lambda: pack_ui.leave_pack(w, w.home))
        self.own_archive.setVisible(w.archive.pack is not None)
        for act in (self.import_files, self.import_folder, self.sample):
            act.setEnabled(w.archive.pack is None)  # a pack is read-only
        self.export_pdf = self._make(self.tr("&Export document as PDF…"), lambda: w.export_pdf(), "Ctrl+Shift+E")
        self.print = self._make(self.tr("&Print…"), lambda: w.print_document(), s.Print)
        self.export_notes = self._make(self.tr("Export &notes…"), lambda: export_notes(w))
        self.recent = RecentDocuments(w)
        self.quit = self._make(self.tr("&Quit"), w.close, s.Quit)
        self.copy = self._make(self.tr("&Copy"), w.copy_text, s.Copy)
        self.cite = self._make(self.tr("Copy with &citation"), w.copy_with_citation, "Ctrl+Shift+C")
        self.find = self._make(self.tr("&Find in document…"), w.find_bar.open_bar, s.Find)
        self.search = self._make(self.tr("&Search the archive"), w.focus_search, "Ctrl+K")
        self.next_hit = self._make(self.tr("&Next hit"), lambda: w.next_hit(1), "F3")
        self.prev_hit = self._make(self.tr("P&revious hit"), lambda: w.next_hit(-1), "Shift+F3")
        self.zoom_in = self._make(self.tr("Zoom &in"), lambda: w.zoom(1), "Ctrl+=")
        self.zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out = self._make(self.tr("Zoom &out"), lambda: w.zoom(-1), "Ctrl+-")
        self.zoom_reset = self._make(self.tr("&Actual size"), lambda: w.zoom(0, reset=True), "Ctrl+0")
        self.back = self._make(self.tr("&Back"), lambda: w.history.go(-1), "Alt+Left")
        self.forward = self._make(self.tr("&Forward"), lambda: w.history.go(1), "Alt+Right")
        self.back.setEnabled(False)
        self.forward.setEnabled(False)
        w.history.changed.connect(self._history_moved)
        self.pages = self._make(self.tr("&Original pages"), w.toggle_pages, "Ctrl+Shift+P", checkable=True)
        self.about = self._make(self.tr("&About Gazette Reader"), w.about)
        self.undo = notes.undo_stack.createUndoAction(w, self.tr("&Undo"))
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = notes.undo_stack.createRedoAction(w, self.tr("&Redo"))
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        w.addAction(self.undo)
        w.addAction(self.redo)
        self.bookmark = self._make(self.tr("&Bookmark this document"), notes.toggle_bookmark, "Ctrl+D", checkable=True)
        self.highlight = self._make(self.tr("&Highlight selection"), lambda: notes.highlight(), "Ctrl+H")
        self.highlight_note = self._make(self.tr("Highlight with &note…"), lambda: notes.highlight(ask_note=True),
                                         "Ctrl+Shift+H")
        self.colors = [
            self._make(self.tr("Highlight in {0}").format(color_label(color)),
                       lambda _=False, c=color: notes.highlight(color=c), f"Ctrl+{k}")
            for k, color in enumerate(COLORS, 1)
        ]
        self.edit_note = self._make(self.tr("&Edit note of highlight…"), notes.edit_note_here)
        self.remove_highlight = self._make(self.tr("&Remove highlight"), notes.remove_highlight_here)
        self.move_highlight = self._make(self.tr("&Move highlight to selection"), notes.move_to_selection)
        self.show_bookmarks = self._dock(w.bookmarks_dock, self.tr("Bookmarks &panel"), "Ctrl+Shift+B")
        self.show_annotations = self._dock(w.annotations_dock, self.tr("&Annotations panel"), "Ctrl+Shift+A")
        self.show_people = self._dock(w.people.dock, self.tr("P&eople panel (appointments and removals)"),
                                      "Ctrl+Shift+R")

    def _make(self, text: str, slot: Callable[..., Any], shortcut: Shortcut = None, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _dock(self, dock: QDockWidget, text: str, shortcut: str) -> QAction:
        """Show a panel and bring it to the front (also when it is a hidden tab behind another); hide it when it is
        in front already. Checked while the panel is open."""
        action = self._make(text, lambda: toggle_dock(dock), shortcut, checkable=True)
        dock.visibilityChanged.connect(lambda _visible: action.setChecked(not dock.isHidden()))
        return action

    def _history_moved(self, back: bool, forward: bool) -> None:
        """Back and Forward enabled only when there is somewhere to go."""
        self.back.setEnabled(back)
        self.forward.setEnabled(forward)

    def document_actions(self) -> list[QAction]:
        """The actions that need a document open."""
        return [self.export_pdf, self.print, self.cite, self.pages, self.bookmark]


def toggle_dock(dock: QDockWidget) -> None:
    """Open and raise a dock, raise it when it is open behind a tab, or close it when it is in front."""
    if dock.isHidden():
        dock.show()
        dock.raise_()
    elif dock.visibleRegion().isEmpty():
        dock.raise_()
    else:
        dock.hide()


def build_menus(menu: QMenuBar, a: Actions) -> None:
    """File, Edit, Notes, View and Help menus."""
    file_menu = menu.addMenu(QCoreApplication.translate("Actions", "&File"))
    for act in (a.import_files, a.import_folder, a.sample, None, a.open_pack, a.own_archive, None, a.export_pdf,
                a.print, a.export_notes, None):
        file_menu.addSeparator() if act is None else file_menu.addAction(act)
    file_menu.addMenu(a.recent.menu)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = menu.addMenu(QCoreApplication.translate("Actions", "&Edit"))
    for act in (a.undo, a.redo, None, a.copy, a.cite, a.find, a.search, a.next_hit, a.prev_hit):
        edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
    notes_menu = menu.addMenu(QCoreApplication.translate("Actions", "&Notes"))
    for act in (a.bookmark, a.highlight, a.highlight_note):
        notes_menu.addAction(act)
    colors = notes_menu.addMenu(QCoreApplication.translate("Actions", "Highlight &colour"))
    for act in a.colors:
        colors.addAction(act)
    for act in (a.edit_note, a.remove_highlight, a.move_highlight, None, a.show_bookmarks, a.show_annotations,
                a.window.citations.action):
        notes_menu.addSeparator() if act is None else notes_menu.addAction(act)
    view_menu = menu.addMenu(QCoreApplication.translate("Actions", "&View"))
    for act in (a.back, a.forward, None, a.pages, a.zoom_in, a.zoom_out, a.zoom_reset, None, a.show_people):
        view_menu.addSeparator() if act is None else view_menu.addAction(act)
    menu.addMenu(QCoreApplication.translate("Actions", "&Help")).addAction(a.about)


def build_toolbar(bar: QToolBar, a: Actions) -> None:
    """The main toolbar's buttons."""
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    for act in (a.back, a.forward, a.import_files, a.pages, a.bookmark, a.highlight, a.show_bookmarks, a.show_annotations):
        bar.addAction(act)
    bar.addSeparator()
