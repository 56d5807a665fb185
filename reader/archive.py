"""The one door to the core: Archive(data_dir) hands work to one manager per concern.

- ``Library``: reading issues, documents and 目录 (reader/library.py)
- ``Importer``: importing and deleting issues, all or nothing (reader/importer.py)
- ``IndexSync``: the search index kept in step, and searching (reader/indexsync.py)
- ``NotesManager``: the user's bookmarks and annotations in user.db (reader/notes/manager.py)

The window (reader/ui) imports the core only from this module: the types it needs are re-exported here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from reader import __version__, packs, paths
from reader.citation_label import Citation, issue_label, title_marks
from reader.errors import GazetteError, NotFoundError, Reason, SchemaTooNewError, SourceError
from reader.exporter import export_archive, export_document
from reader.gazette.citations import number_spans
from reader.importer import (
    KEPT_PAGES,
    Importer,
    ImportResult,
    ImportStatus,
    PageProgress,
    document_id_for,
    issue_id_for,
    sha256_of,
)
from reader.indexsync import IndexProgress, IndexSync
from reader.library import DocumentBrief, DocumentRecord, IssueInfo, Library, cite
from reader.notes.colors import COLORS, Color, color_of
from reader.notes.manager import NotesManager
from reader.notes.store import Annotation, Bookmark
from reader.notices import Notice, NoticeKind
from reader.packs import PackChanges, is_pack
from reader.pages import (
    PageMark,
    PageSource,
    Rect,
    Word,
    export_pages,
    merge_lines,
    occurrence_before,
    parse_page_list,
    printed_pages,
    text_span,
)
from reader.people import People, PersonRecord, action_zh, to_csv
from reader.search.indexer import SearchIndex
from reader.search.searcher import SearchHit, SearchResult
from reader.sources import expand
from reader.store.db import connect
from reader.validity import ENDED, Decision, Link, State, Status, Validity

__all__ = [
    "Annotation", "Archive", "Bookmark", "COLORS", "Citation", "Color", "Decision", "DocumentBrief", "DocumentRecord",
    "ENDED_STATES", "KEPT_PAGES", "Link", "Notice", "PageMark", "NoticeKind", "PageSource", "PersonRecord", "action_zh", "to_csv", "Rect", "State", "Status", "Word",
    "GazetteError", "ImportResult", "ImportStatus", "IssueInfo", "PackChanges", "is_pack", "NotFoundError", "Reason",
    "SchemaTooNewError",
    "SearchHit", "SearchResult", "SourceError", "__version__", "cite", "color_of", "document_id_for", "expand", "export_pages",
    "issue_id_for", "issue_label", "make_sample", "merge_lines", "number_spans", "occurrence_before", "parse_page_list", "text_span", "paths", "sha256_of", "title_marks",
]


ENDED_STATES = ENDED  # abolished, invalid, expired, not yet in force: shown as such wherever documents are listed


def make_sample(folder: Path) -> Path:
    """Write the fictional sample gazette (PDF and text export) into a folder; return the PDF's path."""
    from reader.sample import build_sample

    return build_sample(folder).pdf


