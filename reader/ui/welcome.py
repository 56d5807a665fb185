"""The first-run page shown while the archive is empty."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """The first-run page: import files or a folder, or load the sample gazette."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to Gazette Reader"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        text = QLabel(self.tr("Your archive is empty. Import gazette issues (PDF or text exports) to read and "
                              "search them offline, or load the sample gazette to try the reader."))
        text.setWordWrap(True)
        self.import_files = QPushButton(self.tr("Import files…"))
        self.import_folder = QPushButton(self.tr("Import a folder…"))
        self.load_sample = QPushButton(self.tr("Load the sample gazette"))
        self.load_sample.setObjectName("loadSampleButton")
        box = QVBoxLayout()
        box.addStretch(1)
        box.addWidget(title)
        box.addWidget(text)
        for b in (self.import_files, self.import_folder, self.load_sample):
            b.setMinimumHeight(36)
            box.addWidget(b)
        box.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
