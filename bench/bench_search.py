"""Search figures on a large archive: indexing MB/s, index size, index open time, query latency p50/p95.

    .venv/bin/python bench/make_archive.py            # once: 1,000 issues into bench/out/archive
    .venv/bin/python bench/bench_search.py [--archive bench/out/archive] [--no-rebuild]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.archive import Archive  # noqa: E402

QUERIES = [
    "垃圾分类", "农村公路", "营商环境", "乡村振兴 年份:2010-2020", "标题:实施方案", "青政办发[2021]28号",
    "卫政办发〔2023〕29号", "安全生产 -消防", "\"生活垃圾分类\"", "机关:人民政府办公室 土地", "达峰",
    "湿地保护 OR 森林防火", "知识产权", "政务公开 工作要点", "中医药", "教育 质量", "房地产", "公共资源交易",
    "栏目:人事任免", "稳就业",
]


def pct(values: list[float], p: float) -> float:
    """The p-th percentile of values."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=str(ROOT / "bench" / "out" / "archive"))
    parser.add_argument("--no-rebuild", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    home = Path(args.archive)
    with Archive(home) as archive:
        docs = archive.db["documents"].count
        mb = archive.db.execute("SELECT SUM(LENGTH(CAST(text AS BLOB))) FROM documents").fetchone()[0] / 1e6
        print(f"archive: {len(archive.issues())} issues, {docs} documents, {mb:.1f} MB of text")
        if not args.no_rebuild:
            t0 = time.perf_counter()
            archive.reindex()
            dt = time.perf_counter() - t0
            print(f"indexing: {dt:.1f} s, {mb / dt:.2f} MB/s")
    size = sum(f.stat().st_size for f in (home / "whoosh").rglob("*") if f.is_file()) / 1e6
    print(f"index size: {size:.1f} MB")
    opener = (
        "import sys,time; sys.path.insert(0, sys.argv[2]); t=time.perf_counter(); "
        "from reader.archive import Archive; t1=time.perf_counter(); a=Archive(sys.argv[1]); a.ensure_index(); "
        "s=a.index.searcher(); t2=time.perf_counter(); print(f'{t2-t:.3f} {t2-t1:.3f}')"
    )
    runs = [subprocess.run([sys.executable, "-c", opener, str(home), str(ROOT)], capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(5)]
    total = statistics.median(float(r[0]) for r in runs) * 1000
    index_only = statistics.median(float(r[1]) for r in runs) * 1000
    print(f"index open: {index_only:.0f} ms (archive + check + Whoosh searcher), {total:.0f} ms with the "
          "Python imports of a fresh process")
    with Archive(home) as archive:
        archive.search("预热")  # load the dictionary and caches once, as a running app has
        for snippets in (False, True):
            times = []
            for _ in range(args.rounds):
                for q in QUERIES:
                    t0 = time.perf_counter()
                    archive.search(q, limit=20, snippets=snippets)
                    times.append((time.perf_counter() - t0) * 1000)
            label = "with snippets" if snippets else "no snippets  "
            print(f"query {label} (top 20, {len(QUERIES)} queries x {args.rounds}): "
                  f"median {statistics.median(times):.1f} ms, p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
