"""The 文件库 in the real window: saved web pages imported through the import dialog, the branch by organ and year,
a click on a document opens it; a page without a body is refused in the window's language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.sample import sample_documents  # noqa: E402
from reader.ui.tree_model import DOC_ID_ROLE, KIND_ROLE  # noqa: E402
from tests.webpages import abolished_page, from_sample, library_page  # noqa: E402


def children(model, parent):
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def _pages(folder: Path) -> list[Path]:
    """Two loose pages of the same organ in different years, one of another organ, and one without a body."""
    folder.mkdir(parents=True)
    office = folder / "parking.html"
    office.write_bytes(library_page(from_sample(sample_documents()[2])))
    empty = folder / "empty.html"
    empty.write_text('<html><head><meta charset="utf-8"><title>某页</title></head><body><a href="/">首页</a></body></html>',
                     encoding="utf-8")
    return [abolished_page(folder), office, empty]


def _import(qtbot, window, files: list[Path]) -> list[str]:
    dialog = window.imports.start(files)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    texts = [dialog.list.item(k).text() for k in range(dialog.list.count())]
    dialog.accept()
    return texts


def test_library_branch_by_organ_and_year_and_a_click_opens_the_page(qtbot, open_window, sample_home, tmp_path):
    window = open_window(sample_home, (1200, 800))
    texts = _import(qtbot, window, _pages(tmp_path / "pages"))
    assert "失败: empty.html — 这个网页里没有找到文件正文。请保存网页的全部内容（网页，全部）后重新导入。" in texts
    model = window.model
    top = children(model, window.tree.rootIndex())
    assert [i.data() for i in top] == ["禾川市人民政府公报 (1)", "文件库 (2)"]
    library = top[1]
    assert library.data(KIND_ROLE) == "library"
    organs = children(model, library)
    assert [o.data() for o in organs] == ["禾川市人民政府办公室 (1)", "禾川市人民政府 (1)"]
    years = children(model, organs[1])
    assert [y.data() for y in years] == ["2015年 (1)"]
    [doc] = children(model, years[0])
    assert doc.data() == "禾川市人民政府关于印发禾川市城区停车管理办法的通知　禾政发〔2015〕21号（已废止）"
    window.tree.expand(library)
    window.tree.expand(organs[1])
    window.tree.expand(years[0])
    rect = window.tree.visualRect(doc)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.doc.id == doc.data(DOC_ID_ROLE)
    text = window.reader.toPlainText()
    assert "禾政发〔2015〕21号" in text and "《禾川市城区停车管理办法》已经市人民政府同意" in text


def test_the_english_window_names_the_library_in_english(qtbot, open_window, data_dir, tmp_path):
    window = open_window(data_dir, (1200, 800), "en")
    _import(qtbot, window, [abolished_page(tmp_path)])
    [library] = children(window.model, window.tree.rootIndex())
    assert library.data() == "Document library (1)"


def test_the_results_panel_filters_by_the_library(qtbot, open_window, sample_home, tmp_path):
    window = open_window(sample_home, (1200, 800))
    _import(qtbot, window, [abolished_page(tmp_path)])
    window.search_box.setText("停车")
    window.search.last_result = None
    window.search.run()
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=20000)
    panel = window.results
    gazettes = [panel.gazette.itemText(k) for k in range(panel.gazette.count())]
    assert sorted(gazettes[1:]) == ["文件库 (1)", "禾川市人民政府公报 (2)"]
    window.search.last_result = None
    panel.gazette.setCurrentIndex(panel.gazette.findData("文件库"))
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=20000)
    assert [h.doc_number for h in window.search.last_result.hits] == ["禾政发〔2015〕21号"]
    assert [panel.year.itemText(k) for k in range(1, panel.year.count())] == ["2015 (1)"]
