"""Word documents (DOCX) through python-docx: paragraphs in order with their alignment, size and weight as layout
hints, tables as tab-separated rows, text boxes, page breaks as pages, page numbers from footers or from page
marks (—1—) merged into paragraphs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import Reason, SourceError
from reader.gazette.text import squash
from reader.models import Line, Source
from reader.sources.docxnum import Numbering
from reader.sources.pagenum import is_page_number, split_page_marks
from reader.textfold import unify_han

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, .et: the legacy compound file
LEGACY_SUFFIXES = {".doc", ".wps", ".dot", ".wpt", ".rtf"}


@dataclass
class _Style:
    """What a paragraph or character style sets: alignment, size in points, bold."""

    based_on: str | None = None
    align: str | None = None
    size: float | None = None
    bold: bool | None = None
    num: tuple[str, int] | None = None  # numbering (numId, level) a heading style carries


@dataclass
class _Page:
    """Where the walk stands: the current page, the text seen on it, and printed numbers from page marks."""

    number: int = 0
    has_text: bool = False
    lines: list[Line] = field(default_factory=list)
    marks: dict[int, int] = field(default_factory=dict)

    def turn(self) -> None:
        """Start a new page (a break on an empty page does not count twice)."""
        if self.has_text:
            self.number += 1
            self.has_text = False


def _attr(element: Any, name: str) -> str | None:
    """A w: attribute of an element, or None."""
    return None if element is None else element.get(W + name)


def _on(element: Any) -> bool | None:
    """A toggle property (w:b): None when absent, else whether it is on."""
    if element is None:
        return None
    return _attr(element, "val") not in ("0", "false", "off")


def _props(ppr: Any, rpr: Any) -> _Style:
    """The formatting a pPr and an rPr set directly."""
    style = _Style()
    if ppr is not None:
        style.align = _attr(ppr.find(W + "jc"), "val")
        numpr = ppr.find(W + "numPr")
        if numpr is not None:
            level = _attr(numpr.find(W + "ilvl"), "val") or "0"
            num_id = _attr(numpr.find(W + "numId"), "val")
            style.num = (num_id, int(level) if level.isdigit() else 0) if num_id else None
    if rpr is not None:
        sz = _attr(rpr.find(W + "sz"), "val")
        style.size = float(sz) / 2 if sz and sz.replace(".", "").isdigit() else None
        style.bold = _on(rpr.find(W + "b"))
    return style


class _Styles:
    """The document's styles resolved through basedOn, with the document defaults below them."""

    def __init__(self, root: Any) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_para: str | None = None
        for st in root.iter(W + "style"):
            sid = _attr(st, "styleId") or ""
            style = _props(st.find(W + "pPr"), st.find(W + "rPr"))
            style.based_on = _attr(st.find(W + "basedOn"), "val")
            self.styles[sid] = style
            if _attr(st, "type") == "paragraph" and _attr(st, "default") in ("1", "true"):
                self.default_para = sid
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.base = _props(None, defaults)
        self._cache: dict[str | None, _Style] = {}

    def resolve(self, sid: str | None) -> _Style:
        """A style's effective formatting (its own, else its bases', else the defaults)."""
        if sid not in self._cache:
            chain, seen = [], set()
            cur = sid if sid in self.styles else None
            while cur and cur not in seen and cur in self.styles:
                seen.add(cur)
                chain.append(self.styles[cur])
                cur = self.styles[cur].based_on
            out = _Style()
            for name in ("align", "size", "bold", "num"):
                value = next((getattr(s, name) for s in chain if getattr(s, name) is not None), getattr(self.base, name))
                setattr(out, name, value)
            self._cache[sid] = out
        return self._cache[sid]


def open_docx(path: Path, data: bytes) -> Any:
    """Open a DOCX with python-docx, or raise a SourceError that says what is wrong and what to do."""
    if data[:8] == OLE2 or (path.suffix.lower() in LEGACY_SUFFIXES and data[:4] != b"PK\x03\x04"):
        raise SourceError(f"{path}: a legacy Word or WPS document (.doc/.wps), which Gazette Reader does not read; "
                          "open it in Word or WPS and save it as DOCX or PDF, then import that", path=path,
                          reason=Reason.LEGACY_FORMAT)
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            bad = zf.testzip()
        if bad is not None:
            raise zipfile.BadZipFile(f"part {bad} is corrupt")
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise SourceError(f"{path}: damaged or truncated DOCX ({exc}); download or copy the file again, or save "
                          "it again from Word or WPS", path=path, reason=Reason.DAMAGED) from exc
    except Exception as exc:  # python-docx raises its own types for a zip that is no Word document
        raise SourceError(f"{path}: not a Word document ({exc}); save it again as DOCX or PDF", path=path,
                          reason=Reason.DAMAGED) from exc


