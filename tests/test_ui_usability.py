"""What a new user stumbled on: small windows, keys in the panels, dialogs across retries, filters, exits."""

from __future__ import annotations

import os
import time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.ui import build_main_window  # noqa: E402
from reader.ui.layout import MIN_WIDTHS  # noqa: E402


def settle(qtbot, ms: int = 150) -> None:
    """Let queued layout and timers run."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        qtbot.wait(5)


@pytest.fixture()
def small(open_window, sample_home):
    w = open_window(sample_home, (800, 600))
    w.show_document(w.archive.outline(w.archive.issues()[0].id)[0].id)
    return w


def search(qtbot, w, text: str):
    w.search_box.setText(text)
    w.search.last_result = None
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    settle(qtbot)
    return w.search.last_result


def test_at_800_by_600_the_search_box_stays_reachable_and_the_reading_pane_readable(qtbot, small):
    w = small
    assert w.search_box.isVisible() and w.search_box.width() >= MIN_WIDTHS["search"]
    assert w.search_box.mapTo(w, w.search_box.rect().topRight()).x() <= w.width()
    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert w.search_box.hasFocus()
    search(qtbot, w, "湿地")
    tree, reading, results = w.splitter.sizes()
    assert w.width() == 800 and reading >= MIN_WIDTHS["reading"] and results >= MIN_WIDTHS["results"]
    assert tree == 0 or tree >= MIN_WIDTHS["tree"]  # folded, or usable: never a 70-pixel sliver
    w.act.show_annotations.trigger()
    settle(qtbot)
    assert w.width() == 800 and w.annotations_dock.isVisible()
    assert w.splitter.sizes()[1] >= MIN_WIDTHS["reading"]
    w.act.show_annotations.trigger()
    settle(qtbot)
    assert w.width() == 800 and w.splitter.sizes()[0] >= MIN_WIDTHS["tree"]


def test_f2_and_delete_work_in_the_panels(qtbot, small):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    w = small
    cursor = w.reader.document().find("青苇湖湿地")
    w.reader.setTextCursor(cursor)
    w.notes.highlight(color="green", note="旧")
    w.act.bookmark.trigger()
    w.act.show_bookmarks.trigger()
    settle(qtbot)
    view = w.bookmarks.view
    view.setFocus()
    view.setCurrentIndex(w.bookmarks.model.index(0))

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("春天再读")
        dialog.accept()

    QTimer.singleShot(50, answer)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert [b.label for b in w.archive.notes.bookmarks()] == ["春天再读"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert w.archive.notes.bookmarks() == []
    w.act.show_annotations.trigger()
    settle(qtbot)
    notes_view = w.annotations.view
    notes_view.setFocus()
    notes_view.setCurrentIndex(w.annotations.model.index(0))
    qtbot.keyClick(notes_view, Qt.Key.Key_Delete)
    assert w.archive.notes.annotations() == []
    w.act.undo.trigger()
    assert [a.note for a in w.archive.notes.annotations()] == ["旧"]


def test_ctrl_shift_a_raises_the_annotations_tab_and_results_close(qtbot, small):
    w = small
    w.act.show_bookmarks.trigger()
    w.act.show_annotations.trigger()
    settle(qtbot)
    w.act.show_bookmarks.trigger()  # open but behind the annotations tab: brought to the front
    settle(qtbot)
    assert not w.bookmarks_dock.visibleRegion().isEmpty() and w.annotations_dock.visibleRegion().isEmpty()
    w.act.show_annotations.trigger()  # the same for annotations: to the front, not closed
    settle(qtbot)
    assert not w.annotations_dock.isHidden() and not w.annotations_dock.visibleRegion().isEmpty()
    w.act.show_annotations.trigger()  # in front already: closes
    settle(qtbot)
    assert w.annotations_dock.isHidden() and not w.act.show_annotations.isChecked()
    search(qtbot, w, "湿地")
    assert w.results.isVisible()
    w.results.close_button.click()
    assert not w.results.isVisible()


def test_filter_counts_follow_the_other_filters_and_an_empty_result_says_why(qtbot, small, sample, tmp_path):
    from reader.sample import build_sample

    w = small
    assert w.archive.import_file(build_sample(tmp_path / "older", year=2022, issue=4).pdf).ok
    search(qtbot, w, "禾川市")
    panel = w.results
    assert panel.summary.text() == "找到 12 篇文件"
    w.search.last_result = None
    panel.section.setCurrentIndex(panel.section.findData("人事任免"))
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    assert panel.summary.text() == "找到 2 篇文件"
    assert [panel.year.itemText(k) for k in range(panel.year.count())] == ["全部年份", "2024 (1)", "2022 (1)"]
    w.search.last_result = None
    panel.year.setCurrentIndex(panel.year.findData("2022"))
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    assert panel.summary.text() == "找到 1 篇文件"
    sections = {panel.section.itemData(k): panel.section.itemText(k) for k in range(1, panel.section.count())}
    assert sections["市政府文件"] == "市政府文件 (2)"  # counted within 2022, as the result would be
    w.search.last_result = None
    panel.in_force.setChecked(True)  # nothing in the sample is abolished: still 1
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    assert w.search.last_result.total == 1 and not panel.clear_filters.isVisible()
    w.search.last_result = None
    w.search_box.setText("禾川市 状态:废止")
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    assert w.search.last_result.total == 0
    assert panel.summary.text() == "在当前筛选条件下没有符合的文件。" and panel.clear_filters.isVisible()


def test_widths_come_back_after_a_restart_with_the_results_open(qtbot, small):
    w = small
    home = w.home
    search(qtbot, w, "湿地")
    w.splitter.setSizes([150, 400, 250])
    w.splitter.splitterMoved.emit(150, 1)
    settle(qtbot)
    before = w.splitter.sizes()
    w.close()
    again = build_main_window(home, "zh_CN")
    qtbot.addWidget(again)
    again.resize(800, 600)
    again.show()
    settle(qtbot)
    assert again.splitter.sizes()[0] == before[0] and not again.results.isVisible()
    search(qtbot, again, "湿地")
    assert all(abs(a - b) <= 3 for a, b in zip(again.splitter.sizes(), before))  # the splitter rounds by a pixel
    again.close()


def test_paragraphs_show_their_first_line_indent_and_selected_rows_stay_readable(qtbot, small):
    from PySide6.QtGui import QFontMetrics, QPalette

    w = small
    block = w.reader.document().begin()
    indents = {}
    while block.isValid():
        indents[block.text()] = block.blockFormat().textIndent()
        block = block.next()
    two_chars = QFontMetrics(w.reader.document().defaultFont()).horizontalAdvance("中中")
    assert indents["《禾川市湿地保护与修复实施方案》已经市人民政府研究同意，现印发给你们，请认真贯彻执行。"] == two_chars
    assert indents["禾川市人民政府"] == 0  # the signature is right-aligned, not indented
    w.zoom(4)
    block = w.reader.document().find("现印发给你们").block()
    bigger = QFontMetrics(w.reader.document().defaultFont()).horizontalAdvance("中中")
    assert bigger > two_chars and block.blockFormat().textIndent() == bigger
    search(qtbot, w, "湿地")
    palette = w.results.results.palette()
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#cfe3f7"
    assert palette.color(QPalette.ColorRole.HighlightedText).name() == "#000000"


def test_import_dialog_says_already_in_the_archive_and_replaces_once(qtbot, small, sample, tmp_path):
    w = small
    changed = tmp_path / "changed.txt"
    changed.write_text(sample.text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    dialog = w.imports.start([sample.pdf, changed])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    lines = [dialog.list.item(k) for k in range(dialog.list.count())]
    assert lines[0].text() == f"已在档案中: {sample.pdf.name}" and lines[0].foreground().color().name() != "#b00020"
    assert lines[1].text().startswith("失败: changed.txt — 档案中已有") and dialog.retry_replace.isVisible()
    dialog.replace_failed()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert [dialog.list.item(k).text() for k in range(dialog.list.count())] == [
        f"已在档案中: {sample.pdf.name}",
        "已替换: changed.txt — 6 篇文件\n  警告：被替换的 PDF 的原始页面已保留，原始页面视图仍可查看。"]
    assert dialog.label.text() == "完成。已导入 0 个，已替换 1 个，1 个已在档案中，失败 0 个"
    dialog.accept()


def test_my_notes_finds_bookmarks_too_and_marks_the_words(qtbot, small):
    from reader.ui.search_panel import HTML_ROLE

    w = small
    w.reader.setTextCursor(w.reader.document().find("青苇湖湿地"))
    w.notes.highlight(note="湿地面积要复核")
    w.act.bookmark.trigger()
    w.notes.rename_bookmark(w.archive.notes.bookmarks()[0], "复核清单")
    w.results.scope.setCurrentIndex(w.results.scope.findData("notes"))
    w.search_box.setText("复核")
    w.search.run()
    items = w.results.results
    assert items.count() == 2
    html = [items.item(k).data(HTML_ROLE) for k in range(2)]
    assert all("<span style='background:#ffe066'>复核</span>" in h for h in html)
    w.show_document(w.archive.outline(w.archive.issues()[0].id)[3].id)
    w.results.activate(1)  # the bookmark: opens its document
    assert w.reader.doc.id == w.archive.notes.bookmarks()[0].document_id


def test_an_opened_note_stands_in_the_middle_of_the_view_and_the_dialog_shows_its_passage(qtbot, small):
    from PySide6.QtCore import QTimer

    from reader.ui.note_dialog import NoteDialog

    w = small
    w.reader.setTextCursor(w.reader.document().find("南溪河口湿地"))
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog)
        seen.append(dialog.passage.text())
        dialog.edit.setPlainText("河口")
        dialog.accept()

    QTimer.singleShot(50, answer)
    note = w.notes.highlight(ask_note=True)
    assert seen == ["「南溪河口湿地」\n对这段文字的批注："] and note.note == "河口"
    start = w.reader.doc.text.index("二、重点任务")
    middle_note = w.archive.annotate(w.reader.doc.id, start, start + 6)
    bar = w.reader.verticalScrollBar()
    bar.setValue(0)
    w.notes.open_annotation(middle_note)
    assert 0 < bar.value() < bar.maximum()  # a passage the view can centre
    middle = w.reader.viewport().height() // 2
    assert abs(w.reader.cursorRect().center().y() - middle) <= w.reader.cursorRect().height()


def test_results_show_date_and_hit_count(qtbot, small):
    from reader.ui.search_panel import HIT_ROLE, HTML_ROLE

    w = small
    search(qtbot, w, "湿地保护")
    item = w.results.results.item(0)
    hit = item.data(HIT_ROLE)
    assert hit.date == "2024-03-05" and len(hit.positions) == 16
    assert "市政府文件 · 2024-03-05 · 16 处匹配" in item.data(HTML_ROLE)


def test_bookmark_action_off_on_the_welcome_page_and_english_singular(qtbot, tmp_path, sample):
    empty = build_main_window(tmp_path / "empty", "en")
    qtbot.addWidget(empty)
    empty.show()
    settle(qtbot)
    assert empty.center.currentWidget() is empty.welcome and not empty.act.bookmark.isEnabled()
    empty.close()
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(sample.pdf).ok
    w = build_main_window(home, "en")
    qtbot.addWidget(w)
    w.show()
    search(qtbot, w, "湿地保护")
    assert w.results.summary.text() == "1 document found"
    search(qtbot, w, "禾川市")
    assert w.results.summary.text() == "6 documents found"
    w.close()


def test_the_suggested_export_name_is_cut_at_a_word_not_mid_title():
    from reader.ui.printing import suggested_name

    title = "禾川市人民政府办公室关于印发《禾川市智慧停车建设三年行动计划（2024—2026年）》的通知"
    assert suggested_name(title) == title + ".pdf"  # fits: kept whole
    assert suggested_name(title, limit=30) == "禾川市智慧停车建设三年行动计划（2024—2026年）.pdf"  # the plan's own name
    assert suggested_name(title, limit=20) == "禾川市智慧停车建设三年行动计划.pdf"  # cut before the bracket
    assert suggested_name('a/b:c*?"<>|') == "abc.pdf"


def test_no_glyph_the_font_may_lack_in_the_bookmarks_panel(qtbot, small):
    from PySide6.QtGui import QFontMetrics

    from reader.ui.notes_panels import bookmark_html

    w = small
    w.act.bookmark.trigger()
    html = bookmark_html(w.archive.notes.bookmarks()[0])
    assert "🔖" not in html
    metrics = QFontMetrics(w.bookmarks.view.font())
    assert all(metrics.inFont(ch) for ch in "▍")  # the mark drawn instead is in the CJK font the app uses
