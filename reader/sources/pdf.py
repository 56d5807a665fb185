"""PDFs through PyMuPDF: lines in reading order (one or two columns), running headers and page numbers removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from reader.errors import Reason, SourceError
from reader.gazette.text import closing_line
from reader.models import Line, Source
from reader.sources.gutter import crossings, span_gutter
from reader.sources.ocr import OcrPage, Recognizer
from reader.sources.pagenum import page_number
from reader.textfold import unify_han

BAND = 0.1  # share of the page height at top and bottom where running headers and footers sit


@dataclass
class _Frag:
    """A line fragment as PyMuPDF returns it."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


def open_pdf(path: Path, data: bytes, password: str | None) -> pymupdf.Document:
    """Open a PDF, unlocking it with the password, or raise a SourceError that says what to do."""
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for broken files
        raise SourceError(
            f"{path}: damaged or truncated PDF ({exc}); download or export the file again", path=path, reason=Reason.DAMAGED) from exc
    if doc.needs_pass:
        if not password:
            raise SourceError(f"{path}: the PDF is encrypted; give its password with --password", path=path, reason=Reason.NEEDS_PASSWORD)
        if not doc.authenticate(password):
            raise SourceError(f"{path}: wrong password for this encrypted PDF; check --password", path=path, reason=Reason.WRONG_PASSWORD)
    try:
        count = doc.page_count
    except Exception as exc:
        raise SourceError(f"{path}: damaged or truncated PDF ({exc}); download or export the file again", path=path, reason=Reason.DAMAGED) from exc
    if count == 0:
        raise SourceError(f"{path}: the PDF has no pages; export the gazette again", path=path, reason=Reason.NO_PAGES)
    if doc.is_repaired and b"%%EOF" not in data[-2048:]:
        doc.close()
        raise SourceError(f"{path}: damaged or truncated PDF (the end of the file is missing); "
                          "download or copy the file again", path=path, reason=Reason.DAMAGED)
    return doc


def _join_spans(spans: list[dict]) -> str:
    """The text of a line's spans, a tab where they stand far apart (table cells on one baseline)."""
    text = spans[0]["text"].strip()
    for prev, span in zip(spans, spans[1:]):
        gap = span["bbox"][0] - prev["bbox"][2]
        size = span["size"] or 10
        sep = "\t" if gap > 1.5 * size else (" " if gap > 0.3 * size else "")
        text += sep + span["text"].strip()
    return unify_han(text)


def _fragments(page: pymupdf.Page) -> tuple[list[_Frag], float | None]:
    """Text line fragments of a page (a line PyMuPDF made across the gutter of two columns cut in two), and the
    gutter where lines were cut (None when none was)."""
    lines = [[s for s in line["spans"] if s["text"].strip()]
             for block in page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT)["blocks"]
             for line in block.get("lines", ())]
    return span_fragments([spans for spans in lines if spans], page.rect.width)


def span_fragments(lines: list[list[dict]], width: float) -> tuple[list[_Frag], float | None]:
    """Fragments from lines of spans (dicts with text, bbox, size, flags and font, as PyMuPDF gives them; the OFD
    reader makes the same), and the gutter where lines were cut."""
    cut = span_gutter(lines, width)
    frags = []
    for line in lines:
        for spans in _runs(line, cut):
            text = _join_spans(spans)
            main = max(spans, key=lambda s: len(s["text"]))
            bold = bool(main["flags"] & 16) or "Bold" in main["font"]
            x0, y0 = min(s["bbox"][0] for s in spans), min(s["bbox"][1] for s in spans)
            x1, y1 = max(s["bbox"][2] for s in spans), max(s["bbox"][3] for s in spans)
            frags.append(_Frag(x0, y0, x1, y1, text, round(main["size"], 1), bold))
    return frags, cut


