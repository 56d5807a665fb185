"""Qt's own dialog strings that Qt's Chinese translation (qtbase_zh_CN) lacks: listed here so lupdate puts them in
the app's catalogue, where Qt finds them when its own has none."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Save"),
)
