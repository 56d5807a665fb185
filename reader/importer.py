"""Importing one file as one issue, all or nothing: read, parse, store a copy, write rows, update the index."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from reader import notices, paths
from reader.citation_label import issue_label
from reader.errors import DuplicateIssueError, GazetteError, NotAGazetteError, ReadOnlyArchiveError, Reason
from reader.gazette.docnumber import canonical
from reader.indexsync import IndexSync
from reader.library import LIBRARY, LIBRARY_NAME
from reader.models import Document, ParsedIssue
from reader.people import People
from reader.sources import WEB_SUFFIXES, read_source
from reader.sources.ocr import ImportCancelled, Recognizer
from reader.store.blocks import pack
from reader.textenum import TextEnum
from reader.textfold import compact
from reader.validity import Validity


class ImportStatus(TextEnum):
    """What happened to one file."""

    IMPORTED = "imported"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass
class ImportResult:
    """What happened to one file, why (a typed reason when it failed), and the English line for the CLI."""

    path: Path
    status: ImportStatus
    issue_id: str | None = None
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    reason: Reason | None = None
    documents: int = 0
    ocr_pages: int = 0  # scanned pages read by OCR
    ocr_recognised: int = 0  # of those, recognised now (the others came from the cache)
    detail: str = ""  # for a duplicate: the issue the archive holds and its file, tab-separated

    @property
    def ok(self) -> bool:
        """Whether the file did not fail."""
        return self.status is not ImportStatus.FAILED


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


def bundle_sha(files: list[Path]) -> str:
    """The SHA-256 of a source read from several files (an issue page and the pages it links to), in order."""
    if len(files) == 1:
        return sha256_of(files[0])
    digest = hashlib.sha256()
    for f in files:
        digest.update(sha256_of(f).encode())
    return digest.hexdigest()


def is_loose(parsed: ParsedIssue) -> bool:
    """A file that is one document and no issue (a web page, a 公文 as DOCX or OFD): no issue label, no 目录."""
    return parsed.year is None and parsed.issue is None and not parsed.toc and len(parsed.documents) == 1


def library_id_for(doc: Document, sha: str) -> str:
    """A loose document's container id, stable across files: from its canonical 发文字号, else from its title and
    date (from the file only when it has neither a title nor a date)."""
    if doc.doc_number_canonical:
        return "lib-" + hashlib.sha1(doc.doc_number_canonical.encode()).hexdigest()[:10]
    if doc.title and doc.date:
        return "lib-" + hashlib.sha1(f"{compact(doc.title)}|{doc.date}".encode()).hexdigest()[:10]
    return "lib-" + sha[:12]


def file_in_library(parsed: ParsedIssue) -> None:
    """Make a one-document parse a 文件库 container: its name, issuer and year from the document."""
    doc = parsed.documents[0]
    parsed.gazette, parsed.printed_name, parsed.publisher = LIBRARY_NAME, doc.title, doc.issuer
    parsed.year = int(doc.date[:4]) if doc.date else None
    parsed.warnings = []
    doc.key = doc.key or doc.doc_number_canonical or doc.title[:60]


def document_id_for(issue_id: str, key: str) -> str:
    """A document id stable across re-imports of the same issue."""
    return "d" + hashlib.sha1(f"{issue_id}|{key}".encode()).hexdigest()[:11]


PageProgress = Callable[[int, int], None]  # pages recognised so far, pages to recognise


def ocr_confidence(pdf_pages: tuple[int, int] | None, ocr_pages: dict[int, float]) -> float | None:
    """The mean OCR confidence of a document's recognised pages, or None when none of its pages was recognised."""
    if not pdf_pages or not ocr_pages:
        return None
    scores = [ocr_pages[p] for p in range(pdf_pages[0], pdf_pages[1] + 1) if p in ocr_pages]
    return round(sum(scores) / len(scores), 3) if scores else None


KEPT_PAGES = notices.KEPT_PAGES


def kept_pages(old: dict[str, Any] | None, kind: str) -> tuple[str | None, str | None]:
    """When a text export replaces an issue, the PDF it had (or had kept) stays as its pages: (path, password)."""
    if old is None or kind == "pdf":
        return None, None
    if old["source_kind"] == "pdf":
        return old["source_stored"], old.get("source_password")
    return old.get("pages_stored"), old.get("source_password")


