"""The archive's tables, its version and the migrations that bring an older file up to date."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS issues (
    id TEXT PRIMARY KEY,
    gazette TEXT NOT NULL,
    printed_name TEXT,
    publisher TEXT,
    year INTEGER,
    issue INTEGER,
    total_issue INTEGER,
    published TEXT,
    frequency TEXT,
    source_name TEXT NOT NULL,
    source_stored TEXT NOT NULL,
    source_sha256 TEXT NOT NULL UNIQUE,
    source_kind TEXT NOT NULL,
    source_pages INTEGER,
    imported_at TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS sections (
    issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (issue_id, ordinal)
);
CREATE TABLE IF NOT EXISTS toc (
    issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    section TEXT,
    title TEXT NOT NULL,
    doc_number TEXT,
    doc_number_canonical TEXT,
    page INTEGER,
    document_id TEXT,
    PRIMARY KEY (issue_id, ordinal)
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    section TEXT,
    title TEXT NOT NULL,
    doc_number TEXT,
    doc_number_canonical TEXT,
    issuer TEXT,
    date TEXT,
    recipients TEXT,
    pdf_first INTEGER,
    pdf_last INTEGER,
    printed_first INTEGER,
    printed_last INTEGER,
    in_toc INTEGER NOT NULL,
    text TEXT NOT NULL,
    blocks TEXT NOT NULL,
    attachments TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS documents_issue ON documents(issue_id, ordinal);
CREATE INDEX IF NOT EXISTS documents_number ON documents(doc_number_canonical);
CREATE INDEX IF NOT EXISTS issues_identity ON issues(gazette, year, issue);
"""

# version reached -> the step that reaches it from the one before
def _run(script: str) -> Callable[[sqlite_utils.Database], None]:
    """A migration step from SQL statements (run one by one: executescript would commit midway)."""

    def step(db: sqlite_utils.Database) -> None:
        for statement in script.split(";"):
            if statement.strip():
                db.execute(statement)

    return step


# v2: the search indexer looks 目录 entries up by document
_V2 = "CREATE INDEX IF NOT EXISTS toc_document ON toc(document_id)"

MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _run(_V1),
    2: _run(_V2),
}


class SchemaTooNewError(RuntimeError):
    """The archive was written by a newer Gazette Reader."""


def version(db: sqlite_utils.Database) -> int:
    """The schema version of an archive file (0 for a new file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the archive to SCHEMA_VERSION, one transaction per step; return the version found."""
    found = version(db)
    if found > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"{db.conn} uses archive schema {found}, newer than this program's {SCHEMA_VERSION}; update Gazette Reader"
        )
    for target in range(found + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            db.execute(f"PRAGMA user_version = {target}")
    return found
