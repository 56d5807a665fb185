"""The reading pane as a user drives it: printing, links with Back/Forward, tables, the note dialog, search hits."""

from __future__ import annotations

import os
import re

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402


@pytest.fixture()
def window(open_window, sample_home):
    return open_window(sample_home, (1280, 900))


def search_and_open(qtbot, w, text: str):
    """Type a query in the search box, press Enter, wait for the results and click the first."""
    w.search_box.setFocus()
    w.search_box.clear()
    qtbot.keyClicks(w.search_box, text) if text.isascii() else w.search_box.setText(text)
    qtbot.keyClick(w.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.search.last_result is not None and w.results.list.count() > 0, timeout=20000)
    return w.reader.doc


def answer_box(qtbot, button: QMessageBox.StandardButton) -> None:
    """Press a button of the message box that is about to open."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)
    QTimer.singleShot(20, press)


def wait_preview(qtbot):
    """The real print preview dialog, once it is the active modal window; its pages painted."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintPreviewDialog), timeout=10000)
    return QApplication.activeModalWidget()


def preview_pages(qtbot, preview) -> int:
    """How many pages the open preview shows, once painted."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 1, timeout=10000)
    return widget.pageCount()


def press_ctrl_p(qtbot, w):
    """Ctrl+P in the reading pane; returns the preview once it is open and painted, with its page count."""
    import gc

    qtbot.keyClick(w.reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = wait_preview(qtbot)
    gc.collect()  # what freed the printed copy before
    preview.findChild(__import__("PySide6.QtPrintSupport").QtPrintSupport.QPrintPreviewWidget).updatePreview()
    return preview, preview_pages(qtbot, preview)


def test_ctrl_p_opens_the_print_preview_without_and_with_notes(qtbot, window):
    doc = window.archive.documents(window.archive.issues()[0].id)[1]
    window.show_document(doc.id)
    window.reader.setFocus()
    preview, plain_pages = press_ctrl_p(qtbot, window)
    assert preview.objectName() == "printPreview" and plain_pages >= 1
    preview.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    # with a highlight and its note: asked whether to include them (Yes); the notes follow the text
    window.reader.setTextCursor(window.reader.document().find("决定废止以下文件"))
    window.notes.highlight(color="green", note="这是一条批注")
    assert len(window.reader.notes) == 1
    answer_box(qtbot, QMessageBox.StandardButton.Yes)
    preview, noted_pages = press_ctrl_p(qtbot, window)
    assert noted_pages >= plain_pages
    preview.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.isVisible()


def test_ctrl_shift_e_exports_a_pdf_with_the_notes(qtbot, window, tmp_path):
    import pymupdf
    from PySide6.QtWidgets import QFileDialog

    doc = window.archive.documents(window.archive.issues()[0].id)[1]
    window.show_document(doc.id)
    window.reader.setTextCursor(window.reader.document().find("决定废止以下文件"))
    window.notes.highlight(color="green", note="这是一条批注")
    assert len(window.reader.notes) == 1
    target = tmp_path / "out.pdf"

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, fill)
            return
        edit = dialog.findChild(__import__("PySide6.QtWidgets").QtWidgets.QLineEdit, "fileNameEdit")
        edit.setText(str(target))
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        answer_box(qtbot, QMessageBox.StandardButton.Yes)
    QTimer.singleShot(20, fill)
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(target.exists, timeout=10000)
    with pymupdf.open(target) as pdf:
        text = "".join(p.get_text() for p in pdf).replace("\n", "")
    assert doc.title in text and "高亮和批注" in text and "这是一条批注" in text


def test_the_note_dialog_is_confirmed_with_ctrl_enter_and_tab_leaves_the_text(qtbot, window):
    from reader.ui.note_dialog import NoteDialog

    doc = window.archive.documents(window.archive.issues()[0].id)[1]
    window.show_document(doc.id)
    window.reader.setTextCursor(window.reader.document().find("决定废止以下文件"))
    seen = []

    def type_note() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NoteDialog):
            QTimer.singleShot(20, type_note)
            return
        qtbot.keyClicks(dialog.edit, "see 2015")
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Tab)
        seen.append((dialog.edit.toPlainText(), dialog.focusWidget() is not dialog.edit))
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QTimer.singleShot(20, type_note)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == [("see 2015", True)]  # Tab moved on instead of typing a tab
    assert [(a.exact, a.note) for a in window.archive.annotations_for(doc.id)] == [("决定废止以下文件", "see 2015")]


@pytest.fixture()
def cited(open_window, sample, tmp_path):
    """A window over the sample and an older issue whose documents it cites and abolishes."""
    from reader.archive import Archive
    from tests.test_validity import OLD_ISSUE

    old = tmp_path / "heshuan-2015-03.txt"
    old.write_text(OLD_ISSUE, encoding="utf-8")
    home = tmp_path / "cited-home"
    with Archive(home) as archive:
        assert archive.import_file(old).ok and archive.import_file(sample.pdf).ok
    w = open_window(home, (1280, 900))
    w.ids = {d.doc_number_canonical: d.id for i in w.archive.issues() for d in w.archive.documents(i.id)}
    return w


def link_point(reader, href: str):
    """Where a link stands in the reading pane's viewport (scrolled into view): the middle of its text."""
    from PySide6.QtGui import QTextCursor

    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                return reader.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


