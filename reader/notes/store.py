"""The user's file (user.db): bookmarks and annotations, one transaction per write, daily rotating backups.

It lives beside the archive and never inside it, so the archive can be rebuilt, replaced or shared without
touching it. Each annotation keeps a copy of its citation (gazette, issue, title, 发文字号, page) and its quote,
so it stays meaningful even while its document is missing."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from reader import paths
from reader.citation_label import Citation
from reader.notes import exports
from reader.notes.anchors import Anchor, Located, fold_text, locate, make_anchor
from reader.notes.colors import check_color
from reader.store.migrations import migrate, run_sql

BACKUPS_KEPT = 7

_V1 = [
    """CREATE TABLE IF NOT EXISTS bookmarks (
        id TEXT PRIMARY KEY, document_id TEXT NOT NULL, issue_id TEXT, position INTEGER, label TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL, updated TEXT NOT NULL,
        gazette TEXT, year INTEGER, issue INTEGER, title TEXT, doc_number TEXT, page INTEGER)""",
    "CREATE INDEX IF NOT EXISTS bookmarks_document ON bookmarks(document_id)",
    """CREATE TABLE IF NOT EXISTS annotations (
        id TEXT PRIMARY KEY, document_id TEXT NOT NULL, issue_id TEXT, color TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
        exact TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'exact', text_sha TEXT,
        created TEXT NOT NULL, updated TEXT NOT NULL,
        gazette TEXT, year INTEGER, issue INTEGER, title TEXT, doc_number TEXT, page INTEGER)""",
    "CREATE INDEX IF NOT EXISTS annotations_document ON annotations(document_id)",
    "CREATE INDEX IF NOT EXISTS annotations_issue ON annotations(issue_id)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('revision', 0)",
] + [
    f"CREATE TRIGGER IF NOT EXISTS {table}_{op}_revision AFTER {op.upper()} ON {table} "
    "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END"
    for table in ("bookmarks", "annotations") for op in ("insert", "update", "delete")
]

# version 2: notes an older version moved silently onto changed words ("fuzzy") wait for the user's review
_V2 = ["UPDATE annotations SET status = 'review' WHERE status = 'fuzzy'"]

USER_MIGRATIONS = {1: run_sql(_V1), 2: run_sql(_V2)}
USER_SCHEMA_VERSION = max(USER_MIGRATIONS)

def now() -> str:
    """The current time, UTC, ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def text_sha(text: str) -> str:
    """A short fingerprint of a document's text (to notice that it changed)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Bookmark(Citation):
    """A bookmark on a document, or on a position in it."""

    document_id: str
    issue_id: str | None = None
    position: int | None = None
    label: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)


@dataclass
class Annotation(Citation):
    """A highlight on a passage, with a colour and an optional note."""

    document_id: str
    exact: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""
    color: str = "yellow"
    note: str = ""
    issue_id: str | None = None
    # exact, moved (the same words in the same context), review (待核对: shown at the likeliest place with the quote
    # kept, until the user confirms or moves it; "fuzzy" in notes made by older versions),
    # orphaned, missing (document not in the archive)
    status: str = "exact"
    text_sha: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)

    @property
    def anchor(self) -> Anchor:
        return Anchor(self.exact, self.prefix, self.suffix, self.start, self.end)

    @property
    def attached(self) -> bool:
        """Whether the passage is found in its document."""
        return self.status not in ("orphaned", "missing")


def new_annotation(document_id: str, text: str, start: int, end: int, *, color: str = "yellow", note: str = "",
                   citation: Citation | None = None, issue_id: str | None = None) -> Annotation:
    """An annotation on text[start:end], not yet saved."""
    check_color(color)
    if not 0 <= start < end <= len(text):
        raise ValueError("the passage to highlight is empty or outside the document")
    a = make_anchor(text, start, end)
    return Annotation(document_id, a.exact, a.start, a.end, a.prefix, a.suffix, color, note, issue_id, "exact",
                      text_sha(text), **(citation or Citation()).fields())


def new_bookmark(document_id: str, issue_id: str | None, position: int | None = None, label: str = "",
                 citation: Citation | None = None) -> Bookmark:
    """A bookmark, not yet saved."""
    return Bookmark(document_id, issue_id, position, label, **(citation or Citation()).fields())


def _row(record: Bookmark | Annotation) -> dict[str, Any]:
    return asdict(record)


def _from_row(cls: type, row: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in row.items() if k in names})


class UserStore:
    """Bookmarks and annotations in user.db: add, update, remove, list, search, re-anchor, export, import."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.db = sqlite_utils.Database(conn, execute_plugins=False)  # no sqlite-utils plugins: 20 ms saved
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")  # the user's own work: every commit reaches the disk
        migrate(self.db, USER_MIGRATIONS, path, "notes file")

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    # ---- bookmarks -----------------------------------------------------------------------------
    def add_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Save a bookmark (or put a removed one back)."""
        with self.db.atomic():
            self.db.table("bookmarks").insert(_row(bookmark), replace=True)
        return bookmark

    def bookmarks(self, document_id: str | None = None, order: str = "added") -> list[Bookmark]:
        """Bookmarks, in the order added or by issue."""
        order_by = "created" if order == "added" else "gazette, year, issue, title, position"
        where, args = ("document_id = ?", [document_id]) if document_id else (None, [])
        return [_from_row(Bookmark, r) for r in self.db["bookmarks"].rows_where(where, args, order_by=order_by)]

    def bookmark_at(self, document_id: str, position: int | None = None) -> Bookmark | None:
        """The bookmark on a document (and position), if any."""
        for b in self.bookmarks(document_id):
            if position is None or b.position is None or b.position == position:
                return b
        return None

    def rename_bookmark(self, bookmark_id: str, label: str) -> None:
        """Change a bookmark's label."""
        with self.db.atomic():
            self.db.execute("UPDATE bookmarks SET label = ?, updated = ? WHERE id = ?", [label, now(), bookmark_id])

    def move_bookmark(self, bookmark_id: str, document_id: str, citation: Citation) -> None:
        """Point a bookmark at another document (the one that replaced its own), with that document's citation."""
        values = {"document_id": document_id, **citation.fields(), "updated": now()}
        with self.db.atomic():
            self.db.execute(f"UPDATE bookmarks SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                            [*values.values(), bookmark_id])

    def remove_bookmark(self, bookmark_id: str) -> Bookmark | None:
        """Delete a bookmark; return it (to undo)."""
        rows = list(self.db["bookmarks"].rows_where("id = ?", [bookmark_id]))
        if not rows:
            return None
        with self.db.atomic():
            self.db.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])
        return _from_row(Bookmark, rows[0])

    # ---- annotations ---------------------------------------------------------------------------
    def annotate(self, document_id: str, text: str, start: int, end: int, *, color: str = "yellow", note: str = "",
                 citation: Citation | None = None, issue_id: str | None = None) -> Annotation:
        """Highlight text[start:end] of a document."""
        return self.add_annotation(
            new_annotation(document_id, text, start, end, color=color, note=note, citation=citation, issue_id=issue_id))

    def add_annotation(self, annotation: Annotation) -> Annotation:
        """Save an annotation (or put a removed one back)."""
        with self.db.atomic():
            self.db.table("annotations").insert(_row(annotation), replace=True)
        return annotation

    def update_annotation(self, annotation_id: str, *, note: str | None = None, color: str | None = None) -> Annotation:
        """Change an annotation's note or colour."""
        if color is not None:
            check_color(color)
        with self.db.atomic():
            if note is not None:
                self.db.execute("UPDATE annotations SET note = ?, updated = ? WHERE id = ?", [note, now(), annotation_id])
            if color is not None:
                self.db.execute("UPDATE annotations SET color = ?, updated = ? WHERE id = ?", [color, now(), annotation_id])
        return self.annotation(annotation_id)

    def annotation(self, annotation_id: str) -> Annotation:
        """One annotation by id."""
        rows = list(self.db["annotations"].rows_where("id = ?", [annotation_id]))
        if not rows:
            raise KeyError(annotation_id)
        return _from_row(Annotation, rows[0])

    def remove_annotation(self, annotation_id: str) -> Annotation | None:
        """Delete an annotation; return it (to undo)."""
        try:
            found = self.annotation(annotation_id)
        except KeyError:
            return None
        with self.db.atomic():
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
        return found

    def annotations(self, document_id: str | None = None, *, color: str | None = None, text: str | None = None,
                    issue_id: str | None = None, status: str | None = None) -> list[Annotation]:
        """Annotations, filtered by document, colour, words in the quote or note, issue and status; newest first."""
        clauses, args = [], []
        if status:
            clauses.append("status = ?")
            args.append(status)
        if document_id:
            clauses.append("document_id = ?")
            args.append(document_id)
        if color:
            clauses.append("color = ?")
            args.append(color)
        if issue_id:
            clauses.append("issue_id = ?")
            args.append(issue_id)
        if text:
            for word in text.split():
                clauses.append("(note LIKE ? OR exact LIKE ? OR title LIKE ?)")
                args += [f"%{word}%"] * 3
        where = " AND ".join(clauses) or None
        order = "start" if document_id else "created DESC"
        return [_from_row(Annotation, r) for r in self.db["annotations"].rows_where(where, args, order_by=order)]

    def set_anchor(self, annotation_id: str, text: str, start: int, end: int) -> Annotation:
        """Attach an annotation to text[start:end] (the user confirmed or chose its place): status exact."""
        a = make_anchor(text, start, end)
        with self.db.atomic():
            self.db.execute('UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, '
                            "status = 'exact', text_sha = ?, updated = ? WHERE id = ?",
                            [a.exact, a.prefix, a.suffix, a.start, a.end, text_sha(text), now(), annotation_id])
        return self.annotation(annotation_id)

    def search_bookmarks(self, text: str) -> list[Bookmark]:
        """Bookmarks whose label or document title holds every word, newest first."""
        words = text.split()
        if not words:
            return []
        where = " AND ".join("(label LIKE ? OR title LIKE ?)" for _ in words)
        args = [v for w in words for v in (f"%{w}%", f"%{w}%")]
        return [_from_row(Bookmark, r) for r in self.db["bookmarks"].rows_where(where, args, order_by="created DESC")]

    def search_notes(self, text: str) -> list[Annotation]:
        """The "my notes" scope of search: annotations whose note or quote holds every word."""
        return self.annotations(text=text) if text.strip() else []

    # ---- re-anchoring --------------------------------------------------------------------------
    def reanchor(self, document_id: str, text: str | None) -> list[Annotation]:
        """Re-attach a document's annotations to its current text (None: the document is gone)."""
        changed: list[Annotation] = []
        sha = text_sha(text) if text is not None else None
        folded = fold_text(text) if text is not None else None
        with self.db.atomic():
            for a in self.annotations(document_id):
                if text is None:
                    if a.status != "missing":
                        self.db.execute("UPDATE annotations SET status = 'missing' WHERE id = ?", [a.id])
                        a.status = "missing"
                        changed.append(a)
                    continue
                if a.text_sha == sha and a.status not in ("missing",):
                    continue
                where: Located = locate(a.anchor, folded or text)
                if where.status == "review":  # shown at the likely place; the quote the user marked is kept
                    self.db.execute('UPDATE annotations SET start = ?, "end" = ?, status = ?, text_sha = ? WHERE id = ?',
                                    [where.start, where.end, where.status, sha, a.id])
                elif where.found:
                    fresh = make_anchor(text, where.start, where.end)
                    self.db.execute(
                        'UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, status = ?, '
                        "text_sha = ? WHERE id = ?",
                        [fresh.exact, fresh.prefix, fresh.suffix, fresh.start, fresh.end, where.status, sha, a.id])
                else:  # keep the old quote and offsets: never lose what the user marked
                    self.db.execute("UPDATE annotations SET status = 'orphaned', text_sha = ? WHERE id = ?", [sha, a.id])
                changed.append(a)
        return changed

    def reanchor_all(self, text_of: Callable[[str], str | None]) -> int:
        """Re-attach every annotation whose document changed; return how many were looked at again."""
        docs = [r[0] for r in self.db.execute("SELECT DISTINCT document_id FROM annotations").fetchall()]
        return sum(len(self.reanchor(d, text_of(d))) for d in docs)

    # ---- export and import (reader/notes/exports.py) -------------------------------------------------
    def export_json(self) -> dict[str, Any]:
        """Everything, for backup (import_json merges it back)."""
        return exports.export_json(self)

    def import_json(self, data: dict[str, Any]) -> tuple[int, int]:
        """Merge an export: new items added, known ones kept unless the export's copy is newer; (added, updated)."""
        return exports.import_json(self, data)

    def export_csv(self) -> str:
        """Annotations and bookmarks as CSV rows."""
        return exports.export_csv(self)

    def export_markdown(self, page_of: Callable[[Annotation], int | None] | None = None) -> str:
        """Notes grouped by issue and document with citations; each highlight with its colour and page."""
        return exports.export_markdown(self, page_of)

    # ---- backups -------------------------------------------------------------------------------
    def backup(self, folder: Path | None = None, keep: int = BACKUPS_KEPT, today: date | None = None) -> Path | None:
        """Copy the file into backups/ (one a day, only when it changed since the last one); keep the newest few."""
        folder = folder or self.path.parent / paths.BACKUPS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        digest = str(self.revision())
        marker = folder / "last-backup-revision"
        if marker.exists() and marker.read_text().strip() == digest:
            return None
        target = folder / f"user-{(today or date.today()).isoformat()}.db"
        tmp = target.with_suffix(".part")
        dest = sqlite3.connect(str(tmp))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(target)
        marker.write_text(digest)
        for old in sorted(folder.glob("user-*.db"))[:-keep]:
            old.unlink()
        return target

    def revision(self) -> int:
        """A counter every change to bookmarks or annotations raises (kept by triggers in the same transaction)."""
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    def export_json_stable(self) -> dict[str, Any]:
        """The export without its time stamp (to tell whether anything changed)."""
        data = self.export_json()
        data.pop("exported")
        return data

