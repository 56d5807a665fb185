"""Validity and citations over the archive: derived tables rebuilt from the documents, statuses computed on demand.

Each document's own citations (cited 发文字号 and 《titles》, with the action a decision takes on them) and its own
clauses (施行, 有效期) are derived when it is imported and stored in ``citations``, ``clauses`` and ``title_keys``.
Whom a citation points to, and so each document's status, is resolved when asked, by joining on the canonical
发文字号: importing a decision before or after the documents it names, or deleting it, gives the same answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlite_utils

from reader.gazette.citations import (
    Action,
    cited_numbers,
    cited_titles,
    decision_actions,
    is_decision,
    sentence_actions,
    title_keys,
    titles_match,
)
from reader.gazette.clauses import clauses
from reader.textenum import TextEnum
from reader.textfold import compact


class State(TextEnum):
    """Whether a document is in force; the value is the key export-json and the search filter use."""

    IN_FORCE = "in_force"  # 现行有效: its clauses say it took effect and has not expired
    AMENDED = "amended"  # 已修改: a later decision amended it
    NOT_YET = "not_yet"  # 尚未施行
    EXPIRED = "expired"  # 已过有效期
    ABOLISHED = "abolished"  # 已废止 (also 停止执行)
    INVALID = "invalid"  # 已失效 (宣布失效)
    UNSTATED = "unstated"  # 未注明: nothing says; never silently in force

    @property
    def zh(self) -> str:
        """The state in Chinese, as the window and `show` print it."""
        return _ZH[self]

    @property
    def in_force(self) -> bool:
        """Whether the document can be applied (in force, or in force as amended)."""
        return self in (State.IN_FORCE, State.AMENDED)


_ZH = {State.IN_FORCE: "现行有效", State.AMENDED: "已修改", State.NOT_YET: "尚未施行", State.EXPIRED: "已过有效期",
       State.ABOLISHED: "已废止", State.INVALID: "已失效", State.UNSTATED: "未注明"}
_BY_ACTION = {Action.ABOLISH: State.ABOLISHED, Action.SUSPEND: State.ABOLISHED, Action.INVALIDATE: State.INVALID,
              Action.AMEND: State.AMENDED}
ENDED = (State.ABOLISHED, State.INVALID, State.EXPIRED, State.NOT_YET)


@dataclass
class Decision:
    """A document that acts on another: which, how, when, and the title it lists."""

    document_id: str
    doc_number: str | None
    title: str
    date: str | None
    action: Action
    listed_title: str
    mismatch: bool = False  # the title it lists does not name the archived document


@dataclass
class Status:
    """A document's status with what decides it."""

    state: State
    by: Decision | None = None
    effective: str | None = None
    expires: str | None = None
    decisions: list[Decision] = field(default_factory=list)

    def line(self) -> str:
        """One line for a reader: 已废止（青政规发〔2023〕1号，2023-03-13）."""
        text = self.state.zh
        if self.by is not None:
            text += f"（{self.by.doc_number or self.by.title}，{self.by.date or ''}）".replace("，）", "）")
        elif self.effective or self.expires:
            text += f"（施行 {self.effective or '未注明'}，有效期至 {self.expires or '未注明'}）"
        return text


@dataclass
class Link:
    """A citation from one document to another (the target is None when the archive does not hold it)."""

    doc_number: str | None
    title: str
    document_id: str | None
    start: int
    end: int
    action: Action | None = None


