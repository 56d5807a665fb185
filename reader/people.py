"""The personnel index: decisions (reader/gazette/people.py) derived from each document's text at import, stored in
the ``people`` table and rebuilt by reindex; looked up by name or by post, joined with the deciding document.

A record names a person as printed: two spellings stay two names, and one name held by two people stays one name
whose timeline shows both careers' posts. Nothing is merged."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from reader.gazette.people import Action, decisions

TABLE = "people"
SQL = """
CREATE TABLE IF NOT EXISTS people (
    document_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    person TEXT NOT NULL,
    action TEXT NOT NULL,
    post TEXT,
    organ TEXT,
    note TEXT,
    decided_by TEXT,
    date TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS people_person ON people(person, date);
CREATE INDEX IF NOT EXISTS people_post ON people(post, date)
"""
KEYS = ("person", "action", "post", "organ", "note", "decided_by", "date", "doc_number", "document_id")
_ZH = {Action.APPOINT: "任命", Action.REMOVE: "免去", Action.SECOND: "挂职", Action.NOMINATE: "提名",
       Action.TRIAL: "试用期", Action.TRIAL_ENDS: "试用期满", Action.OTHER: "其他"}


def action_zh(action: str) -> str:
    """An action in Chinese (任命, 免去, 挂职, 提名, 试用期, 试用期满)."""
    return _ZH[Action(action)]


@dataclass
class PersonRecord:
    """One decision on one person with the document that decides it and where in its text."""

    person: str
    action: str
    post: str | None
    organ: str | None
    note: str | None
    decided_by: str | None
    date: str | None
    doc_number: str | None
    document_id: str
    title: str = ""
    start: int = 0
    end: int = 0

    def to_json(self) -> dict[str, Any]:
        """The record in the people --json / export-json shape."""
        return {k: v for k, v in asdict(self).items() if k in KEYS}


def derive(doc_id: str, title: str, text: str, day: str | None = None) -> list[dict[str, Any]]:
    """The people rows of one document (day: its date, or its issue's, kept for ordering timelines)."""
    return [{"document_id": doc_id, "ordinal": k, "person": d.person, "action": d.action.value, "post": d.post,
             "organ": d.organ, "note": d.note, "decided_by": d.decided_by, "date": day, "start": d.start,
             "end": d.end} for k, d in enumerate(decisions(text, title))]


_SELECT = ("SELECT p.person, p.action, p.post, p.organ, p.note, COALESCE(p.decided_by, d.issuer), p.date, "
           "d.doc_number, p.document_id, d.title, p.start, p.\"end\" FROM people p JOIN documents d ON d.id = p.document_id ")
_ORDER = " ORDER BY p.date, p.document_id, p.ordinal"
DOCUMENTS = ("SELECT d.id, d.title, d.text, COALESCE(d.date, i.published) AS date FROM documents d "
             "JOIN issues i ON i.id = d.issue_id")


class People:
    """The people table: written inside the importer's transaction, read by name, post or document."""

    def __init__(self, db: sqlite_utils.Database, generation: Callable[[], int] = lambda: 0) -> None:
        self.db = db
        self.generation = generation  # the archive's change counter: names and posts are read again when it moves
        self._distinct: tuple[tuple[int, int], list[str], list[str]] | None = None  # (table key, names, posts)
        self._exists: bool | None = None

    @property
    def available(self) -> bool:
        """Whether the archive holds the table (a read-only pack from before schema 8 does not: no records)."""
        if not self._exists:
            self._exists = self.db[TABLE].exists()
        return self._exists

    def add(self, docs: list[dict[str, Any]]) -> None:
        """Derive and store the rows of documents (dicts with id, title, text and date)."""
        rows = [r for d in docs for r in derive(d["id"], d["title"], d["text"], d.get("date"))]
        if rows:
            self.db.table(TABLE).insert_all(rows)

    def remove_issue(self, issue_id: str) -> None:
        """Drop the rows of an issue's documents."""
        self.db.execute(f"DELETE FROM {TABLE} WHERE document_id IN (SELECT id FROM documents WHERE issue_id = ?)",
                        [issue_id])

    def rebuild(self) -> int:
        """Derive every document again; return how many records."""
        with self.db.atomic():
            self.db.execute(f"DELETE FROM {TABLE}")
            self.add(list(self.db.query(DOCUMENTS)))
        return int(self.db.execute(f"SELECT COUNT(*) FROM {TABLE}").fetchone()[0])

    def find(self, name: str = "", post: str = "", limit: int | None = None) -> list[PersonRecord]:
        """Records whose person holds name and whose post holds post (both parts of words), by date."""
        if not self.available:
            return []
        where, args = [], []
        if name.strip():
            where.append("p.person LIKE ?")
            args.append(f"%{_like(name.strip())}%")
        if post.strip():
            where.append("p.post LIKE ?")
            args.append(f"%{_like(post.strip())}%")
        sql = _SELECT + (" WHERE " + " AND ".join(f"{w} ESCAPE '\\'" for w in where) if where else "") + _ORDER
        sql += f" LIMIT {int(limit)}" if limit else ""
        return [PersonRecord(*r) for r in self.db.execute(sql, args).fetchall()]

    def lookup(self, text: str, limit: int = 500) -> tuple[list[PersonRecord], bool]:
        """What the People panel shows for typed text, as it is typed: the records of the names holding it (the
        name itself first, then names starting with it), else of the posts holding it; (records, by post)."""
        text = text.strip()
        if not text or not self.available:
            return [], False
        names, posts = self._names_and_posts()
        for column, values, by_post in (("person", names, False), ("post", posts, True)):
            out: list[PersonRecord] = []
            for value in _ranked(text, values)[:NAMES_SHOWN]:  # each a walk of the (column, date) index
                if len(out) >= limit:
                    break
                sql = _SELECT + f"WHERE p.{column} = ?" + _ORDER + f" LIMIT {int(limit - len(out))}"
                out += [PersonRecord(*r) for r in self.db.execute(sql, [value]).fetchall()]
            if out:
                return out, by_post
        return [], False

    def _names_and_posts(self) -> tuple[list[str], list[str]]:
        """Every distinct name and post, read again only when the table changed."""
        key = (self.generation(), int(self.db.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {TABLE}").fetchone()[0]))
        if self._distinct is None or self._distinct[0] != key:
            names = [r[0] for r in self.db.execute(f"SELECT DISTINCT person FROM {TABLE}")]
            posts = [r[0] for r in self.db.execute(f"SELECT DISTINCT post FROM {TABLE} WHERE post IS NOT NULL")]
            self._distinct = (key, names, posts)
        return self._distinct[1], self._distinct[2]

    def of_document(self, doc_id: str) -> list[PersonRecord]:
        """A document's records in text order."""
        if not self.available:
            return []
        return [PersonRecord(*r) for r in self.db.execute(
            _SELECT + "WHERE p.document_id = ? ORDER BY p.ordinal", [doc_id]).fetchall()]

    def document_ids(self, name: str) -> set[str]:
        """The ids of the documents deciding on a person whose name holds the text (人物:/person: in search)."""
        if not self.available:
            return set()
        sql = f"SELECT DISTINCT document_id FROM {TABLE} WHERE person LIKE ? ESCAPE '\\'"
        return {r[0] for r in self.db.execute(sql, [f"%{_like(name.strip())}%"]).fetchall()}


NAMES_SHOWN = 50  # names (or posts) a typed text may answer with in the panel: the best ranked first


def _ranked(text: str, values: list[str]) -> list[str]:
    """The values holding a text: the text itself first, then those starting with it, then the others, each by
    length and then in order."""
    found = [v for v in values if text in v]
    return sorted(found, key=lambda v: (v != text, not v.startswith(text), len(v), v))


def _like(text: str) -> str:
    """Text for a LIKE pattern with its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def to_csv(records: list[PersonRecord]) -> str:
    """Records as CSV for a spreadsheet: UTF-8 with a BOM (Excel opens it as UTF-8), one row per record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(KEYS)
    for r in records:
        row = r.to_json()
        writer.writerow(["" if row[k] is None else row[k] for k in KEYS])
    return "\ufeff" + out.getvalue()
