"""The reading pane: a document laid out as printed, with search hits and find-in-page highlighted."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.archive import Annotation, DocumentRecord, IssueInfo, Status, cite
from reader.ui.document_html import STYLE, document_html
from reader.ui.palette import color_hex

HIT_COLOR = QColor("#ffe066")
CURRENT_HIT_COLOR = QColor("#ff9f43")
FIND_COLOR = QColor("#9be7ff")
BASE_POINT_SIZE = 12.0
class ReaderView(QTextBrowser):
    """Shows one document; highlights search hits (F3 / Shift+F3 step through them) and find-in-page."""

    hitChanged = Signal(int, int)  # current hit (1-based), number of hits
    documentLinkActivated = Signal(str)  # a cited document's id (a link the archive holds)
    historyRequested = Signal(int)  # the mouse's back (-1) or forward (+1) button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._anchor_clicked)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.indent_px = 0
        self.doc: DocumentRecord | None = None
        self.issue: IssueInfo | None = None
        self.hits: list[QTextCursor] = []
        self.current = -1
        self.finds: list[QTextCursor] = []
        self.zoom_steps = 0
        self.notes: list[Annotation] = []
        self._text_starts: list[int] = []
        self._qt_starts: list[int] = []
        self._lengths: list[int] = []
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Document text"))
        self._apply_zoom()

    # ---- content -------------------------------------------------------------------------------
    def show_document(self, doc: DocumentRecord, issue: IssueInfo, hits: list[tuple[int, int]] | None = None,
                      status: Status | None = None, links: dict[str, str | None] | None = None) -> None:
        """Show a document with its status and cited numbers as links; the hits (offsets into its text, as the
        core found them) are highlighted and the first shown."""
        self.doc, self.issue = doc, issue
        self.setHtml(document_html(doc, issue, status, links))
        self._build_map()
        self.finds = []
        self.set_hit_spans(hits or [])
        if not self.hits:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.verticalScrollBar().setValue(0)

    def clear_document(self) -> None:
        """Show nothing."""
        self.doc = self.issue = None
        self.clear()
        self.hits, self.finds, self.notes, self.current = [], [], [], -1
        self._paint()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """The mouse's side buttons go back and forward between documents."""
        side = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}.get(event.button())
        if side is None:
            super().mousePressEvent(event)
            return
        event.accept()
        self.historyRequested.emit(side)

    def _anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("doc:"):
            self.documentLinkActivated.emit(target[4:])
        elif target.startswith("missing:"):  # a click on a number the archive lacks says so where it was clicked
            QToolTip.showText(QCursor.pos(), self.tr("The archive does not hold {0}").format(target[8:]), self)

    # ---- offsets: the document's text ↔ positions in the laid-out page ---------------------------
    def _build_map(self) -> None:
        """Tie each paragraph and table cell of the document's text to the place in the page that shows it."""
        self._text_starts, self._qt_starts, self._lengths = [], [], []
        if self.doc is None:
            return
        qt_block = self.document().begin().next()  # the first paragraph is the meta line
        offset = 0
        for block in self.doc.blocks:
            text = block.get("text", "")
            if block.get("kind") == "table" and block.get("rows"):
                pieces: list[tuple[int, str]] = []
                cell_offset = offset
                for row in block["rows"]:
                    for k, cell in enumerate(row):
                        pieces.append((cell_offset, cell))
                        cell_offset += len(cell) + (1 if k < len(row) - 1 else 0)
                    cell_offset += 1
            else:
                pieces = [(offset, text)]
            for piece_offset, piece in pieces:
                probe = qt_block
                while probe.isValid() and probe.text() != piece:
                    probe = probe.next()
                if probe.isValid():
                    self._text_starts.append(piece_offset)
                    self._qt_starts.append(probe.position())
                    self._lengths.append(len(piece))
                    qt_block = probe.next()
            offset += len(text) + 1

    def to_view(self, offset: int) -> int | None:
        """The position in the page of a character offset in the document's text."""
        k = bisect_right(self._text_starts, offset) - 1
        if k < 0:
            return None
        inside = min(offset - self._text_starts[k], self._lengths[k])
        return self._qt_starts[k] + inside

    def to_text(self, position: int) -> int | None:
        """The character offset in the document's text of a position in the page."""
        k = bisect_right(self._qt_starts, position) - 1
        if k < 0:
            return None
        inside = min(position - self._qt_starts[k], self._lengths[k])
        return self._text_starts[k] + inside

    def selection_offsets(self) -> tuple[int, int] | None:
        """The selected passage as offsets into the document's text (None when nothing usable is selected)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.to_text(cursor.selectionStart()), self.to_text(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def select_offsets(self, start: int, end: int) -> None:
        """Select and show a passage given by text offsets."""
        a, b = self.to_view(start), self.to_view(end)
        if a is None or b is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centre_cursor()

    def scroll_to_offset(self, offset: int) -> None:
        """Put the paragraph holding a text offset at the top of the view."""
        position = self.to_view(offset)
        if position is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + self.cursorRect(cursor).top() - 8)

    def top_offset(self) -> int:
        """The text offset of what stands at the top of the view."""
        position = self.cursorForPosition(self.viewport().rect().topLeft() + QPoint(8, 8)).position()
        return self.to_text(position) or 0

    def centre_cursor(self) -> None:
        """Scroll so the cursor (a selected passage) stands in the middle of the view, not at its bottom edge."""
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect().center().y() - self.viewport().height() // 2)

    def set_notes(self, notes: list[Annotation]) -> None:
        """Draw the document's highlights (under the search hits)."""
        self.notes = notes
        self._paint()

    def note_at(self, position: int) -> Annotation | None:
        """The highlight under a position in the page."""
        offset = self.to_text(position)
        if offset is None:
            return None
        for note in self.notes:
            if note.attached and note.start <= offset < note.end:
                return note
        return None

    def event(self, event: QEvent) -> bool:
        """Hovering a highlight shows its note."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            anchor = self.anchorAt(self.viewport().mapFromGlobal(event.globalPos()))
            if anchor.startswith(("missing:", "doc:")):
                tip = (self.tr("The archive does not hold {0}").format(anchor[8:]) if anchor.startswith("missing:")
                       else self.tr("Open the cited document"))
                QToolTip.showText(event.globalPos(), tip, self)
                return True
            cursor = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos()))
            note = self.note_at(cursor.position())
            if note is not None and note.note:
                QToolTip.showText(event.globalPos(), note.note, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _find_all(self, needle: str) -> list[QTextCursor]:
        """Every occurrence of a string in the shown document."""
        found: list[QTextCursor] = []
        if not needle.strip():
            return found
        cursor = QTextCursor(self.document())
        while True:
            cursor = self.document().find(needle, cursor)
            if cursor.isNull():
                break
            found.append(QTextCursor(cursor))
        return found

    def set_hits(self, strings: list[str]) -> None:
        """Highlight every occurrence of the strings in the document's own text (never in the header line)."""
        text = self.doc.text if self.doc else ""
        spans = [(m, m + len(s)) for s in set(strings) if s.strip() for m in _occurrences(text, s)]
        self.set_hit_spans(spans)

    def set_hit_spans(self, spans: list[tuple[int, int]]) -> None:
        """Highlight the passages at these text offsets (the core's hits, overlaps merged) and go to the first."""
        cursors: list[QTextCursor] = []
        for start, end in _merged(spans):
            a, b = self.to_view(start), self.to_view(end)
            if a is None or b is None or b <= a:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursors.append(cursor)
        self.hits = cursors
        self.current = -1
        if self.hits:
            self.next_hit()
        else:
            self._paint()
            self.hitChanged.emit(0, 0)

    def hit_texts(self) -> list[str]:
        """The highlighted strings, in order."""
        return [c.selectedText() for c in self.hits]

    def next_hit(self, step: int = 1) -> None:
        """Move to the next (or previous) hit, wrapping around."""
        if not self.hits:
            return
        self.current = (self.current + step) % len(self.hits)
        cursor = QTextCursor(self.hits[self.current])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._paint()
        self.hitChanged.emit(self.current + 1, len(self.hits))

    def find_in_page(self, text: str) -> int:
        """Highlight every occurrence of text (Ctrl+F); return how many, and go to the first."""
        self.finds = self._find_all(text)
        if self.finds:
            self.setTextCursor(QTextCursor(self.finds[0]))
            self.ensureCursorVisible()
        self._paint()
        return len(self.finds)

    def find_next(self, text: str, backward: bool = False) -> bool:
        """Go to the next occurrence of text from the cursor (wrapping around)."""
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(text, flags):
            return True
        self.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        return self.find(text, flags)

    def find_position(self) -> int:
        """Which occurrence of the find highlights the cursor is on (1-based; 0 when on none)."""
        at = self.textCursor().selectionStart()
        return next((k for k, c in enumerate(self.finds, 1) if c.selectionStart() == at), 0)

    def _paint(self) -> None:
        """Draw the hit and find highlights as extra selections (the text itself is untouched)."""
        selections: list[Any] = []
        for note in self.notes:
            a = self.to_view(note.start) if note.attached else None
            b = self.to_view(note.end) if note.attached else None
            if a is None or b is None:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color_hex(note.color)))
            if note.note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            sel.format = fmt
            selections.append(sel)
        for k, cursor in enumerate(self.hits):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT_HIT_COLOR if k == self.current else HIT_COLOR)
            sel.format = fmt
            selections.append(sel)
        for cursor in self.finds:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_COLOR)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    # ---- zoom and copy -------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        """Zoom in steps of one point from the base size (-6 … +20)."""
        self.zoom_steps = max(-6, min(20, steps))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        font = self.font()
        font.setPointSizeF(BASE_POINT_SIZE + self.zoom_steps)
        self.document().setDefaultFont(font)
        self._apply_indent(QFontMetrics(font).horizontalAdvance("中中"))

    def _apply_indent(self, indent: int) -> None:
        """The first-line indent of paragraphs: two Chinese characters at the current size (Qt's rich text takes
        pixels, not em), in the style sheet for the next document and in the blocks of the one shown."""
        old, self.indent_px = self.indent_px, indent
        self.document().setDefaultStyleSheet(STYLE.replace("INDENT", str(indent)))
        if not old or old == indent:
            return
        block = self.document().begin()
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.textIndent() > 0:
                fmt.setTextIndent(indent)
                QTextCursor(block).setBlockFormat(fmt)
            block = block.next()

    def selected_or_all(self) -> str:
        """The selected text, or the whole document when nothing is selected."""
        text = self.textCursor().selectedText().replace("\u2029", "\n")
        if text:
            return text
        return self.doc.text if self.doc else ""

    def citation_text(self) -> str:
        """The selection (or the document) followed by its citation."""
        if not self.doc or not self.issue:
            return ""
        return f"{self.selected_or_all()}\n——{cite(self.doc, self.issue).text()}"


def _occurrences(text: str, needle: str) -> list[int]:
    """Where a string starts in a text, every occurrence."""
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, the overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
