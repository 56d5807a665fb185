"""The Citations panel (引用 / 被引用): what the document read cites and what cites it, each a click away."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.archive import ENDED_STATES, DocumentBrief, Link, State, Status
from reader.ui.actions import toggle_dock
from reader.ui.document_html import status_html
from reader.ui.layout import keep_docks_narrow
from reader.ui.messages import state_suffix

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

TARGET_ROLE = Qt.ItemDataRole.UserRole + 30


class CitationsPanel(QWidget):
    """The status of the document read, the documents it cites (unheld ones greyed) and those citing it."""

    openDocument = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationsPanel")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.linkActivated.connect(self._status_link)
        self.cites_label, self.cited_label = QLabel(), QLabel()
        self.cites, self.cited_by = QListWidget(), QListWidget()
        self.cites.setObjectName("citesList")
        self.cited_by.setObjectName("citedByList")
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("citationsFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter by title or 文号"))
        self.filter_box.setAccessibleName(self.tr("Filter the citations"))
        self.filter_box.textChanged.connect(self._filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for w in (self.status, self.filter_box, self.cites_label, self.cites, self.cited_label, self.cited_by):
            layout.addWidget(w, 1 if isinstance(w, QListWidget) else 0)
        for view in (self.cites, self.cited_by):
            view.setWordWrap(True)
            view.itemActivated.connect(self._open)
            view.itemDoubleClicked.connect(self._open)

    def _status_link(self, href: str) -> None:
        if href.startswith("doc:"):
            self.openDocument.emit(href[4:])

    def show_links(self, status: Status, cites: list[Link], cited_by: list[DocumentBrief],
                   titles: dict[str, DocumentBrief], states: dict[str, State]) -> None:
        """Fill the panel for one document."""
        self.status.setText(status_html(status).replace("<p class='status'>", "").replace("</p>", ""))
        held = sum(1 for c in cites if c.document_id)
        self.cites_label.setText(self.tr("Cites ({0}, {1} in the archive)").format(len(cites), held))
        self.cited_label.setText(self.tr("Cited by ({0})").format(len(cited_by)))
        self.cites.clear()
        for c in sorted(cites, key=lambda c: c.document_id is None):  # the documents the archive holds first
            self.cites.addItem(self._item(self._cite_text(c, titles.get(c.document_id or "")), c.document_id, states))
        self.cited_by.clear()
        for d in cited_by:
            self.cited_by.addItem(self._item(f"{d.doc_number or ''}　{d.title}".strip(), d.id, states))
        self._filter(self.filter_box.text())

    def _cite_text(self, c: Link, target: DocumentBrief | None) -> str:
        """A cited document: its 文号 and title (the archived one's, else the title the text gives)."""
        if target is not None:
            return f"{c.doc_number or ''}　{target.title}".strip()
        if not c.doc_number:
            return f"《{c.title}》　" + self.tr("(not in the archive)")
        title = f"《{c.title}》　" if c.title else ""
        return f"{c.doc_number}　{title}" + self.tr("(not in the archive)")

    def _filter(self, text: str) -> None:
        """Show only the rows whose 文号 or title holds the typed words."""
        words = text.lower().split()
        for view in (self.cites, self.cited_by):
            for row in range(view.count()):
                item = view.item(row)
                item.setHidden(not all(w in item.text().lower() for w in words))

    def _item(self, text: str, doc_id: str | None, states: dict[str, State]) -> QListWidgetItem:
        state = states.get(doc_id or "")
        if state is not None and state in ENDED_STATES:
            text += state_suffix(state)
        item = QListWidgetItem(html.unescape(text))
        item.setData(TARGET_ROLE, doc_id or "")
        if not doc_id or state in ENDED_STATES:
            item.setForeground(QColor("#777"))
        return item

    def open_row(self, view: QListWidget, row: int) -> None:
        """Open the document of a row, as Enter or a double-click does."""
        item = view.item(row)
        if item is not None:
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:
            self.openDocument.emit(target)


class CitationsController(QObject):
    """The panel's dock, kept in step with the document read; links in the reading pane open their documents."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = CitationsPanel()
        self.dock = QDockWidget(self.tr("Citations"), window)
        self.dock.setObjectName("citationsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.annotations_dock, self.dock)
        self.dock.hide()
        keep_docks_narrow(window, [self.dock])
        self.action = QAction(self.tr("C&itations panel"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.action.setCheckable(True)
        self.action.triggered.connect(lambda _=False: toggle_dock(self.dock))
        self.dock.visibilityChanged.connect(lambda _visible: self.action.setChecked(not self.dock.isHidden()))
        window.addAction(self.action)
        self.panel.openDocument.connect(window.show_document)
        window.reader.documentLinkActivated.connect(window.show_document)
        window.documentShown.connect(lambda _id: self.refresh())
        self.dock.visibilityChanged.connect(lambda visible: self.refresh() if visible else None)

    def extras(self, doc_id: str) -> tuple[Status, dict[str, str | None]]:
        """What the reading pane shows beside a document: its status, and its cited numbers with their targets."""
        archive = self.window.archive
        links = {c.doc_number: c.document_id for c in archive.cites(doc_id) if c.doc_number}
        return archive.status(doc_id), links

    def refresh(self) -> None:
        """Fill the panel for the document read (only while it is shown)."""
        doc = self.window.reader.doc
        if doc is None or not self.dock.isVisible():
            return
        archive = self.window.archive
        cites = archive.cites(doc.id)
        cited_by = archive.briefs(archive.cited_by(doc.id))
        titles = {b.id: b for b in archive.briefs([c.document_id for c in cites if c.document_id])}
        self.panel.show_links(archive.status(doc.id), cites, cited_by, titles, archive.states())
