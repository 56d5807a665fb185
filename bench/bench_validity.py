"""Validity and citations at archive scale: opening a document with its status and citations, the status filter
beside another filter, and import speed with and without deriving validity, side by side in one run.

    .venv/bin/python bench/make_archive.py            # the 1,000-issue archive in bench/out/archive
    .venv/bin/python bench/bench_validity.py [--archive bench/out/archive] [--docs 300]

Prints p50/p95/max in milliseconds. Opening is what the window does when a document is shown: the record,
its status, its cited numbers with their targets, and (Citations panel) the documents citing it with titles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.archive import Archive  # noqa: E402
from reader.validity import Validity  # noqa: E402


def figures(times: list[float]) -> str:
    """p50, p95 and max of a list of seconds, in ms."""
    ms = sorted(t * 1000 for t in times)
    return (f"p50 {statistics.median(ms):7.1f}  p95 {ms[int(0.95 * (len(ms) - 1))]:7.1f}  max {ms[-1]:7.1f} ms"
            f"  (n={len(ms)})")


def open_document(archive: Archive, doc_id: str) -> None:
    """What the window does to show a document with its status, links and Citations panel."""
    archive.document(doc_id)
    archive.status(doc_id)
    cites = archive.cites(doc_id)
    archive.briefs([c.document_id for c in cites if c.document_id])
    archive.briefs(archive.cited_by(doc_id))
    archive.states()


def bench_open(archive: Archive, count: int) -> None:
    ids = [r[0] for r in archive.db.execute("SELECT id FROM documents").fetchall()]
    deciders = [r[0] for r in archive.db.execute(
        "SELECT DISTINCT document_id FROM citations WHERE action IS NOT NULL").fetchall()]
    cited = [r[0] for r in archive.db.execute(
        "SELECT d.id FROM documents d JOIN citations c ON c.target_number = d.doc_number_canonical "
        "GROUP BY d.id ORDER BY COUNT(*) DESC LIMIT 50").fetchall()]
    rng = random.Random(7)
    sample = rng.sample(ids, min(count, len(ids))) + deciders[:50] + cited
    t0 = time.perf_counter()
    archive.states()
    first = time.perf_counter() - t0
    times = []
    for doc_id in sample:
        t = time.perf_counter()
        open_document(archive, doc_id)
        times.append(time.perf_counter() - t)
    states = archive.states()
    counts: dict[str, int] = {}
    for s in states.values():
        counts[s.zh] = counts.get(s.zh, 0) + 1
    print(f"documents {len(ids)}  with a deciding document {len(deciders)}  states: {counts}")
    print(f"every document's state, first time after a change: {first * 1000:.0f} ms")
    print(f"open a document with status and citations (random {count}, 50 decisions, 50 most cited): "
          f"{figures(times)}")


QUERIES = ["人民政府", "实施方案", "垃圾分类", "关于印发", "工作规则", "征收", "应急预案", "营商环境"]


def bench_filters(archive: Archive, rounds: int) -> None:
    archive.ensure_index()
    archive.search("预热")
    for label, suffix, options in (("no filter", "", {}), ("年份:2010-2015", " 年份:2010-2015", {}),
                                   ("状态:有效", " 状态:有效", {}), ("状态:废止", " 状态:废止", {}),
                                   ("in force only", "", {"in_force_only": True})):
        times, totals = [], []
        for _ in range(rounds):
            for q in QUERIES:
                t = time.perf_counter()
                result = archive.search(q + suffix, snippets=False, **options)
                times.append(time.perf_counter() - t)
                totals.append(result.total)
        print(f"search {label:16s} {figures(times)}  hits per query {sum(totals) // len(totals)}")


def bench_import(rounds: int) -> None:
    shared = ROOT.parent / "shared"
    files = sorted((shared / "pdfs").glob("*.pdf")) + sorted((shared / "seeds").glob("*.txt"))
    if not files:
        print("import: ../shared not present, skipped")
        return
    real_add = Validity.add
    for label, patch in (("without validity", True), ("with validity", False)):
        times = []
        for _ in range(rounds):
            if patch:
                Validity.add = lambda self, docs: None  # type: ignore[method-assign]
            for f in files:  # each into a fresh archive: a PDF and the text export of one issue would collide
                with tempfile.TemporaryDirectory() as tmp, Archive(tmp) as archive:
                    t = time.perf_counter()
                    assert archive.import_file(f).ok
                    times.append(time.perf_counter() - t)
            Validity.add = real_add  # type: ignore[method-assign]
        print(f"import {label:17s} {figures(times)}  total {sum(times) / rounds:.2f} s per round of {len(files)} files")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=str(ROOT / "bench" / "out" / "archive"))
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bench_import(args.rounds)
    if not (Path(args.archive) / "archive.db").exists():
        print(f"{args.archive}: no archive; make one with bench/make_archive.py")
        return
    with Archive(args.archive) as archive:
        bench_open(archive, args.docs)
        bench_filters(archive, args.rounds)


if __name__ == "__main__":
    main()
