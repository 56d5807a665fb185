"""Readers that turn a file into lines: PDF (PyMuPDF) and text/Markdown exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import Reason, SourceError
from reader.models import Source

if TYPE_CHECKING:
    from reader.sources.ocr import Recognizer

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def is_supported(path: Path) -> bool:
    """Whether a file name looks like something the importer reads."""
    return path.suffix.lower() in PDF_SUFFIXES | TEXT_SUFFIXES


def _is_notes(path: Path) -> bool:
    """README and similar files that sit beside gazettes in a folder and are not issues."""
    return path.stem.upper() in {"README", "LICENSE", "CHANGELOG", "NOTES"}


def expand(paths: list[Path]) -> list[Path]:
    """Files to import: files as given, folders searched recursively for PDFs and text exports."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and is_supported(f) and not _is_notes(f)))
        else:
            out.append(p)
    return out


def read_source(path: Path, password: str | None = None, recognizer: Recognizer | None = None,
                first: int | None = None) -> Source:
    """Read a PDF or text export into lines, raising SourceError with a specific reason; a recognizer reads the
    pages of a PDF that have no text layer (only the first pages of a PDF when first is given)."""
    if not path.exists():
        raise SourceError(f"{path}: no such file; check the path", path=path, reason=Reason.MISSING)
    if path.is_dir():
        raise SourceError(f"{path}: is a folder; import the files inside it or pass the folder to 'import'", path=path, reason=Reason.IS_FOLDER)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror}); check its permissions", path=path, reason=Reason.UNREADABLE) from exc
    if not data.strip():
        raise SourceError(f"{path}: the file is empty; export the gazette again", path=path, reason=Reason.EMPTY)
    if path.suffix.lower() in PDF_SUFFIXES or data[:5] == b"%PDF-":
        from reader.sources.pdf import read_pdf

        return read_pdf(path, data, password, recognizer, first)
    from reader.sources.text import read_text

    return read_text(path, data)
