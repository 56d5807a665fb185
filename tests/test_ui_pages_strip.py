"""The original pages: the thumbnail strip, refitting, highlights under the text, the tree following the page."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.archive import ImportStatus  # noqa: E402


@pytest.fixture()
def window(open_window, sample_home):
    return open_window(sample_home, (1280, 900))


def open_pages_of(window, ordinal: int):
    doc = window.archive.outline(window.archive.issues()[0].id)[ordinal]
    window.show_document(doc.id)
    window.act.pages.trigger()
    return window.pages


def test_clicking_a_thumbnail_shows_that_page_in_one_column(qtbot, window):
    pages = open_pages_of(window, 0)
    qtbot.mouseClick(pages.thumbs_button, Qt.MouseButton.LeftButton)
    strip = pages.thumbs
    assert strip.isVisible() and strip.count() == pages.source.count
    lefts = {strip.visualItemRect(strip.item(k)).left() for k in range(strip.count())}
    assert len(lefts) == 1  # one column
    widest = max(strip.visualItemRect(strip.item(k)).right() for k in range(strip.count()))
    assert widest < strip.viewport().width()  # nothing cut off at the right
    for row in (5, 2, pages.source.count - 1, 0):
        strip.scrollToItem(strip.item(row))
        rect = strip.visualItemRect(strip.item(row))
        qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert pages.page() == row
        assert strip.currentRow() == row
        assert pages.page_box.text().endswith(f"({row + 1}/{pages.source.count})") or \
            pages.page_box.text() == f"{row + 1}/{pages.source.count}"


def test_fit_width_refits_when_the_thumbnails_open_and_close(qtbot, window):
    pages = open_pages_of(window, 0)
    assert pages.zoom == 0.0
    wide = pages.canvas.sizes[0].width()
    assert wide == pages.scroller.viewport().width() - 2 * 12 - 4 or abs(
        wide - (pages.scroller.viewport().width() - 28)) <= 1
    qtbot.mouseClick(pages.thumbs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pages.canvas.sizes[0].width() < wide)
    assert abs(pages.canvas.sizes[0].width() - (pages.scroller.viewport().width() - 28)) <= 1
    assert pages.scroller.geometry().left() - pages.thumbs.geometry().right() <= 4  # no blank beside the strip
    assert pages.scroller.horizontalScrollBar().maximum() == 0  # the page is not cut off at the right
    qtbot.mouseClick(pages.thumbs_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pages.canvas.sizes[0].width() == wide)


def darkest(image, rect) -> int:
    """The darkest grey level inside a rectangle of an image."""
    return min(image.pixelColor(x, y).lightness() for x in range(rect.left(), rect.right())
               for y in range(rect.top(), rect.bottom()))


def test_a_highlight_on_the_page_leaves_the_text_as_dark_as_it_is_printed(qtbot, window):
    hit = window.archive.search("细化工作措施").hits[0]
    window.show_document(hit.document_id)
    window.reader.setTextCursor(window.reader.document().find("细化工作措施"))
    window.notes.highlight(color="yellow", note="")
    window.act.pages.trigger()
    pages = window.pages
    [(_, mark)] = pages.notes
    box = pages.canvas.to_canvas(mark.page, mark.rects[0]).toRect().adjusted(1, 1, -1, -1)
    pages.scroller.ensureVisible(box.center().x(), box.center().y(), 50, 200)
    drawn = pages.canvas.grab().toImage()
    page_rect = pages.canvas.page_rect(mark.page)
    printed = pages.canvas.pixmap(mark.page).toImage()
    assert drawn.pixelColor(box.center()).lightness() < 250  # the paper under the highlight is coloured
    ink = darkest(printed, box.translated(-page_rect.left(), -page_rect.top()))
    assert ink < 100 and darkest(drawn, box) <= ink + 8  # and the text under it as dark as printed


def test_a_replace_refreshes_the_open_document_and_the_text_export_keeps_its_pages(qtbot, window, sample, tmp_path):
    hit = window.archive.search("细化工作措施").hits[0]
    window.show_document(hit.document_id)
    window.act.pages.trigger()
    pages = window.pages
    doc = window.reader.doc
    info = pages.info.text()
    assert info.startswith("本文件：第 ") and pages.page_box.text().startswith("第")
    changed = tmp_path / "revised.txt"
    changed.write_text(sample.text.read_text(encoding="utf-8").replace("细化工作措施", "细化工作举措"), encoding="utf-8")
    dialog = window.imports.start([changed])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    qtbot.mouseClick(dialog.retry_replace, Qt.MouseButton.LeftButton)  # 替换
    qtbot.waitUntil(lambda: not dialog.running and dialog.counts()[ImportStatus.REPLACED] == 1, timeout=30000)
    dialog.accept()
    assert window.reader.doc.id == doc.id and "细化工作举措" in window.reader.doc.text
    shown = window.reader.toPlainText()
    assert shown.count("细化工作举措") == window.reader.doc.text.count("细化工作举措") >= 1
    assert window.view_stack.currentWidget() is pages and pages.source is not None
    assert pages.range == doc.pdf_pages and pages.info.text() == info  # the pages of the document, printed numbers
    assert pages.page_box.text().startswith("第")


def test_the_tree_follows_the_page_being_read_without_collapsing(qtbot, window):
    from reader.ui.tree_model import DOC_ID_ROLE

    outline = window.archive.outline(window.archive.issues()[0].id)
    pages = open_pages_of(window, 0)
    documents = {d.id: d for d in window.archive.documents(outline[0].issue_id)}
    tree = window.tree

    def expanded() -> set[str]:
        model, found, todo = window.model, set(), [tree.rootIndex()]
        while todo:
            parent = todo.pop()
            for row in range(model.rowCount(parent)):
                child = model.index(row, 0, parent)
                if tree.isExpanded(child):
                    found.add(f"{parent.data()}/{child.data()}")
                todo.append(child)
        return found

    opened = expanded()
    assert tree.currentIndex().data(DOC_ID_ROLE) == outline[0].id
    pages.canvas.setFocus()
    followed = []
    while pages.page() < pages.source.count - 1:
        qtbot.keyClick(pages.canvas, Qt.Key.Key_PageDown)
        current = tree.currentIndex().data(DOC_ID_ROLE)
        first, last = documents[current].pdf_pages
        assert first <= pages.page() <= last  # the selected document is printed on the page in view
        if current not in followed:
            followed.append(current)
    assert followed == [d.id for d in outline if d.id in followed] and len(followed) >= 4  # in order, down the issue
    assert expanded() >= opened and opened and window.reader.doc.id == outline[0].id  # nothing collapsed, nothing reopened

