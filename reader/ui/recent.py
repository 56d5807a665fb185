"""Recently read documents: File → Recent documents, newest first, kept in the data home's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

RECENT_KEY = "recent_documents"
RECENT_COUNT = 10


class RecentDocuments(QObject):
    """Remembers the documents opened and offers them in a menu (documents gone from the archive are left out)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(self.tr("Recent &documents"), window)
        self.menu.setObjectName("recentMenu")
        self.menu.aboutToShow.connect(self.fill)
        window.documentShown.connect(self.remember)
        self.fill()

    def ids(self) -> list[str]:
        """The remembered document ids, newest first."""
        value = self.window.settings.value(RECENT_KEY, "")
        return [v for v in str(value or "").split(",") if v]

    def remember(self, doc_id: str) -> None:
        """A document was opened: put it first."""
        ids = [doc_id, *(i for i in self.ids() if i != doc_id)][:RECENT_COUNT]
        self.window.settings.setValue(RECENT_KEY, ",".join(ids))

    def entries(self) -> list[tuple[str, str]]:
        """The remembered documents the archive still holds: (id, title and 文号), newest first."""
        ids = self.ids()
        briefs = {b.id: b for b in self.window.archive.briefs(ids)} if ids else {}
        return [(i, briefs[i].title + (f"　{briefs[i].doc_number}" if briefs[i].doc_number else ""))
                for i in ids if i in briefs]

    def fill(self) -> None:
        """Rebuild the menu: one entry per remembered document the archive still holds."""
        self.menu.clear()
        entries = self.entries()
        for k, (doc_id, text) in enumerate(entries):
            action = self.menu.addAction(f"&{k + 1} {text}" if k < 9 else text)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, d=doc_id: self.window.show_document(d))
        if not entries:
            self.menu.addAction(self.tr("No document read yet")).setEnabled(False)
            return
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Clear the list"), self.clear)

    def clear(self) -> None:
        """Forget the recent documents."""
        self.window.settings.remove(RECENT_KEY)
        self.window.welcome.set_state(self.window.model.rowCount() == 0, [])
