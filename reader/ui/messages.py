"""The core's typed outcomes worded in the window's language (the core's own messages are the CLI's English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.archive import ImportResult, ImportStatus, Notice, NoticeKind, Reason, State, Status


def reason_text(reason: Reason | None) -> str:
    """What went wrong and what to do, for a reason the core gave."""
    texts = {
        Reason.MISSING: QCoreApplication.translate("Messages", "The file does not exist. Check the path."),
        Reason.IS_FOLDER: QCoreApplication.translate("Messages", "This is a folder. Import the files inside it."),
        Reason.UNREADABLE: QCoreApplication.translate("Messages", "The file cannot be read. Check its permissions."),
        Reason.EMPTY: QCoreApplication.translate("Messages", "The file is empty. Export the gazette again."),
        Reason.NOT_TEXT: QCoreApplication.translate("Messages", "Not a text export. Export it as UTF-8 text, or import the PDF."),
        Reason.DAMAGED: QCoreApplication.translate("Messages", "The file is damaged or incomplete. Download or copy the file again."),
        Reason.NO_PAGES: QCoreApplication.translate("Messages", "The file has no pages. Export the gazette again."),
        Reason.NEEDS_PASSWORD: QCoreApplication.translate("Messages", "The PDF is encrypted. Enter its password."),
        Reason.WRONG_PASSWORD: QCoreApplication.translate("Messages", "Wrong password for this encrypted PDF. Try again."),
        Reason.SCANNED: QCoreApplication.translate("Messages", "This file is a scan without a text layer. Import it with OCR on, or import a text export of it."),
        Reason.OCR_MISSING: QCoreApplication.translate(
            "Messages", "Scanned pages need the OCR engine, which is not installed: pip install 'gazette-reader[ocr]'."),
        Reason.NOTHING_READABLE: QCoreApplication.translate(
            "Messages", "Nothing readable: no text was found on its pages (photos or blank pages?)."),
        Reason.CANCELLED: QCoreApplication.translate("Messages", "Cancelled: nothing was imported from this file."),
        Reason.NOT_A_GAZETTE: QCoreApplication.translate("Messages", "No table of contents and no document with a 发文字号 were found: not a gazette issue."),
        Reason.LEGACY_FORMAT: QCoreApplication.translate(
            "Messages", "An old Word or WPS document (.doc, .wps), which cannot be read. Open it in Word or WPS and save it as DOCX or PDF."),
        Reason.NOT_A_DOCUMENT: QCoreApplication.translate(
            "Messages", "An electronic invoice, not a government document or gazette: nothing was imported."),
        Reason.NO_BODY: QCoreApplication.translate(
            "Messages", "No document body found in this web page. Save the complete page (Web page, complete) and import again."),
        Reason.NEEDS_REPLACE: QCoreApplication.translate("Messages", "The archive already holds this issue from another file. Replace it?"),
        Reason.NOT_FOUND: QCoreApplication.translate("Messages", "Not in the archive."),
        Reason.SCHEMA_TOO_NEW: QCoreApplication.translate("Messages", "A newer Gazette Reader wrote this data folder. Update the program, or choose "
                                  "another data folder."),
        Reason.IO: QCoreApplication.translate("Messages", "The file or the data folder cannot be written. Check the disk and its permissions."),
        Reason.INDEX_BUSY: QCoreApplication.translate(
            "Messages", "Another window or command is rebuilding the search index. Search again in a moment."),
        Reason.READ_ONLY: QCoreApplication.translate(
            "Messages", "This archive is an office pack and is read-only. Open your own data folder to import files."),
    }
    return texts.get(reason, QCoreApplication.translate("Messages", "The file cannot be imported.")) if reason else ""


def status_text(result: ImportResult) -> str:
    """One file's outcome in a word or two."""
    if result.status is ImportStatus.UNCHANGED:
        return QCoreApplication.translate("Messages", "already in the archive")
    return {
        ImportStatus.IMPORTED: QCoreApplication.translate("Messages", "imported"),
        ImportStatus.REPLACED: QCoreApplication.translate("Messages", "replaced"),
        ImportStatus.FAILED: QCoreApplication.translate("Messages", "failed"),
    }[result.status]


def result_line(result: ImportResult) -> str:
    """The dialog's line for one file: outcome, file name, and what to do when it failed."""
    if result.status is ImportStatus.FAILED and result.reason is Reason.NEEDS_REPLACE and "\t" in result.detail:
        issue, source = result.detail.split("\t", 1)
        held = QCoreApplication.translate("Messages", "The archive already holds {0} from another file ({1}). "
                                          "Replace it?").format(issue, source)
        return f"{status_text(result)}: {result.path.name} — {held}"
    if result.status is ImportStatus.FAILED:
        return f"{status_text(result)}: {result.path.name} — {reason_text(result.reason)}"
    if result.status is ImportStatus.UNCHANGED:
        return f"{status_text(result)}: {result.path.name}"
    return QCoreApplication.translate("Messages", "{0}: {1} — {2} documents").format(status_text(result), result.path.name, result.documents)


