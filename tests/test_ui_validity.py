"""Validity and citations in the window: badge, links, the Citations panel, the tree, results and the switch."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.ui import build_main_window  # noqa: E402
from reader.ui.search_panel import HIT_ROLE, HTML_ROLE  # noqa: E402
from reader.ui.tree_model import DOC_ID_ROLE  # noqa: E402
from tests.test_ui_reading import link_point  # noqa: E402
from tests.test_validity import OLD_ISSUE  # noqa: E402


@pytest.fixture()
def window(qtbot, sample, tmp_path):
    old = tmp_path / "heshuan-2015-03.txt"
    old.write_text(OLD_ISSUE, encoding="utf-8")
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(old).ok and archive.import_file(sample.pdf).ok
    w = build_main_window(home, "zh_CN")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.ids = {d.doc_number_canonical: d.id for i in w.archive.issues() for d in w.archive.documents(i.id)}
    yield w
    w.close()


def test_badge_links_and_citations_panel(qtbot, window):
    ids = window.ids
    window.show_document(ids["禾政发〔2015〕21号"])
    lines = window.reader.toPlainText().split("\n")
    assert lines[1] == " 已废止  废止：禾政规发〔2024〕1号（2024-03-18）"
    window.citations.action.trigger()
    panel = window.citations.panel
    assert panel.cites_label.text() == "引用 0 件（档案中有 0 件）" and panel.cited_label.text() == "被引用 2 件"
    assert [panel.cited_by.item(k).text() for k in range(2)] == [
        "禾政办发〔2016〕30号　禾川市人民政府办公室关于开展城区停车秩序整治的通知",
        "禾政规发〔2024〕1号　禾川市人民政府关于废止部分行政规范性文件的决定"]
    panel.open_row(panel.cited_by, 0)
    assert window.reader.doc.id == ids["禾政办发〔2016〕30号"]
    # the cited 禾政发[２０１５]２１号 is a link; following it opens the abolished 办法
    html = window.reader.toHtml()
    assert f'href="doc:{ids["禾政发〔2015〕21号"]}"' in html
    point = link_point(window.reader, f"doc:{ids['禾政发〔2015〕21号']}")
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.reader.doc.id == ids["禾政发〔2015〕21号"]
    assert [panel.cites.item(k).text() for k in range(panel.cites.count())] == []


def test_unheld_citations_say_so(qtbot, window, tmp_path):
    doc = window.archive.document(window.ids["禾政规发〔2024〕1号"])
    window.show_document(doc.id)
    window.citations.action.trigger()
    panel = window.citations.panel
    assert panel.cites_label.text() == "引用 2 件（档案中有 2 件）"
    assert panel.cites.item(0).text().endswith("（已废止）")
    window.archive.delete_issue(window.archive.document(window.ids["禾政发〔2015〕21号"]).issue_id)
    window.show_document(doc.id)
    assert panel.cites_label.text() == "引用 2 件（档案中有 0 件）"
    assert panel.cites.item(0).text() == "禾政发〔2015〕21号　《禾川市城区停车管理办法》　（档案中没有）"
    assert "href=\"missing:禾政发〔2015〕21号\"" in window.reader.toHtml()


def test_tree_results_and_in_force_switch(qtbot, window):
    ids = window.ids
    index = window.model.index_of_document(ids["禾政发〔2015〕21号"])
    assert index.data().endswith("（已废止）") and index.data(DOC_ID_ROLE) == ids["禾政发〔2015〕21号"]
    live = window.model.index_of_document(ids["禾政办发〔2016〕30号"])
    assert not live.data().endswith("）")
    window.search_box.setText("停车")
    window.search.last_result = None
    window.search.run()
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=20000)
    hits = {h.document_id: h for h in window.search.last_result.hits}
    assert hits[ids["禾政发〔2015〕21号"]].status == "abolished"
    items = window.results.results
    badged = {items.item(k).data(HIT_ROLE).document_id for k in range(items.count())
              if "已废止" in items.item(k).data(HTML_ROLE)}
    assert items.count() == len(hits) == 4 and badged == {ids["禾政发〔2015〕21号"]}
    before = window.search.last_result.total
    window.search.last_result = None
    window.results.in_force.setChecked(True)
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=20000)
    assert window.search.last_result.total == before - 1
    assert ids["禾政发〔2015〕21号"] not in {h.document_id for h in window.search.last_result.hits}