class Archive:
    """The archive in a data home: archive.db, the stored source files, the search index and user.db beside it."""

    def __init__(self, data_dir: str | Path | None = None, *, readonly: bool = False,
                 pack: str | Path | None = None) -> None:
        """Open the archive of a data home, or an office pack read-only (pack: its folder) with the user's notes
        and settings in the data home."""
        self.home = paths.data_home(data_dir)
        self.pack: dict[str, Any] | None = packs.read_manifest(Path(pack)) if pack is not None else None
        self.root = Path(pack).resolve() if pack is not None else self.home  # archive.db, files/ and the index
        self.files_dir = self.root / paths.FILES_DIR
        self.db: sqlite_utils.Database = connect(self.root / paths.ARCHIVE_FILE, readonly=readonly,
                                                 immutable=pack is not None)
        self.index = SearchIndex(self.root / paths.INDEX_DIR, readonly=pack is not None)
        self.library = Library(self.db, self.root)
        self.sync = IndexSync(self.db, self.index, self.library)
        self.validity = Validity(self.db)
        self.people = People(self.db, self.sync.generation)
        self.importer = Importer(self.db, self.root, self.sync, self.validity, self._after_change,
                                 readonly=pack is not None, people=self.people)
        self._notes: NotesManager | None = None
        self.pack_changes = self._follow_pack() if self.pack is not None else None

    def twin(self) -> Archive:
        """Another Archive on the same data home and pack (for a worker thread)."""
        return Archive(self.home, pack=self.root if self.pack is not None else None)

    def _follow_pack(self) -> packs.PackChanges | None:
        """A pack newer than the last one opened here: re-attach the notes on the issues it changed."""
        assert self.pack is not None
        changes = packs.follow(self.home, self.pack, lambda: {d: s.value for d, s in self.validity.states().items()})
        if changes and (self.home / paths.USER_FILE).exists():
            for issue_id in changes.added + changes.replaced + changes.removed:
                self.notes.reanchor_issue(issue_id)
        return changes

    def build_pack(self, pack_dir: str | Path) -> dict[str, Any]:
        """Write this archive as an office pack; return its manifest."""
        return packs.build(self, Path(pack_dir))

    def close(self) -> None:
        """Close the index, the user's notes and the database."""
        self.index.close()
        if self._notes is not None:
            self._notes.close()
            self._notes = None
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading (Library) ---------------------------------------------------------------------
    def issues(self) -> list[IssueInfo]:
        """All issues, by gazette, year and issue number."""
        return self.library.issues()

    def issue(self, issue_id: str) -> IssueInfo:
        """One issue by id."""
        return self.library.issue(issue_id)

    def issues_where(self, where: str, args: list[Any]) -> Iterator[IssueInfo]:
        """Issues matching an SQL condition."""
        return self.library.issues_where(where, args)

    def documents(self, issue_id: str) -> list[DocumentRecord]:
        """The documents of an issue in body order."""
        return self.library.documents(issue_id)

    def outline(self, issue_id: str) -> list[DocumentBrief]:
        """The documents of an issue without their text, in body order."""
        return self.library.outline(issue_id)

    def document(self, doc_id: str) -> DocumentRecord:
        """One document by id."""
        return self.library.document(doc_id)

    def library_documents(self) -> list[tuple[DocumentBrief, str | None]]:
        """The 文件库's loose documents without their text, each with its issuing organ."""
        return self.library.library_documents()

    def briefs(self, doc_ids: list[str]) -> list[DocumentBrief]:
        """Several documents without their text, in the order asked."""
        return self.library.briefs(doc_ids)

    def toc(self, issue_id: str) -> list[dict[str, Any]]:
        """The printed 目录 of an issue."""
        return self.library.toc(issue_id)

    def texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The text of several documents in one query."""
        return self.library.texts(doc_ids)

    def source_path(self, issue_id: str) -> Path:
        """The stored copy of an issue's source file."""
        return self.library.source_path(issue_id)

    def open_source_pdf(self, issue_id: str) -> Any | None:
        """The issue's original PDF opened with PyMuPDF (unlocked with its stored password), or None for a text export."""
        info = self.issue(issue_id)
        row = self.library.issue_row(issue_id)
        stored = info.source_stored if info.source_kind == "pdf" else row.get("pages_stored")
        path = self.root / stored if stored else None
        if path is None or not path.is_file():
            return None
        import pymupdf

        pdf = pymupdf.open(str(path))
        if pdf.needs_pass and not pdf.authenticate(self.library.issue_row(issue_id).get("source_password") or ""):
            pdf.close()
            raise SourceError(f"{path}: the stored password no longer opens this PDF; import it again with "
                              "--replace --password", path=path, reason=Reason.WRONG_PASSWORD)
        return pdf

    def open_pages(self, issue_id: str) -> PageSource | None:
        """An issue's original pages (its PDF, or the PDF kept when a text export replaced it), or None."""
        pdf = self.open_source_pdf(issue_id)
        if pdf is None:
            return None
        records = self.documents(issue_id)
        docs = [(d.pdf_pages, d.printed_pages) for d in records]
        boxes = self.library.page_lines(issue_id)
        if not boxes and any(d.ocr is not None for d in records):
            boxes = self._cached_boxes(issue_id, int(pdf.page_count))
        return PageSource(pdf, printed_pages(docs), boxes)

    def _cached_boxes(self, issue_id: str, count: int) -> dict[int, dict[str, Any]]:
        """The line boxes of a scanned issue imported before they were stored with it, from the OCR cache."""
        from reader.sources.ocr import OcrCache

        row = self.library.issue_row(issue_id)
        stored = row["source_stored"] if row["source_kind"] == "pdf" else row.get("pages_stored")
        if not stored or not (self.home / paths.OCR_CACHE).is_file():
            return {}
        cache = OcrCache(self.home / paths.OCR_CACHE)
        try:
            found = {page: cache.get(Path(stored).stem, page) for page in range(count)}
        finally:
            cache.close()
        return {page: result.line_boxes() for page, result in found.items() if result is not None and result.lines}

    # ---- importing (Importer) ------------------------------------------------------------------
    def import_file(self, path: str | Path, *, replace: bool = False, password: str | None = None, ocr: bool = True,
                    progress: PageProgress | None = None, cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Import one file as one issue, all or nothing; never raises for bad input. Scanned pages are recognised
        (ocr=False refuses a scan instead), with progress per page and cancel between pages."""
        return self.importer.import_file(Path(path), replace=replace, password=password, ocr=ocr, progress=progress,
                                         cancelled=cancelled)

    def delete_issue(self, issue_id: str) -> None:
        """Remove an issue and its stored source."""
        self.importer.delete_issue(issue_id, self.issue(issue_id).source_stored)

    def _after_change(self, issue_id: str) -> None:
        """An issue was imported, replaced or deleted: re-attach the user's notes on it."""
        if (self.home / paths.USER_FILE).exists():
            self.notes.reanchor_issue(issue_id)

    # ---- search (IndexSync) --------------------------------------------------------------------
    def generation(self) -> int:
        """The archive's change counter (the index records the one it saw)."""
        return self.sync.generation()

    def reindex(self, progress: IndexProgress | None = None) -> int:
        """Rebuild the derived tables (validity, citations, people) and the search index; return the documents indexed."""
        self.validity.rebuild()
        self.people.rebuild()
        return self.sync.reindex(progress)

    def ensure_index(self, progress: IndexProgress | None = None) -> bool:
        """Rebuild the index when it is missing, corrupt, stale or from another analyzer; True if rebuilt."""
        return self.sync.ensure(progress)

    def search(self, query: str, **options: Any) -> SearchResult:
        """Search the archive (limit, sort, snippets, year, gazette, section, in_force_only); 状态: filters by validity,
        人物: by the people a document decides on."""
        result = self.sync.search(query, status_ids=self._status_ids, person_ids=self.people.document_ids, **options)
        states = self.validity.states_of([h.document_id for h in result.hits]) if result.hits else {}
        for hit in result.hits:
            state = states.get(hit.document_id)
            hit.status = state.value if state else None
        return result

    def _status_ids(self, values: set[str]) -> set[str]:
        return self.validity.ids_in({State(v) for v in values})

    def warm_up(self) -> None:
        """Load what the first query would otherwise wait for."""
        self.sync.warm_up()

    # ---- validity and citations (Validity) ---------------------------------------------------------
    def status(self, doc_id: str, today: date | None = None) -> Status:
        """Whether a document is in force (today, or on a given day), and what decides it."""
        return self.validity.status(doc_id, today)

    def cites(self, doc_id: str) -> list[Link]:
        """What a document cites, each with the archived document it names or None."""
        return self.validity.cites(doc_id)

    def cited_by(self, doc_id: str) -> list[str]:
        """The ids of the documents citing this one."""
        return self.validity.cited_by(doc_id)

    def states(self, today: date | None = None) -> dict[str, State]:
        """Every document's validity state (cached until the archive changes)."""
        return self.validity.states(today)

    def ids_in(self, states: set[State], today: date | None = None) -> set[str]:
        """The ids of every document in one of the states."""
        return self.validity.ids_in(states, today)

    # ---- the personnel index (People) ----------------------------------------------------------------
    def people_records(self, name: str = "", post: str = "", limit: int | None = None) -> list[PersonRecord]:
        """Personnel decisions whose person holds name and whose post holds post, by date."""
        return self.people.find(name, post, limit)

    def people_lookup(self, text: str, limit: int = 500) -> tuple[list[PersonRecord], bool]:
        """What the People panel shows for typed text: records by name, else by post; (records, by post)."""
        return self.people.lookup(text, limit)

    def people_of(self, doc_id: str) -> list[PersonRecord]:
        """A document's personnel decisions in text order."""
        return self.people.of_document(doc_id)

    # ---- exporting -----------------------------------------------------------------------------
    def export(self, issue_id: str | None = None) -> dict[str, Any]:
        """The archive (or one issue) in the export-json shape."""
        return export_archive(self.library, self.validity, issue_id, self.people)

    export_document = staticmethod(export_document)

    # ---- the user's notes (NotesManager) -------------------------------------------------------
    @property
    def notes(self) -> NotesManager:
        """The user's bookmarks and annotations (user.db beside the archive), opened when first used."""
        if self._notes is None:
            self._notes = NotesManager(self.home / paths.USER_FILE, self.library)
        return self._notes

    def citation(self, doc_id: str) -> Citation:
        """What a note on a document records about where it stands."""
        return self.notes.citation(doc_id)

    def annotate(self, doc_id: str, start: int, end: int, color: str = "yellow", note: str = "") -> Annotation:
        """Highlight a passage of a document (offsets into its text)."""
        return self.notes.annotate_document(doc_id, start, end, color, note)

    def new_annotation(self, doc_id: str, start: int, end: int, color: str = "yellow", note: str = "") -> Annotation:
        """An annotation with its citation, not yet saved (add_annotation saves it; the window's undo does)."""
        return self.notes.new_annotation_on(doc_id, start, end, color, note)

    def add_annotation(self, annotation: Annotation) -> Annotation:
        """Save an annotation, or put a removed one back."""
        return self.notes.add_annotation(annotation)

    def update_annotation(self, annotation_id: str, *, note: str | None = None, color: str | None = None) -> Annotation:
        """Change an annotation's note or colour."""
        return self.notes.update_annotation(annotation_id, note=note, color=color)

    def remove_annotation(self, annotation_id: str) -> Annotation | None:
        """Delete an annotation; return it (to undo)."""
        return self.notes.remove_annotation(annotation_id)

    def place_annotation(self, annotation_id: str, start: int | None = None, end: int | None = None) -> Annotation:
        """Confirm an annotation where it is shown (no offsets), or move it to text[start:end] of its document."""
        a = self.notes.annotation(annotation_id)
        text = self.document(a.document_id).text
        return self.notes.set_anchor(annotation_id, text, a.start if start is None else start,
                                     a.end if end is None else end)

    def annotations_for(self, doc_id: str) -> list[Annotation]:
        """A document's annotations, re-attached first if its text changed."""
        return self.notes.annotations_for(doc_id)

    def bookmark(self, doc_id: str, position: int | None = None, label: str = "") -> Bookmark:
        """Bookmark a document (or a position in its text)."""
        return self.notes.add_bookmark(self.notes.new_bookmark_on(doc_id, position, label))

    def toggle_bookmark(self, doc_id: str, position: int | None = None) -> tuple[Bookmark, bool]:
        """Bookmark a document, or remove its bookmark; (the bookmark, whether it was added)."""
        existing = self.notes.bookmark_at(doc_id)
        if existing is not None:
            self.notes.remove_bookmark(existing.id)
            return existing, False
        return self.bookmark(doc_id, position), True

    def search_notes(self, text: str) -> list[Annotation]:
        """The "my notes" scope of search: annotations whose note, quote or title holds every word."""
        return self.notes.search_notes(text)

    def search_bookmarks(self, text: str) -> list[Bookmark]:
        """The "my notes" scope of search: bookmarks whose label or title holds every word."""
        return self.notes.search_bookmarks(text)

    def backup_notes(self) -> Path | None:
        """Copy user.db into backups/ when it changed since the last copy."""
        return self.notes.backup()

    def reanchor_issue(self, issue_id: str) -> None:
        """Re-attach the annotations on an issue to its current texts."""
        self.notes.reanchor_issue(issue_id)