PEEK_PAGES = 4  # an issue's cover and 目录 stand on its first pages


def duplicate(path: Path, parsed: ParsedIssue, old: dict[str, Any]) -> DuplicateIssueError:
    """The error for a file whose issue the archive already holds from another file, naming that issue and file."""
    label = f"{old['gazette']} {issue_label(old['year'], old['issue'], old.get('total_issue'))}"
    return DuplicateIssueError(f"{path}: the archive already holds {label} from another file ({old['source_name']}); "
                               "use --replace to replace it", path=path, detail=f"{label}\t{old['source_name']}")


class Importer:
    """Writes and removes issues; after each change the index and the user's notes are told."""

    def __init__(self, db: sqlite_utils.Database, home: Path, sync: IndexSync, validity: Validity,
                 after_change: Callable[[str], None], *, readonly: bool = False,
                 people: People | None = None) -> None:
        self.db = db
        self.readonly = readonly  # an office pack: nothing is written into it
        self.home = home
        self.files_dir = home / paths.FILES_DIR
        self.sync = sync
        self.validity = validity
        self.people = people
        self.after_change = after_change

    def import_file(self, path: Path, *, replace: bool = False, password: str | None = None, ocr: bool = True,
                    progress: PageProgress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Import one file as one issue, all or nothing; never raises for bad input. Pages without a text layer
        are recognised (ocr), with progress per page and a cancel checked between pages."""
        try:
            return self._import(path, replace, password, ocr, progress, cancelled)
        except GazetteError as exc:
            return ImportResult(path, ImportStatus.FAILED, message=str(exc), reason=exc.reason, detail=exc.detail)
        except OSError as exc:
            return ImportResult(path, ImportStatus.FAILED, reason=Reason.IO,
                                message=f"{path}: {exc.strerror or exc}; check the file and the data folder")

    def _import(self, path: Path, replace: bool, password: str | None, ocr: bool, progress: PageProgress | None,
                cancelled: Callable[[], bool] | None) -> ImportResult:
        if self.readonly:
            raise ReadOnlyArchiveError(f"{path}: the open archive is an office pack, which is read-only; open your "
                                       "own data folder (without --pack) to import files", path=path)
        if not path.is_file():
            read_source(path)  # raises the specific error (missing, folder, unreadable)
        early = read_source(path) if path.suffix.lower() in WEB_SUFFIXES else None  # its linked pages count too
        sha = bundle_sha([path, *early.bundle]) if early is not None else sha256_of(path)
        same = list(self.db["issues"].rows_where("source_sha256 = ?", [sha]))
        if same:
            return ImportResult(path, ImportStatus.UNCHANGED, same[0]["id"], f"already in the archive as {same[0]['id']}")
        from reader.gazette.parser import parse  # the parser is needed only to import

        recognizer = Recognizer(sha, self.home / paths.OCR_CACHE, progress, cancelled) if ocr and early is None else None
        try:
            if recognizer is not None and not replace:
                self._refuse_duplicate_early(path, sha, password, recognizer)
            source = early or read_source(path, password, recognizer)
        finally:
            if recognizer is not None:
                recognizer.close()
        parsed = source.parsed or parse(source)
        if source.ocr_pages:
            warnings_ocr = [notices.ocr_pages(len(source.ocr_pages),
                                              sum(source.ocr_pages.values()) / len(source.ocr_pages))]
        else:
            warnings_ocr = []
        if not parsed.documents and not parsed.toc:
            raise NotAGazetteError(
                f"{path}: not a gazette issue (no 目录 and no document with a 发文字号 found); nothing imported", path=path)
        loose = is_loose(parsed)
        if loose:
            file_in_library(parsed)
        warnings = [notices.typed(w) for w in source.warnings] + warnings_ocr + list(parsed.warnings)
        if not loose and (parsed.year is None or parsed.issue is None):
            warnings.insert(0, notices.no_year_issue())
        if not parsed.gazette:
            parsed.gazette = parsed.printed_name = path.stem
            warnings.insert(0, notices.no_gazette_name())
        issue_id = library_id_for(parsed.documents[0], sha) if loose else issue_id_for(parsed, sha)
        old = list(self.db["issues"].rows_where("id = ?", [issue_id]))
        if old and not replace:
            if loose:
                raise DuplicateIssueError(f"{path}: {self._holds(parsed, loose)} from another file "
                                          f"({old[0]['source_name']}); use --replace to replace it", path=path)
            raise duplicate(path, parsed, old[0])
        stored = self._store_copy(path, sha, source.bundle)
        pages, pages_password = kept_pages(old[0] if old else None, source.kind)
        if pages:
            warnings.append(KEPT_PAGES)
            self._keep_page_ranges(issue_id, parsed)
        try:
            with self.sync.writing(), self.db.atomic():
                if old:
                    self._delete_rows(issue_id, keep_pages=bool(pages))
                self._insert(issue_id, parsed, path, sha, source.kind, source.pages, stored, warnings,
                             password if source.kind == "pdf" else pages_password, source.ocr_pages)
                self._insert_boxes(issue_id, source.ocr_boxes)
                self.db.execute("UPDATE issues SET pages_stored = ?, collection = ? WHERE id = ?",
                                [pages, LIBRARY if loose else None, issue_id])
                self.sync.bump_generation()
        except BaseException:
            if not old or old[0]["source_stored"] != stored:
                (self.home / stored).unlink(missing_ok=True)
            raise
        if old:
            for copy in {old[0]["source_stored"], old[0].get("pages_stored")} - {stored, pages, None}:
                self._drop_copy(copy)
        self.after_change(issue_id)
        status = ImportStatus.REPLACED if old else ImportStatus.IMPORTED
        label = issue_label(parsed.year, parsed.issue, parsed.total_issue, fallback=path.name)
        summary = f"{parsed.gazette} {label}: {len(parsed.documents)} documents"
        if loose:
            doc = parsed.documents[0]
            summary = f"document library ({LIBRARY_NAME}): {doc.title}" + (f" {doc.doc_number}" if doc.doc_number else "")
        return ImportResult(path, status, issue_id, summary, warnings, documents=len(parsed.documents),
                            ocr_pages=len(source.ocr_pages), ocr_recognised=recognizer.recognised if recognizer else 0)

    @staticmethod
    def _holds(parsed: ParsedIssue, loose: bool) -> str:
        """What the archive already holds under the id a file would take, as the duplicate message words it."""
        if loose:
            doc = parsed.documents[0]
            return f"the document library ({LIBRARY_NAME}) already holds {doc.doc_number or doc.title}"
        return f"the archive already holds {parsed.gazette} {issue_label(parsed.year, parsed.issue)}"

    def _refuse_duplicate_early(self, path: Path, sha: str, password: str | None, recognizer: Recognizer) -> None:
        """Before a scanned PDF is recognised whole: read its cover and 目录 (recognised first, kept in the OCR cache)
        and refuse it at once when the archive already holds that issue from another file."""
        from reader.gazette.parser import parse

        try:
            head = read_source(path, password, recognizer, first=PEEK_PAGES)
        except ImportCancelled:
            raise
        except GazetteError:
            return  # nothing readable on the first pages (blank covers?): the whole file decides
        if not head.ocr_pages:
            return  # a digital PDF is read whole quickly: the usual check after parsing it is enough
        parsed = parse(head)
        if parsed.year is None or parsed.issue is None or not parsed.gazette:
            return
        old = list(self.db["issues"].rows_where("id = ?", [issue_id_for(parsed, sha)]))
        if old:
            raise duplicate(path, parsed, old[0])

    def _keep_page_ranges(self, issue_id: str, parsed: ParsedIssue) -> None:
        """A text export replacing a PDF: each document takes the page range and printed pages its match (same
        文号, else same title) had in the kept PDF, so the page view still opens it at its pages."""
        rows = list(self.db.query("SELECT title, doc_number_canonical, pdf_first, pdf_last, printed_first, "
                                  "printed_last FROM documents WHERE issue_id = ? AND pdf_first IS NOT NULL",
                                  [issue_id]))
        by_number = {r["doc_number_canonical"]: r for r in rows if r["doc_number_canonical"]}
        by_title = {compact(r["title"]): r for r in rows}
        for d in parsed.documents:
            match = by_number.get(d.doc_number_canonical or "") or by_title.get(compact(d.title))
            if d.pdf_pages is None and match is not None:
                d.pdf_pages = (match["pdf_first"], match["pdf_last"])
                if match["printed_first"] is not None:
                    d.printed_pages = (match["printed_first"], match["printed_last"])

    def delete_issue(self, issue_id: str, stored: str) -> None:
        """Remove an issue and its stored source (and the pages kept from a replaced PDF)."""
        if self.readonly:
            raise ReadOnlyArchiveError(f"{issue_id}: the open archive is an office pack, which is read-only; "
                                       "ask whoever keeps the pack to remove the issue")
        pages = self.db.execute("SELECT pages_stored FROM issues WHERE id = ?", [issue_id]).fetchone()
        with self.sync.writing(), self.db.atomic():
            self._delete_rows(issue_id)
            self.sync.bump_generation()
        self._drop_copy(stored)
        if pages and pages[0]:
            self._drop_copy(pages[0])
        self.after_change(issue_id)

    def _store_copy(self, path: Path, sha: str, bundle: list[Path] | None = None) -> str:
        """Copy the source into the data home (named by hash); return its path relative to the home. A source read
        from several files (an issue page and the pages it links to) is kept as one zip of them."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        name = f"{sha}.zip" if bundle else f"{sha}{path.suffix.lower() or '.bin'}"
        target = self.files_dir / name
        if not target.exists():
            tmp = target.with_suffix(target.suffix + ".part")
            if bundle:
                with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                    for f in [path, *bundle]:
                        archive.write(f, os.path.relpath(f, path.parent))
            else:
                shutil.copyfile(path, tmp)
            tmp.replace(target)
        return f"{paths.FILES_DIR}/{name}"

    def _drop_copy(self, stored: str) -> None:
        """Remove a stored source no issue refers to any more (as its source or as its kept pages)."""
        if not list(self.db["issues"].rows_where("source_stored = ? OR pages_stored = ?", [stored, stored])):
            (self.home / stored).unlink(missing_ok=True)

    def _delete_rows(self, issue_id: str, keep_pages: bool = False) -> None:
        """Remove an issue's rows; the line boxes of its scanned pages stay when those pages are kept."""
        self.validity.remove_issue(issue_id)
        if self.people is not None:
            self.people.remove_issue(issue_id)
        tables = ("documents", "toc", "sections") + (() if keep_pages else ("page_lines",))
        for table in tables:
            self.db.execute(f"DELETE FROM {table} WHERE issue_id = ?", [issue_id])
        self.db.execute("DELETE FROM issues WHERE id = ?", [issue_id])

    def _insert_boxes(self, issue_id: str, boxes: dict[int, dict[str, Any]]) -> None:
        """Keep the line boxes OCR found on the scanned pages (inside the caller's transaction)."""
        self.db.table("page_lines").insert_all(
            ({"issue_id": issue_id, "page": page, "lines": json.dumps(data, ensure_ascii=False)}
             for page, data in boxes.items()), replace=True)

    def _insert(self, issue_id: str, parsed: ParsedIssue, path: Path, sha: str, kind: str,
                pages: int | None, stored: str, warnings: list[str], password: str | None,
                ocr_pages: dict[int, float]) -> None:
        """Write one parsed issue (inside the caller's transaction)."""
        self.db.table("issues").insert({
            "id": issue_id, "gazette": parsed.gazette, "printed_name": parsed.printed_name,
            "publisher": parsed.publisher, "year": parsed.year, "issue": parsed.issue,
            "total_issue": parsed.total_issue, "published": parsed.published, "frequency": parsed.frequency,
            "source_name": path.name, "source_stored": stored, "source_sha256": sha, "source_kind": kind,
            "source_pages": pages, "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "warnings": json.dumps(warnings, ensure_ascii=False), "source_password": password,
        })
        self.db.table("sections").insert_all(
            {"issue_id": issue_id, "ordinal": k, "name": name} for k, name in enumerate(parsed.sections)
        )
        ids = [document_id_for(issue_id, d.key) for d in parsed.documents]
        self.validity.add([{"id": ids[k], "title": d.title, "doc_number_canonical": d.doc_number_canonical,
                            "date": d.date, "text": d.text} for k, d in enumerate(parsed.documents)])
        if self.people is not None:
            self.people.add([{"id": ids[k], "title": d.title, "text": d.text, "date": d.date or parsed.published}
                             for k, d in enumerate(parsed.documents)])
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
                "blocks": pack([b.to_json() for b in d.blocks], d.text),
                "attachments": json.dumps(d.attachments, ensure_ascii=False),
                "ocr": ocr_confidence(d.pdf_pages, ocr_pages),
            }
            for k, d in enumerate(parsed.documents)
        )
