"""Opening the archive file: WAL, foreign keys, a busy timeout, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from reader.store.schema import COMPACTED_AT, migrate


def connect(path: Path, *, readonly: bool = False, immutable: bool = False) -> sqlite_utils.Database:
    """Open (and create or upgrade) an archive database; immutable: a pack's, read where nothing may be written
    (no locks, no journal: many PCs at once, from a share or a CD)."""
    if immutable:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, check_same_thread=False)
        readonly = True
    elif readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
    db = sqlite_utils.Database(conn, execute_plugins=False)  # no sqlite-utils plugins: 20 ms saved
    db.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if 0 < migrate(db, path) < COMPACTED_AT:
            db.execute("VACUUM")
    return db
