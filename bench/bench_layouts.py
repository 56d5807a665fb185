"""Structure scores of the sample printed in two-column layouts (tests/layouts.py): documents, titles, 发文字号 and
how close each document's text is to the text export's, per layout.

    .venv/bin/python bench/bench_layouts.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.gazette.docnumber import canonical  # noqa: E402
from reader.gazette.parser import parse  # noqa: E402
from reader.sample import build_sample  # noqa: E402
from reader.sources import read_source  # noqa: E402
from tests.conftest import compact  # noqa: E402
from tests.layouts import print_two_columns  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = build_sample(Path(tmp) / "sample")
        truth = sample.truth["documents"]
        reference = {compact(d.title): compact(d.text) for d in parse(read_source(sample.text)).documents}
        for ragged in (False, True):
            for gutter in (14, 36):
                pdf = print_two_columns(sample.text, Path(tmp) / f"{ragged}-{gutter}.pdf", gutter=gutter, ragged=ragged)
                docs = parse(read_source(pdf)).documents
                titles = sum(1 for t in truth if any(compact(d.title) == compact(t["title"]) for d in docs))
                numbers = sum(1 for t in truth if t["doc_number"] and
                              any(d.doc_number_canonical == canonical(t["doc_number"]) for d in docs))
                texts = [SequenceMatcher(None, compact(d.text), reference.get(compact(d.title), ""),
                                         autojunk=False).ratio() for d in docs]
                print(f"{'ragged' if ragged else 'justified':9s} gutter {gutter:2d} pt: documents {len(docs)}/{len(truth)}"
                      f"  titles {titles}/{len(truth)}  发文字号 {numbers}/{sum(1 for t in truth if t['doc_number'])}"
                      f"  body text similarity median {statistics.median(texts):.3f}, min {min(texts):.3f}")


if __name__ == "__main__":
    main()
