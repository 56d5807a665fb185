"""OFD (GB/T 33190): 公文 written by tests/ofd_prints.py read with title, 文号, issuer and date right in two
layouts; every sample in ../shared/ofd gives its own outcome; damaged files are refused."""

from __future__ import annotations

import pytest

from reader.archive import Archive
from reader.errors import Reason, SourceError
from reader.gazette import docnumber
from reader.gazette.parser import parse
from reader.sources import read_source
from tests.conftest import compact
from tests.ofd_prints import LAYOUTS, write_document


def fields(doc) -> tuple:
    return compact(doc.title), doc.doc_number_canonical, compact(doc.issuer), doc.date


@pytest.mark.parametrize("layout", LAYOUTS)
def test_sample_documents_as_ofd_are_read_right(sample, tmp_path, layout: str):
    """Each sample 公文 with a 文号 alone as an OFD: one document, its title, 文号, issuer and date right."""
    docs = [d for d in parse(read_source(sample.text)).documents if d.doc_number]
    assert len(docs) == 5
    for k, doc in enumerate(docs):
        write_document(tmp_path / f"{k}.ofd", doc, layout)
        (got,) = parse(read_source(tmp_path / f"{k}.ofd")).documents
        assert fields(got) == fields(doc)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_shared_documents_as_ofd(shared, tmp_path, layout: str):
    """The 33 documents of the shared issues, each as an OFD: every one read right on every field."""
    right = total = 0
    for seed in sorted((shared / "seeds").glob("*.txt")):
        for k, doc in enumerate(parse(read_source(seed)).documents):
            path = tmp_path / f"{seed.stem}-{k}.ofd"
            write_document(path, doc, layout)
            got = parse(read_source(path)).documents
            total += 1
            right += len(got) == 1 and fields(got[0]) == fields(doc)
    assert (right, total) == (33, 33)


def test_layout_hints_of_an_ofd_page(sample, tmp_path):
    """Sizes in points from the OFD's millimetres, the title centred and bold (Weight="700"), the date
    right-aligned, the page number at the foot taken as the printed page number and not as text."""
    doc = parse(read_source(sample.text)).documents[0]
    write_document(tmp_path / "d.ofd", doc, "composite")
    source = read_source(tmp_path / "d.ofd")
    assert source.kind == "ofd" and source.pages == 3 and source.printed_pages == {0: 1, 1: 2, 2: 3}
    lines = [ln for ln in source.lines if ln.text]
    assert (lines[0].text, lines[0].size, lines[1].text) == ("禾川市人民政府关于印发《禾川市湿地保", 22.0, "护与修复实施方案》的通知")
    assert lines[1].centered
    assert (lines[2].text, lines[2].size, lines[2].centered) == ("禾政发〔2024〕7号", 16.0, True)
    assert [ln.bold for ln in lines[:4]] == [True, True, False, False]
    date = next(ln for ln in lines if ln.text == "2024年3月5日")
    assert date.right
    assert not any("—" in ln.text for ln in lines)


def test_an_ofd_imports_and_its_number_is_found_in_any_bracket_style(sample, tmp_path):
    doc = parse(read_source(sample.text)).documents[2]
    write_document(tmp_path / "notice.ofd", doc, "red header")
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(tmp_path / "notice.ofd")
        assert result.ok and result.documents == 1
        (got,) = archive.documents(result.issue_id)
        assert (got.title, got.doc_number, got.issuer, got.date) == (doc.title, "禾政办发〔2024〕12号", doc.issuer, doc.date)
        for query in ("禾政办发〔2024〕12号", "禾政办发[2024]12号", "禾政办发(2024)12号", "禾政办发［2024］12号"):
            assert [h.title for h in archive.search(query).hits] == [doc.title], query


def test_a_truncated_ofd_is_refused_as_damaged(sample, tmp_path):
    doc = parse(read_source(sample.text)).documents[0]
    write_document(tmp_path / "d.ofd", doc, "red header")
    data = (tmp_path / "d.ofd").read_bytes()
    (tmp_path / "cut.ofd").write_bytes(data[: len(data) - 200])
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(tmp_path / "cut.ofd")
        assert (result.ok, result.reason) == (False, Reason.DAMAGED)
        assert "cut.ofd: damaged or truncated OFD" in result.message
        assert archive.issues() == []


