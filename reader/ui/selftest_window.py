"""The window's part of --self-test: open it offscreen on a data home and check Chinese renders and translates."""

from __future__ import annotations

import os
from pathlib import Path


def check_window(home: Path) -> str:
    """Open the window on a data home holding the sample; raise RuntimeError naming what failed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase

    from reader.ui import build_main_window

    w = build_main_window(home, "zh_CN")
    w.show()
    first = w.archive.outline(w.archive.issues()[0].id)[0].id
    if not w.show_document(first) or "湿地" not in w.reader.toPlainText():
        raise RuntimeError("the document did not open in the reading pane")
    image = w.grab()
    fonts = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    menus = [a.text() for a in w.menuBar().actions()]
    w.close()
    if not fonts:
        raise RuntimeError("no font that can show Chinese")
    if "文件(&F)" not in menus:
        raise RuntimeError(f"the Chinese translation did not load (menus: {menus})")
    return f"{image.width()}x{image.height()}, font {fonts[0]}"