def _runs(spans: list[dict], cut: float | None = None) -> list[list[dict]]:
    """A line's spans cut where a gap wider than three characters stands, or at the page's gutter: the two columns
    of a page can share a baseline, and PyMuPDF then makes one line of them (table cells cut here are joined
    again row by row)."""
    runs: list[list[dict]] = []
    for span in spans:
        size = span["size"] or 10
        across = cut is not None and runs and runs[-1][-1]["bbox"][2] <= cut <= span["bbox"][0]
        if runs and span["bbox"][0] - runs[-1][-1]["bbox"][2] <= 3 * size and not across:
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def _header_key(text: str) -> str:
    """Running headers differ only by numbers; fold them together."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _columns(frags: list[_Frag], width: float, cut: float | None = None) -> list[int]:
    """Column of each fragment: 0 for one column or full width, 1 left, 2 right (two-column pages).

    Where lines of the two columns shared baselines and were cut at the gutter (cut), the page has two columns
    when both sides hold lines of prose (not the cells of a table: most of those are short).

    A page is read as two columns only when both sides look like justified text columns: most lines on
    the left end at the same right edge, most lines on the right start and end at the same edges. Short
    lines (lists, signatures, table cells) on a one-column page do not."""
    if cut is not None:
        left, right = [f for f in frags if f.x1 <= cut], [f for f in frags if f.x0 >= cut]
        prose = [len(side) >= 5 and sum(1 for f in side if len(f.text) >= 8) >= 0.4 * len(side) for side in (left, right)]
        closing = [0 < len(side) <= 4 and all(closing_line(f.text) for f in side) for side in (left, right)]
        # two columns of text; or one beside the signature and date that close a document in the other
        if all(prose) or (prose[0] and closing[1]) or (prose[1] and closing[0]):
            return [1 if f.x1 <= cut else 2 if f.x0 >= cut else 0 for f in frags]
    mid = width / 2
    slack = width * 0.04
    left = [f for f in frags if f.x1 < mid + slack]
    right = [f for f in frags if f.x0 > mid - slack]
    if len(left) < 5 or len(right) < 5 or len(left) + len(right) < 0.7 * len(frags):
        return [0] * len(frags)
    em = sorted(f.size for f in frags)[len(frags) // 2] or 10

    def share(values: list[float], edge: float, tolerance: float) -> float:
        return sum(1 for v in values if abs(v - edge) <= tolerance) / len(values)

    left_edge = max(f.x1 for f in left)
    right_start = min(f.x0 for f in right)
    right_edge = max(f.x1 for f in right)
    justified = (share([f.x1 for f in left], left_edge, 1.5 * em) >= 0.5
                 and share([f.x1 for f in right], right_edge, 1.5 * em) >= 0.5
                 and share([f.x0 for f in right], right_start, 2.5 * em) >= 0.6)
    if justified:
        return [1 if f.x1 < mid + slack else 2 if f.x0 > mid - slack else 0 for f in frags]
    gutter = _gutter(frags, width, em)
    if gutter is None:
        return [0] * len(frags)
    return [1 if f.x1 <= gutter else 2 if f.x0 >= gutter else 0 for f in frags]


def _gutter(frags: list[_Frag], width: float, em: float) -> float | None:
    """The middle of an empty vertical band near the page's centre that most body lines keep clear of: the gutter
    of ragged columns (left-aligned lines ending short do not line up, but none crosses the gutter). Lines that
    cross it (a title or a table across both columns) may be a few; both sides need lines of their own."""
    xs, crossing = crossings([(f.x0, f.x1) for f in frags], width, em)
    k = crossing.index(min(crossing))
    best = (crossing[k], xs[k])
    if best[0] > 0.15 * len(frags):
        return None
    gutter = best[1]
    left = [f for f in frags if f.x1 <= gutter]
    right = [f for f in frags if f.x0 >= gutter]
    if len(left) < 5 or len(right) < 5 or len(left) + len(right) < 0.6 * len(frags):
        return None
    if min(len(left), len(right)) < 0.3 * max(len(left), len(right)):
        return None  # text on one side only: a one-column page with something off to the side
    # a one-column page with short lines (a list, a signature) has lines on the right only at their ends:
    # the right side of real columns starts at one edge
    starts = sorted(f.x0 for f in right)
    if sum(1 for v in starts if v - starts[0] <= 2.5 * em) < 0.6 * len(right):
        return None
    ends = sorted(f.x1 for f in left)
    if ends[len(ends) // 2] < gutter - 4 * em and not _beside(left, right):
        return None  # the left side's lines stop far before the gutter: short lines of one column, not a column
    return gutter


def _beside(left: list[_Frag], right: list[_Frag]) -> bool:
    """Whether a column of prose stands beside short lines (a list of names down the left column) on baselines of
    its own: table cells share their row's baseline, two columns of a page need not."""
    rows = {round((f.y0 + f.y1) / 4) for f in left}
    shared = sum(1 for f in right if round((f.y0 + f.y1) / 4) in rows)
    prose = sum(1 for f in right if len(f.text) >= 12)
    return len(right) >= 10 and prose >= 0.6 * len(right) and shared <= 0.2 * len(right)


