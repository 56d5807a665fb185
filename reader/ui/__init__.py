"""The desktop window (PySide6): a thin layer over the core; Qt is imported only here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def build_main_window(data_dir: str | Path | None = None, lang: str | None = None,
                      pack: str | Path | None = None) -> MainWindow:
    """The ready main window on a data home, without starting an event loop (a QApplication is made if none)."""
    from reader.ui.app import ensure_app
    from reader.ui.main_window import MainWindow

    ensure_app(lang)
    return MainWindow(data_dir, pack=pack)
