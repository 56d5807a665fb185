"""The core's typed outcomes worded in the window's language (the core's own messages are the CLI's English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.archive import KEPT_PAGES, ImportResult, ImportStatus, Reason


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
        Reason.NOT_A_GAZETTE: QCoreApplication.translate("Messages", "No 目录 and no document with a 发文字号 were found: not a gazette issue."),
        Reason.LEGACY_FORMAT: QCoreApplication.translate(
            "Messages", "An old Word or WPS document (.doc, .wps), which cannot be read. Open it in Word or WPS and save it as DOCX or PDF."),
        Reason.NOT_A_DOCUMENT: QCoreApplication.translate(
            "Messages", "An electronic invoice, not a government document or gazette: nothing was imported."),
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
    """A warning of the import in the window's language (the ones the window knows; others as the core says)."""
    known = {
        KEPT_PAGES: QCoreApplication.translate(
            "Messages", "The original pages of the replaced PDF are kept: the page view still shows them."),
    }
    return known.get(warning, warning)
