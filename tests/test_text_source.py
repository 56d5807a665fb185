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


def _as_markdown(text: str) -> str:
    """The sample's text export as a converter that writes Markdown would: （一） and headings in bold, tables in pipes."""
    import re

    out = []
    for line in text.split("\n"):
        line = re.sub(r"^(（[一二三四五六七八九十]+）)", r"**\1**", line)
        line = re.sub(r"^([一二三四五六七八九十]+、.{2,12})$", r"__\1__", line)
        if "\t" in line:
            line = "| " + " | ".join(line.split("\t")) + " |"
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_markdown_emphasis_and_tables_never_reach_the_text(tmp_path: Path, sample, suffix: str):
    """A .txt export with Markdown marks reads exactly like the plain export: same documents, same text."""
    plain = parse(read_source(sample.text))
    marked = tmp_path / f"marked{suffix}"
    source = _as_markdown(sample.text.read_text(encoding="utf-8"))
    assert source.count("**") >= 2 and source.count("| ") >= 4  # the generator did mark the sample
    marked.write_text(source, encoding="utf-8")
    got = parse(read_source(marked))
    assert [d.text for d in got.documents] == [d.text for d in plain.documents]
    assert [d.title for d in got.documents] == [d.title for d in plain.documents]
    assert not any(m in d.text for d in got.documents for m in ("**", "__", "| "))


def test_markdown_bold_lines_become_bold_hints(tmp_path: Path):
    path = tmp_path / "issue.txt"
    path.write_text("**第一章 总则**\n**第一条** 为了规范管理，制定本办法。\n2*3*4 不是强调\n", encoding="utf-8")
    lines = [ln for ln in read_source(path).lines if ln.text]
    assert [(ln.text, ln.bold) for ln in lines] == [("第一章 总则", True), ("第一条 为了规范管理，制定本办法。", False),
                                                     ("2*3*4 不是强调", False)]


def test_shared_text_export_searches_without_its_markdown(shared: Path, tmp_path: Path):
    from reader.archive import Archive

    seed = shared / "seeds" / "001_bba10d236d594724.txt"
    assert seed.read_text(encoding="utf-8").count("**第二条**") == 3  # the marks the converter left
    with Archive(tmp_path / "home") as archive:
        issue = archive.import_file(seed).issue_id
        texts = [d.text for d in archive.documents(issue)]
        assert sum(t.count("**") for t in texts) == 0
        found = archive.search("第二条市人民政府工作的指导思想")
        assert found.total == 1 and "工作规则" in found.hits[0].title


def test_markdown_list_marks_never_reach_the_text(tmp_path: Path, sample):
    """A converter's bullets (- 一、…,  - 二、…, * 附件：…) read as the plain export reads: no -一、 in the text."""
    import re

    plain = parse(read_source(sample.text))
    original = sample.text.read_text(encoding="utf-8")
    bulleted = re.sub(r"(?m)^(?=[一二三四五六七八九十]+、)", "- ", original)
    bulleted = re.sub(r"(?m)^(?=（[一二三四五六七八九十]+）)", " * ", bulleted)
    assert bulleted.count("\n- ") >= 3 and bulleted.count("\n * ") >= 3  # the sample has such paragraphs
    marked = tmp_path / "bulleted.txt"
    marked.write_text(bulleted + "\n- 7 -\n", encoding="utf-8")
    got = parse(read_source(marked))
    assert [d.text for d in got.documents] == [d.text for d in plain.documents]