class _Walker:
    """Walks the body of a document in order and turns it into lines on pages."""

    def __init__(self, styles: _Styles, numbering: Numbering, breaks: bool) -> None:
        self.styles = styles
        self.numbering = numbering
        self.breaks = breaks  # page breaks make pages (False when page marks printed in the text do)
        self.page = _Page()
        self.sections: list[tuple[int, Any]] = []  # (first page, sectPr) of each section ended so far
        self.section_from = 0

    def body(self, body: Any) -> None:
        """Paragraphs, tables and content controls, in order."""
        for child in body:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.body(content)

    def paragraph(self, p: Any) -> None:
        """One paragraph: its runs' text split at page breaks, then its text boxes."""
        ppr = p.find(W + "pPr")
        sid = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        pstyle = self.styles.resolve(sid or self.styles.default_para)
        own = _props(ppr, ppr.find(W + "rPr") if ppr is not None else None)
        align = own.align or pstyle.align
        if self.breaks and ppr is not None and _on(ppr.find(W + "pageBreakBefore")):
            self.page.turn()
        pieces: list[tuple[str, float, bool]] = []
        boxes: list[Any] = []
        num = own.num or pstyle.num
        if num is not None and "".join(t.text or "" for t in p.iter(W + "t")).strip():
            pieces.append((self.numbering.label(*num), pstyle.size or 0.0, bool(pstyle.bold)))
        for run in p.iter(W + "r"):
            if self._in_box_or_fallback(run, p):
                continue
            size, bold = self._run_format(run, pstyle)
            for node in run:
                tag = node.tag
                if tag == W + "t":
                    pieces.append((node.text or "", size, bold))
                elif tag == W + "tab":
                    pieces.append(("\t", size, bold))
                elif tag in (W + "br", W + "cr") and _attr(node, "type") != "page":
                    pieces.append(("\n", size, bold))
                elif (tag == W + "br" and _attr(node, "type") == "page") or tag == W + "lastRenderedPageBreak":
                    self._emit(pieces, align)
                    pieces = []
                    if self.breaks:
                        self.page.turn()
                elif tag in (W + "drawing", W + "pict") or tag.endswith("AlternateContent"):
                    boxes.extend(b for b in node.iter(W + "txbxContent") if not self._fallback(b, node))
        self._emit(pieces, align)
        for box in boxes:
            self.body(box)
        sect = ppr.find(W + "sectPr") if ppr is not None else None
        if sect is not None:
            self._end_section(sect)

    def _end_section(self, sect: Any) -> None:
        """A section ends: remember where it began (for its page numbers); a new-page section break turns."""
        self.sections.append((self.section_from, sect))
        if self.breaks and _attr(sect.find(W + "type"), "val") in (None, "nextPage", "oddPage", "evenPage"):
            self.page.turn()
        self.section_from = self.page.number + (1 if self.page.has_text else 0)

    def _run_format(self, run: Any, pstyle: _Style) -> tuple[float, bool]:
        """A run's size and weight: its own, else its character style's, else its paragraph style's."""
        rpr = run.find(W + "rPr")
        rstyle_id = _attr(rpr.find(W + "rStyle"), "val") if rpr is not None else None
        rstyle = self.styles.resolve(rstyle_id) if rstyle_id else None
        mine = _props(None, rpr)
        size = mine.size or (rstyle.size if rstyle else None) or pstyle.size or 0.0
        bold = next((b for b in (mine.bold, rstyle.bold if rstyle else None, pstyle.bold) if b is not None), False)
        return size, bold

    @staticmethod
    def _fallback(node: Any, top: Any) -> bool:
        """Whether a node sits in the Fallback branch of mc:AlternateContent (a copy of the Choice's text box)."""
        cur = node.getparent()
        while cur is not None and cur is not top:
            if cur.tag == MC_FALLBACK:
                return True
            cur = cur.getparent()
        return top.tag == MC_FALLBACK

    @staticmethod
    def _in_box_or_fallback(run: Any, p: Any) -> bool:
        """Whether a run belongs to a text box inside the paragraph (read as its own paragraphs) or a fallback."""
        cur = run.getparent()
        while cur is not None and cur is not p:
            if cur.tag == W + "txbxContent" or cur.tag == MC_FALLBACK:
                return True
            cur = cur.getparent()
        return False

    def _emit(self, pieces: list[tuple[str, float, bool]], align: str | None) -> None:
        """Lines from a paragraph's pieces: a line break starts a line; page marks turn the page."""
        text = "".join(t for t, _, _ in pieces)
        if not text.strip():
            return
        weights: dict[float, int] = {}
        for t, size, _ in pieces:
            weights[size] = weights.get(size, 0) + len(t.strip())
        size = max(weights, key=lambda s: weights[s]) if weights else 0.0
        bold = all(b for t, _, b in pieces if t.strip())
        for raw in text.split("\n"):
            for chunk, number in split_page_marks(raw):
                body = unify_han(chunk.strip(" \u3000\xa0\u200b\ufeff"))
                if body and not is_page_number(body):
                    self.page.lines.append(Line(body, page=self.page.number, size=size, bold=bold,
                                                centered=align == "center", right=align in ("right", "end")))
                    self.page.has_text = True
                if number is not None and not self.breaks:
                    self.page.marks.setdefault(self.page.number, number)
                    self.page.has_text = True
                    self.page.turn()

    def table(self, tbl: Any) -> None:
        """A table: one line per row (rows inside content controls too), its cells' text joined by tabs, a cell's
        paragraphs by a space (none is kept between Chinese characters)."""
        for tr in tbl.iter(W + "tr"):
            if next(tr.iterancestors(W + "tbl")) is not tbl:
                continue  # a row of a table nested in a cell: read with its cell
            cells = []
            for tc in tr.iterchildren(W + "tc"):
                text = " ".join("".join(t.text or "" for t in p.iter(W + "t")) for p in tc.iter(W + "p"))
                cells.append(squash(unify_han(text)))
            if any(cells):
                self.page.lines.append(Line("\t".join(cells), page=self.page.number))
                self.page.has_text = True


