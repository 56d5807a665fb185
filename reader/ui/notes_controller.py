"""Highlights, bookmarks and their undo: every change goes through the archive and ends in one change notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QInputDialog

from reader.archive import Annotation, Archive, Bookmark
from reader.ui.operations import Change, OperationBus

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class NoteCommand(QUndoCommand):
    """An undoable change to the user's notes; each step ends by announcing Change.NOTES."""

    def __init__(self, text: str, archive: Archive, bus: OperationBus) -> None:
        super().__init__(text)
        self.archive, self.bus = archive, bus

    def apply(self, forward: bool) -> None:
        """Do (forward) or undo the change in the archive."""
        raise NotImplementedError

    def redo(self) -> None:
        self.apply(True)
        self.bus.did_execute(Change.NOTES)

    def undo(self) -> None:
        self.apply(False)
        self.bus.did_execute(Change.NOTES)


class AddAnnotation(NoteCommand):
    """Highlight a passage (undo removes it); with adding=False, delete one (undo puts it back, note and all)."""

    def __init__(self, archive: Archive, bus: OperationBus, annotation: Annotation, adding: bool = True) -> None:
        super().__init__("highlight" if adding else "remove highlight", archive, bus)
        self.annotation, self.adding = annotation, adding

    def apply(self, forward: bool) -> None:
        if forward == self.adding:
            self.archive.add_annotation(self.annotation)
        else:
            self.archive.remove_annotation(self.annotation.id)


class EditNote(NoteCommand):
    """Change an annotation's note (undo restores the old one)."""

    def __init__(self, archive: Archive, bus: OperationBus, annotation: Annotation, note: str) -> None:
        super().__init__("edit note", archive, bus)
        self.target, self.old, self.new = annotation.id, annotation.note, note

    def apply(self, forward: bool) -> None:
        self.archive.update_annotation(self.target, note=self.new if forward else self.old)


class AddBookmark(NoteCommand):
    """Bookmark a document (undo removes it); with adding=False, delete one (undo puts it back)."""

    def __init__(self, archive: Archive, bus: OperationBus, bookmark: Bookmark, adding: bool = True) -> None:
        super().__init__("bookmark" if adding else "remove bookmark", archive, bus)
        self.bookmark, self.adding = bookmark, adding

    def apply(self, forward: bool) -> None:
        if forward == self.adding:
            self.archive.notes.add_bookmark(self.bookmark)
        else:
            self.archive.notes.remove_bookmark(self.bookmark.id)


class RenameBookmark(NoteCommand):
    """Give a bookmark a label (undo restores the old label)."""

    def __init__(self, archive: Archive, bus: OperationBus, bookmark: Bookmark, label: str) -> None:
        super().__init__("rename bookmark", archive, bus)
        self.target, self.old, self.new = bookmark.id, bookmark.label, label

    def apply(self, forward: bool) -> None:
        self.archive.notes.rename_bookmark(self.target, self.new if forward else self.old)