def test_clicking_a_cited_number_and_the_badge_opens_the_documents_and_back_forward_return(qtbot, cited):
    w, ids = cited, cited.ids
    w.show_document(ids["禾政办发〔2016〕30号"])
    w.reader.verticalScrollBar().setValue(0)
    abolished = ids["禾政发〔2015〕21号"]
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(w.reader, f"doc:{abolished}"))
    assert w.reader.doc.id == abolished
    # its badge names the deciding document: a click there opens it
    decision = ids["禾政规发〔2024〕1号"]
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.LeftButton, pos=link_point(w.reader, f"doc:{decision}"))
    assert w.reader.doc.id == decision
    assert w.act.back.isEnabled() and not w.act.forward.isEnabled()
    w.reader.setFocus()
    qtbot.keyClick(w.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.reader.doc.id == abolished
    qtbot.keyClick(w.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.reader.doc.id == ids["禾政办发〔2016〕30号"] and not w.act.back.isEnabled()
    qtbot.keyClick(w.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.reader.doc.id == abolished
    # the mouse's side buttons do the same
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.ForwardButton, pos=w.reader.viewport().rect().center())
    assert w.reader.doc.id == decision and w.act.forward.isEnabled() is False
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.BackButton, pos=w.reader.viewport().rect().center())
    assert w.reader.doc.id == abolished and w.act.forward.isEnabled()
    # the toolbar's button is the same action
    bar = w.findChild(__import__("PySide6.QtWidgets").QtWidgets.QToolBar, "mainToolbar")
    qtbot.mouseClick(bar.widgetForAction(w.act.back), Qt.MouseButton.LeftButton)
    assert w.reader.doc.id == ids["禾政办发〔2016〕30号"]


def test_a_result_opened_by_the_user_shows_exactly_the_hits_the_core_found(qtbot, window):
    """人民政府 stands in the pane's header line (…人民政府公报 · …): it must not count as a hit."""
    results = window.results.results
    window.search_box.setFocus()
    window.search_box.setText("人民政府")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search.last_result is not None and results.count() > 1, timeout=20000)
    for row in range(min(3, results.count())):
        item = results.item(row)
        results.scrollToItem(item)
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
        found = window.search.last_result.hits[row]
        reader = window.reader
        assert reader.doc.id == found.document_id
        assert [(reader.to_text(c.selectionStart()), reader.to_text(c.selectionEnd())) for c in reader.hits] == \
            sorted(found.positions)
        assert reader.hit_texts() == ["人民政府"] * len(found.positions)
        assert window.statusBar().currentMessage() == f"第 1/{len(found.positions)} 处命中（F3 下一处，Shift+F3 上一处）"


def test_the_shared_decision_from_its_pdf_shows_four_whole_tables(qtbot, open_window, shared, tmp_path):
    """青政规发〔2023〕1号 read from the PDF: four tables of four columns, every 文号 whole in its own cell."""
    from PySide6.QtGui import QTextTable

    from reader.archive import Archive
    from reader.gazette import docnumber

    home = tmp_path / "decision-home"
    with Archive(home) as archive:
        issue = archive.import_file(next((shared / "pdfs").glob("000_*.pdf"))).issue_id
        decision = next(d for d in archive.documents(issue) if d.doc_number_canonical == "青政规发〔2023〕1号")
    w = open_window(home)
    w.show_document(decision.id)
    tables = [f for f in w.reader.document().rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert [(t.rows(), t.columns()) for t in tables] == [(26, 4), (5, 4), (13, 4), (23, 4)]
    numbers = [t.cellAt(r, 1).firstCursorPosition().block().text() for t in tables for r in range(1, t.rows())]
    assert len(numbers) == 63 and all(docnumber.PATTERN.fullmatch(n) for n in numbers)


def test_a_bookmark_whose_document_is_gone_says_so_in_the_windows_language(qtbot, open_window, sample, tmp_path):
    from reader.archive import Archive

    home = tmp_path / "gone-home"
    printed = sample.text.read_text(encoding="utf-8")
    with Archive(home) as archive:
        issue = archive.import_file(sample.text).issue_id
        doc = next(d for d in archive.documents(issue) if d.doc_number == "禾政办发〔2024〕15号")
        archive.bookmark(doc.id, label="防火")
        other = tmp_path / "other.txt"  # another printing: that document is not in it
        other.write_text(printed.replace("禾政办发〔2024〕15号", "禾政办发〔2024〕17号").replace("春季森林防火", "秋季森林防火"),
                         encoding="utf-8")
        assert archive.import_file(other, replace=True).status == "replaced"
    w = open_window(home)
    w.act.show_bookmarks.trigger()
    view = w.bookmarks.view
    view.setFocus()
    view.setCurrentIndex(w.bookmarks.model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    message = w.statusBar().currentMessage()
    assert message.startswith("书签所在的文件") and "禾政办发〔2024〕15号" in message
    assert not re.search(r"[A-Za-z]{3,}", message)  # no English in the Chinese window


def test_clicking_a_number_the_archive_lacks_says_so(qtbot, cited):
    from PySide6.QtWidgets import QToolTip

    w, ids = cited, cited.ids
    decision = ids["禾政规发〔2024〕1号"]
    w.archive.delete_issue(w.archive.document(ids["禾政发〔2015〕21号"]).issue_id)
    w.show_document(decision)
    point = link_point(w.reader, "missing:禾政发〔2015〕21号")
    qtbot.mouseClick(w.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert w.reader.doc.id == decision and QToolTip.text() == "档案中没有 禾政发〔2015〕21号"
