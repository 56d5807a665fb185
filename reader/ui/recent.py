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

    def fill(self) -> None:
        """Rebuild the menu: one entry per remembered document the archive still holds."""
        self.menu.clear()
        ids = self.ids()
        briefs = {b.id: b for b in self.window.archive.briefs(ids)} if ids else {}
        for k, doc_id in enumerate(i for i in ids if i in briefs):
            brief = briefs[doc_id]
            text = brief.title + (f"　{brief.doc_number}" if brief.doc_number else "")
            action = self.menu.addAction(f"&{k + 1} {text}" if k < 9 else text)
            action.setToolTip(text)
            action.triggered.connect(lambda _=False, d=doc_id: self.window.show_document(d))
        if not briefs:
            self.menu.addAction(self.tr("No document read yet")).setEnabled(False)
            return
        self.menu.addSeparator()
        self.menu.addAction(self.tr("Clear the list"), self.clear)

    def clear(self) -> None:
        """Forget the recent documents."""
        self.window.settings.remove(RECENT_KEY)
