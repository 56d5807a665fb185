"""Highlights, bookmarks and their undo: every change goes through the archive and ends in one change notice."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.archive import Annotation, Bookmark, GazetteError
from reader.ui.note_dialog import ask_note as note_dialog
from reader.ui.operations import Change, OperationBus

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class NoteCommand(QUndoCommand):
    """An undoable change to the user's notes: a step and its inverse; each ends by announcing Change.NOTES."""

    def __init__(self, text: str, bus: OperationBus, forward: Callable[[], object],
                 backward: Callable[[], object]) -> None:
        super().__init__(text)
        self.bus, self.forward, self.backward = bus, forward, backward

    def redo(self) -> None:
        self.forward()
        self.bus.did_execute(Change.NOTES)

    def undo(self) -> None:
        self.backward()
        self.bus.did_execute(Change.NOTES)


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
        if (existing is not None) == self.window.act.bookmark.isChecked():  # another window did it already
            self.refresh()
            self.message.emit(self.tr("Another window on this data folder changed this bookmark already"), 5000)
            return
        if existing is not None:
            self.remove_bookmark(existing)
            return
        position = reader.to_text(reader.textCursor().position())
        bookmark = self.archive.notes.new_bookmark_on(doc.id, position)
        notes = self.archive.notes
        self._push(NoteCommand("bookmark", self.bus, lambda: notes.add_bookmark(bookmark),
                               lambda: notes.remove_bookmark(bookmark.id)), self.tr("Bookmarked"))

    def highlight(self, color: str | None = None, ask_note: bool = False, note: str | None = None) -> Annotation | None:
        """Highlight the selected passage in a colour, optionally with a note."""
        reader = self.window.reader
        doc, span = reader.doc, self.window.selection_span()
        if doc is None or span is None:
            self.message.emit(self.tr("Select a passage of the document first"), 4000)
            return None
        self.highlight_color = color = color or self.highlight_color
        if ask_note and note is None:
            quote = doc.text[span[0]:span[1]]
            text, ok = note_dialog(self.window, self._note_label(quote))
            if not ok:
                return None
            note = text
        annotation = self.archive.new_annotation(doc.id, *span, color=color, note=note or "")
        archive = self.archive
        self._push(NoteCommand("highlight", self.bus, lambda: archive.add_annotation(annotation),
                               lambda: archive.remove_annotation(annotation.id)),
                   self.tr("Highlighted (Ctrl+Z to undo)"))
        return annotation

    def _note_label(self, quote: str) -> str:
        """The note dialog's label: the passage the note is on (shortened), then the question."""
        shown = quote if len(quote) <= 120 else quote[:120] + "…"
        return self.tr("「{0}」\nNote on this passage:").format(shown)

    def edit_annotation(self, annotation: Annotation, text: str | None = None) -> None:
        """Change an annotation's note (undoable)."""
        if text is None:
            text, ok = note_dialog(self.window, self._note_label(annotation.exact), annotation.note)
            if not ok:
                return
        if text != annotation.note:
            target, old, new, archive = annotation.id, annotation.note, text, self.archive
            self._push(NoteCommand("edit note", self.bus, lambda: archive.update_annotation(target, note=new),
                                   lambda: archive.update_annotation(target, note=old)),
                       self.tr("Note saved (Ctrl+Z to undo)"))

    def remove_annotation(self, annotation: Annotation) -> None:
        """Delete an annotation (Ctrl+Z brings it back)."""
        archive = self.archive
        self._push(NoteCommand("remove highlight", self.bus, lambda: archive.remove_annotation(annotation.id),
                               lambda: archive.add_annotation(annotation)),
                   self.tr("Highlight removed (Ctrl+Z to undo)"), 4000)

    def remove_bookmark(self, bookmark: Bookmark) -> None:
        """Delete a bookmark (Ctrl+Z brings it back)."""
        notes = self.archive.notes
        self._push(NoteCommand("remove bookmark", self.bus, lambda: notes.remove_bookmark(bookmark.id),
                               lambda: notes.add_bookmark(bookmark)),
                   self.tr("Bookmark removed (Ctrl+Z to undo)"), 4000)

    def rename_bookmark(self, bookmark: Bookmark, label: str) -> None:
        """Give a bookmark a label (undoable)."""
        if label != bookmark.label:
            target, old, notes = bookmark.id, bookmark.label, self.archive.notes
            self._push(NoteCommand("rename bookmark", self.bus, lambda: notes.rename_bookmark(target, label),
                                   lambda: notes.rename_bookmark(target, old)))

    def place(self, annotation: Annotation, span: tuple[int, int] | None = None) -> None:
        """Confirm a highlight where it is shown, or move it to a passage (offsets in its document); undoable."""
        archive, old = self.archive, annotation
        self._push(NoteCommand("place highlight", self.bus,
                               lambda: archive.place_annotation(old.id, *(span or (None, None))),
                               lambda: archive.add_annotation(old)),
                   self.tr("Highlight moved (Ctrl+Z to undo)") if span else self.tr("Place confirmed"))

    def move_to_selection(self) -> None:
        """Move the highlight chosen in the Annotations panel to the passage selected in the reading pane."""
        chosen = self.window.annotations.current()
        span = self.window.reader.selection_offsets()
        doc = self.window.reader.doc
        if chosen is None or span is None or doc is None or doc.id != chosen.document_id:
            self.message.emit(self.tr("Choose the highlight in the Annotations panel and select the right words "
                                      "in its document"), 6000)
            return
        self.place(chosen, span)

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
        """Open a bookmarked document at its position; say plainly when its document is no longer in the archive."""
        try:
            self.archive.document(bookmark.document_id)
        except GazetteError:
            name = bookmark.citation.text() or bookmark.label
            self.message.emit(self.tr("The bookmarked document {0} is no longer in the archive: its issue was "
                                      "replaced or deleted. Import the issue again, or remove the bookmark.").format(name),
                              10000)
            return
        if self.window.show_document(bookmark.document_id) and bookmark.position is not None:
            self.window.reader.select_offsets(bookmark.position, bookmark.position)

    def open_record(self, record: Annotation | Bookmark) -> None:
        """Open a note found by the "my notes" search: an annotation at its passage, a bookmark at its place."""
        if isinstance(record, Bookmark):
            self.open_bookmark(record)
        else:
            self.open_annotation(record)

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
        self.update_bookmark_action()

    def update_actions(self) -> None:
        """Enable what applies to the selection: highlighting with one, editing on a highlight (per cursor move)."""
        w = self.window
        acts = w.act
        has_selection = w.selection_span() is not None
        for act in [acts.highlight, acts.highlight_note, *acts.colors]:
            act.setEnabled(has_selection)
        here = self.note_here() is not None
        acts.edit_note.setEnabled(here)
        acts.remove_highlight.setEnabled(here)

    def update_bookmark_action(self) -> None:
        """The bookmark action: enabled with a document open, checked when it is bookmarked (one query)."""
        w, acts = self.window, self.window.act
        doc = w.reader.doc
        acts.bookmark.setEnabled(doc is not None)
        acts.bookmark.setChecked(doc is not None and self.archive.notes.bookmark_at(doc.id) is not None)
