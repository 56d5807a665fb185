"""Enums whose members are stored and printed as their text value (status words, reasons, colour keys)."""

from __future__ import annotations

from enum import Enum


class TextEnum(str, Enum):
    """A str enum that prints as its value, so f-strings and JSON show "failed", not "Status.FAILED"."""

    def __str__(self) -> str:
        return str(self.value)
