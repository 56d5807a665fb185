"""Scanned issues on their original pages: hits, F3, dragging, Ctrl+C and highlights work on recognised text."""

from __future__ import annotations

import importlib.util
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
if importlib.util.find_spec("rapidocr_onnxruntime") is None:
    pytest.skip("the OCR engine is not installed (the ocr extra)", allow_module_level=True)

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.pages import ocr_chars, turned_back  # noqa: E402
from tests.scans import scan  # noqa: E402


@pytest.fixture(scope="module")
def scanned_home(sample, tmp_path_factory):
    """The sample gazette with the pages of its first document (PDF pages 4 and 5) scanned, imported once."""
    folder = tmp_path_factory.mktemp("scanned-pages")
    pdf = scan(sample.pdf, folder / "scan.pdf", only=(3, 4))
    home = folder / "home"
    with Archive(home) as archive:
        assert archive.import_file(pdf).ok
    (home / "ocr.db").rename(folder / "ocr-kept.db")  # the page view's boxes are stored with the issue
    return home


def open_hit(qtbot, w, text: str):
    w.search_box.setText(text)
    w.search.last_result = None
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    w.results.activate(0)
    return w.reader.doc


@pytest.mark.slow
def test_on_scanned_pages_hits_f3_dragging_copy_and_highlights_work(qtbot, open_window, scanned_home):
    window = open_window(scanned_home, (1280, 900))
    doc = open_hit(qtbot, window, "湿地保护")
    assert doc.ocr is not None and doc.pdf_pages == (3, 4)
    window.act.pages.trigger()
    pages = window.pages
    assert sorted(pages.source.ocr) == [3, 4]
    assert len(pages.hits) == doc.text.count("湿地保护") >= 10  # every hit drawn on the scans
    assert {h.page for h in pages.hits} == {3, 4}
    pages.canvas.setFocus()
    for k in range(1, len(pages.hits)):
        qtbot.keyClick(pages.canvas, Qt.Key.Key_F3)
        assert pages.current == k
    assert pages.page() == pages.hits[-1].page == 4  # F3 walked onto the second scanned page
    # drag over the first 湿地保护 on page 4, then Ctrl+C copies just that
    hit = next(h for h in pages.hits if h.page == 4)
    chars = pages.source.chars(4)
    inside = [c for c in chars if hit.rects[0][0] - 0.5 <= c.rect[0] and c.rect[2] <= hit.rects[0][2] + 0.5
              and abs(c.rect[1] - hit.rects[0][1]) < 1]
    assert "".join(c.text for c in inside) == "湿地保护"
    canvas = pages.canvas
    p0 = canvas.to_canvas(4, inside[0].rect).center().toPoint()
    p1 = canvas.to_canvas(4, inside[-1].rect).center().toPoint()
    pages.scroller.ensureVisible(p0.x(), p0.y())
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=p0)
    qtbot.mouseMove(canvas, p1)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=p1)
    assert pages.selected_text() == "湿地保护"
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "湿地保护"
    window.act.highlight.trigger()
    [(note, mark)] = pages.notes
    assert note.exact == "湿地保护" and mark.page == 4 and mark.rects == hit.rects
    window.close()
    # after a restart the scanned pages still have their text
    again = open_window(scanned_home, (1280, 900))
    again.show_document(doc.id)
    again.act.pages.trigger()
    [(_, mark)] = again.pages.notes
    assert mark.page == 4 and mark.rects == hit.rects


def test_characters_share_their_line_by_width_and_turn_back_with_the_page():
    line = {"width": 100.0, "height": 200.0, "turns": 0, "lines": [["第12页", [10.0, 20.0, 40.0, 30.0]]]}
    chars = ocr_chars(line)
    assert [c.text for c in chars] == ["第", "1", "2", "页"]
    assert [c.rect for c in chars] == [(10.0, 20.0, 20.0, 30.0), (20.0, 20.0, 25.0, 30.0),
                                       (25.0, 20.0, 30.0, 30.0), (30.0, 20.0, 40.0, 30.0)]
    # an upside-down scan: the box at the top left of the upright page is at the bottom right of the scan
    assert turned_back((10.0, 20.0, 20.0, 30.0), 2, 100.0, 200.0) == (80.0, 170.0, 90.0, 180.0)
    # turned a quarter: upright 200 wide and 100 tall, scanned 100 wide and 200 tall
    assert turned_back((10.0, 20.0, 20.0, 30.0), 1, 200.0, 100.0) == (70.0, 10.0, 80.0, 20.0)
    assert turned_back((10.0, 20.0, 20.0, 30.0), 3, 200.0, 100.0) == (20.0, 180.0, 30.0, 190.0)


@pytest.mark.slow
def test_an_archive_scanned_before_boxes_were_stored_takes_them_from_the_ocr_cache(scanned_home, tmp_path):
    import shutil
    import sqlite3

    with Archive(scanned_home) as archive:
        issue = archive.issues()[0].id
        stored = archive.open_pages(issue)
        want = {page: stored.chars(page) for page in (3, 4)}
        stored.close()
    old = tmp_path / "old-home"
    shutil.copytree(scanned_home, old)
    shutil.copyfile(scanned_home.parent / "ocr-kept.db", old / "ocr.db")
    with sqlite3.connect(old / "archive.db") as db:
        db.execute("DELETE FROM page_lines")  # as an archive scanned before schema 8 holds it
    with Archive(old) as archive:
        source = archive.open_pages(issue)
        assert sorted(source.ocr) == [3, 4] and {page: source.chars(page) for page in (3, 4)} == want
        assert len(want[3]) > 100
        source.close()


@pytest.mark.slow
def test_a_scanned_duplicate_is_refused_from_its_cover_naming_the_issue_and_the_bar_moves_by_pages(
        qtbot, open_window, sample, sample_home, tmp_path):
    import sqlite3

    pdf = scan(sample.pdf, tmp_path / "another-printing.pdf", dpi=150)
    window = open_window(sample_home, (1280, 900))
    held = window.archive.issues()[0]
    values: list[int] = []
    dialog = window.imports.start([pdf])
    dialog.bar.valueChanged.connect(values.append)
    qtbot.waitUntil(lambda: not dialog.running, timeout=120000)
    [line] = [dialog.list.item(k).text() for k in range(dialog.list.count())]
    assert line == (f"失败: another-printing.pdf — 档案中已有{held.gazette} 2024年第2期 (总第31期)"
                    f"（文件 {sample.pdf.name}）。要替换吗？")
    assert dialog.retry_replace.isVisible()
    with sqlite3.connect(sample_home / "ocr.db") as db:
        recognised = db.execute("SELECT count(*) FROM pages").fetchone()[0]
    assert recognised == 4 < 9  # the cover and 目录 pages only, not the whole scan
    assert [v for v in values if 0 < v < 1000] == [1000 * k // 9 for k in (1, 2, 3)]  # the bar moved by pages
    dialog.reject()
