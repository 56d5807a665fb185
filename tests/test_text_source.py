import codecs
from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.gazette.parser import parse
from reader.sources import read_source

TEXT = "禾川市人民政府公报\n2024年第2期\n目 录\n"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
                                          ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes):
    path = tmp_path / "issue.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    lines = [ln.text for ln in read_source(path).lines if ln.text]
    assert lines == ["禾川市人民政府公报", "2024年第2期", "目 录"]


def test_markdown_marks_are_hints_not_text(tmp_path: Path):
    path = tmp_path / "issue.md"
    path.write_text("# 禾川市人民政府公报\n\n## 目 录\n\n**重要**通知  \n网址：<http://example.org>\n", encoding="utf-8")
    lines = [ln for ln in read_source(path).lines if ln.text]
    assert [ln.text for ln in lines] == ["禾川市人民政府公报", "目 录", "重要通知", "网址：http://example.org"]
    assert lines[0].heading == 1


def test_the_sample_text_export_in_every_encoding_parses_alike(tmp_path: Path, sample):
    text = sample.text.read_text(encoding="utf-8")
    results = []
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        path = tmp_path / f"sample-{enc}.txt"
        path.write_bytes(text.encode(enc))
        issue = parse(read_source(path))
        results.append([(d.title, d.doc_number) for d in issue.documents])
    assert results[0] == results[1] == results[2] and len(results[0]) == len(sample.truth["documents"])


def test_empty_and_blank_files_are_refused(tmp_path: Path):
    for name, data in (("empty.txt", b""), ("blank.md", b"\n \n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceError, match="empty"):
            read_source(path)