def _numbering_root(document: Any) -> Any:
    """The numbering definitions of a document, or None when it has none."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _has_page_marks(body: Any) -> bool:
    """Whether page marks of a print (—1—) stand in the text, at least two of them: they then make the pages."""
    found = 0
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        found += sum(1 for _, number in split_page_marks(text) if number is not None)
        if found >= 2:
            return True
    return False


def _has_page_field(document: Any) -> bool:
    """Whether a footer or header carries a PAGE field (the page number Word prints)."""
    for section in document.sections:
        for part in (section.footer, section.first_page_footer, section.header):
            try:
                xml = part._element.xml if part is not None and not part.is_linked_to_previous else ""
            except Exception:  # a part python-docx cannot open: no page numbers from it
                xml = ""
            if "PAGE" in xml and ("instrText" in xml or "fldSimple" in xml):
                return True
    return False


def _section_numbers(sections: list[tuple[int, Any]], pages: int) -> dict[int, int]:
    """Printed page numbers from the sections: each continues the last, or restarts where its pgNumType says."""
    printed: dict[int, int] = {}
    number = 1
    for k, (first, sect) in enumerate(sections):
        last = sections[k + 1][0] if k + 1 < len(sections) else pages
        start = _attr(sect.find(W + "pgNumType"), "start")
        if start and start.isdigit():
            number = int(start)
        for page in range(first, last):
            printed[page] = number
            number += 1
    return printed


def read_docx(path: Path, data: bytes) -> Source:
    """Read a DOCX into lines in reading order, with pages from its breaks (or its page marks) and printed page
    numbers from its page marks or its footer's page field."""
    document = open_docx(path, data)
    try:
        walker = _Walker(_Styles(document.styles.element), Numbering(_numbering_root(document)),
                         not _has_page_marks(document.element.body))
        walker.body(document.element.body)
        walker.sections.append((walker.section_from, document.element.body.find(W + "sectPr")))
        numbered = _has_page_field(document)
        title = document.core_properties.title or ""
    except SourceError:
        raise
    except Exception as exc:  # a part that is not what the package says it is
        raise SourceError(f"{path}: damaged DOCX ({exc}); save it again from Word or WPS, or as PDF", path=path,
                          reason=Reason.DAMAGED) from exc
    lines = walker.page.lines
    if not lines:
        raise SourceError(f"{path}: the document holds no text; check the file or import its PDF", path=path,
                          reason=Reason.EMPTY)
    sizes = {ln.size for ln in lines if ln.size}
    if len(sizes) <= 1:  # one size throughout: sizes tell nothing, as in a text export
        for ln in lines:
            ln.size = 0.0
    pages = walker.page.number + 1
    printed = walker.page.marks or (_section_numbers(walker.sections, pages) if numbered else {})
    return Source(path=path, kind="docx", lines=lines, pages=pages, printed_pages=printed, title_hint=title)
