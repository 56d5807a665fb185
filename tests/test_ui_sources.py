"""The window over issues read from OFD and DOCX: the original pages view says plainly why it shows no pages."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.gazette.parser import parse  # noqa: E402
from reader.sources import read_source  # noqa: E402
from tests.docx_prints import write_single  # noqa: E402
from tests.ofd_prints import write_document  # noqa: E402


def open_by_search(qtbot, w, text: str):
    w.search_box.setText(text)
    w.search.last_result = None
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    w.results.activate(0)
    return w.reader.doc


@pytest.mark.parametrize(("lang", "ofd_text", "docx_text"), [
    ("zh_CN", "无法显示 OFD 版面（缺少 OFD 绘制库），文字见阅读窗格。", "Word 文档没有固定版面，文字见阅读窗格。"),
    ("en", "OFD pages cannot be shown (no OFD renderer); the text is in the reading pane.",
     "A Word document has no fixed pages; the text is in the reading pane."),
])
def test_the_pages_view_of_an_ofd_and_a_docx_document_says_why_it_shows_none(qtbot, open_window, sample, tmp_path,
                                                                             lang, ofd_text, docx_text):
    docs = parse(read_source(sample.text)).documents
    write_document(tmp_path / "notice.ofd", docs[3], "red header")
    write_single(tmp_path / "notice.docx", docs[4])
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(tmp_path / "notice.ofd").ok and archive.import_file(tmp_path / "notice.docx").ok
    w = open_window(home, (1280, 800), lang)
    for number, text in (("禾政办发〔2024〕15号", ofd_text), ("禾政干发（2024）3号", docx_text)):
        doc = open_by_search(qtbot, w, number)
        assert doc.doc_number == number
        w.reader.setFocus()
        qtbot.keyClick(w.reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert w.pages.source is None and w.pages.info.text() == text
        qtbot.keyClick(w.reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
