"""The personnel index: decisions (reader/gazette/people.py) derived from each document's text at import, stored in
the ``people`` table and rebuilt by reindex; looked up by name or by post, joined with the deciding document.

A record names a person as printed: two spellings stay two names, and one name held by two people stays one name
whose timeline shows both careers' posts. Nothing is merged."""

from __future__ import annotations

import csv
import io
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
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS people_person ON people(person);
CREATE INDEX IF NOT EXISTS people_post ON people(post)
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


def derive(doc_id: str, title: str, text: str) -> list[dict[str, Any]]:
    """The people rows of one document."""
    return [{"document_id": doc_id, "ordinal": k, "person": d.person, "action": d.action.value, "post": d.post,
             "organ": d.organ, "note": d.note, "decided_by": d.decided_by, "start": d.start, "end": d.end}
            for k, d in enumerate(decisions(text, title))]


_SELECT = ("SELECT p.person, p.action, p.post, p.organ, p.note, COALESCE(p.decided_by, d.issuer), "
           "COALESCE(d.date, i.published), d.doc_number, p.document_id, d.title, p.start, p.\"end\" "
           "FROM people p JOIN documents d ON d.id = p.document_id JOIN issues i ON i.id = d.issue_id ")
_ORDER = " ORDER BY COALESCE(d.date, i.published), p.document_id, p.ordinal"


class People:
    """The people table: written inside the importer's transaction, read by name, post or document."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, docs: list[dict[str, Any]]) -> None:
        """Derive and store the rows of documents (dicts with id, title, text)."""
        rows = [r for d in docs for r in derive(d["id"], d["title"], d["text"])]
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
            self.add(list(self.db.query("SELECT id, title, text FROM documents")))
        return int(self.db.execute(f"SELECT COUNT(*) FROM {TABLE}").fetchone()[0])

    def find(self, name: str = "", post: str = "", limit: int | None = None) -> list[PersonRecord]:
        """Records whose person holds name and whose post holds post (both parts of words), by date."""
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

    def lookup(self, text: str, limit: int = 500) -> list[PersonRecord]:
        """What the People panel shows for typed text: the records of names holding it, else of posts holding it."""
        return self.find(name=text, limit=limit) or self.find(post=text, limit=limit)

    def of_document(self, doc_id: str) -> list[PersonRecord]:
        """A document's records in text order."""
        return [PersonRecord(*r) for r in self.db.execute(
            _SELECT + "WHERE p.document_id = ? ORDER BY p.ordinal", [doc_id]).fetchall()]

    def document_ids(self, name: str) -> set[str]:
        """The ids of the documents deciding on a person whose name holds the text (人物:/person: in search)."""
        sql = f"SELECT DISTINCT document_id FROM {TABLE} WHERE person LIKE ? ESCAPE '\\'"
        return {r[0] for r in self.db.execute(sql, [f"%{_like(name.strip())}%"]).fetchall()}

    def documents_of(self, name: str) -> dict[str, list[tuple[int, int]]]:
        """The documents deciding on a person (exact name), each with the spans of its decisions."""
        out: dict[str, list[tuple[int, int]]] = {}
        for doc_id, start, end in self.db.execute(
                f"SELECT document_id, start, \"end\" FROM {TABLE} WHERE person = ? ORDER BY document_id, ordinal",
                [name]).fetchall():
            out.setdefault(doc_id, []).append((start, end))
        return out


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