def _reading_groups(frags: list[_Frag], cols: list[int], width: float) -> list[list[_Frag]]:
    """A two-column page in reading order: the bands across both columns (titles, their 发文字号, the rows of a
    table as wide as the page) cut it into regions, and each region is read left column, then right column, then
    the band below it. A fragment across the gutter with column text beside it is no band: it joins the column
    its middle stands in. A table row is cells on both sides of the gutter on one baseline, tabs on both sides."""
    pairs = _table_rows(frags, cols)
    in_cols = [f for f, c in zip(frags, cols) if c and id(f) not in pairs]
    bands: list[list[_Frag]] = []
    side: list[tuple[_Frag, int]] = []
    for f, c in zip(frags, cols):
        if id(f) in pairs:
            row = pairs[id(f)]
            if row is not None:
                bands.append(row)
        elif c:
            side.append((f, c))
        elif any(g.y0 < f.y1 - 1 and g.y1 > f.y0 + 1 for g in in_cols):
            side.append((f, 1 if (f.x0 + f.x1) / 2 < width / 2 else 2))
        else:
            bands.append([f])
    bands.sort(key=lambda band: band[0].y0)
    groups: list[list[_Frag]] = []
    for r in range(len(bands) + 1):
        for column in (1, 2):
            groups.append([f for f, c in side if c == column and sum(1 for b in bands if b[0].yc < f.yc) == r])
        if r < len(bands):
            groups.append(bands[r])
    return groups


def _table_rows(frags: list[_Frag], cols: list[int]) -> dict[int, list[_Frag] | None]:
    """The rows of a table across both columns: on one baseline, cells on both sides of the gutter (two
    fragments, or one holding a tab, on each side). Maps each row's first fragment to the row, the others to
    None."""
    out: dict[int, list[_Frag] | None] = {}
    placed = sorted(((f, c) for f, c in zip(frags, cols) if c), key=lambda fc: fc[0].yc)
    rows: list[list[tuple[_Frag, int]]] = []
    for f, c in placed:
        if rows and abs(rows[-1][0][0].yc - f.yc) < 0.45 * max(f.size, 1):
            rows[-1].append((f, c))
        else:
            rows.append([(f, c)])
    for row in rows:
        sides = [[f for f, c in row if c == k] for k in (1, 2)]
        if all(len(side) >= 2 or any("\t" in f.text for f in side) for side in sides):
            cells = sorted((f for f, _ in row), key=lambda f: f.x0)
            out[id(cells[0])] = cells
            out.update({id(f): None for f in cells[1:]})
    return out


def _merge_rows(frags: list[_Frag]) -> list[_Frag]:
    """Join fragments on one baseline, a tab where the gap is wide (table cells, 目录 leaders)."""
    rows: list[_Frag] = []
    for f in sorted(frags, key=lambda f: (round(f.yc), f.x0)):
        last = rows[-1] if rows else None
        if last and abs(last.yc - f.yc) < 0.45 * max(f.size, 1) and f.x0 >= last.x1 - 1:
            gap = f.x0 - last.x1
            sep = "\t" if gap > 1.5 * f.size else ("" if gap < 0.3 * f.size else " ")
            rows[-1] = _Frag(last.x0, min(last.y0, f.y0), f.x1, max(last.y1, f.y1), last.text + sep + f.text,
                             max(last.size, f.size), last.bold or f.bold)
        else:
            rows.append(f)
    rows.sort(key=lambda f: (f.y0, f.x0))
    # re-check neighbours after sorting by top edge (fragments of a row may differ in height)
    return rows


def _lines_of_column(frags: list[_Frag], page_no: int) -> list[Line]:
    """Layout hints for one column: indentation, short last lines, centred and right-aligned lines."""
    if not frags:
        return []
    rows = _merge_rows(frags)
    sizes = Counter(round(f.size) for f in rows)
    body_size = sizes.most_common(1)[0][0] or 10
    x0s = Counter(round(f.x0) for f in rows)
    frequent = [x for x, n in x0s.items() if n >= 0.15 * len(rows)]
    left = min(frequent) if len(rows) > 3 and frequent else min(x0s)
    right = sorted(f.x1 for f in rows)[int(0.9 * (len(rows) - 1))]
    center = (left + right) / 2
    out = []
    for f in rows:
        em = f.size or body_size
        mid = (f.x0 + f.x1) / 2
        short = f.x1 < right - 1.5 * em
        centered = short and abs(mid - center) < 2 * em and f.x0 > left + 2.6 * em
        out.append(Line(
            text=f.text,
            page=page_no,
            size=f.size,
            bold=f.bold,
            indent=f.x0 > left + 0.8 * em,
            short=short,
            right=(not centered) and f.x0 > center,
            centered=centered,
        ))
    return out


