"""Highlights, notes and bookmarks in the real window (pytest-qt, offscreen)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from reader.ui.notes_panels import RECORD_ROLE  # noqa: E402


@pytest.fixture()
def window(open_window, sample_home):
    return open_window(sample_home, (1200, 800))


def select(w, passage: str) -> None:
    """Select a passage in the reading pane as a user would."""
    cursor = w.reader.document().find(passage)
    assert not cursor.isNull(), passage
    w.reader.setTextCursor(cursor)


def open_doc(w, needle: str):
    issue = w.archive.issues()[0].id
    doc = next(d for d in w.archive.documents(issue) if needle in d.text)
    w.show_document(doc.id)
    return doc


def test_object_names(window):
    assert window.findChild(QWidget, "bookmarksPanel") is window.bookmarks
    assert window.findChild(QWidget, "annotationsPanel") is window.annotations


def test_select_highlight_note_panel_and_jump_back(qtbot, window):
    doc = open_doc(window, "青苇湖湿地")
    select(window, "青苇湖湿地")
    assert window.act.highlight.isEnabled()
    note = window.notes.highlight(color="green", note="与2021年办法冲突?")
    assert (note.start, note.end) == (doc.text.index("青苇湖湿地"), doc.text.index("青苇湖湿地") + 5)
    assert doc.text[note.start:note.end] == "青苇湖湿地"
    # drawn in the reading pane, and the note shows on hover
    assert [n.id for n in window.reader.notes] == [note.id]
    pos = window.reader.to_view(note.start + 1)
    assert window.reader.note_at(pos).note == "与2021年办法冲突?"
    # the annotations panel lists it; opening it selects the passage again in another session of reading
    window.act.show_annotations.trigger()
    assert window.annotations.isVisible()
    model = window.annotations.model
    assert model.rowCount() == 1 and model.index(0).data(RECORD_ROLE).note == "与2021年办法冲突?"
    other = open_doc(window, "林晓禾")
    assert window.reader.doc.id == other.id
    window.annotations.open_row(0)
    assert window.reader.doc.id == doc.id
    assert window.reader.textCursor().selectedText() == "青苇湖湿地"


def test_search_hits_and_highlights_show_together(qtbot, window):
    open_doc(window, "青苇湖湿地")
    select(window, "湿地保护与修复")
    window.notes.highlight(color="blue")
    window.reader.set_hits(["湿地"])
    assert len(window.reader.extraSelections()) == 1 + len(window.reader.hits)


def test_delete_with_undo_and_filters(qtbot, window):
    open_doc(window, "青苇湖湿地")
    select(window, "青苇湖湿地")
    first = window.notes.highlight(color="green", note="重点")
    select(window, "白鹭滩湿地")
    window.notes.highlight(color="pink")
    window.act.show_annotations.trigger()
    window.annotations.color.setCurrentIndex(window.annotations.color.findData("pink"))
    assert [a.color for a in window.annotations.model.records] == ["pink"]
    window.annotations.color.setCurrentIndex(0)
    window.annotations.text.setText("重点")
    assert [a.id for a in window.annotations.model.records] == [first.id]
    window.annotations.text.setText("")
    second = window.archive.notes.annotations(color="pink")[0]
    window.notes.remove_annotation(first)
    assert [a.id for a in window.archive.notes.annotations()] == [second.id] and len(window.reader.notes) == 1
    window.act.undo.trigger()
    assert {a.id for a in window.archive.notes.annotations()} == {first.id, second.id}
    assert window.archive.notes.annotation(first.id).note == "重点"


def test_bookmark_toggle_panel_open_rename_delete_undo(qtbot, window):
    doc = open_doc(window, "森林防火")
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    [mark] = window.archive.notes.bookmarks()
    assert mark.document_id == doc.id and window.act.bookmark.isChecked()
    window.notes.rename_bookmark(mark, "每年春天看")
    window.act.show_bookmarks.trigger()
    model = window.bookmarks.model
    assert model.rowCount() == 1 and model.index(0).data(RECORD_ROLE).label == "每年春天看"
    open_doc(window, "青苇湖湿地")
    window.bookmarks.open_row(0)
    assert window.reader.doc.id == doc.id
    window.notes.remove_bookmark(model.index(0).data(RECORD_ROLE))
    assert window.archive.notes.bookmarks() == [] and model.rowCount() == 0
    window.act.undo.trigger()
    assert [b.label for b in window.archive.notes.bookmarks()] == ["每年春天看"]
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # toggles off
    assert window.archive.notes.bookmarks() == []


def test_my_notes_search_scope(qtbot, window):
    open_doc(window, "青苇湖湿地")
    select(window, "青苇湖湿地")
    window.notes.highlight(note="与2021年办法冲突?")
    window.results.scope.setCurrentIndex(window.results.scope.findData("notes"))
    window.search_box.setText("办法冲突")
    window.search.run()
    items = window.results.results
    assert items.count() == 1
    open_doc(window, "林晓禾")
    window.results.activate(0)
    assert window.reader.textCursor().selectedText() == "青苇湖湿地"


def test_highlights_survive_a_replace_in_the_window(qtbot, window, sample, tmp_path):
    open_doc(window, "青苇湖湿地")
    select(window, "南溪河口湿地")
    note = window.notes.highlight(note="河口")
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(sample.text.read_text(encoding="utf-8").replace("南溪河口湿地", "南溪河口湿地（扩展）"),
                     encoding="utf-8")
    dialog = window.imports.start([fixed])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.retry_replace.isVisible()
    dialog.retry_replace.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    again = window.archive.notes.annotation(note.id)
    text = window.archive.document(again.document_id).text
    assert text[again.start:again.end] == "南溪河口湿地"
    window.show_document(again.document_id)
    window.reader.setTextCursor(QTextCursor(window.reader.document()))
    assert window.reader.notes and window.reader.notes[0].id == note.id


def test_note_edits_and_bookmark_renames_undo(qtbot, window):
    doc = open_doc(window, "青苇湖湿地")
    select(window, "青苇湖湿地")
    note = window.notes.highlight(color="green", note="初稿")
    window.notes.edit_annotation(note, "改过的批注")
    assert window.archive.notes.annotation(note.id).note == "改过的批注"
    window.act.undo.trigger()
    assert window.archive.notes.annotation(note.id).note == "初稿"
    window.act.redo.trigger()
    assert window.archive.notes.annotation(note.id).note == "改过的批注"
    window.act.bookmark.trigger()
    [mark] = window.archive.notes.bookmarks()
    window.notes.rename_bookmark(mark, "第一遍")
    window.act.show_bookmarks.trigger()
    assert [b.label for b in window.bookmarks.model.records] == ["第一遍"]
    window.act.undo.trigger()
    assert [b.label for b in window.archive.notes.bookmarks()] == [""]
    assert [b.label for b in window.bookmarks.model.records] == [""]
    assert window.archive.notes.bookmarks()[0].document_id == doc.id


def test_every_view_follows_one_change_notice(qtbot, window):
    from reader.ui.operations import Change

    doc = open_doc(window, "青苇湖湿地")
    window.act.show_annotations.trigger()
    assert window.annotations.model.rowCount() == 0
    start = doc.text.index("白鹭滩湿地")
    made = window.archive.annotate(doc.id, start, start + 5, color="pink")  # a change made outside the window
    window.bus.did_execute(Change.NOTES)
    assert [a.id for a in window.annotations.model.records] == [made.id]
    assert [n.id for n in window.reader.notes] == [made.id]


def test_undo_clears_the_stale_undo_message(qtbot, window):
    open_doc(window, "青苇湖湿地")
    select(window, "青苇湖湿地")
    note = window.notes.highlight()
    window.notes.remove_annotation(note)
    assert window.statusBar().currentMessage() == "已删除高亮（Ctrl+Z 撤销）"
    window.act.undo.trigger()
    assert window.statusBar().currentMessage() == ""


def test_a_note_that_may_have_moved_waits_for_review_then_is_confirmed_or_moved(qtbot, window, sample, tmp_path):
    doc = open_doc(window, "青苇湖湿地")
    start = doc.text.index("青苇湖湿地\t320")
    note = window.archive.annotate(doc.id, start, start + len("青苇湖湿地\t320"), note="面积")
    changed = sample.text.read_text(encoding="utf-8").replace("青苇湖湿地\t320", "青苇湖湿地\t321")
    changed = changed.replace("白鹭滩湿地\t145", "青苇滩湿地\t320")  # a neighbouring row now reads nearly the same
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(changed, encoding="utf-8")
    dialog = window.imports.start([fixed])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    dialog.replace_failed()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    waiting = window.archive.notes.annotation(note.id)
    assert waiting.status == "review" and waiting.exact == "青苇湖湿地\t320"  # the quote the user marked is kept
    window.act.show_annotations.trigger()
    panel = window.annotations
    panel.review.setChecked(True)
    assert [a.id for a in panel.model.records] == [note.id]
    assert "位置待核对" in panel.model.index(0).data(Qt.ItemDataRole.UserRole + 11)
    panel.open_row(0)
    panel.confirm.click()
    assert window.archive.notes.annotation(note.id).status == "exact" and panel.model.rowCount() == 0
    window.act.undo.trigger()
    assert window.archive.notes.annotation(note.id).status == "review"
    # or the user selects the right words and moves the highlight there
    panel.open_row(0)
    text = window.archive.document(waiting.document_id).text
    right = text.index("青苇湖湿地\t321")  # the cell of the row the user means
    window.reader.select_offsets(right, right + len("青苇湖湿地"))
    window.act.move_highlight.trigger()
    moved = window.archive.notes.annotation(note.id)
    assert (moved.status, moved.start, moved.exact, moved.note) == ("exact", right, "青苇湖湿地", "面积")
