"""OCR of scanned gazette pages: seconds per page, pages per minute, and how close the recognised text is to the
text layer of the page it was rendered from (NFKC, white space removed).

    .venv/bin/python bench/bench_ocr.py [--pages 8] [--dpi 200] [PDF ...]   (default: the shared gazettes)

Pages are rendered grey at the OCR resolution with light noise, as tests/scans.py makes scans; every k-th page
of each PDF is taken so covers, 目录, body text and tables all count."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402

from reader.sources.ocr import engine, recognise_image, render_grey  # noqa: E402
from reader.textfold import compact  # noqa: E402
from tests.scans import _noisy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=8, help="pages per PDF")
    args = parser.parse_args()
    pdfs = args.pdfs or sorted((ROOT.parent / "shared" / "pdfs").glob("*.pdf"))
    t = time.perf_counter()
    engine()
    print(f"engine loaded in {time.perf_counter() - t:.2f} s")
    times, scores = [], []
    for pdf in pdfs:
        with pymupdf.open(pdf) as doc:
            step = max(1, doc.page_count // args.pages)
            for k in range(0, doc.page_count, step)[: args.pages]:
                page = doc[k]
                truth = compact(page.get_text())
                image = _noisy(render_grey(page), k)
                t = time.perf_counter()
                result = recognise_image(image, page.rect.width, page.rect.height)
                seconds = time.perf_counter() - t
                got = compact("".join(line.text for line in result.lines))
                similarity = SequenceMatcher(None, got, truth, autojunk=False).ratio() if truth else 1.0
                times.append(seconds)
                if truth:
                    scores.append(similarity)
                print(f"{pdf.name} page {k + 1:3d}: {seconds:5.2f} s  {len(truth):5d} chars  similarity {similarity:.3f}")
    ordered = sorted(times)
    print(f"per page: median {statistics.median(times):.2f} s, p90 {ordered[int(0.9 * (len(ordered) - 1))]:.2f} s, "
          f"max {ordered[-1]:.2f} s; {60 / statistics.mean(times):.1f} pages per minute")
    print(f"similarity to the text layer: median {statistics.median(scores):.3f}, min {min(scores):.3f} "
          f"({len(scores)} pages with text)")


if __name__ == "__main__":
    main()