class NotesController(QObject):
    """The window's notes: highlight, edit, remove, bookmark, rename (all undoable), and the panels kept current."""

    message = Signal(str, int)  # status-bar text, milliseconds

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.archive = window.archive
        self.bus = window.bus
        self.undo_stack = QUndoStack(self)
        self.highlight_color = "yellow"
        self.bus.operationDidExecute.connect(self._changed)
        # an undo or redo makes the last "… (Ctrl+Z to undo)" message stale
        self.undo_stack.indexChanged.connect(self._undo_moved)

    def _undo_moved(self, _index: int) -> None:
        if not self.window.closed:
            self.window.statusBar().clearMessage()

    def _push(self, command: NoteCommand, message: str = "", ms: int = 3000) -> None:
        self.undo_stack.push(command)
        if message:
            self.message.emit(message, ms)

    def _changed(self, change: Change) -> None:
        if change & (Change.NOTES | Change.ARCHIVE):
            self.refresh()

    # ---- operations ----------------------------------------------------------------------------
    def toggle_bookmark(self) -> None:
        """Bookmark the document being read, or remove its bookmark."""
        reader = self.window.reader
        doc = reader.doc
        if doc is None:
            return
        existing = self.archive.notes.bookmark_at(doc.id)
        if existing is not None:
            self._push(AddBookmark(self.archive, self.bus, existing, adding=False),
                       self.tr("Bookmark removed (Ctrl+Z to undo)"), 4000)
            return
        position = reader.to_text(reader.textCursor().position())
        bookmark = self.archive.notes.new_bookmark_on(doc.id, position)
        self._push(AddBookmark(self.archive, self.bus, bookmark), self.tr("Bookmarked"))

    def highlight(self, color: str | None = None, ask_note: bool = False, note: str | None = None) -> Annotation | None:
        """Highlight the selected passage in a colour, optionally with a note."""
        reader = self.window.reader
        doc, span = reader.doc, reader.selection_offsets()
        if doc is None or span is None:
            self.message.emit(self.tr("Select a passage of the document first"), 4000)
            return None
        self.highlight_color = color = color or self.highlight_color
        if ask_note and note is None:
            text, ok = QInputDialog.getMultiLineText(self.window, self.tr("Note"), self.tr("Note on this passage:"))
            if not ok:
                return None
            note = text
        annotation = self.archive.new_annotation(doc.id, *span, color=color, note=note or "")
        self._push(AddAnnotation(self.archive, self.bus, annotation), self.tr("Highlighted (Ctrl+Z to undo)"))
        return annotation

    def edit_annotation(self, annotation: Annotation, text: str | None = None) -> None:
        """Change an annotation's note (undoable)."""
        if text is None:
            text, ok = QInputDialog.getMultiLineText(self.window, self.tr("Note"), self.tr("Note on this passage:"),
                                                     annotation.note)
            if not ok:
                return
        if text != annotation.note:
            self._push(EditNote(self.archive, self.bus, annotation, text), self.tr("Note saved (Ctrl+Z to undo)"))

    def remove_annotation(self, annotation: Annotation) -> None:
        """Delete an annotation (Ctrl+Z brings it back)."""
        self._push(AddAnnotation(self.archive, self.bus, annotation, adding=False),
                   self.tr("Highlight removed (Ctrl+Z to undo)"), 4000)

    def remove_bookmark(self, bookmark: Bookmark) -> None:
        """Delete a bookmark (Ctrl+Z brings it back)."""
        self._push(AddBookmark(self.archive, self.bus, bookmark, adding=False),
                   self.tr("Bookmark removed (Ctrl+Z to undo)"), 4000)

    def rename_bookmark(self, bookmark: Bookmark, label: str) -> None:
        """Give a bookmark a label (undoable)."""
        if label != bookmark.label:
            self._push(RenameBookmark(self.archive, self.bus, bookmark, label))

    def note_here(self) -> Annotation | None:
        """The highlight under the reading pane's cursor."""
        cursor = self.window.reader.textCursor()
        return self.window.reader.note_at(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    def edit_note_here(self) -> None:
        """Edit the note of the highlight under the cursor."""
        note = self.note_here()
        if note is not None:
            self.edit_annotation(note)

    def remove_highlight_here(self) -> None:
        """Remove the highlight under the cursor (undoable)."""
        note = self.note_here()
        if note is not None:
            self.remove_annotation(note)

    def open_bookmark(self, bookmark: Bookmark) -> None:
        """Open a bookmarked document at its position."""
        if self.window.show_document(bookmark.document_id) and bookmark.position is not None:
            self.window.reader.select_offsets(bookmark.position, bookmark.position)

    def open_annotation(self, annotation: Annotation) -> None:
        """Open an annotation's document with its passage selected and in view."""
        if self.window.show_document(annotation.document_id) and annotation.attached:
            self.window.reader.select_offsets(annotation.start, annotation.end)

    def backup(self) -> None:
        """Keep a daily copy of the user's file when it changed; a failure is reported, never fatal."""
        if self.window.closed:
            return
        try:
            self.archive.backup_notes()
        except Exception as exc:
            self.message.emit(self.tr("Backup of your notes failed: {0}").format(exc), 10000)

    # ---- views ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read bookmarks and annotations into the visible panels and the reading pane."""
        w = self.window
        if w.closed:
            return
        if w.bookmarks_dock.isVisible():
            w.bookmarks.show_bookmarks(self.archive.notes.bookmarks(order=w.bookmarks.order.currentData() or "added"))
        if w.annotations_dock.isVisible():
            w.annotations.set_issues([(i.id, f"{i.gazette} {i.label}") for i in self.archive.issues()])
            w.annotations.show_annotations(self.archive.notes.annotations(**w.annotations.filters()))
        if w.reader.doc is not None:
            w.reader.set_notes(self.archive.notes.annotations(w.reader.doc.id))
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what applies: highlighting with a selection, editing on a highlight, the bookmark's check."""
        w = self.window
        acts = w.act
        has_selection = w.reader.selection_offsets() is not None
        for act in [acts.highlight, acts.highlight_note, *acts.colors]:
            act.setEnabled(has_selection)
        here = self.note_here() is not None
        acts.edit_note.setEnabled(here)
        acts.remove_highlight.setEnabled(here)
        doc = w.reader.doc
        acts.bookmark.setEnabled(doc is not None)
        acts.bookmark.setChecked(doc is not None and self.archive.notes.bookmark_at(doc.id) is not None)