def _ocr_fragments(result: OcrPage) -> list[_Frag]:
    """Recognised lines as fragments: the box height stands for the font size (a box is about 1.25 × the size)."""
    return [_Frag(*line.box, unify_han(line.text), round((line.box[3] - line.box[1]) * 0.8, 1), False) for line in result.lines]


def read_pdf(path: Path, data: bytes, password: str | None = None, recognizer: Recognizer | None = None,
             first: int | None = None) -> Source:
    """Read a gazette PDF (or its first pages: cover and 目录) into lines in reading order, printed page numbers
    mapped to PDF pages; pages without a text layer are recognised by OCR when a recognizer is given."""
    doc = open_pdf(path, data, password)
    warnings = ["the PDF was damaged and has been repaired; check that no page is missing"] if doc.is_repaired else []
    try:
        pages: list[tuple[pymupdf.Rect, list[_Frag]]] = []
        cuts: list[float | None] = []
        for page in doc.pages(0, min(first, doc.page_count) if first else None):
            try:
                frags, cut = _fragments(page)
                pages.append((page.rect, frags))
                cuts.append(cut)
            except Exception as exc:
                raise SourceError(f"{path}: page {page.number + 1} cannot be read ({exc}); the PDF is damaged", path=path, reason=Reason.DAMAGED) from exc
        scanned = [k for k, (_, frags) in enumerate(pages) if not frags]
        recognised = recognizer.read(doc, scanned, whole=not first) if recognizer is not None and scanned else {}
        for k, result in recognised.items():
            pages[k] = (pymupdf.Rect(0, 0, result.width, result.height), _ocr_fragments(result))
        ocr_pages = dict(recognizer.pages) if recognizer is not None else {}
        title_hint = (doc.metadata or {}).get("title") or ""
        page_count = doc.page_count
    finally:
        doc.close()
    if sum(len(f) for _, f in pages) == 0:
        if recognizer is not None:
            raise SourceError(f"{path}: nothing readable: OCR found no text on its {page_count} pages (photos or "
                              "blank pages?); check the file", path=path, reason=Reason.NOTHING_READABLE)
        raise SourceError(f"{path}: no text layer: this PDF is a scan; run OCR on it first or import a text export", path=path, reason=Reason.SCANNED)

    lines, printed = lay_out(pages, cuts)
    return Source(path=path, kind="pdf", lines=lines, pages=page_count, printed_pages=printed, title_hint=title_hint,
                  warnings=warnings, ocr_pages=ocr_pages,
                  ocr_boxes={k: r.line_boxes() for k, r in recognised.items() if r.lines})


def lay_out(pages: list[tuple[pymupdf.Rect, list[_Frag]]], cuts: list[float | None]) -> tuple[list[Line], dict[int, int]]:
    """Pages of fragments in reading order, running headers and page numbers removed: the lines and the printed
    page number of each page that shows one (the OFD reader lays its pages out here too)."""
    banded = [
        [f for f in frags if f.y0 < rect.height * BAND or f.y1 > rect.height * (1 - BAND)] for rect, frags in pages
    ]
    counts = Counter(k for band in banded for k in {_header_key(f.text) for f in band})
    threshold = max(2, int(0.3 * sum(1 for _, f in pages if f)))
    sizes: Counter[int] = Counter()
    for _, fr in pages:
        for f in fr:
            sizes[round(f.size)] += len(f.text)
    heading = 1.4 * sizes.most_common(1)[0][0]  # over the body's size (by characters): a title, never a running header
    printed: dict[int, int] = {}
    lines: list[Line] = []
    for page_no, ((rect, frags), band) in enumerate(zip(pages, banded)):
        drop = set()
        for f in band:
            number = page_number(f.text)
            # a number beside other text on its line (a table cell) is no page number, but beside the header
            if number is not None and any(counts[_header_key(g.text)] < threshold for g in frags
                                          if g is not f and abs(g.yc - f.yc) < 0.45 * max(f.size, 1)):
                number = None
            elif number is not None:
                printed.setdefault(page_no, number)
                drop.add(id(f))
            elif counts[_header_key(f.text)] >= max(threshold, 3 if f.size >= heading else 0):
                drop.add(id(f))
        body = [f for f in frags if id(f) not in drop]
        cols = _columns(body, rect.width, cuts[page_no])
        groups = _reading_groups(body, cols, rect.width) if any(cols) else [body]
        for group in groups:
            lines.extend(_lines_of_column(group, page_no))
    return lines, printed
