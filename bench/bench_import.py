"""Import speed: parse and store gazette PDFs and text exports into a fresh archive; prints seconds per file.

    .venv/bin/python bench/bench_import.py [FILES...]

With no files it uses ../shared/pdfs and ../shared/seeds when present, and a 60-page sample PDF it generates.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.archive import Archive  # noqa: E402
from reader.gazette.parser import parse  # noqa: E402
from reader.sample import build_sample  # noqa: E402
from reader.sources import read_source  # noqa: E402


def files_to_measure(tmp: Path) -> list[Path]:
    """The shared gazettes when present, and a generated sample of about 60 pages."""
    shared = ROOT.parent / "shared"
    found = sorted((shared / "pdfs").glob("*.pdf")) + sorted((shared / "seeds").glob("*.txt"))
    big = build_sample(tmp / "sample", scale=45, stem="sample-60p")
    return found + [big.pdf, big.text]


def measure(path: Path, runs: int = 3) -> tuple[float, float, int, int]:
    """Median seconds to parse, and to parse + store in a fresh archive; pages; documents."""
    parse_times, import_times = [], []
    docs = pages = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        source = read_source(path)
        issue = parse(source)
        parse_times.append(time.perf_counter() - t0)
        docs, pages = len(issue.documents), source.pages or 0
        with tempfile.TemporaryDirectory() as home, Archive(home) as archive:
            t0 = time.perf_counter()
            result = archive.import_file(path)
            import_times.append(time.perf_counter() - t0)
            assert result.ok, result.message
    return statistics.median(parse_times), statistics.median(import_times), pages, docs


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = [Path(a) for a in sys.argv[1:]] or files_to_measure(Path(tmp))
        print(f"{'file':48} {'pages':>5} {'docs':>4} {'parse s':>8} {'import s':>8}")
        for path in files:
            p, i, pages, docs = measure(path)
            print(f"{path.name[:48]:48} {pages:5d} {docs:4d} {p:8.3f} {i:8.3f}")


if __name__ == "__main__":
    main()
