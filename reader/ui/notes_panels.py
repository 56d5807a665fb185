"""The Bookmarks and Annotations panels (their undoable commands live in notes_controller.py)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive import Annotation, Bookmark, Citation
from reader.ui.palette import COLORS, color_hex, color_label
from reader.ui.search_panel import HTML_ROLE, HtmlDelegate

RECORD_ROLE = Qt.ItemDataRole.UserRole + 20
AnyIndex = QModelIndex | QPersistentModelIndex


# ---- list models ---------------------------------------------------------------------------------
class RecordModel(QAbstractListModel):
    """A list of bookmarks or annotations, shown as rich text; rows are formatted only when painted."""

    def __init__(self, render: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[Any] = []
        self.render = render

    def set_records(self, records: list[Any]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == RECORD_ROLE:
            return record
        if role == HTML_ROLE:
            return self.render(record)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return getattr(record, "note", "") or getattr(record, "label", "") or record.title or ""
        return None


def marked(text: str, words: list[str] | None = None) -> str:
    """Text as HTML with the searched words marked (as search hits are)."""
    out = html.escape(text)
    for word in sorted({w for w in words or [] if w.strip()}, key=len, reverse=True):
        out = out.replace(html.escape(word), f"<span style='background:#ffe066'>{html.escape(word)}</span>")
    return out


def _doc_line(record: Bookmark | Annotation, words: list[str] | None = None) -> str:
    where = Citation(**record.fields()).where()
    number = f"　{record.doc_number}" if record.doc_number else ""
    return (f"<span style='color:#666'>{marked((record.title or record.document_id) + number, words)}<br>"
            f"{html.escape(where)}</span>")


def bookmark_html(b: Bookmark, words: list[str] | None = None) -> str:
    """A bookmark row (the searched words marked)."""
    label = f"<b>{marked(b.label, words)}</b><br>" if b.label else ""
    return f"<b style='color:#c62828'>▍</b>{label}{_doc_line(b, words)}"


def annotation_html(a: Annotation, words: list[str] | None = None) -> str:
    """An annotation row: quote in its colour, note, document, date, and a word when it lost its passage."""
    color = color_hex(a.color)
    quote = marked(a.exact if len(a.exact) <= 40 else a.exact[:40] + "…", words)
    note = marked(a.note if len(a.note) <= 40 else a.note[:40] + "…", words)
    problems = {"orphaned": "原文中未能找到这段文字", "missing": "所在文件不在档案中",
                "review": "原文已改动，位置待核对：打开后确认，或选中正确的文字再“移到所选文字”"}
    lost = f" <span style='color:#b00020'>⚠ {html.escape(problems[a.status])}</span>" if a.status in problems else ""
    return (f"<span style='background:{color}'>{quote}</span> <span style='color:#999'>{html.escape(a.created[:10])}"
            f"</span><br>{note}{lost}<br>{_doc_line(a, words)}")


# ---- panels --------------------------------------------------------------------------------------
class RecordPanel(QWidget):
    """A list of notes: Enter or double-click opens, F2 edits, Delete removes (undoable); buttons do the same."""

    opened = Signal(object)
    removeRequested = Signal(object)

    def __init__(self, name: str, render: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordModel(render, self)
        self.view = QListView()
        self.view.setObjectName(name)
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)  # 10,000 notes: measure one row, not every row
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        # keys the list itself handles (a shortcut would depend on which window Qt thinks is active)
        self.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """F2 edits, Delete (or Backspace) removes the selected record while the list has the keyboard."""
        if watched is self.view and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_F2:
                self.edit_current()
                return True
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    def buttons(self, lead: QWidget, edit_label: str) -> QHBoxLayout:
        """A row: a widget taking the room, then the edit and delete buttons."""
        edit, remove = QPushButton(edit_label), QPushButton(self.tr("Delete"))
        edit.clicked.connect(self.edit_current)
        remove.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.addWidget(lead, 1)
        row.addWidget(edit)
        row.addWidget(remove)
        return row

    def set_records(self, records: list[Any]) -> None:
        """Replace the rows, keeping the selection on the same record (or the row where it was, after a delete)."""
        current = self.current()
        row = self.view.currentIndex().row()
        self.model.set_records(records)
        if current is not None:
            found = next((k for k, r in enumerate(records) if r.id == current.id), min(row, len(records) - 1))
            if found >= 0:
                self.view.setCurrentIndex(self.model.index(found))

    def current(self) -> Any:
        """The selected record, or None."""
        index = self.view.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def open_row(self, row: int) -> None:
        """Open the record in a row, as a double-click or Enter does."""
        self.view.setCurrentIndex(self.model.index(row))
        self._open(self.model.index(row))

    def _open(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            self.opened.emit(record)

    def edit_current(self) -> None:
        """F2: edit the selected record (rename a bookmark, edit an annotation's note)."""

    def remove_current(self) -> None:
        """Delete the selected record (Ctrl+Z brings it back)."""
        record = self.current()
        if record is not None:
            self.removeRequested.emit(record)


class BookmarksPanel(RecordPanel):
    """Bookmarks by issue or in the order added."""

    renameRequested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("bookmarksList", bookmark_html, parent)
        self.setObjectName("bookmarksPanel")
        self.view.setAccessibleName(self.tr("Bookmarks"))
        self.order = QComboBox()
        self.order.addItem(self.tr("In the order added"), "added")
        self.order.addItem(self.tr("By issue"), "issue")
        self.order.setAccessibleName(self.tr("Order"))
        buttons = self.buttons(self.order, self.tr("Rename…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def show_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        """Fill the list (the selected bookmark stays selected)."""
        self.set_records(bookmarks)

    def edit_current(self) -> None:
        """Ask for a new label."""
        b = self.current()
        if b is None:
            return
        label, ok = QInputDialog.getText(self, self.tr("Rename bookmark"), self.tr("Label:"), text=b.label)
        if ok:
            self.renameRequested.emit(b, label)


class AnnotationsPanel(RecordPanel):
    """Every annotation with quote, note, document and date; filters by colour, words and issue."""

    editRequested = Signal(object)
    confirmRequested = Signal(object)  # an annotation whose place the user confirms
    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("annotationsList", annotation_html, parent)
        self.setObjectName("annotationsPanel")
        self.view.setAccessibleName(self.tr("Annotations"))
        self.color = QComboBox()
        self.color.addItem(self.tr("All colours"), "")
        for color in COLORS:
            self.color.addItem(color_label(color), color)
            self.color.setItemData(self.color.count() - 1, QColor(color_hex(color)), Qt.ItemDataRole.BackgroundRole)
        self.color.setAccessibleName(self.tr("Colour"))
        self.issue = QComboBox()
        self.issue.addItem(self.tr("All issues"), "")
        self.issue.setAccessibleName(self.tr("Issue"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter notes and quotes"))
        self.text.setAccessibleName(self.tr("Filter notes and quotes"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        self.review = QCheckBox(self.tr("Needs review"))
        self.review.setObjectName("reviewFilter")
        self.review.setToolTip(self.tr("Highlights re-attached after a re-import where another place fits nearly as "
                                       "well: confirm each, or select the right words and move it there"))
        self.review.toggled.connect(lambda _=False: self.filtersChanged.emit())
        self.confirm = QPushButton(self.tr("Confirm place"))
        self.confirm.setObjectName("confirmPlace")
        self.confirm.clicked.connect(self._confirm)
        for box in (self.color, self.issue):
            box.currentIndexChanged.connect(lambda _=0: self.filtersChanged.emit())
        self.text.textChanged.connect(lambda _="": self.filtersChanged.emit())
        filters = QHBoxLayout()  # two short rows, so that a 200-pixel panel shows every word
        filters.addWidget(self.color)
        filters.addWidget(self.issue, 1)
        counted = QHBoxLayout()
        counted.addWidget(self.count, 1)
        counted.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.review)
        layout.addWidget(self.text)
        layout.addWidget(self.view, 1)
        layout.addLayout(counted)
        layout.addLayout(self.buttons(QWidget(), self.tr("Edit note…")))

    def filters(self) -> dict[str, Any]:
        """The chosen filters as UserStore.annotations keywords."""
        return {"color": self.color.currentData() or None, "issue_id": self.issue.currentData() or None,
                "text": self.text.text().strip() or None, "status": "review" if self.review.isChecked() else None}

    def _confirm(self) -> None:
        a = self.current()
        if a is not None and a.status == "review":
            self.confirmRequested.emit(a)

    def set_issues(self, issues: list[tuple[str, str]]) -> None:
        """The issues to filter by: (id, label)."""
        current = self.issue.currentData()
        self.issue.blockSignals(True)
        self.issue.clear()
        self.issue.addItem(self.tr("All issues"), "")
        for issue_id, label in issues:
            self.issue.addItem(label, issue_id)
        self.issue.setCurrentIndex(max(0, self.issue.findData(current)))
        self.issue.blockSignals(False)

    def show_annotations(self, annotations: list[Annotation]) -> None:
        """Fill the list (the selected annotation stays selected)."""
        self.set_records(annotations)
        self.count.setText(self.tr("{0} annotations").format(len(annotations)))

    def edit_current(self) -> None:
        """Edit the selected annotation's note."""
        a = self.current()
        if a is not None:
            self.editRequested.emit(a)
