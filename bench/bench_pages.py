"""The original pages as a reader view: turning to an unrendered page and drawing many highlights, in ms.

    .venv/bin/python bench/bench_pages.py [PDF ...]   (default: the shared gazettes, else the sample)

Prints, per PDF: turning a page (scrolling to one not yet rendered) at 150 % zoom, p50/p95/max; a repaint of a
page with no marks and with 200 highlights on it; finding a passage's boxes on a page (what placing a highlight
costs)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.archive import Archive, make_sample  # noqa: E402


def figures(ms: list[float]) -> str:
    """p50, p95 and max."""
    ms = sorted(ms)
    return f"p50 {statistics.median(ms):6.1f}  p95 {ms[int(0.95 * (len(ms) - 1))]:6.1f}  max {ms[-1]:6.1f} ms"


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import ensure_app
    from reader.ui.page_view import PageView
    from reader.ui.pages_canvas import Mark

    ensure_app("zh_CN")
    pdfs = [Path(p) for p in sys.argv[1:]] or sorted((ROOT.parent / "shared" / "pdfs").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        if not pdfs:
            pdfs = [make_sample(Path(tmp) / "sample")]
        for pdf in pdfs:
            with Archive(Path(tmp) / pdf.stem) as archive:
                issue = archive.import_file(pdf).issue_id
                view = PageView()
                view.resize(1100, 900)
                view.show()
                view.open_pages(archive.open_pages(issue), issue)
                view.set_zoom(1.5)
                QApplication.processEvents()
                turns = []
                for page in range(1, view.source.count):  # type: ignore[union-attr]
                    t = time.perf_counter()
                    view.go_to(page)
                    view.canvas.repaint()
                    turns.append((time.perf_counter() - t) * 1000)
                page = view.source.count // 2  # type: ignore[union-attr]
                view.go_to(page)
                view.canvas.repaint()
                plain = []
                for _ in range(20):
                    t = time.perf_counter()
                    view.canvas.repaint()
                    plain.append((time.perf_counter() - t) * 1000)
                chars = view.source.chars(page)  # type: ignore[union-attr]
                t = time.perf_counter()
                boxes = [view.source.find(page, "".join(c.text for c in chars[k:k + 6])) for k in range(0, 600, 30)]  # type: ignore[union-attr]
                find_ms = (time.perf_counter() - t) * 1000 / max(1, len(boxes))
                from PySide6.QtGui import QColor

                marks = [(None, Mark(page, [c.rect for c in chars[k:k + 5]], QColor(255, 245, 157, 140), "批注"))
                         for k in range(0, min(len(chars), 1000), 5)][:200]
                view.notes = marks  # type: ignore[assignment]
                marked = []
                for _ in range(20):
                    t = time.perf_counter()
                    view.canvas.repaint()
                    marked.append((time.perf_counter() - t) * 1000)
                print(f"{pdf.name}: {view.source.count} pages")  # type: ignore[union-attr]
                print(f"  turn to an unrendered page at 150%: {figures(turns)}")
                print(f"  repaint a page: no marks {figures(plain)};  {len(marks)} highlights {figures(marked)}")
                print(f"  find a passage's boxes on a page: {find_ms:.2f} ms")
                view.close_pdf()


if __name__ == "__main__":
    main()
