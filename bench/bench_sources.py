"""Import speed of DOCX and OFD: a generated 100-page issue of each, read, parsed and imported into a fresh archive.

    .venv/bin/python bench/bench_sources.py

The DOCX is the fictional sample gazette scaled up and written by tests/docx_prints.py (page breaks and a footer
page field, and page marks merged into paragraphs); its size is given in A4 pages of 公文 type (三号, 28 characters
by 22 lines). The OFD is the same documents laid out by tests/ofd_prints.py on exactly 100 A4 pages, in both
layouts (one TextObject a line spaced by DeltaX; a TextCode per character inside composite objects).
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
from tests.docx_prints import STYLES, write_issue  # noqa: E402
from tests.ofd_prints import LAYOUTS, lay_out_document, write_ofd  # noqa: E402

PAGE_CHARS = 28 * 22


def measure(path: Path, runs: int = 3) -> tuple[float, float, float, float, int]:
    """Median seconds to read, to read + parse, and to import into a fresh archive (wall clock, and the CPU time
    of this process: the machine may be shared); documents found."""
    reads, parses, imports, cpu = [], [], [], []
    docs = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        source = read_source(path)
        t1 = time.perf_counter()
        docs = len(parse(source).documents)
        t2 = time.perf_counter()
        with tempfile.TemporaryDirectory() as home, Archive(Path(home)) as archive:
            t3, c3 = time.perf_counter(), time.process_time()
            result = archive.import_file(path)
            t4, c4 = time.perf_counter(), time.process_time()
            assert result.ok, result.message
        reads.append(t1 - t0)
        parses.append(t2 - t0)
        imports.append(t4 - t3)
        cpu.append(c4 - c3)
    return (statistics.median(reads), statistics.median(parses), statistics.median(imports), statistics.median(cpu),
            docs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sample = build_sample(tmp / "sample", scale=58, stem="sample-big")
        issue = parse(read_source(sample.text))
        chars = sum(len(d.text) for d in issue.documents)
        print(f"{'file':58} {'pages':>6} {'docs':>5} {'read s':>7} {'+parse s':>9} {'import s':>9} {'cpu s':>6}")
        for style in STYLES:
            path = tmp / f"issue-{style.marks}.docx"
            write_issue(sample.text, path, style)
            read, parsed, imported, cpu, docs = measure(path)
            print(f"{'DOCX, ' + style.name:58} {chars / PAGE_CHARS:6.0f} {docs:5d} {read:7.2f} {parsed:9.2f} "
                  f"{imported:9.2f} {cpu:6.2f}")
        for layout in LAYOUTS:
            pages = []
            while len(pages) < 100:
                for doc in issue.documents:
                    pages.extend(lay_out_document(doc, layout))
            path = tmp / f"issue-{layout}.ofd"
            write_ofd(path, pages[:100], layout)
            read, parsed, imported, cpu, docs = measure(path)
            print(f"{'OFD, ' + layout:58} {100:6d} {docs:5d} {read:7.2f} {parsed:9.2f} {imported:9.2f} {cpu:6.2f}")


if __name__ == "__main__":
    main()
