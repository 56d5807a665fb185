"""Offline Chinese OCR for pages without a text layer (RapidOCR on ONNX Runtime, models inside the wheel).

A page is rendered grey at 200 dpi, recognised upright (or turned 90°, 180° or 270° when that reads better),
and its lines come back as boxes in PDF points of the upright page, for the same layout rules as a text layer.
Results are kept in a cache keyed by the file's SHA-256 and the page, so a page is recognised once."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reader.errors import Reason, SourceError

DPI = 200
ENGINE = "rapidocr-onnxruntime-1.4.4/cv2lite/clean-2"  # the engine and how its text is cleaned: a change re-reads
EXTRA = "pip install 'gazette-reader[ocr]'"


@dataclass(frozen=True)
class OcrLine:
    """A recognised line: its text, its box (x0, y0, x1, y1) in points on the upright page, and a confidence."""

    text: str
    box: tuple[float, float, float, float]
    score: float


@dataclass(frozen=True)
class OcrPage:
    """A recognised page: the upright page's size in points, its lines, and how far it was turned (0-3 × 90°)."""

    width: float
    height: float
    lines: list[OcrLine]
    turns: int = 0

    @property
    def confidence(self) -> float:
        """The mean confidence of its lines, weighted by their length (0 for a blank page)."""
        chars = sum(len(x.text) for x in self.lines)
        return sum(x.score * len(x.text) for x in self.lines) / chars if chars else 0.0

    def line_boxes(self) -> dict[str, Any]:
        """What the page view needs to find and select text on the scanned page: the upright size, the turns and
        each line's text with its box (stored with the issue, JSON-ready)."""
        return {"width": self.width, "height": self.height, "turns": self.turns,
                "lines": [[x.text, list(x.box)] for x in self.lines]}


