"""Readers that turn a file into lines: PDF (PyMuPDF), Word (DOCX), OFD, text/Markdown exports, saved web pages."""

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
WEB_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}


def is_supported(path: Path) -> bool:
    """Whether a file name looks like something the importer reads."""
    return path.suffix.lower() in PDF_SUFFIXES | TEXT_SUFFIXES | DOCX_SUFFIXES | OFD_SUFFIXES | LEGACY_SUFFIXES | WEB_SUFFIXES


def _is_notes(path: Path) -> bool:
    """README and similar files that sit beside gazettes in a folder and are not issues."""
    return path.stem.upper() in {"README", "LICENSE", "CHANGELOG", "NOTES"}


def expand(paths: list[Path]) -> list[Path]:
    """Files to import: files as given, folders searched recursively for PDFs, DOCX, OFD and text exports."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and is_supported(f) and not _is_notes(f)
                           and not _in_saved_assets(f))
            out.extend(_without_issue_members(found))
        else:
            out.append(p)
    return out


def _in_saved_assets(path: Path) -> bool:
    """A file inside the folder a browser saves beside a page (page_files/, page.files/): scripts, frames, images."""
    for folder in path.parents:
        for tail in ("_files", ".files", "_文件"):
            if folder.name.endswith(tail) and any(
                    (folder.parent / (folder.name[: -len(tail)] + ext)).is_file() for ext in WEB_SUFFIXES):
                return True
    return False


def _without_issue_members(files: list[Path]) -> list[Path]:
    """A folder's files less the saved document pages an issue page in it links to (they come with their issue)."""
    if not any(f.suffix.lower() in WEB_SUFFIXES for f in files):
        return files
    from reader.sources.web import issue_members

    members = issue_members(files)
    return [f for f in files if f.resolve() not in members]


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
    from reader.sources.web import is_web

    if is_web(path, data):
        from reader.sources.webdoc import read_web

        return read_web(path, data)
    from reader.sources.text import read_text

    return read_text(path, data)
