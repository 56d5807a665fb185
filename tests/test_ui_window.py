"""The window as a whole on first run and across imports: status bar, filters kept, tree kept."""

from __future__ import annotations

import os
import time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.ui.tree_model import KEY_ROLE  # noqa: E402


def settle(qtbot, ms: int = 150) -> None:
    """Let queued layout and timers run."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        qtbot.wait(5)


def search(qtbot, w, text: str):
    """Type a query as the user does (ASCII by keys, Chinese set on the box) and wait for its answer."""
    w.search.last_result = None
    w.search_box.setText(text)
    qtbot.keyClick(w.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    settle(qtbot)
    return w.search.last_result


def test_first_run_on_an_empty_archive_says_no_search_failure(qtbot, open_window, data_dir):
    w = open_window(data_dir)
    with qtbot.waitSignal(w.search.worker.prepared, timeout=20000):
        pass
    settle(qtbot)
    assert w.center.currentWidget() is w.welcome
    assert w.statusBar().currentMessage() == "就绪"


def test_the_index_count_leaves_the_status_bar_once_built(qtbot, open_window, sample_home):
    assert not (sample_home / "whoosh").exists()  # an import leaves the index to be built at start
    w = open_window(sample_home)
    with qtbot.waitSignal(w.search.worker.prepared, timeout=30000):
        pass
    settle(qtbot)
    assert w.statusBar().currentMessage() == "搜索索引已就绪：6 篇文件"


def test_editing_the_query_keeps_the_chosen_filters(qtbot, open_window, sample_home):
    w = open_window(sample_home)
    search(qtbot, w, "禾川市")
    panel = w.results
    w.search.last_result = None
    panel.section.setCurrentIndex(panel.section.findData("人事任免"))
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    w.search.last_result = None
    qtbot.keyClick(w.search_box, Qt.Key.Key_Space)  # the query is edited: a new search after a pause
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    assert panel.section.currentData() == "人事任免"
    assert [h.section for h in w.search.last_result.hits] == ["人事任免"]
    assert panel.summary.text() == "找到 1 篇文件"


def test_an_import_keeps_the_open_rows_and_the_selection(qtbot, open_window, sample_home, tmp_path):
    from reader.sample import build_sample

    w = open_window(sample_home)
    tree, model = w.tree, w.model
    gazette = model.index(0, 0)
    year = model.index(0, 0, gazette)
    issue = model.index(0, 0, year)
    tree.setFocus()
    tree.setCurrentIndex(issue)
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # open the issue
    first = model.index(0, 0, issue)
    tree.setCurrentIndex(first)
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # its first section
    first_key = first.data(KEY_ROLE)
    section = model.index(1, 0, issue)
    tree.setCurrentIndex(section)
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # and its second section
    assert tree.isExpanded(issue) and tree.isExpanded(first) and tree.isExpanded(section)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # its first document
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    doc_id = tree.currentIndex().data(KEY_ROLE)
    assert w.current_doc == doc_id
    dialog = w.imports.start([build_sample(tmp_path / "older", year=2022, issue=4).pdf])
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    settle(qtbot)
    gazette = model.index(0, 0)  # the rows were re-read: find them again
    years = [model.index(r, 0, gazette) for r in range(model.rowCount(gazette))]
    assert [y.data(KEY_ROLE) for y in years] == ["2024", "2022"]
    issue = model.index(0, 0, years[0])
    first = model.index(0, 0, issue)
    assert tree.isExpanded(years[0]) and tree.isExpanded(issue)
    assert first.data(KEY_ROLE) == first_key and tree.isExpanded(first)  # a section the reader left open
    assert tree.currentIndex().data(KEY_ROLE) == doc_id and w.current_doc == doc_id
    assert tree.isExpanded(tree.currentIndex().parent())


def text_fits(box) -> bool:
    """Whether a combo box shows its whole current text (its edit field is as wide as the words)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    return field.width() >= box.fontMetrics().horizontalAdvance(box.currentText())


def test_filters_tree_and_panel_share_1280_and_1100_pixels(qtbot, open_window, sample_home):
    from reader.ui.layout import MIN_WIDTHS

    w = open_window(sample_home, (1280, 800))
    w.show_document(w.archive.outline(w.archive.issues()[0].id)[0].id)
    search(qtbot, w, "禾川市")
    qtbot.keyClick(w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: w.annotations_dock.isVisible() and w.annotations_dock.width() == 300, timeout=10000)
    settle(qtbot, 300)
    panel = w.results
    assert [(b.currentText(), text_fits(b)) for b in (panel.year, panel.gazette, panel.section, panel.sort)] == [
        ("全部年份", True), ("全部公报", True), ("全部栏目", True), ("按相关度", True)]
    w.resize(1100, 750)
    qtbot.waitUntil(lambda: sum(w.splitter.sizes()) + w.annotations_dock.width() < 1100, timeout=10000)
    settle(qtbot, 300)
    tree, reading, results = w.splitter.sizes()
    assert tree == 0 or tree >= MIN_WIDTHS["tree"]
    assert reading >= MIN_WIDTHS["reading"] and w.annotations_dock.width() == 300


def test_the_page_box_shows_the_whole_page_label(qtbot, open_window, sample_home):
    w = open_window(sample_home, (800, 600))
    w.show_document(w.archive.outline(w.archive.issues()[0].id)[-1].id)
    search(qtbot, w, "禾川市")  # the results take their room too
    from PySide6.QtWidgets import QToolBar

    toolbar = w.findChild(QToolBar, "mainToolbar")
    qtbot.mouseClick(toolbar.widgetForAction(w.act.pages), Qt.MouseButton.LeftButton)  # 原始页面
    settle(qtbot, 300)
    box = w.pages.page_box
    assert box.text() == "第6页 (9/9)"
    # a two-digit page of a fifty-page issue fits as well
    assert box.fontMetrics().horizontalAdvance("第13页 (16/50)") <= box.width() - 8


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_search_box_shows_its_whole_hint_at_800_by_600(qtbot, open_window, data_dir, lang):
    w = open_window(data_dir, (800, 600), lang)
    box = w.search_box
    room = box.width() - 2 * box.style().pixelMetric(box.style().PixelMetric.PM_DefaultFrameWidth) - 30  # ⓧ
    assert box.fontMetrics().horizontalAdvance(box.placeholderText()) <= room
