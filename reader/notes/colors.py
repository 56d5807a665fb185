"""Highlight colours, the one owner: their keys (stored in user.db), their paint and their Chinese names."""

from __future__ import annotations

from reader.textenum import TextEnum


class Color(TextEnum):
    """A highlight colour; the value is what user.db and the exports store."""

    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    PURPLE = "purple"

    @property
    def hex(self) -> str:
        """The paint behind the text, light enough to read black text on."""
        return _HEX[self]

    @property
    def zh(self) -> str:
        """The colour's name in Chinese (for exports written in Chinese)."""
        return _ZH[self]


_HEX = {Color.YELLOW: "#fff59d", Color.GREEN: "#c5e1a5", Color.BLUE: "#b3e5fc", Color.PINK: "#f8bbd0",
        Color.PURPLE: "#d1c4e9"}
_ZH = {Color.YELLOW: "黄色", Color.GREEN: "绿色", Color.BLUE: "蓝色", Color.PINK: "粉色", Color.PURPLE: "紫色"}
COLORS: tuple[str, ...] = tuple(c.value for c in Color)
DEFAULT = Color.YELLOW


def color_of(key: str | None) -> Color:
    """The colour stored under a key (yellow for an unknown one, so an odd file still shows)."""
    try:
        return Color(key)
    except ValueError:
        return DEFAULT


def check_color(key: str) -> str:
    """A known colour key, or a ValueError naming the known ones."""
    if key not in COLORS:
        raise ValueError(f"unknown colour {key!r}; use one of {', '.join(COLORS)}")
    return key
