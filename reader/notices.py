"""Import warnings as typed notices: each is the CLI's English line (a str) and a kind with its values, so a
front end can word it in its own language. New warnings are made here, one function per kind."""

from __future__ import annotations

from typing import Any

from reader.textenum import TextEnum


class NoticeKind(TextEnum):
    """What an import warns about, as a key every front end can word."""

    PDF_REPAIRED = "pdf-repaired"
    OCR_PAGES = "ocr-pages"
    TOC_ENTRY_MISSING = "toc-entry-missing"
    NOT_IN_TOC = "not-in-toc"
    NO_YEAR_ISSUE = "no-year-issue"
    NO_GAZETTE_NAME = "no-gazette-name"
    KEPT_PAGES = "kept-pages"
    QUERY_QUOTE = "query-quote"
    QUERY_EMPTY_FILTER = "query-empty-filter"
    QUERY_UNKNOWN_FIELD = "query-unknown-field"
    QUERY_BAD_STATUS = "query-bad-status"
    QUERY_BAD_YEAR = "query-bad-year"


class Notice(str):
    """A warning: the English text (what the CLI prints and the archive stores) with its kind and values."""

    kind: NoticeKind
    values: tuple[Any, ...]

    def __new__(cls, kind: NoticeKind, text: str, *values: Any) -> Notice:
        """Make a notice of a kind with the values its wording needs."""
        notice = super().__new__(cls, text)
        notice.kind = kind
        notice.values = values
        return notice

    def __reduce__(self) -> tuple[Any, ...]:
        """Copied and pickled with its kind and values."""
        return (Notice, (self.kind, str(self), *self.values))


def _item(title: str, number: str | None) -> str:
    return f"{title} {number or ''}".strip()


PDF_REPAIRED = "the PDF was damaged and has been repaired; check that no page is missing"  # sources/pdf.py says


def pdf_repaired() -> Notice:
    """The PDF was damaged and PyMuPDF repaired it."""
    return Notice(NoticeKind.PDF_REPAIRED, PDF_REPAIRED)


def typed(warning: str) -> str:
    """A source's warning as a notice when it is one of the known ones (a reader that words its own stays so)."""
    return pdf_repaired() if warning == PDF_REPAIRED else warning


def ocr_pages(count: int, confidence: float) -> Notice:
    """Pages were read by OCR, with their mean confidence."""
    return Notice(NoticeKind.OCR_PAGES, f"{count} scanned pages were recognised by OCR (mean confidence "
                  f"{confidence:.2f}); check names and numbers", count, confidence)


def toc_entry_missing(title: str, number: str | None) -> Notice:
    """A 目录 entry whose document was not found in the body."""
    return Notice(NoticeKind.TOC_ENTRY_MISSING, f"目录 entry with no document found: {_item(title, number)}",
                  _item(title, number))


def not_in_toc(title: str, number: str | None) -> Notice:
    """A document of the body that the 目录 does not list."""
    return Notice(NoticeKind.NOT_IN_TOC, f"document not in the 目录: {_item(title, number)}", _item(title, number))


def no_year_issue() -> Notice:
    """No year and issue number on the cover."""
    return Notice(NoticeKind.NO_YEAR_ISSUE,
                  "no year and issue number (such as 2023年第1期) found; imported as an untitled issue")


def no_gazette_name() -> Notice:
    """No gazette name on the cover: the file name stands for it."""
    return Notice(NoticeKind.NO_GAZETTE_NAME, "no gazette name found on the cover; the file name is used")


def query_quote() -> Notice:
    """A query with an odd number of quotes."""
    return Notice(NoticeKind.QUERY_QUOTE, "unbalanced quote ignored; searched for the plain words")


def query_empty_filter(name: str) -> Notice:
    """A field with nothing after it (标题:)."""
    return Notice(NoticeKind.QUERY_EMPTY_FILTER, f"empty '{name}' filter ignored", name)


def query_unknown_field(name: str) -> Notice:
    """A field name the query grammar does not know."""
    return Notice(NoticeKind.QUERY_UNKNOWN_FIELD,
                  f"unknown field '{name}:' ignored; searched for the words after it", name)


def query_bad_status(value: str) -> Notice:
    """状态: with a word that is not a validity state."""
    return Notice(NoticeKind.QUERY_BAD_STATUS, f"'{value}' is not a status; use 有效, 废止, 失效, 过期, 未施行, 修改 or "
                  "未注明; that filter was ignored", value)


def query_bad_year(value: str) -> Notice:
    """年份: with something that is not a year or a range."""
    return Notice(NoticeKind.QUERY_BAD_YEAR,
                  f"'{value}' is not a year or range such as 2019-2023; that filter was ignored", value)


KEPT_PAGES = Notice(NoticeKind.KEPT_PAGES, "the original pages of the replaced PDF are kept for the page view")
