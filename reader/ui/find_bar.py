"""Find in the current document (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.reader_view import ReaderView


class FindBar(QWidget):
    """Find in the current document (Ctrl+F): a box, next, previous, close."""

    def __init__(self, view: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(self.tr("Find in document"))
        self.box.setAccessibleName(self.tr("Find in document"))
        self.count = QLabel()
        prev_b, next_b, close_b = QToolButton(), QToolButton(), QToolButton()
        for button, label in ((prev_b, "▲"), (next_b, "▼"), (close_b, "✕")):
            button.setText(label)
        prev_b.setToolTip(self.tr("Previous"))
        next_b.setToolTip(self.tr("Next"))
        close_b.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (self.box, self.count, prev_b, next_b, close_b):
            layout.addWidget(w)
        self.box.textChanged.connect(self._changed)
        self.box.returnPressed.connect(self.next)
        prev_b.clicked.connect(lambda: self.next(backward=True))
        next_b.clicked.connect(self.next)
        close_b.clicked.connect(self.close_bar)

    def _changed(self, text: str) -> None:
        self.view.find_in_page(text)
        self._show_count()

    def next(self, backward: bool = False) -> None:
        """Go to the next (or previous) occurrence, and say which."""
        self.view.find_next(self.box.text(), backward)
        self._show_count()

    def _show_count(self) -> None:
        total = len(self.view.finds)
        if not self.box.text():
            self.count.setText("")
        elif not total:
            self.count.setText(self.tr("not found"))
        else:
            self.count.setText(self.tr("{0} of {1}").format(self.view.find_position(), total))

    def open_bar(self) -> None:
        """Show and focus the box."""
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        """Hide and clear the find highlights."""
        self.view.find_in_page("")
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
