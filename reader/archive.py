"""The one door to the core: Archive(data_dir) imports, lists, shows and exports issues and documents."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from reader import paths
from reader.errors import DuplicateIssueError, NotAGazetteError, NotFoundError, SourceError
from reader.gazette.docnumber import canonical
from reader.models import ParsedIssue
from reader.notes.anchors import locate
from reader.notes.store import Annotation, Bookmark, Citation, UserStore, new_bookmark, text_sha
from reader.search.indexer import SearchIndex
from reader.search.searcher import SearchResult, run_search
from reader.sources import read_source
from reader.store.db import connect

Progress = Callable[[str], None]


@dataclass
class ImportResult:
    """What happened to one file: imported, replaced, unchanged or failed, and why."""

    path: Path
    status: str
    issue_id: str | None = None
    message: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file did not fail."""
        return self.status != "failed"


@dataclass
class IssueInfo:
    """An issue as the archive lists it."""

    id: str
    gazette: str
    printed_name: str | None
    publisher: str | None
    year: int | None
    issue: int | None
    total_issue: int | None
    published: str | None
    source_name: str
    source_stored: str
    source_sha256: str
    source_kind: str
    source_pages: int | None
    imported_at: str
    document_count: int = 0

    @property
    def label(self) -> str:
        """How an issue is named to a reader: 2023年第1期 (总第23期)."""
        if self.year is None:
            return self.source_name
        text = f"{self.year}年第{self.issue}期" if self.issue is not None else f"{self.year}年"
        return text + (f" (总第{self.total_issue}期)" if self.total_issue else "")


@dataclass
class DocumentBrief:
    """A document's place and title, without its text."""

    id: str
    issue_id: str
    ordinal: int
    section: str | None
    title: str
    doc_number: str | None
    date: str | None
    in_toc: bool


@dataclass
class DocumentRecord:
    """A stored document with its place in the archive."""

    id: str
    issue_id: str
    ordinal: int
    section: str | None
    title: str
    doc_number: str | None
    doc_number_canonical: str | None
    issuer: str | None
    date: str | None
    recipients: str | None
    pdf_pages: tuple[int, int] | None
    printed_pages: tuple[int, int] | None
    in_toc: bool
    text: str
    blocks: list[dict[str, Any]]
    attachments: list[str]


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def issue_id_for(parsed: ParsedIssue, sha: str) -> str:
    """A readable, stable issue id: year-issue-hash of the gazette name (or of the file when untitled)."""
    if parsed.year is None or parsed.issue is None:
        return "x-" + sha[:12]
    tag = hashlib.sha1(parsed.gazette.encode()).hexdigest()[:6]
    return f"{parsed.year}-{parsed.issue:02d}-{tag}"


def document_id_for(issue_id: str, key: str) -> str:
    """A document id stable across re-imports of the same issue."""
    return "d" + hashlib.sha1(f"{issue_id}|{key}".encode()).hexdigest()[:11]


def _pair(a: int | None, b: int | None) -> tuple[int, int] | None:
    return (a, b) if a is not None and b is not None else None


