"""Back and Forward between the documents read (Alt+Left / Alt+Right, the mouse's side buttons), as browsers do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


@dataclass(frozen=True)
class Place:
    """A document and the text offset at the top of the view."""

    doc_id: str
    offset: int


class History(QObject):
    """The places left behind (Back) and the places come back from (Forward)."""

    changed = Signal(bool, bool)  # Back possible, Forward possible

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.back: list[Place] = []
        self.forward: list[Place] = []
        self._moving = False

    def here(self) -> Place | None:
        """Where the reader is now."""
        w = self.window
        return Place(w.current_doc, w.reader.top_offset()) if w.current_doc and w.reader.doc else None

    def leaving(self, doc_id: str) -> None:
        """Called before another document opens: the place left goes on the Back list (a new road clears Forward)."""
        here = self.here()
        if self._moving or here is None or here.doc_id == doc_id:
            return
        self.back.append(here)
        self.forward.clear()
        self._announce()

    def go(self, step: int) -> bool:
        """Go back (-1) or forward (+1); False when there is nowhere to go or the document is gone."""
        source, other = (self.back, self.forward) if step < 0 else (self.forward, self.back)
        here = self.here()
        while source:
            target = source.pop()
            self._moving = True
            try:
                opened = self.window.show_document(target.doc_id)
            finally:
                self._moving = False
            if opened:
                if here is not None:
                    other.append(here)
                self.window.reader.scroll_to_offset(target.offset)
                self._announce()
                return True
        self._announce()
        return False

    def _announce(self) -> None:
        self.changed.emit(bool(self.back), bool(self.forward))
