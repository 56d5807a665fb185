"""The original pages as a reader view, over a real archive and its real PDF."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

HIT_MESSAGE = "第 {0}/{1} 处命中（F3 下一处，Shift+F3 上一处）"


@pytest.fixture()
def window(open_window, sample_home):
    return open_window(sample_home, (1280, 900))


def search_and_open(qtbot, w, text: str):
    w.search_box.setText(text)
    w.search.last_result = None
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    w.results.activate(0)
    return w.reader.doc


def contains(outer, inner) -> bool:
    return outer[0] - 0.5 <= inner[0] and outer[1] - 0.5 <= inner[1] and inner[2] <= outer[2] + 0.5 \
        and inner[3] <= outer[3] + 0.5


def test_a_hit_on_a_later_page_opens_there_drawn_and_f3_crosses_pages(qtbot, window):
    doc = search_and_open(qtbot, window, "南溪河口湿地")  # in the table on the document's second page
    window.act.pages.trigger()
    pages = window.pages
    source = pages.source
    [where] = [p for p in range(doc.pdf_pages[0], doc.pdf_pages[1] + 1) if source.find(p, "南溪河口湿地")]
    assert where == doc.pdf_pages[0] + 1 and pages.page() in (where - 1, where)  # the hit is in view
    [hit] = pages.hits
    assert hit.page == where and hit.rects == source.find(where, "南溪河口湿地")[0]
    assert pages.current == 0 and window.statusBar().currentMessage() == HIT_MESSAGE.format(1, 1)
    # many hits across the document's pages: F3 walks them in order and the view follows to the next page
    window.act.pages.trigger()
    search_and_open(qtbot, window, "湿地保护")
    window.act.pages.trigger()
    visited = []
    for _ in range(len(pages.hits)):
        qtbot.keyClick(window, Qt.Key.Key_F3)
        visited.append(pages.hits[pages.current].page)
    assert len(pages.hits) == window.reader.doc.text.count("湿地保护") == 16  # every occurrence, on the pages too
    assert visited[:-1] == sorted(visited[:-1]) and len(set(visited)) == 2  # in order, onto the second page
    assert pages.current == 0 and visited[-1] == pages.hits[0].page  # F3 on the last wraps to the first
    assert pages.page() in (visited[-1], visited[-1] - 1)


def test_a_highlight_made_in_the_reading_pane_is_drawn_on_the_page_and_a_page_selection_becomes_one(qtbot, window):
    doc = search_and_open(qtbot, window, "定期调度工作进展")
    cursor = window.reader.document().find("细化工作措施")
    window.reader.setTextCursor(cursor)
    note = window.notes.highlight(color="blue", note="看这里")
    window.act.pages.trigger()
    pages, source = window.pages, window.pages.source
    [(annotation, mark)] = pages.notes
    assert annotation.id == note.id and mark.note == "看这里"
    chars = [c for c in source.chars(mark.page)]
    text = "".join(c.text for c in chars)
    k = text.index("细化工作措施")
    for char in chars[k:k + 6]:
        assert any(contains(r, char.rect) for r in mark.rects), char
    # select 明确责任分工 by dragging over it on the page, then highlight it
    start = text.index("明确责任分工")
    first, last = chars[start], chars[start + 5]
    canvas = pages.canvas
    p0 = canvas.to_canvas(mark.page, first.rect).center().toPoint()
    p1 = canvas.to_canvas(mark.page, last.rect).center().toPoint()
    pages.scroller.ensureVisible(p0.x(), p0.y())
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(canvas, p1)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=p1)
    assert pages.selected_text() == "明确责任分工"
    assert window.act.highlight.isEnabled()
    window.act.highlight.trigger()
    made = [a for a in window.archive.notes.annotations(doc.id) if a.id != note.id]
    assert len(made) == 1 and made[0].exact == "明确责任分工"
    assert doc.text[made[0].start:made[0].end] == "明确责任分工"
    assert doc.text.index("明确责任分工", doc.text.index("细化工作措施")) == made[0].start  # the same occurrence
    assert len(pages.notes) == 2  # drawn on the page at once, and in the reading pane when switching back
    window.act.pages.trigger()
    assert {n.id for n in window.reader.notes} == {note.id, made[0].id}


def test_page_box_printed_pages_page_down_zoom_and_thumbnails(qtbot, window, sample):
    doc = window.archive.outline(window.archive.issues()[0].id)[2]
    window.show_document(doc.id)
    window.act.pages.trigger()
    pages = window.pages
    first = sample.truth["documents"][0]["pdf_page_index"]
    assert pages.page_box.text() == f"第{pages.source.printed[pages.page()]}页 ({pages.page() + 1}/{pages.source.count})"
    pages.page_box.setText("2")
    pages.page_box.returnPressed.emit()
    assert pages.page() == first + 1 and pages.page_box.text().startswith("第2页 (")
    pages.page_box.setText("(1)")
    pages.page_box.returnPressed.emit()
    assert pages.page() == 0 and pages.page_box.text() == f"1/{pages.source.count}"
    bar = pages.scroller.verticalScrollBar()
    before = bar.value()
    pages.canvas.setFocus()
    qtbot.keyClick(pages.canvas, Qt.Key.Key_PageDown)
    assert bar.value() - before == pages.scroller.viewport().height() - 40
    pages.set_zoom(1.5)
    assert pages.zoom_box.currentText() == "150%" and pages.canvas.sizes[0].width() == int(pages.source.size(0)[0] * 1.5)
    pages.set_zoom(-1)  # fit page: a whole page in the view
    assert pages.canvas.sizes[0].height() <= pages.scroller.viewport().height()
    pages.thumbs_button.click()
    assert pages.thumbs.isVisible() and pages.thumbs.count() == pages.source.count
    assert not pages.thumbs.item(0).icon().isNull()
    pages.thumbs.setCurrentRow(5)
    assert pages.page() == 5


def test_copy_with_citation_from_the_page_cites_the_printed_page(qtbot, window):
    search_and_open(qtbot, window, "南溪河口湿地")
    window.act.pages.trigger()
    pages = window.pages
    page = pages.hits[0].page
    chars = pages.source.chars(page)
    text = "".join(c.text for c in chars)
    k = text.index("南溪河口湿地")
    pages.canvas.selection = ((page, k), (page, k + 5))
    window.act.cite.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("南溪河口湿地\n——《") and copied.endswith(f"第{pages.source.printed[page]}页")
    window.act.pages.trigger()
    assert window.view_stack.currentWidget() is window.reader


def test_export_and_print_with_highlights_and_notes(qtbot, window, tmp_path):
    import pymupdf

    doc = search_and_open(qtbot, window, "定期调度工作进展")
    window.reader.setTextCursor(window.reader.document().find("细化工作措施"))
    window.notes.highlight(color="green", note="这是一条批注")
    with_notes = window.export_pdf(str(tmp_path / "with.pdf"), with_notes=True)
    plain = window.export_pdf(str(tmp_path / "plain.pdf"), with_notes=False)
    with pymupdf.open(with_notes) as pdf:
        text = "".join(p.get_text() for p in pdf).replace("\n", "")
        drawn = [d for p in pdf for d in p.get_drawings() if d.get("fill")]
    assert "高亮和批注" in text and "这是一条批注" in text and doc.title[:10] in text
    assert any(abs(d["fill"][0] - 0xc5 / 255) < 0.02 and abs(d["fill"][1] - 0xe1 / 255) < 0.02 for d in drawn)
    with pymupdf.open(plain) as pdf:
        assert "这是一条批注" not in "".join(p.get_text() for p in pdf)
    window.print_document(with_notes=True)
    assert window.print_preview is not None and window.print_preview.objectName() == "printPreview"
    window.print_preview.close()


def test_switching_views_keeps_the_place(qtbot, window):
    doc = search_and_open(qtbot, window, "青苇湖湿地")  # the longest document: its second page is far down
    blocks = doc.blocks
    later = next(k for k, b in enumerate(blocks) if b.get("page") == doc.pdf_pages[0] + 1)
    offset = sum(len(b["text"]) + 1 for b in blocks[:later])
    window.reader.hits = []  # read on without a current hit
    window.reader.current = -1
    window.reader.scroll_to_offset(offset)
    window.act.pages.trigger()
    assert window.pages.page() == doc.pdf_pages[0] + 1
    window.pages.go_to(doc.pdf_pages[0])
    window.act.pages.trigger()
    top = window.reader.top_offset()
    first_on_page = next(k for k, b in enumerate(blocks) if b.get("page") is not None and b["page"] >= doc.pdf_pages[0])
    assert top <= sum(len(b["text"]) + 1 for b in blocks[:first_on_page + 1])
