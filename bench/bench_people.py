"""The personnel index: what deriving the decisions costs per issue at import, and how fast the People panel answers
as a name or a post is typed, at archive scale.

    .venv/bin/python bench/make_archive.py                       # the 1,000-issue archive in bench/out/archive
    .venv/bin/python bench/bench_people.py [--archive bench/out/archive] [--rounds 20]

Deriving: each shared gazette (../shared/pdfs), the sample and the fictional gazettes of tests/people_prints.py are
parsed once; the decisions of all their documents are then derived `rounds` times; ms per issue (CPU and wall).
Typing: every prefix of a few names and posts is answered as the panel does (names first, else posts, 500 at
most), then shown in the panel's timeline (Qt offscreen); p50 / p95 / max in ms over all keystrokes.
Also prints precision and recall on the shared truth and on the fictional gazettes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.archive import Archive  # noqa: E402
from reader.gazette.parser import parse  # noqa: E402
from reader.gazette.people import decisions  # noqa: E402
from reader.sample import build_sample  # noqa: E402
from reader.sources import read_source  # noqa: E402

SHARED = ROOT.parent / "shared"
TYPED = ["王慧琴", "常崇生", "李四海", "欧阳晓东", "市自然资源局", "副局长", "交通运输局副局长", "无此人"]


def ms(times: list[float]) -> str:
    """p50 / p95 / max of seconds, in ms."""
    v = sorted(t * 1000 for t in times)
    return f"p50 {statistics.median(v):.2f}  p95 {v[min(len(v) - 1, int(len(v) * 0.95))]:.2f}  max {v[-1]:.2f} ms"


def derive_costs(sources: list[Path], rounds: int) -> None:
    """Print the cost of deriving the decisions of each issue."""
    print("deriving decisions at import (ms per issue: CPU time, then wall time, which a loaded machine inflates)")
    for path in sources:
        docs = parse(read_source(path)).documents
        cpu, wall = [], []
        for _ in range(rounds):
            started, started_cpu = time.perf_counter(), time.process_time()
            found = sum(len(decisions(d.text, d.title)) for d in docs)
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
        print(f"  {path.name:<26} {len(docs):3d} documents {found:3d} decisions  cpu median "
              f"{statistics.median(cpu) * 1000:.2f} max {max(cpu) * 1000:.2f}  wall median "
              f"{statistics.median(wall) * 1000:.2f} ms")


def scores(tmp: Path) -> None:
    """Precision and recall on the shared truth and on the fictional gazettes."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import compact, load_json
    from tests.people_prints import ISSUES, build_home, truth

    if (SHARED / "truth" / "people").is_dir():
        expected: Counter = Counter()
        for f in sorted((SHARED / "truth" / "people").glob("*.json")):
            expected.update((compact(r["doc_number"]), r["person"], r["action"], compact(r["post"]))
                            for r in load_json(f)["decisions"])
        with Archive(tmp / "shared") as archive:
            for pdf in sorted((SHARED / "pdfs").glob("*.pdf")):
                archive.import_file(pdf)
            found = Counter((compact(r.doc_number), r.person, r.action, compact(r.post))
                            for r in archive.people_records())
        report("shared truth", found, expected)
    home = build_home(tmp / "printed")
    expected = Counter((compact(t), p, a, compact(post)) for *_, docs in ISSUES for t, p, a, post in truth(docs))
    with Archive(home) as archive:
        found = Counter((compact(r.title), r.person, r.action, compact(r.post)) for r in archive.people_records())
    report("fictional prints", found, expected)


def report(what: str, found: Counter, expected: Counter) -> None:
    """One line of precision and recall."""
    right = sum((found & expected).values())
    print(f"{what}: {sum(expected.values())} expected, {sum(found.values())} found, {right} right: "
          f"precision {right / max(1, sum(found.values())):.3f}, recall {right / max(1, sum(expected.values())):.3f}")


def typing(archive_dir: Path) -> None:
    """Answer every prefix of the typed texts as the panel does; time the core lookup and the panel's fill."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.people_panel import LIMIT, PeoplePanel

    app = QApplication.instance() or QApplication([])
    panel = PeoplePanel()
    with Archive(archive_dir) as archive:
        issues = archive.db["issues"].count
        records = archive.db["people"].count
        archive.people_lookup("预热", LIMIT)  # the distinct names and posts, read once per archive change
        lookups, fills, cpu = [], [], []
        for text in TYPED:
            for k in range(1, len(text) + 1):
                typed = text[:k]
                started, started_cpu = time.perf_counter(), time.process_time()
                found, by_post = archive.people_lookup(typed, LIMIT)
                middle = time.perf_counter()
                panel.show_records(typed, found, by_post)
                app.processEvents()
                lookups.append(middle - started)
                fills.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
    print(f"People panel at {issues} issues, {records} decisions: {len(lookups)} keystrokes")
    print(f"  lookup        {ms(lookups)}")
    print(f"  lookup + fill {ms(fills)}")
    print(f"  lookup + fill, CPU time {ms(cpu)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=str(ROOT / "bench" / "out" / "archive"))
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = sorted((SHARED / "pdfs").glob("*.pdf")) + [build_sample(folder / "sample").pdf]
        from tests.people_prints import write

        sources += [pdf for pdf, _ in write(folder / "prints")]
        derive_costs(sources, args.rounds)
        scores(folder)
    if Path(args.archive, "archive.db").is_file():
        typing(Path(args.archive))
    else:
        print(f"no archive at {args.archive}: build one with bench/make_archive.py to time the People panel")


if __name__ == "__main__":
    main()
