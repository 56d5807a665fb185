"""Searching while another process imports: how long a search waits, whether the index is ever rebuilt, and
whether the totals then equal a fresh process's.

    .venv/bin/python bench/bench_concurrent.py [--archive bench/out/archive] [--imports 6]

The archive is the one bench/make_archive.py writes (its index is built first if needed). Another process
(`gazette-reader import`) imports N new issues while this one runs the realistic query set in a loop; the new
issues are deleted again at the end, so the archive can be reused.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_archive import base_texts, vary  # noqa: E402
from queries import QUERIES  # noqa: E402

from reader.archive import Archive  # noqa: E402


def fresh_totals(home: Path, queries: list[str]) -> dict[str, int]:
    """Totals as a new process finds them."""
    out = {}
    for q in queries:
        done = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(home), "search", q, "--json",
                               "--limit", "1"], capture_output=True, text=True, check=True, cwd=ROOT)
        out[q] = json.loads(done.stdout)["total"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=str(ROOT / "bench" / "out" / "archive"))
    parser.add_argument("--imports", type=int, default=6)
    args = parser.parse_args()
    home = Path(args.archive)
    queries = [q for _, q, _ in QUERIES]
    with Archive(home) as archive:
        started = time.perf_counter()
        rebuilt = archive.ensure_index()
        print(f"archive: {len(archive.issues())} issues, {archive.db['documents'].count} documents"
              + (f" (index built in {time.perf_counter() - started:.1f} s)" if rebuilt else ""))
        before = {i.id for i in archive.issues()}
        with tempfile.TemporaryDirectory() as tmp:
            texts = base_texts(Path(tmp))
            files = []
            for k in range(args.imports):
                path = Path(tmp) / f"new-{k}.txt"
                text = re.sub(r"20\d\d年第\d+期", f"1990年第{k + 1}期", vary(texts[k % len(texts)], k))  # new issues
                path.write_text(text, encoding="utf-8")
                files.append(path)
            inode = archive.index.folder.stat().st_ino
            for q in queries:
                archive.search(q)  # warm
            waits: list[float] = []
            proc = subprocess.Popen([sys.executable, "-m", "reader", "--data-dir", str(home), "import", *map(str, files)],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
            k = 0
            import_started = time.perf_counter()
            while proc.poll() is None:
                t = time.perf_counter()
                archive.search(queries[k % len(queries)])
                waits.append(time.perf_counter() - t)
                k += 1
            import_time = time.perf_counter() - import_started
            output = proc.communicate()[0]
            if proc.returncode != 0:
                raise SystemExit(output)
            ours = {q: archive.search(q).total for q in queries}
            swapped = archive.index.folder.stat().st_ino != inode
        fresh = fresh_totals(home, queries)
        added = [i for i in archive.issues() if i.id not in before]
        for info in added:
            archive.delete_issue(info.id)
    ms = sorted(w * 1000 for w in waits)
    print(f"import of {args.imports} issues by another process: {import_time:.1f} s")
    print(f"searches meanwhile: {len(ms)}; wait p50 {statistics.median(ms):.1f} ms, "
          f"p95 {ms[int(len(ms) * 0.95) - 1 if len(ms) > 1 else 0]:.1f} ms, max {ms[-1]:.1f} ms")
    print(f"index rebuilt meanwhile: {'yes' if swapped else 'no'}")
    differ = [q for q in queries if ours[q] != fresh[q]]
    print(f"totals after the import equal a fresh process's: {len(queries) - len(differ)} of {len(queries)}"
          + (f" (differ: {', '.join(differ)})" if differ else ""))


if __name__ == "__main__":
    main()
