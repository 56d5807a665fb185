"""The note dialog: the passage, a text box, and keys that confirm (Ctrl+Enter) or move on (Tab)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class NoteDialog(QDialog):
    """Asks for a note: Ctrl+Enter saves, Esc cancels, Tab leaves the text box for the buttons."""

    def __init__(self, parent: QWidget | None, label: str, text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Note"))
        layout = QVBoxLayout(self)
        self.passage = passage = QLabel(label)
        passage.setWordWrap(True)
        layout.addWidget(passage)
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("noteText")
        self.edit.setTabChangesFocus(True)
        passage.setBuddy(self.edit)
        layout.addWidget(self.edit)
        hint = QLabel(self.tr("Ctrl+Enter saves, Esc cancels"))
        hint.setStyleSheet("color: #666")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.edit.setFocus()
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)


def ask_note(parent: QWidget | None, label: str, text: str = "") -> tuple[str, bool]:
    """The note typed and whether it was confirmed (QInputDialog's shape)."""
    dialog = NoteDialog(parent, label, text)
    confirmed = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.edit.toPlainText(), confirmed
