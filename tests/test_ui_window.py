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
