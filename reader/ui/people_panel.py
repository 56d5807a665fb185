"""The People panel (人员): type a name or part of a post; each person's decisions as a timeline, or who held a post
over time; a click or Enter opens the deciding document with the decision's text selected."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.archive import PersonRecord, to_csv
from reader.ui.layout import MIN_WIDTHS

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

RECORD_ROLE = Qt.ItemDataRole.UserRole + 40
LIMIT = 200  # records shown for one typed text (the label says when there are more)
EXPORT_LIMIT = 100_000  # records a CSV export of the typed text holds


class PeoplePanel(QWidget):
    """A search line over the personnel index and the timeline it answers with."""

    openDecision = Signal(object)  # the PersonRecord of the row activated
    queryChanged = Signal(str)
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePanel")
        self.setMinimumWidth(MIN_WIDTHS["dock"])
        self.query = QLineEdit()
        self.query.setObjectName("peopleQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Name, or part of a post"))
        self.query.setAccessibleName(self.tr("Find a person or a post"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.setObjectName("peopleExport")
        self.export.setToolTip(self.tr("Save these decisions as a spreadsheet (CSV, UTF-8)"))
        self.export.setEnabled(False)
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("peopleTimeline")
        self.timeline.setColumnCount(4)
        self.timeline.setHeaderLabels([self.tr("Date"), self.tr("Decision"), self.tr("Post"), self.tr("Document")])
        self.timeline.setRootIsDecorated(True)
        self.timeline.setUniformRowHeights(True)
        self.timeline.setAccessibleName(self.tr("Decisions found"))
        self.timeline.setIndentation(12)
        for column, width in enumerate((98, 64, 280)):  # fixed widths: measuring every row would cost each keystroke
            self.timeline.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.export)
        layout.addLayout(row)
        layout.addWidget(self.timeline, 1)
        self.query.textChanged.connect(self.queryChanged.emit)
        self.query.returnPressed.connect(self._open_first)
        self.timeline.itemActivated.connect(self._open)
        self.timeline.itemClicked.connect(self._open)
        self.export.clicked.connect(self.exportRequested.emit)

    def action_text(self, action: str) -> str:
        """A decision's action in the window's language."""
        texts = {"appoint": self.tr("appointed"), "remove": self.tr("removed"), "second": self.tr("seconded"),
                 "nominate": self.tr("nominated"), "trial": self.tr("trial period"),
                 "trial_ends": self.tr("trial period ended"), "other": self.tr("other")}
        return texts.get(action, action)

    def show_records(self, text: str, records: list[PersonRecord], by_post: bool) -> None:
        """Fill the timeline: one group per person (a name) or per post (who held it), decisions by date."""
        self.timeline.clear()
        self.export.setEnabled(bool(records))
        if not text.strip():
            self.summary.setText(self.tr("Type a name, or part of a post."))
            return
        if not records:
            self.summary.setText(self.tr("No decisions on “{0}”.").format(text.strip()))
            return
        groups: dict[str, list[PersonRecord]] = {}
        for r in records:
            groups.setdefault((r.post or "") if by_post else r.person, []).append(r)
        more = self.tr(" (the first {0})").format(LIMIT) if len(records) >= LIMIT else ""
        self.summary.setText((self.tr("Decisions: {0} · posts: {1}") if by_post else self.tr("Decisions: {0} · names: {1}"))
                             .format(len(records), len(groups)) + more)
        third = self.tr("Person") if by_post else self.tr("Post")
        self.timeline.setHeaderLabels([self.tr("Date"), self.tr("Decision"), third, self.tr("Document")])
        tops = []
        for key, rows in groups.items():
            heading = (key or self.tr("(no post)")) + "　" + self.tr("(decisions: {0})").format(len(rows))
            top = QTreeWidgetItem([heading])
            children = []
            for r in rows:
                what = r.person if by_post else (r.post or "—")
                item = QTreeWidgetItem([r.date or "", self.action_text(r.action),
                                        what + (f"　{r.note}" if r.note else ""), r.doc_number or r.title])
                item.setData(0, RECORD_ROLE, r)
                item.setToolTip(2, what + (f"　{r.note}" if r.note else ""))
                item.setToolTip(3, r.title)
                children.append(item)
            top.addChildren(children)  # in one call: a keystroke refills the tree
            tops.append(top)
        self.timeline.addTopLevelItems(tops)
        for top in tops:
            top.setFirstColumnSpanned(True)  # the name or post heads its rows across the columns
        self.timeline.expandAll()

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        record = item.data(0, RECORD_ROLE)
        if record is not None:
            self.openDecision.emit(record)

    def _open_first(self) -> None:
        """Enter in the search line opens the first decision shown."""
        top = self.timeline.topLevelItem(0)
        first = top.child(0) if top is not None else None
        if first is not None:
            self.timeline.setCurrentItem(first)
            self._open(first)


class PeopleController(QObject):
    """The panel's dock, answering as the user types, opening a decision where it stands in its document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = PeoplePanel()
        self.dock = QDockWidget(self.tr("People"), window)
        self.dock.setObjectName("peopleDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.annotations_dock, self.dock)
        self.dock.hide()
        self.panel.queryChanged.connect(self.lookup)
        self.panel.openDecision.connect(self.open)
        self.panel.exportRequested.connect(lambda: self.export_csv())
        window.bus.operationDidExecute.connect(lambda _change: self.lookup(self.panel.query.text()))
        self.dock.visibilityChanged.connect(lambda visible: self._focus() if visible else None)
        self.lookup("")

    def _focus(self) -> None:
        self.panel.query.setFocus()
        self.panel.query.selectAll()

    def lookup(self, text: str) -> None:
        """Answer typed text: the decisions on names holding it, else on posts holding it."""
        records, by_post = self.window.archive.people_lookup(text, LIMIT)
        self.panel.show_records(text.strip(), records, by_post)

    def open(self, record: PersonRecord) -> None:
        """Open the deciding document with the decision's text marked as a hit, selected and in view."""
        span = [(record.start, record.end)] if record.end > record.start else None
        if self.window.show_document(record.document_id, span) and span:
            self.window.reader.select_offsets(record.start, record.end)

    def export_csv(self, path: str | None = None) -> str | None:
        """Save the decisions answering the typed text (all of them, not only those shown) as CSV for a
        spreadsheet, UTF-8 with a BOM; asks where when no path is given."""
        text = self.panel.query.text().strip()
        records, _by_post = self.window.archive.people_lookup(text, EXPORT_LIMIT)
        if not records:
            return None
        if not path:
            suggested = str(Path.home() / f"{text or 'people'}.csv")
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export decisions as CSV"), suggested,
                                                  "CSV (*.csv)")
            if not path:
                return None
        try:
            Path(path).write_text(to_csv(records), encoding="utf-8", newline="")
        except OSError as exc:
            self.window.statusBar().showMessage(self.tr("Could not save {0}: {1}").format(path, exc.strerror), 10000)
            return None
        self.window.statusBar().showMessage(self.tr("Saved {0} decisions to {1}").format(len(records), path), 8000)
        return path
