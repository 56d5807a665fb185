"""The archive's tables, its version and the migrations that bring an older file up to date."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from reader.store.migrations import Step, run_sql
from reader.store.migrations import migrate as run_migrations
from reader.store.migrations import version as version

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

# v2: the search indexer looks 目录 entries up by document
_V2 = "CREATE INDEX IF NOT EXISTS toc_document ON toc(document_id)"
# v3: the password of an encrypted PDF is kept with its issue, so the original pages open without asking again
def _v3(db: sqlite_utils.Database) -> None:
    if "source_password" not in db["issues"].columns_dict:
        db.execute("ALTER TABLE issues ADD COLUMN source_password TEXT")

# v4: validity and citations, derived from each document's text (reader/validity.py) and rebuilt from it
_V4 = """
CREATE TABLE IF NOT EXISTS citations (
    document_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    target_number TEXT,
    target_title TEXT,
    title_key TEXT,
    action TEXT,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS citations_number ON citations(target_number);
CREATE INDEX IF NOT EXISTS citations_title ON citations(title_key);
CREATE TABLE IF NOT EXISTS clauses (
    document_id TEXT PRIMARY KEY,
    effective TEXT,
    expires TEXT,
    effective_text TEXT,
    expires_text TEXT
);
CREATE TABLE IF NOT EXISTS title_keys (key TEXT NOT NULL, document_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS title_keys_key ON title_keys(key);
CREATE INDEX IF NOT EXISTS title_keys_document ON title_keys(document_id)
"""


def _v4(db: sqlite_utils.Database) -> None:
    from reader.validity import Validity

    run_sql(_V4)(db)
    db.execute("DELETE FROM citations")
    db.execute("DELETE FROM clauses")
    db.execute("DELETE FROM title_keys")
    Validity(db).add(list(db.query("SELECT id, title, doc_number_canonical, date, text FROM documents")))


def _v5(db: sqlite_utils.Database) -> None:
    """v5: an issue whose PDF a text export replaced keeps the PDF as its original pages."""
    if "pages_stored" not in db["issues"].columns_dict:
        db.execute("ALTER TABLE issues ADD COLUMN pages_stored TEXT")


def _v6(db: sqlite_utils.Database) -> None:
    """v6: documents read from recognised (scanned) pages carry the mean OCR confidence of those pages."""
    if "ocr" not in db["documents"].columns_dict:
        db.execute("ALTER TABLE documents ADD COLUMN ocr REAL")


def _v7(db: sqlite_utils.Database) -> None:
    """v7: layout blocks stored as kinds and lengths over the text, no longer with their text a second time."""
    from reader.store.blocks import pack, unpack

    rows = db.execute("SELECT id, text, blocks FROM documents").fetchall()
    for doc_id, text, blocks in rows:
        db.execute("UPDATE documents SET blocks = ? WHERE id = ?", [pack(unpack(blocks, text), text), doc_id])


def _v8(db: sqlite_utils.Database) -> None:
    """v8: personnel decisions (人事任免) derived from each document's text (reader/people.py)."""
    from reader.people import DOCUMENTS, SQL, People

    run_sql(SQL)(db)
    db.execute("DELETE FROM people")
    People(db).add(list(db.query(DOCUMENTS)))


def _v9(db: sqlite_utils.Database) -> None:
    """v9: an issue-like container of one loose document (a saved web page, a 公文 as DOCX or OFD) is marked
    collection = 'library' (the 文件库); gazette issues keep NULL."""
    if "collection" not in db["issues"].columns_dict:
        db.execute("ALTER TABLE issues ADD COLUMN collection TEXT")


def _v10(db: sqlite_utils.Database) -> None:
    """v10: the line boxes OCR found on an issue's scanned pages, so the page view finds, selects and highlights
    text on them as on a text layer."""
    db.execute("CREATE TABLE IF NOT EXISTS page_lines (issue_id TEXT NOT NULL, page INTEGER NOT NULL, "
               "lines TEXT NOT NULL, PRIMARY KEY (issue_id, page))")


# version reached -> the step that reaches it from the one before
MIGRATIONS: dict[int, Step] = {
    1: run_sql(_V1),
    2: run_sql(_V2),
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
    7: _v7,
    8: _v8,
    9: _v9,
    10: _v10,
}
COMPACTED_AT = 7  # an archive upgraded across this version is vacuumed once (the blocks' text freed half the file)
SCHEMA_VERSION = max(MIGRATIONS)


def migrate(db: sqlite_utils.Database, path: Path) -> int:
    """Bring the archive at path to SCHEMA_VERSION; return the version found."""
    return run_migrations(db, MIGRATIONS, path, "archive")
