"""The start page: on an empty archive, the first steps; otherwise the documents read recently."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

DOC_ROLE = Qt.ItemDataRole.UserRole + 40


class WelcomePage(QWidget):
    """Import files or a folder, or load the sample gazette; reopen a recent document (Enter or a double-click)."""

    openDocument = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.title = QLabel(self.tr("Welcome to Gazette Reader"))
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.recent_label = QLabel(self.tr("Recently read"))
        self.recent = QListWidget()
        self.recent.setObjectName("welcomeRecent")
        self.recent.setAccessibleName(self.tr("Recently read documents"))
        self.recent.itemActivated.connect(self._open)
        self.recent.itemDoubleClicked.connect(self._open)
        self.import_files = QPushButton(self.tr("Import files…"))
        self.import_folder = QPushButton(self.tr("Import a folder…"))
        self.load_sample = QPushButton(self.tr("Load the sample gazette"))
        self.load_sample.setObjectName("loadSampleButton")
        box = QVBoxLayout()
        box.addStretch(1)
        box.addWidget(self.title)
        box.addWidget(self.text)
        box.addWidget(self.recent_label)
        box.addWidget(self.recent, 3)
        for b in (self.import_files, self.import_folder, self.load_sample):
            b.setMinimumHeight(36)
            box.addWidget(b)
        box.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
        self.set_state(True, [])

    def set_state(self, empty: bool, recent: list[tuple[str, str]]) -> None:
        """An empty archive's first steps, or the recent documents (id, title) of one that holds issues."""
        if empty:
            self.text.setText(self.tr("Your archive is empty. Import gazette issues (PDF or text exports) to read "
                                      "and search them offline, or load the sample gazette to try the reader."))
        else:
            self.text.setText(self.tr("Open a document from the tree on the left, search with Ctrl+K, or go on "
                                      "with one you read recently."))
        self.recent.clear()
        for doc_id, title in recent:
            item = QListWidgetItem(title)
            item.setData(DOC_ROLE, doc_id)
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))
        self.load_sample.setVisible(empty)

    def _open(self, item: QListWidgetItem) -> None:
        doc_id = item.data(DOC_ROLE)
        if doc_id:
            self.openDocument.emit(doc_id)
