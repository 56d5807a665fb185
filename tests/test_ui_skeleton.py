"""The untitled text before an issue's first listed document, as the window shows it (issue 20)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.archive import Archive  # noqa: E402
from tests.prints import LAYOUTS  # noqa: E402
from tests.prints_toc import print_national  # noqa: E402


def _children(model, parent):
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


@pytest.mark.parametrize(("lang", "label"), [("zh_CN", "（无标题正文）"), ("en", "(untitled text)")])
def test_the_untitled_text_is_in_the_tree_and_opens_on_a_click(qtbot, open_window, sample, tmp_path, lang, label):
    """The 目录 does not list the first document and it has no 文号: its text stands first in the tree under a
    label in the window's language, and a click shows it."""
    print_national(sample.text, tmp_path / "unlisted.pdf", LAYOUTS[0], unlisted_first=True)
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(tmp_path / "unlisted.pdf").ok
    w = open_window(home, (1200, 800), lang)
    model = w.model
    [gazette] = _children(model, w.tree.rootIndex())
    [year] = _children(model, gazette)
    [issue] = _children(model, year)
    for index in (gazette, year, issue):
        w.tree.expand(index)
    first_section = _children(model, issue)[0]
    w.tree.expand(first_section)
    first = _children(model, first_section)[0]
    assert first.data() == label
    w.tree.scrollTo(first)
    qtbot.mouseClick(w.tree.viewport(), Qt.MouseButton.LeftButton, pos=w.tree.visualRect(first).center())
    qtbot.waitUntil(lambda: w.reader.doc is not None and "湿地保护与修复实施方案" in w.reader.toPlainText(), timeout=5000)
    assert w.windowTitle().startswith(label)