@pytest.mark.parametrize(("name", "reason", "words"), [
    ("V4RideRight.ofd", Reason.NOTHING_READABLE, "holds no text (only drawings or seals) on its 5 pages"),
    ("containsJPEG.ofd", Reason.SCANNED, "holds only images of its pages (a scan)"),
    ("发票示例.ofd", Reason.NOT_A_DOCUMENT, "an electronic invoice (发票), not a government document"),
    ("signout.ofd", Reason.NOT_A_GAZETTE, "not a gazette issue"),
    ("testImageOverridePage.ofd", Reason.NOT_A_GAZETTE, "not a gazette issue"),
    ("y.ofd", Reason.NOT_A_GAZETTE, "not a gazette issue"),
])
def test_every_shared_ofd_sample_is_refused_for_its_own_reason(shared, tmp_path, name, reason, words):
    """Without OCR: each sample refused with what is wrong, nothing imported, never a crash."""
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(shared / "ofd" / name, ocr=False)
        assert (result.ok, result.reason) == (False, reason)
        assert words in result.message and name in result.message
        assert archive.issues() == []


def test_the_text_of_the_shared_ofd_samples(shared):
    """The form's 文号 wrapped in its cell is one again; the permit's cited 文号 is found whatever its brackets;
    the journal pages' text, which sits in composite objects of DocumentRes.xml, is read."""
    form = [ln.text for ln in read_source(shared / "ofd" / "signout.ofd").lines]
    assert form[:2] == ["XX市政府文件处理", "府办专督〔2020〕24号"]
    permit = "\n".join(ln.text for ln in read_source(shared / "ofd" / "testImageOverridePage.ofd").lines)
    assert [n.canonical for n in docnumber.find_all(permit)] == [docnumber.canonical("临翔发改复〔2018〕172号")]
    journal = read_source(shared / "ofd" / "y.ofd")
    assert journal.pages == 3 and {ln.page for ln in journal.lines} == {0, 1, 2}
    assert journal.lines[0].text.startswith("数字档案室建设是《关于加强和改进新形势下档案工作的意见》")


@pytest.mark.slow
def test_an_image_only_ofd_goes_through_ocr(shared, tmp_path):
    """The photo pages are recognised (a film poster: its title read) and the file is then no gazette."""
    from reader.sources.ocr import Recognizer

    source = read_source(shared / "ofd" / "containsJPEG.ofd", recognizer=Recognizer("x", None))
    assert [ln.text for ln in source.lines if ln.size > 30] == ["我和我的祖国", "我和我的祖国"]
    assert sorted(source.ocr_pages) == [0, 1]


def test_a_non_ofd_zip_named_ofd_is_refused(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "x.ofd", "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(SourceError) as err:
        read_source(tmp_path / "x.ofd")
    assert err.value.reason is Reason.DAMAGED and "OFD.xml is missing" in str(err.value)


def test_damaged_ofd_and_docx_files_are_refused_never_a_crash(sample, tmp_path):
    """Cut short or with bytes changed (30 variants of each, a fixed seed): every import returns an outcome, a
    refused file says it is damaged (or has nothing to import), and the archive holds only what imported."""
    import random

    from tests.docx_prints import STYLES, write_issue

    doc = parse(read_source(sample.text)).documents[0]
    write_document(tmp_path / "good.ofd", doc, "red header")
    write_issue(sample.text, tmp_path / "good.docx", STYLES[0])
    rng = random.Random(7)
    reasons = set()
    with Archive(tmp_path / "home") as archive:
        for suffix in (".ofd", ".docx"):
            data = (tmp_path / f"good{suffix}").read_bytes()
            for k in range(30):
                bad = bytearray(data[: rng.randrange(len(data))] if k % 3 == 0 else data)
                for _ in range(0 if k % 3 == 0 else rng.randint(1, 20)):
                    bad[rng.randrange(len(bad))] = rng.randrange(256)
                path = tmp_path / f"bad{k}{suffix}"
                path.write_bytes(bytes(bad))
                result = archive.import_file(path)
                if not result.ok:
                    reasons.add(result.reason)
                    assert path.name in result.message
        imported = [i.source_name for i in archive.issues()]
    assert reasons <= {Reason.DAMAGED, Reason.NOT_A_GAZETTE, Reason.EMPTY, Reason.NEEDS_REPLACE} and Reason.DAMAGED in reasons
    assert all(name.startswith("bad") for name in imported)
