"""The results panel: total, filters by year, gazette and section, and the hits with highlighted snippets."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.archive import ENDED_STATES, SearchHit, SearchResult, State, issue_label
from reader.ui.messages import state_text, warning_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 10
HTML_ROLE = Qt.ItemDataRole.UserRole + 11
NOTE_ROLE = Qt.ItemDataRole.UserRole + 12


def status_badge(value: str | None) -> str:
    """A small coloured word for a document that is no longer (or not yet) in force; empty otherwise."""
    if value is None:
        return ""
    state = State(value)
    if state not in ENDED_STATES:
        return ""
    return f" <span style='color:#fff;background:#9e3a3a'>&nbsp;{html.escape(state_text(state))}&nbsp;</span>"


def hit_html(hit: SearchHit) -> str:
    """A result as HTML: title, 发文字号 and place (a badge when no longer in force), the snippet with <mark>s."""
    where = f"{hit.gazette} {issue_label(hit.year, hit.issue)}" + (f" · {hit.section}" if hit.section else "")
    number = f"　{html.escape(hit.doc_number)}" if hit.doc_number else ""
    number += status_badge(hit.status)
    details = [hit.date or ""]
    if hit.positions:
        details.append(QCoreApplication.translate("SearchPanel", "{0} hits").format(len(hit.positions)))
    if hit.matched_by == "toc":
        details.append(QCoreApplication.translate("SearchPanel", "found by the 文号 its table of contents entry prints"))
    elif hit.matched_by == "cites":
        details.append(QCoreApplication.translate("SearchPanel", "cites this 文号"))
    where += "".join(f" · {d}" for d in details if d)
    snippet = hit.snippet.replace("<mark>", "<span style='background:#ffe066'>").replace("</mark>", "</span>")
    return (f"<b>{html.escape(hit.title)}</b>{number}<br><span style='color:#666'>{html.escape(where)}</span>"
            f"<br>{snippet}")


SELECTED_BACKGROUND = QColor("#cfe3f7")  # light enough that coloured highlights and grey text stay readable


class HtmlDelegate(QStyledItemDelegate):
    """Draws list items as rich text; the list's selected rows get a light background and black text."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        palette = view.palette()
        palette.setColor(QPalette.ColorRole.Highlight, SELECTED_BACKGROUND)
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
        view.setPalette(palette)

    def _doc(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(120, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        doc = self._doc(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        ctx.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        doc = self._doc(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class SearchPanel(QWidget):
    """Total and message, filter boxes, and the list of hits; emits the hit the user opens."""

    openHit = Signal(object)  # SearchHit
    openNote = Signal(object)  # Annotation or Bookmark, in the "my notes" scope
    filtersChanged = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("searchSummary")
        self.year = QComboBox()
        self.gazette = QComboBox()
        self.section = QComboBox()
        self.scope = QComboBox()
        self.scope.setObjectName("searchScope")
        self.scope.addItem(self.tr("Archive"), "archive")
        self.scope.addItem(self.tr("My notes"), "notes")
        self.scope.setAccessibleName(self.tr("Search in"))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("Relevance"), "score")
        self.sort.addItem(self.tr("Newest first"), "date")
        for box, name in ((self.year, self.tr("Year")), (self.gazette, self.tr("Gazette")),
                          (self.section, self.tr("Section")), (self.sort, self.tr("Sort"))):
            box.setAccessibleName(name)
            box.setToolTip(name)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
            box.currentIndexChanged.connect(self._changed)
        self.in_force = QCheckBox(self.tr("In force only"))
        self.in_force.setObjectName("inForceOnly")
        self.in_force.setToolTip(self.tr("Hide documents abolished, declared invalid, expired or not yet in force "
                                         "(documents that state nothing stay)"))
        self.in_force.toggled.connect(self._changed)
        self.close_button = QToolButton()
        self.close_button.setObjectName("closeResults")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the results (Esc in the search box)"))
        self.close_button.clicked.connect(self.closeRequested.emit)
        self.clear_filters = QPushButton(self.tr("Clear filters"))
        self.clear_filters.setObjectName("clearFilters")
        self.clear_filters.hide()
        self.clear_filters.clicked.connect(self._clear_filters)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        filters = QGridLayout()  # two by two: each box keeps room for its words in a narrow panel
        for k, box in enumerate((self.year, self.gazette, self.section, self.sort)):
            filters.addWidget(box, k // 2, k % 2)
        filters.addWidget(self.in_force, 2, 0, 1, 2)
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addStretch(1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)  # its own line: it stays readable in a narrow panel
        layout.addLayout(filters)
        layout.addWidget(self.clear_filters)
        layout.addWidget(self.results, 1)
        self._updating = False
        self.last: SearchResult | None = None

    def options(self) -> dict[str, Any]:
        """The chosen filters and sort, as Archive.search keywords."""
        year = str(self.year.currentData() or "")
        return {"year": int(year) if year.isdigit() else None, "gazette": self.gazette.currentData() or None,
                "section": self.section.currentData() or None, "sort": self.sort.currentData() or "score",
                "limit": 100, "in_force_only": self.in_force.isChecked()}

    def _fill(self, box: QComboBox, all_label: str, counts: dict[str, int]) -> None:
        current = box.currentData()
        box.clear()
        box.addItem(all_label, "")  # never None as item data: PySide 6 on Python 3.11 mis-counts its references
        for value, count in sorted(counts.items(), key=lambda kv: kv[0], reverse=box is self.year):
            box.addItem(f"{value} ({count})", value)
        k = box.findData(current)
        box.setCurrentIndex(k if k >= 0 else 0)

    def show_result(self, result: SearchResult) -> None:
        """Show a result: the summary, the filter counts and the hits."""
        self.last = result
        self._updating = True
        self._fill(self.year, self.tr("All years"), result.counts.get("year", {}))
        self._fill(self.gazette, self.tr("All gazettes"), result.counts.get("gazette", {}))
        self._fill(self.section, self.tr("All sections"), result.counts.get("section", {}))
        self._updating = False
        text = self.tr("1 document found") if result.total == 1 else self.tr("{0} documents found").format(result.total)
        filtered = self.filtered()
        self.clear_filters.setVisible(filtered and result.total == 0)
        if filtered and result.total == 0:
            text = self.tr("No document matches the query with these filters.")
        if result.total > len(result.hits):
            text += " · " + self.tr("showing {0}").format(len(result.hits))
        if result.message:
            text += "\n" + self.tr("Note: {0}").format(warning_text(result.message))
        self.summary.setText(text)
        self.results.clear()
        for hit in result.hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            item.setData(HTML_ROLE, hit_html(hit))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title} {hit.doc_number or ''}")
            item.setToolTip(hit.title)
            self.results.addItem(item)

    def filtered(self) -> bool:
        """Whether a filter (year, gazette, section, in force only) narrows the results."""
        return any(box.currentIndex() > 0 for box in (self.year, self.gazette, self.section)) or \
            self.in_force.isChecked()

    def _clear_filters(self) -> None:
        self._updating = True
        for box in (self.year, self.gazette, self.section):
            box.setCurrentIndex(0)
        self.in_force.setChecked(False)
        self._updating = False
        self.filtersChanged.emit()

    def in_notes(self) -> bool:
        """Whether the "my notes" scope is chosen."""
        return self.scope.currentData() == "notes"

    def _scope_changed(self) -> None:
        for box in (self.year, self.gazette, self.section, self.sort):
            box.setEnabled(not self.in_notes())
        self.filtersChanged.emit()

    def show_notes(self, notes: list[Any], render: Any) -> None:
        """Show the annotations and bookmarks that match (the "my notes" scope)."""
        self.last = None
        self.summary.setText(self.tr("{0} of your notes match").format(len(notes)))
        self.results.clear()
        for note in notes:
            item = QListWidgetItem()
            item.setData(NOTE_ROLE, note)
            item.setData(HTML_ROLE, render(note))
            text = " ".join(str(getattr(note, k, "") or "") for k in ("exact", "note", "label", "title"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.strip())
            self.results.addItem(item)

    def show_message(self, text: str) -> None:
        """Show a line instead of results (searching…, errors)."""
        self.summary.setText(text)

    def _changed(self) -> None:
        if not self._updating:
            self.filtersChanged.emit()

    def activate(self, row: int) -> None:
        """Open the result in a row, as a double-click or Enter does."""
        item = self.results.item(row)
        if item is not None:
            self.results.setCurrentItem(item)
            self._activated(item)

    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.openHit.emit(hit)
        note = item.data(NOTE_ROLE)
        if note is not None:
            self.openNote.emit(note)
