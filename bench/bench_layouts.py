"""Structure scores of gazettes reprinted in the layouts of tests/prints.py: the shared issues (when ../shared is
present) and the fictional sample, per layout: documents found, and right titles, 发文字号, issuers, dates and
first PDF pages, with the time to import each print.

    .venv/bin/python bench/bench_layouts.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.sample import build_sample  # noqa: E402
from tests.prints import FIELDS, LAYOUTS, print_issue, score  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sources = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) + [build_sample(Path(tmp) / "s").text]
        print(f"{len(sources)} issues: " + ", ".join(s.stem for s in sources))
        print(f"| layout | documents | {' | '.join(FIELDS)} | import s/print |")
        print("|---|---|" + "---|" * len(FIELDS) + "---|")
        for layout in LAYOUTS:
            total = {"expected": 0, "found": 0} | {field: 0 for field in FIELDS}
            seconds = []
            for source in sources:
                pdf = Path(tmp) / f"{source.stem}.pdf"
                truth = print_issue(source, pdf, layout)
                started = time.perf_counter()
                for key, value in score(pdf, truth).items():
                    total[key] += value
                seconds.append(time.perf_counter() - started)
            n = total["expected"]
            cells = " | ".join(f"{total[f]}/{n} ({total[f] / n:.0%})" for f in FIELDS)
            print(f"| {layout.name} | {total['found']}/{n} | {cells} | {max(seconds):.2f} max |")


if __name__ == "__main__":
    main()