class OcrCache:
    """Recognised pages in ocr.db in the data home (kept through re-imports, reindexing and upgrades)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self.conn.execute("CREATE TABLE IF NOT EXISTS pages (sha TEXT, page INTEGER, engine TEXT, dpi INTEGER, "
                          "result TEXT NOT NULL, PRIMARY KEY (sha, page, engine, dpi))")
        self.conn.commit()

    def get(self, sha: str, page: int) -> OcrPage | None:
        """A page recognised before, or None."""
        row = self.conn.execute("SELECT result FROM pages WHERE sha = ? AND page = ? AND engine = ? AND dpi = ?",
                                [sha, page, ENGINE, DPI]).fetchone()
        if not row:
            return None
        data = json.loads(row[0])
        return OcrPage(data["width"], data["height"], [OcrLine(x["text"], tuple(x["box"]), x["score"])
                                                        for x in data["lines"]], data.get("turns", 0))

    def put(self, sha: str, page: int, result: OcrPage) -> None:
        """Keep a recognised page."""
        self.conn.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?)",
                          [sha, page, ENGINE, DPI, json.dumps(asdict(result), ensure_ascii=False)])
        self.conn.commit()

    def close(self) -> None:
        """Close the file."""
        self.conn.close()


_ENGINE: Any = None


def engine() -> Any:
    """The OCR engine, loaded once (about 0.2 s); a SourceError naming the extra to install when it is missing."""
    global _ENGINE
    if _ENGINE is None:
        import sys

        from reader.sources import cv2lite

        kept = sys.modules.get("cv2")
        sys.modules["cv2"] = cv2lite  # the engine's image operations, without OpenCV (see cv2lite)
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise SourceError(f"scanned pages need the OCR engine, which is not installed ({exc.name}); install it "
                              f"with: {EXTRA}", reason=Reason.OCR_MISSING) from exc
        finally:
            if kept is None:
                sys.modules.pop("cv2", None)
            else:
                sys.modules["cv2"] = kept
        _ENGINE = RapidOCR()
    return _ENGINE


def _read(image: Any) -> list[tuple[list[list[float]], str, float]]:
    # without the per-line angle classifier: an upside-down page must read badly, so the page is turned instead
    # (the classifier would read each line right but leave the lines in upside-down order)
    result, _ = engine()(image, use_cls=False)
    return list(result or [])


def _quality(found: list[tuple[list[list[float]], str, float]]) -> float:
    return sum(len(text) * score for _, text, score in found)


_GAP = re.compile(r"(?<=[0-9\u3400-\u9fff（）〔〕【】《》，。、：；])\s+(?=[0-9\u3400-\u9fff（）〔〕【】《》，。、：；])")


_DASH = re.compile(r"(?<=[12]\d{3})[一－](?=[12]\d{3})")


def clean_text(text: str) -> str:
    """OCR text without the spaces it puts between digits and Chinese characters (2 0 2 4 年 -> 2024年), and with
    the dash of a range of years it reads as 一 put back (2024一2026年 -> 2024—2026年)."""
    return _DASH.sub("—", _GAP.sub("", text.strip()))


def recognise_image(image: Any, width_pt: float, height_pt: float) -> OcrPage:
    """Recognise a grey page image; turn it when the text reads better sideways or upside down; blank: no lines."""
    import numpy as np

    if float(image.std()) < 4.0:  # an empty page: nothing to read
        return OcrPage(width_pt, height_pt, [])
    best, turns, upright = _read(image), 0, image
    if len(best) < 3 or _quality(best) < 0.85 * sum(len(t) for _, t, _s in best):
        for k in (2, 1, 3):
            turned = np.ascontiguousarray(np.rot90(image, k))
            found = _read(turned)
            if _quality(found) > _quality(best) * 1.2:
                best, turns, upright = found, k, turned
    h, w = upright.shape[:2]
    scale = 72.0 / DPI
    lines = []
    for quad, text, score in best:
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        if text.strip():
            lines.append(OcrLine(clean_text(text), (min(xs) * scale, min(ys) * scale, max(xs) * scale, max(ys) * scale),
                                 float(score)))
    return OcrPage(w * scale, h * scale, lines, turns)


def render_grey(page: Any) -> Any:
    """A PDF page as a grey image at the OCR resolution."""
    import numpy as np
    import pymupdf

    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width].copy()


class ImportCancelled(SourceError):
    """The user cancelled an import while its pages were recognised: nothing was imported."""

    default_reason = Reason.CANCELLED


class Recognizer:
    """Recognises the pages of one file that have no text layer: cache first, progress per page, cancel between."""

    def __init__(self, sha: str, cache: Path | None = None, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.sha, self.cache_path, self.progress, self.cancelled = sha, cache, progress, cancelled
        self.cache: OcrCache | None = None  # opened at the first scanned page (a digital file never creates it)
        self.pages: dict[int, float] = {}  # page -> mean confidence, for the pages recognised (or cached)
        self.recognised = 0  # pages run through the engine now (the others came from the cache)

    def page(self, page: Any, done: int, total: int) -> OcrPage:
        """A page's lines: from the cache, or recognised now (after checking for cancel)."""
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled("import cancelled while recognising scanned pages; nothing was imported")
        if self.progress is not None:
            self.progress(done, total)
        if self.cache is None and self.cache_path is not None:
            self.cache = OcrCache(self.cache_path)
        result = self.cache.get(self.sha, page.number) if self.cache else None
        if result is None:
            rect = page.rect
            result = recognise_image(render_grey(page), float(rect.width), float(rect.height))
            self.recognised += 1
            if self.cache is not None:
                self.cache.put(self.sha, page.number, result)
        if result.lines:
            self.pages[page.number] = result.confidence
        return result

    def read(self, doc: Any, scanned: list[int], whole: bool = True) -> dict[int, OcrPage]:
        """The scanned pages of a PDF recognised in order; progress counts every scanned page of the file, also
        when only its first pages are read now (not whole)."""
        total = len(scanned) if whole else sum(1 for p in doc.pages() if not p.get_text("text").strip())
        return {k: self.page(doc[k], done, max(total, len(scanned))) for done, k in enumerate(scanned)}

    def close(self) -> None:
        """Close the cache, if a page opened it."""
        if self.cache is not None:
            self.cache.close()
            self.cache = None
