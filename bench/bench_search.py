"""Search at archive scale, side by side with the plain Whoosh recipe on the same documents in the same run.

    .venv/bin/python bench/make_archive.py            # once: 1,000 issues into bench/out/archive
    .venv/bin/python bench/bench_search.py [--archive bench/out/archive] [--rounds 3] [--no-rebuild] [--no-plain]

Prints, for Gazette Reader and for the plain recipe (Whoosh, an rjieba tokenizer, a writer with procs=2 and
multisegment, Whoosh's query parser and highlighter, title and body stored): indexing time and MB/s, query
latency p50/p95/max without and with 20 snippets over the query set of bench/queries.py (words, long strings,
quoted phrases, 发文字号 in other brackets, filters, queries with thousands of hits) × rounds, the slowest
queries, a fresh process's time to its first result, what each takes on disk, and the ratios. It also counts
the queries on which the two disagree on the number of documents found, against an exact substring count."""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plain_recipe import plain_build, plain_runner  # noqa: E402
from queries import QUERIES  # noqa: E402

from reader.archive import Archive  # noqa: E402

Timing = tuple[float, str, str]


def pct(values: list[float], p: float) -> float:
    """The p-th percentile of values."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(times: list[Timing]) -> tuple[float, float, float]:
    """p50, p95 and max of the timings (ms)."""
    ms = [t for t, _, _ in times]
    return statistics.median(ms), pct(ms, 95), max(ms)


def folder_mb(path: Path) -> float:
    """Megabytes of the files under a folder."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


# ---- timing --------------------------------------------------------------------------------------
def time_queries(run: Callable[[str, bool], Any], pick: int, snippets: bool, rounds: int) -> list[Timing]:
    """(ms, kind, query) for every query of the set, rounds times."""
    out: list[Timing] = []
    for _ in range(rounds):
        for entry in QUERIES:
            started = time.perf_counter()
            run(entry[pick], snippets)
            out.append(((time.perf_counter() - started) * 1000, entry[0], entry[pick]))
    return out


def fresh_process(home: Path, query: str) -> float:
    """Milliseconds from starting a Python process to its first search result printed (median of 5)."""
    script = ("import sys; sys.path.insert(0, sys.argv[2]); from reader.archive import Archive; "
              "r = Archive(sys.argv[1]).search(sys.argv[3], limit=20); print(r.hits[0].title if r.hits else '')")
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, str(home), str(ROOT), query], check=True, capture_output=True)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def _as_matched(text: str) -> str:
    """Text as search reads it: NFKC, lower case, one white-space character between Han characters dropped."""
    from reader.search.analyzer import normalize

    return re.sub(r"(?<=[\u3400-\u9fff])[ \t\r\n\u3000](?=[\u3400-\u9fff])", "", normalize(text))


def exact_counts(db: Path) -> dict[str, int]:
    """For the plain strings of the query set: how many documents hold each as typed (title, 目录 title or body,
    as search reads them), by substring."""
    conn = sqlite3.connect(str(db))
    tocs = dict(conn.execute("SELECT document_id, title FROM toc WHERE document_id IS NOT NULL").fetchall())
    texts = [_as_matched(f"{t}\n{tocs.get(i, '')}\n{x}") for i, t, x in conn.execute("SELECT id, title, text FROM documents")]
    conn.close()
    counts = {}
    for kind, query, _ in QUERIES:
        if kind in ("word", "long", "common", "phrase"):
            needle = _as_matched(query.strip('"'))
            counts[query] = sum(needle in t for t in texts)
    return counts


