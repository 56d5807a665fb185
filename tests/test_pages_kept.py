"""A text export replacing a PDF keeps each document's pages in the kept PDF; exporting chosen pages."""

from __future__ import annotations

import pymupdf

from reader.archive import Archive, PageMark, export_pages, parse_page_list


def test_a_text_export_replacing_the_pdf_keeps_each_documents_pages_and_printed_numbers(sample, tmp_path):
    with Archive(tmp_path / "home") as archive:
        issue = archive.import_file(sample.pdf).issue_id
        before = {d.title: (d.pdf_pages, d.printed_pages) for d in archive.documents(issue)}
        labels = [archive.open_pages(issue).label(p) for p in range(sample.truth["page_count"])]
        assert archive.import_file(sample.text, replace=True).status.value == "replaced"
        after = {d.title: (d.pdf_pages, d.printed_pages) for d in archive.documents(issue)}
        assert archive.issue(issue).source_kind == "text"
        assert after == before and all(pages for pages, _ in after.values())
        source = archive.open_pages(issue)
        assert [source.label(p) for p in range(source.count)] == labels
        assert any(label.startswith("第") for label in labels)
        source.close()


def test_typed_page_lists():
    assert parse_page_list("4-6, 9", 10) == [3, 4, 5, 8]
    assert parse_page_list("２～３、１", 10) == [0, 1, 2]
    assert parse_page_list("9-11", 10) is None and parse_page_list("a", 10) is None and parse_page_list(" ", 10) is None


def test_exported_pages_keep_their_text_and_carry_the_marks(sample_home, tmp_path):
    with Archive(sample_home) as archive:
        source = archive.open_pages(archive.issues()[0].id)
        [rects] = source.find(3, "湿地保护")[:1]
        export_pages(source, [3, 5], [PageMark(3, rects, (1.0, 0.9, 0.4), "复核")], str(tmp_path / "out.pdf"))
        with pymupdf.open(tmp_path / "out.pdf") as out:
            assert [p.get_text() for p in out] == [source.pdf[3].get_text(), source.pdf[5].get_text()]
            assert [(p.number, a.type[1], a.info["content"]) for p in out for a in p.annots()] == [
                (0, "Highlight", "复核")]
        source.close()


def test_blank_scanned_first_pages_do_not_stop_an_import(sample, tmp_path):
    from tests.scans import blank

    pdf = blank(tmp_path / "blank.pdf", pages=4)
    with pymupdf.open(pdf) as out, pymupdf.open(sample.pdf) as issue:
        out.insert_pdf(issue)
        out.save(tmp_path / "with-blank-sheets.pdf")
    with Archive(tmp_path / "home") as archive:
        result = archive.import_file(tmp_path / "with-blank-sheets.pdf")
        assert result.ok and result.documents == len(sample.truth["documents"])
