"""The one migration runner, for the archive (archive.db) and the user's file (user.db) alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import sqlite_utils

from reader.errors import SchemaTooNewError

Step = Callable[[sqlite_utils.Database], None]


def run_sql(statements: str | Sequence[str]) -> Step:
    """A migration step from SQL statements, run one by one (executescript would commit midway)."""
    items = [s for s in statements.split(";")] if isinstance(statements, str) else list(statements)

    def step(db: sqlite_utils.Database) -> None:
        for statement in items:
            if statement.strip():
                db.execute(statement)

    return step


def version(db: sqlite_utils.Database) -> int:
    """The schema version of a database file (0 for a new file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, steps: dict[int, Step], path: Path, what: str) -> int:
    """Bring a database to the newest version in steps, one transaction per step; return the version found.

    steps maps each version to the step that reaches it from the one before; a file from a newer program
    raises SchemaTooNewError naming the file, and nothing is changed."""
    newest = max(steps)
    found = version(db)
    if found > newest:
        raise SchemaTooNewError(path, what, found, newest)
    for target in range(found + 1, newest + 1):
        with db.atomic():
            steps[target](db)
            db.execute(f"PRAGMA user_version = {target}")
    return found
