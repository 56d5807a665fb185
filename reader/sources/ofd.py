"""OFD (GB/T 33190) through ofdkit: text with its position and size from each page's content, its templates and
the composite objects of the resources, laid out by the same rules as a PDF page; image-only pages through OCR;
e-invoices and files without text refused."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pymupdf

from reader.errors import Reason, SourceError
from reader.gazette import docnumber
from reader.models import Source
from reader.sources.ocr import Recognizer
from reader.sources.pdf import _Frag as Frag
from reader.sources.pdf import _ocr_fragments, lay_out, span_fragments

PT = 72 / 25.4  # OFD measures in millimetres, the layout rules in points
MARGIN = 2.0  # mm a run may stand outside the page box and still be on the page
ASCENT, DESCENT = 0.88, 0.12  # share of the size above and below the baseline
# what a broken zip or XML raises besides ofdkit's own errors (zipfile, zlib, a bad number in an attribute)
BROKEN = (zipfile.BadZipFile, zlib.error, ValueError, NotImplementedError, EOFError, OSError, KeyError, IndexError)
_INVOICE = re.compile(r"发票代码|发票号码|价税合计|开票日期")


def _local(tag: object) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def open_ofd(path: Path, data: bytes) -> Any:
    """Open an OFD with ofdkit, or raise a SourceError that says what is wrong and what to do."""
    import ofdkit

    try:
        return ofdkit.open(data)
    except (*BROKEN, ofdkit.OFDError) as exc:
        raise SourceError(f"{path}: damaged or truncated OFD, or not an OFD file ({exc}); download or copy the file "
                          "again", path=path, reason=Reason.DAMAGED) from exc


_TAG = re.compile(rb"<(?:[\w.-]+:)?(TextObject|Font)\b([^>]*)>")
_ATTR = re.compile(rb'([\w.-]+)\s*=\s*"([^"]*)"')


def bold_objects(doc: Any) -> set[str]:
    """The ids of text objects drawn bold: a Weight of 600 or more, or a font marked or named bold (ofdkit gives
    no weight; the attributes are found in the package's XML, pages, templates and resources alike)."""
    package = doc._package
    fonts: set[bytes] = set()
    objects: list[dict[bytes, bytes]] = []
    for name in package.names:
        if not name.lower().endswith(".xml"):
            continue
        for tag, attrs in _TAG.findall(package.read(name)):
            values = dict(_ATTR.findall(attrs))
            if tag == b"Font" and (values.get(b"Bold") == b"true" or re.search(rb"Bold|\xe7\xb2\x97", values.get(b"FontName", b""))):
                fonts.add(values.get(b"ID", b""))
            elif tag == b"TextObject":
                objects.append(values)
    bold = set()
    for values in objects:
        weight = values.get(b"Weight", b"400")
        if (weight.isdigit() and int(weight) >= 600) or values.get(b"Font") in fonts:
            bold.add(values.get(b"ID", b"").decode().strip())
    return bold


def _merged(runs: list[Any], bold: set[str]) -> list[tuple[str, float, float, float, float, bool]]:
    """Runs as (text, x, baseline, size, width, bold) in mm, runs that follow each other on a baseline at one size
    and weight (a TextCode or a TextObject per character, as many producers write) made one."""
    out: list[list[Any]] = []
    for run in runs:
        heavy = run.object_id in bold
        if out:
            last = out[-1]
            gap = run.x - (last[1] + last[4])
            if abs(last[2] - run.y) < 0.01 and last[3] == run.size and last[5] == heavy and \
                    -0.05 * run.size <= gap < 0.3 * run.size:
                last[0] += run.text
                last[4] = run.x + run.width - last[1]
                continue
        out.append([run.text, run.x, run.y, run.size, run.width, heavy])
    return [(t, x, y, size, w, b) for t, x, y, size, w, b in out]


def _spans(runs: list[Any], width: float, height: float, bold: set[str]) -> list[list[dict]]:
    """Runs on the page (each once: a run drawn twice at one spot is bold) as lines of span dicts in points."""
    seen: dict[tuple[str, int, int], dict[str, Any]] = {}
    spans: list[dict[str, Any]] = []
    for text, rx, ry, rsize, rwidth, heavy in _merged(runs, bold):
        if not text.strip() or not (-MARGIN <= rx <= width + MARGIN and -MARGIN <= ry <= height + MARGIN):
            continue
        key = (text, round(rx), round(ry))  # to the millimetre: the copy that fakes bold stands a little aside
        if key in seen:
            seen[key]["flags"] = 16
            continue
        size = (rsize or 3.5) * PT
        x, y = rx * PT, ry * PT
        span: dict[str, Any] = {"text": text, "bbox": (x, y - ASCENT * size, x + rwidth * PT, y + DESCENT * size),
                "size": round(size, 1), "flags": 16 if heavy else 0, "font": "", "base": y}
        seen[key] = span
        spans.append(span)
    spans.sort(key=lambda s: (s["base"], s["bbox"][0]))
    lines: list[list[dict]] = []
    for span in spans:
        if lines and abs(span["base"] - lines[-1][0]["base"]) < 0.5 * max(span["size"], 1):
            lines[-1].append(span)
        else:
            lines.append([span])
    return [sorted(line, key=lambda s: s["bbox"][0]) for line in lines]


def rejoin_numbers(frags: list[Frag]) -> list[Frag]:
    """A 文号 wrapped inside a table cell (府办专督〔2020〕24 above, 号 below it at the same left edge) made one
    fragment again."""
    drop: set[int] = set()
    for head in frags:
        tail_of = docnumber.SPLIT_HEAD.search(head.text)
        if tail_of is None or not head.text.rstrip().endswith(tail_of.group(0).rstrip()):
            continue
        em = max(head.size, 1)
        below = [f for f in frags if id(f) not in drop and f is not head and docnumber.SPLIT_TAIL.match(f.text)
                 and abs(f.x0 - head.x0) < em and 0 < f.yc - head.yc < 3 * em]
        if below:
            tail = min(below, key=lambda f: f.yc)
            head.text, head.x1 = head.text.rstrip() + tail.text.strip(), max(head.x1, tail.x1)
            drop.add(id(tail))
    return [f for f in frags if id(f) not in drop]


def _images(doc: Any, page: Any) -> list[tuple[tuple[float, float, float, float], bytes]]:
    """The images a page draws: their boxes (mm) and bytes, found through the resources' MultiMedia entries."""
    package = doc._package
    if page.location is None:
        return []
    media: dict[str, str] = {}
    for res in page._body.resources:
        root = package.read_xml(res)
        base = (root.get("BaseLoc") or "").strip().strip("/")
        for item in root.iter():
            if _local(item.tag) == "MultiMedia":
                file = (next((c.text for c in item if _local(c.tag) == "MediaFile"), None) or "").strip()
                found = (package.resolve(res, f"{base}/{file}") if base else None) or package.resolve(res, file)
                if found:
                    media[(item.get("ID") or "").strip()] = found
    out = []
    for obj in package.read_xml(page.location).iter():
        if _local(obj.tag) == "ImageObject" and (obj.get("ResourceID") or "").strip() in media:
            box = [float(v) for v in (obj.get("Boundary") or "0 0 0 0").split()[:4]]
            out.append(((box[0], box[1], box[2], box[3]), package.read(media[obj.get("ResourceID").strip()])))
    return out


def _recognise(doc: Any, scanned: list[int], recognizer: Recognizer,
               pages: list[tuple[pymupdf.Rect, list[Frag]]]) -> None:
    """Recognise image-only pages: each drawn from its images onto a page of its size, then read by OCR."""
    canvas = pymupdf.open()
    try:
        for page in doc.pages:
            canvas.new_page(width=page.width * PT, height=page.height * PT)
        for done, k in enumerate(scanned):
            for (x, y, w, h), data in _images(doc, doc.pages[k]):
                try:
                    canvas[k].insert_image(pymupdf.Rect(x * PT, y * PT, (x + w) * PT, (y + h) * PT), stream=data)
                except Exception:  # an image format PyMuPDF cannot decode: the page stays blank
                    continue
            result = recognizer.page(canvas[k], done, len(scanned))
            pages[k] = (pymupdf.Rect(0, 0, result.width, result.height), _ocr_fragments(result))
    finally:
        canvas.close()


def _is_invoice(doc: Any, text: str) -> bool:
    """Whether the file is an electronic invoice (its invoice data, or the fields an invoice prints)."""
    try:
        if doc.invoice() is not None:
            return True
    except Exception:  # invoice data that cannot be read: judge by the text
        pass
    return len(set(_INVOICE.findall(text))) >= 3


def _read(path: Path, doc: Any, recognizer: Recognizer | None) -> tuple[list[tuple[pymupdf.Rect, list[Frag]]],
                                                                       list[float | None], list[str]]:
    """The pages of an opened OFD as fragments (image-only pages recognised when a recognizer is given), the
    gutters of their columns, and warnings; raises SourceError for files that are not documents to import."""
    if not doc.pages:
        raise SourceError(f"{path}: the OFD has no pages; export the document again", path=path, reason=Reason.NO_PAGES)
    pages: list[tuple[pymupdf.Rect, list[Frag]]] = []
    cuts: list[float | None] = []
    bold = bold_objects(doc)
    for page in doc.pages:
        x0, y0, width, height = page.box
        frags, cut = span_fragments(_spans(page.runs, width, height, bold), width * PT)
        pages.append((pymupdf.Rect(0, 0, width * PT, height * PT), rejoin_numbers(frags)))
        cuts.append(cut)
    text = "\n".join(f.text for _, frags in pages for f in frags)
    if _is_invoice(doc, text):
        raise SourceError(f"{path}: an electronic invoice (发票), not a government document or gazette; nothing "
                          "imported", path=path, reason=Reason.NOT_A_DOCUMENT)
    with_images = [k for k, (_, frags) in enumerate(pages) if not frags and _images(doc, doc.pages[k])]
    if not text.strip() and not with_images:
        raise SourceError(f"{path}: the OFD holds no text (only drawings or seals) on its {len(pages)} pages; "
                          "nothing to import", path=path, reason=Reason.NOTHING_READABLE)
    warnings = [f"OFD: {w}" for w in doc.warnings]
    if with_images and recognizer is not None:
        _recognise(doc, with_images, recognizer, pages)
    elif not text.strip():
        raise SourceError(f"{path}: the OFD holds only images of its pages (a scan); import it with OCR on, or "
                          "import a text export", path=path, reason=Reason.SCANNED)
    elif with_images:
        warnings.append(f"{len(with_images)} pages hold only images and were not recognised (OCR is off)")
    return pages, cuts, warnings


def read_ofd(path: Path, data: bytes, recognizer: Recognizer | None = None) -> Source:
    """Read an OFD into lines in reading order, with printed page numbers mapped to its pages; image-only pages
    are recognised by OCR when a recognizer is given."""
    import ofdkit

    doc = open_ofd(path, data)
    try:
        pages, cuts, warnings = _read(path, doc, recognizer)
        title = doc.info.title or ""
    except (*BROKEN, ofdkit.OFDError) as exc:
        raise SourceError(f"{path}: damaged OFD ({exc}); download or copy the file again", path=path,
                          reason=Reason.DAMAGED) from exc
    finally:
        doc.close()
    if sum(len(frags) for _, frags in pages) == 0:
        raise SourceError(f"{path}: nothing readable: OCR found no text on its {len(pages)} pages (photos or blank "
                          "pages?); check the file", path=path, reason=Reason.NOTHING_READABLE)
    lines, printed = lay_out(pages, cuts)
    return Source(path=path, kind="ofd", lines=lines, pages=len(pages), printed_pages=printed, title_hint=title,
                  warnings=warnings, ocr_pages=dict(recognizer.pages) if recognizer is not None else {})