def table_sizes(db: Path) -> list[tuple[str, float]]:
    """(table or index, MB) in archive.db, largest first."""
    conn = sqlite3.connect(str(db))
    rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    conn.close()
    return [(name, size / 1e6) for name, size in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=str(ROOT / "bench" / "out" / "archive"))
    parser.add_argument("--no-rebuild", action="store_true", help="time queries on the indexes as they are")
    parser.add_argument("--no-plain", action="store_true", help="leave out the plain recipe")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    home = Path(args.archive)
    db = home / "archive.db"
    plain_dir = home.parent / "plain-whoosh"
    with Archive(home) as archive:
        docs = archive.db["documents"].count
        mb = archive.db.execute("SELECT SUM(LENGTH(CAST(text AS BLOB))) FROM documents").fetchone()[0] / 1e6
        print(f"archive: {len(archive.issues())} issues, {docs} documents, {mb:.1f} MB of text; "
              f"{len(QUERIES)} queries x {args.rounds} rounds, top 20")
        ours_index = plain_index = None
        if not args.no_rebuild:
            started = time.perf_counter()
            archive.reindex()
            ours_index = time.perf_counter() - started
            if not args.no_plain:
                plain_index = plain_build(db, plain_dir)
        archive.search("预热")  # a running app has loaded its caches
        ours = {s: time_queries(lambda q, s: archive.search(q, limit=20, snippets=s), 1, s, args.rounds)
                for s in (False, True)}
        totals = {q: archive.search(q, limit=1, snippets=False).total for _, q, _ in QUERIES}
    plain = None
    if not args.no_plain and plain_dir.exists():
        run = plain_runner(plain_dir)
        run("预热", False)
        plain = {s: time_queries(run, 2, s, args.rounds) for s in (False, True)}

    print("\n| figure | Gazette Reader | plain Whoosh + rjieba | ratio |")
    print("|---|---|---|---|")
    if ours_index is not None:
        line = f"| indexing | {ours_index:.1f} s, {mb / ours_index:.2f} MB/s |"
        line += f" {plain_index:.1f} s, {mb / plain_index:.2f} MB/s | {plain_index / ours_index:.2f}× faster |" \
            if plain_index else " | |"
        print(line)
    for s in (False, True):
        p50, p95, top = summary(ours[s])
        label = "query with 20 snippets" if s else "query, no snippets"
        if plain:
            q50, q95, qtop = summary(plain[s])
            print(f"| {label} | p50 {p50:.1f}, p95 {p95:.1f}, max {top:.1f} ms | p50 {q50:.1f}, p95 {q95:.1f}, "
                  f"max {qtop:.1f} ms | p95 {q95 / p95:.2f}×, max {qtop / top:.2f}× |")
        else:
            print(f"| {label} | p50 {p50:.1f}, p95 {p95:.1f}, max {top:.1f} ms | | |")
    fresh = fresh_process(home, "垃圾分类")
    print(f"| fresh process to first result | {fresh:.0f} ms | | |")
    index_mb = folder_mb(home / "whoosh")
    text_mb = folder_mb(home / "whoosh" / "text")
    db_mb = db.stat().st_size / 1e6
    print(f"| index on disk | {index_mb:.0f} MB ({index_mb / mb:.2f}× the text; text index {text_mb:.0f} MB, "
          f"Whoosh {index_mb - text_mb:.0f} MB) | {folder_mb(plain_dir):.0f} MB |" if plain_dir.exists() else " |")
    print(f"| archive.db | {db_mb:.0f} MB ({db_mb / mb:.2f}× the text) | | |")

    print("\nslowest queries (ours, with snippets):")
    for ms, kind, query in sorted(ours[True], reverse=True)[:8]:
        print(f"  {ms:6.1f} ms  {kind:7s} {query}")
    if plain:
        print("slowest queries (plain, with snippets):")
        for ms, kind, query in sorted(plain[True], reverse=True)[:5]:
            print(f"  {ms:6.1f} ms  {kind:7s} {query}")
    by_kind: dict[str, list[float]] = {}
    for ms, kind, _ in ours[False]:
        by_kind.setdefault(kind, []).append(ms)
    print("ours by kind (no snippets): " + ", ".join(f"{k} p95 {pct(v, 95):.1f} ms" for k, v in by_kind.items()))

    exact = exact_counts(db)
    wrong = [q for q, n in exact.items() if totals[q] != n]
    print(f"\nexact substring totals: ours differ on {len(wrong)} of {len(exact)} strings {wrong[:5]}")
    if plain:
        from whoosh import index
        from whoosh.qparser import MultifieldParser

        ix = index.open_dir(str(plain_dir))
        with ix.searcher() as searcher:
            qp = MultifieldParser(["title", "body"], ix.schema)
            plain_totals = {q: len(searcher.search(qp.parse(p), limit=None)) for k, q, p in QUERIES if q in exact}
        missed = [q for q, n in exact.items() if plain_totals[q] != n]
        print(f"exact substring totals: plain differs on {len(missed)} of {len(exact)} strings "
              + ", ".join(f"{q} {plain_totals[q]} (exact {exact[q]})" for q in missed[:6]))
    print("\narchive.db by table and index (MB):", ", ".join(f"{n} {s:.1f}" for n, s in table_sizes(db)[:8]))


if __name__ == "__main__":
    main()
