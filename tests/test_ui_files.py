"""File menu: notes exported from the window (the same files as `notes export`), recently read documents."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from reader.ui import build_main_window  # noqa: E402


def open_in_tree(qtbot, w, doc_id: str) -> None:
    """Select a document's row in the tree and press Enter, as a reader does."""
    w.tree.setFocus()
    w.tree.setCurrentIndex(w.model.index_of_document(doc_id))
    qtbot.keyClick(w.tree, Qt.Key.Key_Return)


def test_export_notes_from_the_file_menu_writes_what_the_cli_writes(qtbot, open_window, sample_home, tmp_path):
    w = open_window(sample_home)
    docs = w.archive.outline(w.archive.issues()[0].id)
    open_in_tree(qtbot, w, docs[0].id)
    w.act.bookmark.trigger()  # Notes → Bookmark this document
    cursor = w.reader.document().find("湿地保护")
    w.reader.setTextCursor(cursor)
    w.act.highlight.trigger()
    target = tmp_path / "out" / "我的笔记"
    target.parent.mkdir()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.selectNameFilter([f for f in dialog.nameFilters() if "*.csv" in f][0])
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(300, answer)
    w.act.export_notes.trigger()  # File → Export notes…
    written = target.with_name("我的笔记.csv")
    assert written.read_bytes() == w.archive.notes.export_text("csv").encode("utf-8-sig")
    assert w.archive.notes.export_text("csv").count("\n") == 3  # header, the bookmark, the highlight
    assert w.statusBar().currentMessage() == f"笔记已导出到 {written}"


def test_recent_documents_come_back_after_a_restart_newest_first(qtbot, open_window, sample_home):
    w = open_window(sample_home)
    docs = w.archive.outline(w.archive.issues()[0].id)
    for doc in (docs[0], docs[2], docs[0]):
        open_in_tree(qtbot, w, doc.id)
    w.close()
    again = build_main_window(sample_home, "zh_CN")
    qtbot.addWidget(again)
    again.show()
    menu = again.act.recent.menu
    menu.popup(QPoint(0, 0))
    qtbot.waitUntil(menu.isVisible)
    titles = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert titles == [f"&1 {docs[0].title}　{docs[0].doc_number}", f"&2 {docs[2].title}　{docs[2].doc_number}",
                      "清空列表"]
    second = menu.actions()[1]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(second).center())
    assert again.current_doc == docs[2].id
    again.close()


def test_the_start_page_offers_the_recent_documents(qtbot, open_window, sample_home):
    w = open_window(sample_home)
    docs = w.archive.outline(w.archive.issues()[0].id)
    open_in_tree(qtbot, w, docs[3].id)
    w.settings.remove("last_document")  # as if the reader had closed with no document open
    w.close()
    again = open_window(sample_home)
    assert again.center.currentWidget() is again.welcome
    items = again.welcome.recent
    assert [items.item(k).text() for k in range(items.count())] == [f"{docs[3].title}　{docs[3].doc_number}"]
    items.setFocus()
    items.setCurrentRow(0)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    assert again.current_doc == docs[3].id and again.center.currentIndex() == 1