def derive(doc_id: str, title: str, number: str | None, doc_date: str | None, text: str) -> dict[str, list[dict[str, Any]]]:
    """The derived rows of one document: its citations, its clauses and the keys a 《title》 citation may use."""
    cites = cited_numbers(text, own=number)
    actions = decision_actions(text) if is_decision(title) else sentence_actions(text)
    acted = {(c.canonical, c.action) for c in actions}
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str | None, Any]] = set()
    for c in [*actions, *cites, *cited_titles(text)]:
        key = (c.canonical or compact(c.title), c.action)
        if key in seen or (c.action is None and any(n == c.canonical for n, _ in acted)):
            continue
        seen.add(key)
        rows.append({"document_id": doc_id, "ordinal": len(rows), "start": c.start, "end": c.end,
                     "target_number": c.canonical, "target_title": c.title,
                     "title_key": compact(c.title) if c.canonical is None else None,
                     "action": c.action.value if c.action else None})
    found = clauses(text, doc_date)
    return {
        "citations": rows,
        "clauses": [{"document_id": doc_id, "effective": found.effective, "expires": found.expires,
                     "effective_text": found.effective_text, "expires_text": found.expires_text}],
        "title_keys": [{"key": k, "document_id": doc_id} for k in title_keys(title)],
    }


DERIVED = ("citations", "clauses", "title_keys")


