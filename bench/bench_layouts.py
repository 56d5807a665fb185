"""Structure scores of gazettes reprinted in the layouts of tests/prints.py: the shared issues (when ../shared is
present) and the fictional sample, per layout: documents found, and right titles, 发文字号, issuers, dates and
first PDF pages, with the time to import each print; then the same issues as national gazettes of the 1950s
(tests/prints_national.py: Chinese numerals, issuers and dates under titles, page marks merged into a text
export), with the issues whose year, number, total and date of publication are read right.

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
from tests.prints_national import (  # noqa: E402
    ISSUE_FIELDS,
    NATIONAL_LAYOUTS,
    TEXT_FIELDS,
    print_national,
    score_national,
    score_national_text,
    write_national_text,
)


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
        national(sources, Path(tmp))


def national(sources: list[Path], tmp: Path) -> None:
    """The national-gazette rows: two PDF layouts and the text export with page marks."""
    print(f"\n| national layout | documents | {' | '.join(FIELDS)} | {' | '.join(ISSUE_FIELDS)} | import s/print |")
    print("|---|---|" + "---|" * (len(FIELDS) + len(ISSUE_FIELDS)) + "---|")
    runs = [(layout.name, FIELDS, lambda s, t, lay=layout: print_national(s, t, lay), score_national, ".pdf")
            for layout in NATIONAL_LAYOUTS]
    runs.append(("text export, page marks in lines", TEXT_FIELDS, write_national_text, score_national_text, ".txt"))
    for name, fields, make, scorer, suffix in runs:
        total = {"expected": 0, "found": 0} | {field: 0 for field in fields + ISSUE_FIELDS}
        seconds = []
        for source in sources:
            target = tmp / f"{source.stem}.national{suffix}"
            truth = make(source, target)
            started = time.perf_counter()
            for key, value in scorer(target, truth).items():
                total[key] += value
            seconds.append(time.perf_counter() - started)
        n, issues = total["expected"], len(sources)
        cells = " | ".join(f"{total[f]}/{n} ({total[f] / n:.0%})" for f in fields)
        facts = " | ".join(f"{total[f]}/{issues}" for f in ISSUE_FIELDS)
        print(f"| {name} | {total['found']}/{n} | {cells} | {facts} | {max(seconds):.2f} max |")


if __name__ == "__main__":
    main()