def warning_text(warning: str) -> str:
    """A warning of the import in the window's language (a typed notice; a plain one as the core words it)."""
    if not isinstance(warning, Notice):
        return warning
    if warning.kind in QUERY_NOTICES:
        return query_text(warning)
    v = warning.values
    return {
        NoticeKind.OCR_PAGES: lambda: QCoreApplication.translate(
            "Messages", "{0} scanned pages were recognised by OCR (mean confidence {1:.0%}): check names and "
            "numbers against the original pages.").format(v[0], v[1]),
        NoticeKind.TOC_ENTRY_MISSING: lambda: QCoreApplication.translate(
            "Messages", "The printed table of contents lists a document that was not found in the issue: {0}"
        ).format(v[0]),
        NoticeKind.NOT_IN_TOC: lambda: QCoreApplication.translate(
            "Messages", "A document is not listed in the printed table of contents: {0}").format(v[0]),
        NoticeKind.PDF_REPAIRED: lambda: QCoreApplication.translate(
            "Messages", "The PDF was damaged and has been repaired: check that no page is missing."),
        NoticeKind.NO_YEAR_ISSUE: lambda: QCoreApplication.translate(
            "Messages", "No year and issue number was found on the cover: imported as an untitled issue."),
        NoticeKind.NO_GAZETTE_NAME: lambda: QCoreApplication.translate(
            "Messages", "No gazette name was found on the cover: the file name stands for it."),
        NoticeKind.KEPT_PAGES: lambda: QCoreApplication.translate(
            "Messages", "The original pages of the replaced PDF are kept: the page view still shows them."),
        NoticeKind.UNTITLED_TEXT: lambda: QCoreApplication.translate(
            "Messages", "Text before the first document found belongs to no listed document: it is kept as an untitled "
                        "document (first in the issue) and can be searched."),
    }.get(warning.kind, lambda: str(warning))()


def title_text(title: str) -> str:
    """A document's title as the window shows it: the untitled text before an issue's first document named so."""
    return title or QCoreApplication.translate("Messages", "(untitled text)")


QUERY_NOTICES = {NoticeKind.QUERY_QUOTE, NoticeKind.QUERY_EMPTY_FILTER, NoticeKind.QUERY_UNKNOWN_FIELD,
                 NoticeKind.QUERY_BAD_STATUS, NoticeKind.QUERY_BAD_YEAR}


def query_text(notice: Notice) -> str:
    """What the search did with a query it could not take as typed."""
    v = notice.values
    return {
        NoticeKind.QUERY_QUOTE: lambda: QCoreApplication.translate(
            "Messages", "A quote mark was left open: searched for the words without it."),
        NoticeKind.QUERY_EMPTY_FILTER: lambda: QCoreApplication.translate(
            "Messages", "Nothing follows {0}: that filter was ignored.").format(v[0]),
        NoticeKind.QUERY_UNKNOWN_FIELD: lambda: QCoreApplication.translate(
            "Messages", "{0}: is not a search field: searched for the words after it.").format(v[0]),
        NoticeKind.QUERY_BAD_STATUS: lambda: QCoreApplication.translate(
            "Messages", "{0} is not a status (use valid, abolished, invalid, expired, pending, amended or "
            "unstated): that filter was ignored.").format(v[0]),
        NoticeKind.QUERY_BAD_YEAR: lambda: QCoreApplication.translate(
            "Messages", "{0} is not a year or a range such as 2019-2023: that filter was ignored.").format(v[0]),
    }.get(notice.kind, lambda: str(notice))()


def state_text(state: State) -> str:
    """Whether a document is in force, in a word or two."""
    return {
        State.IN_FORCE: QCoreApplication.translate("Messages", "In force"), State.AMENDED: QCoreApplication.translate("Messages", "Amended"), State.NOT_YET: QCoreApplication.translate("Messages", "Not yet in force"),
        State.EXPIRED: QCoreApplication.translate("Messages", "Expired"), State.ABOLISHED: QCoreApplication.translate("Messages", "Abolished"), State.INVALID: QCoreApplication.translate("Messages", "Declared invalid"),
        State.UNSTATED: QCoreApplication.translate("Messages", "Not stated"),
    }[state]


def bracketed(text: str) -> str:
    """Words in brackets after others: (2024-03-18), in Chinese （2024-03-18）."""
    return QCoreApplication.translate("Messages", " ({0})").format(text)


def state_suffix(state: State) -> str:
    """The state after a title: (Abolished), in Chinese （已废止）."""
    return bracketed(state_text(state))


def action_text(action: str) -> str:
    """What a decision did to a document (废止, 宣布失效, 停止执行, 修改)."""
    return {
        "废止": QCoreApplication.translate("Messages", "Abolished by: "),
        "宣布失效": QCoreApplication.translate("Messages", "Declared invalid by: "),
        "停止执行": QCoreApplication.translate("Messages", "Suspended by: "),
        "修改": QCoreApplication.translate("Messages", "Amended by: "),
    }.get(action, action + "：")


def dates_text(status: Status) -> str:
    """When a document took effect and until when it is valid, or that it says neither."""
    if not (status.effective or status.expires):
        return QCoreApplication.translate("Messages", "No date of effect or period of validity found")
    unstated = QCoreApplication.translate("Messages", "not stated")
    return QCoreApplication.translate("Messages", "In effect from: {0} · valid until: {1}").format(status.effective or unstated,
                                                                status.expires or unstated)


def mismatch_text(listed_title: str) -> str:
    """The deciding document lists another title than this document's."""
    return QCoreApplication.translate("Messages", "the decision lists the title 《{0}》, which differs from this document's").format(listed_title)


def page_label(printed: int | None, page: int, count: int) -> str:
    """The page box: p. 12 (16/96), in Chinese 第12页 (16/96); 16/96 where no printed number is known."""
    where = f"{page + 1}/{count}"
    return QCoreApplication.translate("Messages", "p. {0} ({1})").format(printed, where) if printed is not None else where


def page_text(page: int | str) -> str:
    """A printed page number (第13页 in Chinese)."""
    return QCoreApplication.translate("Messages", "p. {0}").format(page)
