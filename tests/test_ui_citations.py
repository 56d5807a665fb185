"""The Citations panel lists titles, the documents the archive holds first, and filters as the user types."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.archive import Archive  # noqa: E402
from tests.test_validity import OLD_ISSUE  # noqa: E402


def shown(view) -> list[str]:
    return [view.item(k).text() for k in range(view.count()) if not view.item(k).isHidden()]


def test_citations_list_titles_held_first_and_filter(qtbot, open_window, sample, tmp_path):
    old = tmp_path / "heshuan-2015-03.txt"  # this printing numbers the 停车管理办法 22号: 21号 is not archived
    old.write_text(OLD_ISSUE.replace("禾政发〔2015〕21号", "禾政发〔2015〕22号"), encoding="utf-8")
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(old).ok and archive.import_file(sample.pdf).ok
        decision = next(d.id for i in archive.issues() for d in archive.outline(i.id)
                        if d.doc_number == "禾政规发〔2024〕1号")
    w = open_window(home)
    w.show_document(decision)
    w.citations.action.trigger()  # Notes → Citations panel
    panel = w.citations.panel
    assert w.citations.dock.isVisible()
    assert shown(panel.cites) == ["禾政办发〔2016〕9号　禾川市人民政府办公室关于加强农贸市场管理的通知（已废止）",
                                  "禾政发〔2015〕21号　《禾川市城区停车管理办法》　（档案中没有）"]
    qtbot.keyClicks(panel.filter_box, "2016")
    assert shown(panel.cites) == ["禾政办发〔2016〕9号　禾川市人民政府办公室关于加强农贸市场管理的通知（已废止）"]
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.filter_box, Qt.Key.Key_Delete)
    assert len(shown(panel.cites)) == 2
