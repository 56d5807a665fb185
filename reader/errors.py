"""Errors a user can act on: each says which file, what is wrong and what to do, and carries a typed reason.

The message (str of the error) is the command line's English wording; a window words the reason in its own
language (reader/ui maps every Reason to a translatable text), so no program has to read the message."""

from __future__ import annotations

from pathlib import Path

from reader.textenum import TextEnum


class Reason(TextEnum):
    """Why something could not be done, as a key every front end can word in its own language."""

    MISSING = "missing"
    IS_FOLDER = "is-folder"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    NOT_TEXT = "not-text"
    DAMAGED = "damaged"
    NO_PAGES = "no-pages"
    NEEDS_PASSWORD = "needs-password"
    WRONG_PASSWORD = "wrong-password"
    SCANNED = "scanned"
    OCR_MISSING = "ocr-missing"
    NOTHING_READABLE = "nothing-readable"
    CANCELLED = "cancelled"
    NOT_A_GAZETTE = "not-a-gazette"
    LEGACY_FORMAT = "legacy-format"
    NOT_A_DOCUMENT = "not-a-document"
    NEEDS_REPLACE = "needs-replace"
    NOT_FOUND = "not-found"
    SCHEMA_TOO_NEW = "schema-too-new"
    IO = "io"
    INDEX_BUSY = "index-busy"
    READ_ONLY = "read-only"


class GazetteError(Exception):
    """Base class for errors shown to the user: a message, the file it concerns and a typed reason."""

    default_reason = Reason.IO

    def __init__(self, message: str, *, path: Path | str | None = None, reason: Reason | None = None,
                 detail: str = "") -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None
        self.reason = reason or self.default_reason
        self.detail = detail


class SourceError(GazetteError):
    """A file cannot be read as a gazette (empty, corrupt, encrypted, scanned, unreadable)."""

    default_reason = Reason.UNREADABLE


class NotAGazetteError(SourceError):
    """A file was read but holds nothing that looks like a gazette issue."""

    default_reason = Reason.NOT_A_GAZETTE


class DuplicateIssueError(GazetteError):
    """The archive already holds this issue from a different file."""

    default_reason = Reason.NEEDS_REPLACE


class NotFoundError(GazetteError):
    """An issue or document id that is not in the archive."""

    default_reason = Reason.NOT_FOUND


class SchemaTooNewError(GazetteError):
    """A database file was written by a newer Gazette Reader."""

    default_reason = Reason.SCHEMA_TOO_NEW

    def __init__(self, path: Path, what: str, found: int, supported: int) -> None:
        super().__init__(f"{path}: this {what} was written by a newer Gazette Reader (schema {found}; this program "
                         f"reads up to {supported}); update Gazette Reader, or choose another data folder",
                         path=path, detail=f"{found}>{supported}")
        self.found, self.supported = found, supported


class IndexBusyError(GazetteError):
    """The search index is being rebuilt by another process and cannot be read yet."""

    default_reason = Reason.INDEX_BUSY


class ReadOnlyArchiveError(GazetteError):
    """The open archive is an office pack: nothing may be written into it."""

    default_reason = Reason.READ_ONLY


class IndexDamagedError(GazetteError):
    """A read-only (pack) search index is damaged and cannot be rebuilt in place."""

    default_reason = Reason.DAMAGED
