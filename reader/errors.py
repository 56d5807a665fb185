"""Errors a user can act on: each says which file, what is wrong and what to do."""

from __future__ import annotations


class GazetteError(Exception):
    """Base class for errors shown to the user."""


class SourceError(GazetteError):
    """A file cannot be read as a gazette (empty, corrupt, encrypted, scanned, unreadable)."""


class NotAGazetteError(SourceError):
    """A file was read but holds nothing that looks like a gazette issue."""


class DuplicateIssueError(GazetteError):
    """The archive already holds this issue from a different file."""


class NotFoundError(GazetteError):
    """An issue or document id that is not in the archive."""