class Archive:
    """The archive in a data home: SQLite file, stored source files and (later) the search index."""

    def __init__(self, data_dir: str | Path | None = None, *, readonly: bool = False) -> None:
        self.home = paths.data_home(data_dir)
        self.files_dir = self.home / paths.FILES_DIR
        self.db: sqlite_utils.Database = connect(self.home / paths.ARCHIVE_FILE, readonly=readonly)
        self.index = SearchIndex(self.home / paths.INDEX_DIR)
        self._notes: UserStore | None = None

    def close(self) -> None:
        """Close the index, the user's notes and the database."""
        self.index.close()
        if self._notes is not None:
            self._notes.close()
            self._notes = None
        self.db.close()

    # ---- the user's notes ----------------------------------------------------------------------
    @property
    def notes(self) -> UserStore:
        """The user's bookmarks and annotations (user.db beside the archive)."""
        if self._notes is None:
            self._notes = UserStore(self.home / paths.USER_FILE)
        return self._notes

    def citation(self, doc_id: str) -> Citation:
        """What a note on a document records about where it stands."""
        doc = self.document(doc_id)
        info = self.issue(doc.issue_id)
        page = doc.printed_pages[0] if doc.printed_pages else None
        return Citation(gazette=info.gazette, year=info.year, issue=info.issue, title=doc.title,
                        doc_number=doc.doc_number, page=page)

    def annotate(self, doc_id: str, start: int, end: int, color: str = "yellow", note: str = "") -> Annotation:
        """Highlight a passage of a document (offsets into its text)."""
        doc = self.document(doc_id)
        return self.notes.annotate(doc_id, doc.text, start, end, color=color, note=note,
                                   citation=self.citation(doc_id), issue_id=doc.issue_id)

    def bookmark(self, doc_id: str, position: int | None = None, label: str = "") -> Bookmark:
        """Bookmark a document (or a position in its text)."""
        doc = self.document(doc_id)
        return self.notes.add_bookmark(new_bookmark(doc_id, doc.issue_id, position, label, self.citation(doc_id)))

    def annotations_for(self, doc_id: str) -> list[Annotation]:
        """A document's annotations, re-attached first if its text changed since they were made."""
        notes = self.notes.annotations(doc_id)
        if notes:
            current = text_sha(self.document(doc_id).text)
            if any(a.text_sha != current for a in notes):
                self.notes.reanchor(doc_id, self.document(doc_id).text)
                notes = self.notes.annotations(doc_id)
        return notes

    def reanchor_issue(self, issue_id: str) -> None:
        """After an issue was imported, replaced or deleted: re-attach its annotations to the current texts.

        A note whose document id is gone (a corrected 发文字号 changes the id) is looked for in the issue's other
        documents; one whose issue is gone is marked missing and comes back when the issue is imported again."""
        if not (self.home / paths.USER_FILE).exists():
            return
        texts = {d.id: d.text for d in self.documents(issue_id)} if self._has_issue(issue_id) else {}
        store = self.notes
        for doc_id in {a.document_id for a in store.annotations(issue_id=issue_id)}:
            if doc_id in texts:
                store.reanchor(doc_id, texts[doc_id])
                continue
            moved = False
            for a in store.annotations(doc_id):
                for other, text in texts.items():
                    if locate(a.anchor, text).found:
                        a.document_id = other
                        store.add_annotation(a)
                        store.reanchor(other, text)
                        moved = True
                        break
            if not moved:
                store.reanchor(doc_id, None)

    def _has_issue(self, issue_id: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM issues WHERE id = ?", [issue_id]).fetchone())

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading -------------------------------------------------------------------------------
    def issues(self) -> list[IssueInfo]:
        """All issues, by gazette, year and issue number."""
        rows = self.db.execute(
            "SELECT i.*, (SELECT COUNT(*) FROM documents d WHERE d.issue_id = i.id) AS document_count "
            "FROM issues i ORDER BY gazette, year, issue"
        )
        return [self._issue(dict(zip([c[0] for c in rows.description], r))) for r in rows.fetchall()]

    def issue(self, issue_id: str) -> IssueInfo:
        """One issue by id."""
        found = [i for i in self.issues_where("id = ?", [issue_id])]
        if not found:
            raise NotFoundError(f"no issue with id {issue_id!r}; 'gazette-reader list' shows the ids")
        return found[0]

    def issues_where(self, where: str, args: list[Any]) -> Iterator[IssueInfo]:
        """Issues matching an SQL condition."""
        for row in self.db["issues"].rows_where(where, args):
            yield self._issue(row)

    @staticmethod
    def _issue(row: dict[str, Any]) -> IssueInfo:
        keys = IssueInfo.__dataclass_fields__.keys()
        return IssueInfo(**{k: row[k] for k in keys if k in row})

    def documents(self, issue_id: str) -> list[DocumentRecord]:
        """The documents of an issue in body order."""
        rows = self.db["documents"].rows_where("issue_id = ?", [issue_id], order_by="ordinal")
        return [self._document(r) for r in rows]

    def outline(self, issue_id: str) -> list[DocumentBrief]:
        """The documents of an issue without their text, in body order (for trees and lists)."""
        rows = self.db.execute(
            "SELECT id, issue_id, ordinal, section, title, doc_number, date, in_toc FROM documents "
            "WHERE issue_id = ? ORDER BY ordinal", [issue_id]).fetchall()
        return [DocumentBrief(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows]

    def document(self, doc_id: str) -> DocumentRecord:
        """One document by id."""
        rows = list(self.db["documents"].rows_where("id = ?", [doc_id]))
        if not rows:
            raise NotFoundError(f"no document with id {doc_id!r}; 'gazette-reader export-json' lists document ids")
        return self._document(rows[0])

    @staticmethod
    def _document(row: dict[str, Any]) -> DocumentRecord:
        return DocumentRecord(
            id=row["id"], issue_id=row["issue_id"], ordinal=row["ordinal"], section=row["section"],
            title=row["title"], doc_number=row["doc_number"], doc_number_canonical=row["doc_number_canonical"],
            issuer=row["issuer"], date=row["date"], recipients=row["recipients"],
            pdf_pages=_pair(row["pdf_first"], row["pdf_last"]),
            printed_pages=_pair(row["printed_first"], row["printed_last"]),
            in_toc=bool(row["in_toc"]), text=row["text"], blocks=json.loads(row["blocks"]),
            attachments=json.loads(row["attachments"]),
        )

    def toc(self, issue_id: str) -> list[dict[str, Any]]:
        """The printed 目录 of an issue."""
        return list(self.db["toc"].rows_where("issue_id = ?", [issue_id], order_by="ordinal"))

    def source_path(self, issue_id: str) -> Path:
        """The stored copy of an issue's source file."""
        return self.home / self.issue(issue_id).source_stored

    # ---- importing -----------------------------------------------------------------------------
    def import_file(self, path: str | Path, *, replace: bool = False, password: str | None = None) -> ImportResult:
        """Import one file as one issue, all or nothing; never raises for bad input."""
        path = Path(path)
        try:
            return self._import(path, replace, password)
        except (SourceError, DuplicateIssueError) as exc:
            return ImportResult(path, "failed", message=str(exc))
        except OSError as exc:
            return ImportResult(path, "failed", message=f"{path}: {exc.strerror or exc}; check the file and the data folder")

    def _import(self, path: Path, replace: bool, password: str | None) -> ImportResult:
        if not path.is_file():
            read_source(path)  # raises the specific error (missing, folder, unreadable)
        sha = sha256_of(path)
        same = list(self.db["issues"].rows_where("source_sha256 = ?", [sha]))
        if same:
            return ImportResult(path, "unchanged", same[0]["id"], f"already in the archive as {same[0]['id']}")
        from reader.gazette.parser import parse  # the parser is needed only to import

        source = read_source(path, password)
        parsed = parse(source)
        if not parsed.documents and not parsed.toc:
            raise NotAGazetteError(
                f"{path}: not a gazette issue (no 目录 and no document with a 发文字号 found); nothing imported"
            )
        warnings = list(source.warnings) + list(parsed.warnings)
        if parsed.year is None or parsed.issue is None:
            warnings.insert(0, "no year and issue number (such as 2023年第1期) found; imported as an untitled issue")
        if not parsed.gazette:
            parsed.gazette = parsed.printed_name = path.stem
            warnings.insert(0, "no gazette name found on the cover; the file name is used")
        issue_id = issue_id_for(parsed, sha)
        old = list(self.db["issues"].rows_where("id = ?", [issue_id]))
        if old and not replace:
            raise DuplicateIssueError(
                f"{path}: the archive already holds {parsed.gazette} {parsed.year}年第{parsed.issue}期 "
                f"from another file ({old[0]['source_name']}); use --replace to replace it"
            )
        stored = self._store_copy(path, sha)
        try:
            with self.db.atomic():
                if old:
                    self._delete_rows(issue_id)
                self._insert(issue_id, parsed, path, sha, source.kind, source.pages, stored, warnings)
                generation = self._bump_generation()
        except BaseException:
            if not old or old[0]["source_stored"] != stored:
                (self.home / stored).unlink(missing_ok=True)
            raise
        if old and old[0]["source_stored"] != stored:
            self._drop_copy(old[0]["source_stored"])
        self._index_issue(issue_id, generation)
        self.reanchor_issue(issue_id)
        status = "replaced" if old else "imported"
        summary = f"{parsed.gazette} {self.issue(issue_id).label}: {len(parsed.documents)} documents"
        return ImportResult(path, status, issue_id, summary, warnings)

    def _store_copy(self, path: Path, sha: str) -> str:
        """Copy the source into the data home (named by hash); return its path relative to the home."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        name = f"{sha}{path.suffix.lower() or '.bin'}"
        target = self.files_dir / name
        if not target.exists():
            tmp = target.with_suffix(target.suffix + ".part")
            shutil.copyfile(path, tmp)
            tmp.replace(target)
        return f"{paths.FILES_DIR}/{name}"

    def _drop_copy(self, stored: str) -> None:
        """Remove a stored source no issue refers to any more."""
        if not list(self.db["issues"].rows_where("source_stored = ?", [stored])):
            (self.home / stored).unlink(missing_ok=True)

    def _delete_rows(self, issue_id: str) -> None:
        for table in ("documents", "toc", "sections"):
            self.db.execute(f"DELETE FROM {table} WHERE issue_id = ?", [issue_id])
        self.db.execute("DELETE FROM issues WHERE id = ?", [issue_id])

    def _insert(self, issue_id: str, parsed: ParsedIssue, path: Path, sha: str, kind: str,
                pages: int | None, stored: str, warnings: list[str]) -> None:
        """Write one parsed issue (inside the caller's transaction)."""
        self.db.table("issues").insert({
            "id": issue_id, "gazette": parsed.gazette, "printed_name": parsed.printed_name,
            "publisher": parsed.publisher, "year": parsed.year, "issue": parsed.issue,
            "total_issue": parsed.total_issue, "published": parsed.published, "frequency": parsed.frequency,
            "source_name": path.name, "source_stored": stored, "source_sha256": sha, "source_kind": kind,
            "source_pages": pages, "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "warnings": json.dumps(warnings, ensure_ascii=False),
        })
        self.db.table("sections").insert_all(
            {"issue_id": issue_id, "ordinal": k, "name": name} for k, name in enumerate(parsed.sections)
        )
        ids = [document_id_for(issue_id, d.key) for d in parsed.documents]
        self.db.table("toc").insert_all(
            {
                "issue_id": issue_id, "ordinal": k, "section": t.section, "title": t.title,
                "doc_number": t.doc_number, "doc_number_canonical": canonical(t.doc_number), "page": t.page,
                "document_id": ids[t.document_index] if t.document_index is not None else None,
            }
            for k, t in enumerate(parsed.toc)
        )
        self.db.table("documents").insert_all(
            {
                "id": ids[k], "issue_id": issue_id, "ordinal": k, "section": d.section, "title": d.title,
                "doc_number": d.doc_number, "doc_number_canonical": d.doc_number_canonical,
                "issuer": d.issuer, "date": d.date, "recipients": d.recipients,
                "pdf_first": d.pdf_pages[0] if d.pdf_pages else None,
                "pdf_last": d.pdf_pages[1] if d.pdf_pages else None,
                "printed_first": d.printed_pages[0] if d.printed_pages else None,
                "printed_last": d.printed_pages[1] if d.printed_pages else None,
                "in_toc": int(d.in_toc), "text": d.text,
                "blocks": json.dumps([b.to_json() for b in d.blocks], ensure_ascii=False),
                "attachments": json.dumps(d.attachments, ensure_ascii=False),
            }
            for k, d in enumerate(parsed.documents)
        )

    def delete_issue(self, issue_id: str) -> None:
        """Remove an issue and its stored source."""
        info = self.issue(issue_id)
        with self.db.atomic():
            self._delete_rows(issue_id)
            generation = self._bump_generation()
        self._drop_copy(info.source_stored)
        self._index_issue(issue_id, generation)
        self.reanchor_issue(issue_id)

    # ---- search index --------------------------------------------------------------------------
    def generation(self) -> int:
        """A counter the archive bumps in every transaction that changes it; the index records the one it saw."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def _bump_generation(self) -> int:
        """Bump the generation inside the caller's transaction."""
        value = self.generation() + 1
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", [str(value)])
        return value

    def _index_rows(self, where: str = "", args: list[Any] | None = None) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]]:
        """(document, issue, 目录 entry) rows for the indexer."""
        issues = {r["id"]: r for r in self.db["issues"].rows}
        tocs = {r["document_id"]: r for r in self.db.query("SELECT * FROM toc WHERE document_id IS NOT NULL")}
        sql = "SELECT id, issue_id, ordinal, section, title, doc_number, issuer, date, text FROM documents"
        for doc in self.db.query(sql + (f" WHERE {where}" if where else "") + " ORDER BY issue_id, ordinal", args or []):
            yield doc, issues[doc["issue_id"]], tocs.get(doc["id"])

    def _index_issue(self, issue_id: str, generation: int) -> None:
        """Bring one issue's documents into the index; if that fails the next search rebuilds it."""
        if not self.index.is_current(generation - 1):
            return  # the index is behind anyway: the next search rebuilds it whole
        try:
            self.index.replace_issue(issue_id, list(self._index_rows("issue_id = ?", [issue_id])), generation)
        except Exception:
            self.index.close()

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the search index from the archive; return the number of documents indexed."""
        total = self.db["documents"].count
        return self.index.rebuild(self._index_rows(), total, self.generation(), progress)

    def ensure_index(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Rebuild the index when it is missing, corrupt, stale or from another analyzer; True if rebuilt."""
        if self.index.is_current(self.generation(), self.db["documents"].count):
            return False
        self.reindex(progress)
        return True

    def texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The text of several documents in one query."""
        marks = ",".join("?" * len(doc_ids))
        return {r["id"]: r["text"] for r in self.db.query(f"SELECT id, text FROM documents WHERE id IN ({marks})", doc_ids)}

    def search(self, query: str, *, limit: int = 20, sort: str = "score", snippets: bool = True,
               year: int | None = None, gazette: str | None = None, section: str | None = None) -> SearchResult:
        """Search the archive (the index is rebuilt first when needed)."""
        self.ensure_index()
        try:
            return run_search(self.index.searcher(), query, self.texts if snippets else None, limit=limit,
                              sort=sort, year=year, gazette=gazette, section=section)
        except (OSError, ValueError, EOFError, KeyError, IndexError):  # a damaged segment found while reading
            self.reindex()
            return run_search(self.index.searcher(), query, self.texts if snippets else None, limit=limit,
                              sort=sort, year=year, gazette=gazette, section=section)

    # ---- exporting -----------------------------------------------------------------------------
    def export(self, issue_id: str | None = None) -> dict[str, Any]:
        """The archive (or one issue) in the export-json shape."""
        issues = [self.issue(issue_id)] if issue_id else self.issues()
        return {"issues": [self._export_issue(i) for i in issues]}

    def _export_issue(self, info: IssueInfo) -> dict[str, Any]:
        row = next(self.db["issues"].rows_where("id = ?", [info.id]))
        return {
            "id": info.id, "gazette": info.gazette, "publisher": info.publisher, "year": info.year,
            "issue": info.issue, "total_issue": info.total_issue, "published": info.published,
            "printed_name": info.printed_name, "frequency": row["frequency"],
            "source": {"file": info.source_name, "sha256": info.source_sha256, "kind": info.source_kind,
                       "pages": info.source_pages, "stored": info.source_stored},
            "warnings": json.loads(row["warnings"]),
            "toc": [{"section": t["section"], "title": t["title"], "doc_number": t["doc_number"], "page": t["page"],
                     "document_id": t["document_id"]} for t in self.toc(info.id)],
            "documents": [self.export_document(d) for d in self.documents(info.id)],
        }

    @staticmethod
    def export_document(d: DocumentRecord) -> dict[str, Any]:
        """One document in the export-json shape."""
        return {
            "id": d.id, "section": d.section, "title": d.title, "doc_number": d.doc_number,
            "doc_number_canonical": d.doc_number_canonical, "issuer": d.issuer, "date": d.date,
            "pdf_pages": list(d.pdf_pages) if d.pdf_pages else None,
            "printed_pages": list(d.printed_pages) if d.printed_pages else None,
            "in_toc": d.in_toc, "text": d.text, "recipients": d.recipients, "attachments": d.attachments,
            "blocks": d.blocks,
        }
