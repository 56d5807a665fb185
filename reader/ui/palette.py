"""The window's words for highlight colours, paired by key with the core's colours (never by position)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.archive import COLORS, color_of


def color_label(key: str) -> str:
    """A colour's name in the window's language."""
    names = {
        "yellow": QCoreApplication.translate("Palette", "Yellow"),
        "green": QCoreApplication.translate("Palette", "Green"),
        "blue": QCoreApplication.translate("Palette", "Blue"),
        "pink": QCoreApplication.translate("Palette", "Pink"),
        "purple": QCoreApplication.translate("Palette", "Purple"),
    }
    return names[color_of(key).value]


def color_hex(key: str) -> str:
    """The paint of a highlight colour."""
    return color_of(key).hex


__all__ = ["COLORS", "color_hex", "color_label"]
