"""The reading pane: a document laid out as printed, with search hits and find-in-page highlighted."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.archive import DocumentRecord, IssueInfo

HIT_COLOR = QColor("#ffe066")
CURRENT_HIT_COLOR = QColor("#ff9f43")
FIND_COLOR = QColor("#9be7ff")
BASE_POINT_SIZE = 12.0
STYLE = """
body { line-height: 170%; }
p { margin-top: 0.25em; margin-bottom: 0.25em; }
p.meta { color: #666; font-size: small; }
h1 { font-size: x-large; text-align: center; margin-bottom: 0.6em; }
p.number { text-align: center; margin-bottom: 1em; }
p.para, p.item, p.note { text-indent: 2em; }
p.heading { font-weight: bold; text-indent: 2em; }
p.attachment { font-weight: bold; margin-top: 1em; }
p.signature, p.date { text-align: right; }
table { border-collapse: collapse; margin: 0.6em 0; }
td { padding: 3px 6px; }
"""


def citation(doc: DocumentRecord, issue: IssueInfo) -> str:
    """How a document is cited: title, 发文字号, gazette, year, issue, page."""
    parts = [f"《{doc.title}》" if not doc.title.startswith("《") else doc.title]
    if doc.doc_number:
        parts.append(f"（{doc.doc_number}）")
    where = f"{issue.gazette}{issue.label}"
    if doc.printed_pages:
        where += f"第{doc.printed_pages[0]}页"
    return "".join(parts) + "，" + where


def document_html(doc: DocumentRecord, issue: IssueInfo) -> str:
    """The document as HTML for QTextBrowser: centred title, indented paragraphs, right-aligned signature."""
    meta = f"{issue.gazette} · {issue.label}"
    if doc.section:
        meta += f" · {doc.section}"
    if doc.printed_pages:
        meta += f" · 第{doc.printed_pages[0]}页"
    out = [f"<p class='meta'>{html.escape(meta)}</p>"]
    for block in doc.blocks:
        kind, text = block.get("kind", "para"), html.escape(block.get("text", ""))
        if kind == "title":
            out.append(f"<h1 align='center'>{text}</h1>")
        elif kind == "docnumber":
            out.append(f"<p class='number' align='center'>{text}</p>")
        elif kind in ("signature", "date"):
            out.append(f"<p class='{kind}' align='right'>{text}</p>")
        elif kind == "table":
            rows = block.get("rows") or [block.get("text", "").split("\t")]
            cells = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            out.append(f"<table border='1' cellspacing='0' cellpadding='4'>{cells}</table>")
        elif kind == "recipients":
            out.append(f"<p class='recipients'>{text}</p>")
        else:
            out.append(f"<p class='{kind}'>{text}</p>")
    return "<html><body>" + "".join(out) + "</body></html>"


class ReaderView(QTextBrowser):
    """Shows one document; highlights search hits (F3 / Shift+F3 step through them) and find-in-page."""

    hitChanged = Signal(int, int)  # current hit (1-based), number of hits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setDefaultStyleSheet(STYLE)
        self.doc: DocumentRecord | None = None
        self.issue: IssueInfo | None = None
        self.hits: list[QTextCursor] = []
        self.current = -1
        self.finds: list[QTextCursor] = []
        self.zoom_steps = 0
        self.setAccessibleName(self.tr("Document text"))
        self._apply_zoom()

    # ---- content -------------------------------------------------------------------------------
    def show_document(self, doc: DocumentRecord, issue: IssueInfo, hit_strings: list[str] | None = None) -> None:
        """Show a document; with hit strings, highlight them all and scroll to the first."""
        self.doc, self.issue = doc, issue
        self.setHtml(document_html(doc, issue))
        self.finds = []
        self.set_hits(hit_strings or [])
        if not self.hits:
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.verticalScrollBar().setValue(0)

    def clear_document(self) -> None:
        """Show nothing."""
        self.doc = self.issue = None
        self.clear()
        self.hits, self.finds, self.current = [], [], -1
        self._paint()

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
        """Highlight every occurrence of the strings and go to the first."""
        cursors: list[QTextCursor] = []
        for s in sorted(set(strings), key=len, reverse=True):
            for c in self._find_all(s):
                if not any(c.selectionStart() < o.selectionEnd() and o.selectionStart() < c.selectionEnd()
                           for o in cursors):
                    cursors.append(c)
        # skip the meta line so the first hit is in the document itself
        self.hits = sorted(cursors, key=lambda c: c.selectionStart())
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
        """Go to the next occurrence of text from the cursor."""
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self.find(text, flags):
            return True
        self.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
        return self.find(text, flags)

    def _paint(self) -> None:
        """Draw the hit and find highlights as extra selections (the text itself is untouched)."""
        selections: list[Any] = []
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
        return f"{self.selected_or_all()}\n——{citation(self.doc, self.issue)}"
