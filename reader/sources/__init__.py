"""Readers that turn a file into lines: PDF (PyMuPDF), Word (DOCX), OFD and text/Markdown exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import Reason, SourceError
from reader.models import Source

if TYPE_CHECKING:
    from reader.sources.ocr import Recognizer

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DOCX_SUFFIXES = {".docx", ".docm"}
OFD_SUFFIXES = {".ofd"}
LEGACY_SUFFIXES = {".doc", ".wps"}  # refused with a message saying to save them as DOCX or PDF
ZIP = b"PK\x03\x04"


def is_supported(path: Path) -> bool:
    """Whether a file name looks like something the importer reads."""
    return path.suffix.lower() in PDF_SUFFIXES | TEXT_SUFFIXES | DOCX_SUFFIXES | OFD_SUFFIXES | LEGACY_SUFFIXES


def _is_notes(path: Path) -> bool:
    """README and similar files that sit beside gazettes in a folder and are not issues."""
    return path.stem.upper() in {"README", "LICENSE", "CHANGELOG", "NOTES"}


def expand(paths: list[Path]) -> list[Path]:
    """Files to import: files as given, folders searched recursively for PDFs, DOCX, OFD and text exports."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and is_supported(f) and not _is_notes(f)))
        else:
            out.append(p)
    return out


def read_source(path: Path, password: str | None = None, recognizer: Recognizer | None = None,
                first: int | None = None) -> Source:
    """Read a PDF, DOCX, OFD or text export into lines, raising SourceError with a specific reason; a recognizer
    reads the pages of a PDF or OFD that have no text (only the first pages of a PDF when first is given)."""
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
    suffix = path.suffix.lower()
    if suffix in OFD_SUFFIXES:
        from reader.sources.ofd import read_ofd

        return read_ofd(path, data, recognizer)
    if suffix in DOCX_SUFFIXES | LEGACY_SUFFIXES or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or (
            data[:4] == ZIP and b"word/" in data[:4096]):
        from reader.sources.docx import read_docx

        return read_docx(path, data)
    if data[:4] == ZIP and b"OFD.xml" in data[:4096]:
        from reader.sources.ofd import read_ofd

        return read_ofd(path, data, recognizer)
    from reader.sources.text import read_text

    return read_text(path, data)
