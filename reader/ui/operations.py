"""One change notice for the whole window (Anki's operation_did_execute): every view listens, none is called."""

from __future__ import annotations

from enum import Flag, auto

from PySide6.QtCore import QObject, Signal


class Change(Flag):
    """What an operation changed."""

    NOTES = auto()  # bookmarks or annotations
    ARCHIVE = auto()  # issues imported, replaced or deleted


class OperationBus(QObject):
    """Operations end with did_execute(change); views subscribe to operationDidExecute and refresh themselves."""

    operationDidExecute = Signal(object)  # Change

    def did_execute(self, change: Change) -> None:
        """Announce that an operation changed something."""
        self.operationDidExecute.emit(change)
