"""The sample printed in two columns, justified and ragged, with narrow and wide gutters: every document found
with its title and 发文字号, and a page of ragged columns read column by column, not line across line."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from reader.gazette.docnumber import canonical
from reader.gazette.parser import parse
from reader.sources import read_source
from tests.conftest import compact
from tests.layouts import print_two_columns

LAYOUTS = [(False, 14), (False, 36), (True, 14), (True, 36)]


@pytest.mark.parametrize("ragged,gutter", LAYOUTS)
def test_two_column_prints_keep_every_title_and_number(sample, tmp_path, ragged, gutter):
    pdf = print_two_columns(sample.text, tmp_path / "two.pdf", gutter=gutter, ragged=ragged)
    docs = parse(read_source(pdf)).documents
    truth = sample.truth["documents"]
    assert [compact(d.title) for d in docs] == [compact(t["title"]) for t in truth]
    assert [d.doc_number_canonical for d in docs] == [canonical(t["doc_number"]) for t in truth]


@pytest.mark.parametrize("gutter", [14, 36])
def test_ragged_columns_are_read_one_after_the_other(sample, tmp_path, gutter):
    """Left-aligned columns with uneven right edges: the gutter, not justified edges, tells the columns apart
    (read as one column, the lines of the two interleave: similarity 0.39 before)."""
    reference = {compact(d.title): compact(d.text) for d in parse(read_source(sample.text)).documents}
    pdf = print_two_columns(sample.text, tmp_path / "ragged.pdf", gutter=gutter, ragged=True)
    first = parse(read_source(pdf)).documents[0]
    similarity = SequenceMatcher(None, compact(first.text), reference[compact(first.title)], autojunk=False).ratio()
    assert similarity >= 0.95