class Validity:
    """Statuses, citations and cited-by lists resolved from the derived tables."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._states: dict[str, State] = {}
        self._states_key: tuple[str, str] | None = None

    # ---- writing (inside the importer's transaction) -------------------------------------------
    def add(self, docs: list[dict[str, Any]]) -> None:
        """Derive and store the rows of documents (dicts with id, title, doc_number_canonical, date, text)."""
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in DERIVED}
        for d in docs:
            for table, rows in derive(d["id"], d["title"], d["doc_number_canonical"], d["date"], d["text"]).items():
                tables[table] += rows
        for table, rows in tables.items():
            if rows:
                self.db.table(table).insert_all(rows)

    def remove_issue(self, issue_id: str) -> None:
        """Drop the derived rows of an issue's documents."""
        for table in DERIVED:
            self.db.execute(f"DELETE FROM {table} WHERE document_id IN (SELECT id FROM documents WHERE issue_id = ?)",
                            [issue_id])

    def rebuild(self) -> int:
        """Derive every document again (after a rule changed, or by reindex); return how many."""
        with self.db.atomic():
            for table in DERIVED:
                self.db.execute(f"DELETE FROM {table}")
            docs = list(self.db.query("SELECT id, title, doc_number_canonical, date, text FROM documents"))
            self.add(docs)
        return len(docs)

    # ---- reading -------------------------------------------------------------------------------
    def decisions_on(self, doc_id: str) -> list[Decision]:
        """The decisions naming a document by its 发文字号, newest first."""
        row = self.db.execute("SELECT doc_number_canonical, title FROM documents WHERE id = ?", [doc_id]).fetchone()
        if not row or not row[0]:
            return []
        sql = ("SELECT c.document_id, d.doc_number, d.title, d.date, c.action, c.target_title FROM citations c "
               "JOIN documents d ON d.id = c.document_id WHERE c.target_number = ? AND c.action IS NOT NULL "
               "AND c.document_id != ? ORDER BY d.date DESC, d.id")
        out = []
        for r in self.db.execute(sql, [row[0], doc_id]).fetchall():
            mismatch = bool(r[5]) and not titles_match(r[5], row[1])
            out.append(Decision(r[0], r[1], r[2], r[3], Action(r[4]), r[5] or "", mismatch))
        return out

    def status(self, doc_id: str, today: date | None = None) -> Status:
        """A document's status on a day (today by default)."""
        row = self.db.execute("SELECT effective, expires FROM clauses WHERE document_id = ?", [doc_id]).fetchone()
        effective, expires = (row[0], row[1]) if row else (None, None)
        day = today or date.today()
        decisions = [d for d in self.decisions_on(doc_id) if not d.date or d.date <= day.isoformat()]
        ending = [d for d in decisions if d.action is not Action.AMEND]
        if ending:
            return Status(_BY_ACTION[ending[0].action], ending[0], effective, expires, decisions)
        return Status(_dated_state(effective, expires, day, bool(decisions)),
                      decisions[0] if decisions else None, effective, expires, decisions)

    def cites(self, doc_id: str) -> list[Link]:
        """What a document cites, in text order, each with the archived document it names (or None)."""
        sql = ("SELECT c.target_number, c.target_title, c.start, c.\"end\", c.action, "
               "(SELECT d.id FROM documents d WHERE d.doc_number_canonical = c.target_number AND d.id != c.document_id "
               " ORDER BY d.date LIMIT 1), "
               "(SELECT k.document_id FROM title_keys k WHERE k.key = c.title_key AND k.document_id != c.document_id "
               " LIMIT 1) FROM citations c WHERE c.document_id = ? ORDER BY c.start")
        out = []
        for number, title, start, end, action, by_number, by_title in self.db.execute(sql, [doc_id]).fetchall():
            target = by_number if number else by_title
            if number is None and target is None:
                continue  # a 《law》 or a title the archive does not hold: not a link
            out.append(Link(number, title or "", target, start, end, Action(action) if action else None))
        return out

    def cited_by(self, doc_id: str) -> list[str]:
        """The documents that cite this one, by its 发文字号 or by its title, oldest first."""
        sql = ("SELECT DISTINCT c.document_id, d2.date FROM citations c JOIN documents d2 ON d2.id = c.document_id "
               "WHERE c.document_id != ?1 AND (c.target_number = (SELECT doc_number_canonical FROM documents "
               "WHERE id = ?1) OR c.title_key IN (SELECT key FROM title_keys WHERE document_id = ?1)) "
               "ORDER BY d2.date, c.document_id")
        return [r[0] for r in self.db.execute(sql, [doc_id]).fetchall()]

    def ids_in(self, states: set[State], today: date | None = None) -> set[str]:
        """The ids of every document in one of the states (for search filters and the tree)."""
        return {d for d, state in self.states(today).items() if state in states}

    def states(self, today: date | None = None) -> dict[str, State]:
        """Every document's state, computed in two queries and kept until the archive changes or the day does."""
        day = today or date.today()
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        key = (row[0] if row else "0", day.isoformat())
        if self._states_key != key:
            self._states = self._compute_states(day)
            self._states_key = key
        return self._states

    def states_of(self, doc_ids: list[str], today: date | None = None) -> dict[str, State]:
        """The states of a few documents (a page of search hits): from the cache when it is current, else
        computed for them alone (a fresh process shows its first hits without computing every state)."""
        day = today or date.today()
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if self._states_key == (row[0] if row else "0", day.isoformat()):
            return {d: self._states[d] for d in doc_ids if d in self._states}
        return self._compute_states(day, doc_ids)

    def _compute_states(self, day: date, only: list[str] | None = None) -> dict[str, State]:
        today_s = day.isoformat()
        where, args = ("", []) if only is None else (f" AND d.id IN ({','.join('?' * len(only))})", list(only))
        acted = self.db.execute(
            "SELECT d.id, c.action, c2.date FROM documents d JOIN citations c ON c.target_number = d.doc_number_canonical "
            "JOIN documents c2 ON c2.id = c.document_id WHERE c.action IS NOT NULL AND c.document_id != d.id"
            + where + " ORDER BY c2.date DESC", args).fetchall()
        by_doc: dict[str, State] = {}
        for doc_id, action, decided in acted:
            if decided and decided > today_s:
                continue  # a decision dated later has not acted yet
            state = _BY_ACTION[Action(action)]
            if by_doc.get(doc_id) in (None, State.AMENDED):
                by_doc[doc_id] = state
        rows = self.db.execute("SELECT d.id, c.effective, c.expires FROM documents d "
                               "LEFT JOIN clauses c ON c.document_id = d.id WHERE 1" + where, args).fetchall()
        out: dict[str, State] = {}
        for doc_id, effective, expires in rows:
            decided = by_doc.get(doc_id)
            if decided in (State.ABOLISHED, State.INVALID):
                out[doc_id] = decided
            else:
                out[doc_id] = _dated_state(effective, expires, day, decided is State.AMENDED)
        return out


def _dated_state(effective: str | None, expires: str | None, today: date, amended: bool) -> State:
    """The state from a document's own dates."""
    day = today.isoformat()
    if expires and expires < day:
        return State.EXPIRED
    if effective and effective > day:
        return State.NOT_YET
    if amended:
        return State.AMENDED
    return State.IN_FORCE if (effective or expires) else State.UNSTATED

