"""Printing and exporting the original pages themselves (Ctrl+P and Ctrl+Shift+E while the pages are shown)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit  # noqa: E402


@pytest.fixture()
def window(open_window, sample_home):
    return open_window(sample_home, (1280, 900))


def open_with_highlight(qtbot, w, text: str, marked: str, note: str):
    w.search_box.setText(text)
    w.search.last_result = None
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    w.results.activate(0)
    w.reader.setTextCursor(w.reader.document().find(marked))
    w.notes.highlight(color="green", note=note)
    w.act.pages.trigger()
    w.pages.canvas.setFocus()
    return w.reader.doc


def answer(qtbot, steps):
    """Answer the modal dialogs as they open, one step each (a step gets the dialog); returns what was seen. A step
    that fails, or leaves its dialog open for 10 s, closes it, so the test fails instead of waiting."""
    seen: list[str] = []
    state = {"last": None, "ticks": 0}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog is state["last"]:
            state["ticks"] += 1
            if state["ticks"] > 200:
                edit = dialog.findChild(QLineEdit, "fileNameEdit")
                seen.append(f"stuck {edit and edit.text()} {[type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]}")
                dialog.reject()
                return
        elif dialog is not None and dialog.isVisible() and steps:
            state["last"], state["ticks"] = dialog, 0
            seen.append(dialog.objectName() or type(dialog).__name__)
            try:
                steps.pop(0)(dialog)
            except BaseException as exc:
                seen.append(repr(exc))
                dialog.reject()
                return
        if steps or (dialog is not None and dialog is state["last"]):
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    return seen


def click_option(qtbot, button) -> None:
    """Click a radio button or check box on its label, as a user does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def choose_pages(qtbot, typed: str | None, marks: bool = True):
    def step(dialog) -> None:
        if typed is not None:
            click_option(qtbot, dialog.typed)
            dialog.pages_box.selectAll()
            qtbot.keyClicks(dialog.pages_box, typed)
        if dialog.marks.isChecked() != marks:
            click_option(qtbot, dialog.marks)
        qtbot.keyClick(dialog.pages_box, Qt.Key.Key_Return)
    return step


def test_ctrl_shift_e_exports_the_original_pages_with_their_highlights(qtbot, window, tmp_path):
    import pymupdf

    doc = open_with_highlight(qtbot, window, "湿地保护", "细化工作措施", "看这里")
    target = tmp_path / "pages.pdf"
    bad = []

    def wrong_range(dialog) -> None:
        choose_pages(qtbot, "99")(dialog)
        bad.append((dialog.isVisible(), dialog.error.text()))
        choose_pages(qtbot, f"{doc.pdf_pages[0] + 1}-{doc.pdf_pages[1] + 1}")(dialog)

    def save_as(dialog) -> None:
        assert isinstance(dialog, QFileDialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        for _ in range(20):  # as a user: the completion list may pop up over the dialog; close it, click Save
            popup = name.completer().popup() if name.completer() is not None else None
            if popup is not None and popup.isVisible():
                qtbot.keyClick(popup, Qt.Key.Key_Escape)
            if save.isEnabled():
                qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
            qtbot.wait(100)
            if not dialog.isVisible():
                break

    seen = answer(qtbot, [wrong_range, save_as])
    qtbot.keyClick(window.pages.canvas, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert seen == ["pagesDialog", "QFileDialog"]
    assert bad == [(True, f"请输入 1 到 {window.pages.source.count} 之间的页码，例如 4-6, 9。")]
    source = window.pages.source.pdf
    with pymupdf.open(target) as out:
        assert out.page_count == doc.pdf_pages[1] - doc.pdf_pages[0] + 1
        assert [p.get_text() for p in out] == [source[k].get_text()
                                               for k in range(doc.pdf_pages[0], doc.pdf_pages[1] + 1)]
        annots = [(p.number, a.type[1], a.info["content"]) for p in out for a in p.annots()]
        hits = sum(1 for m in window.pages.hits)
    [(page, _)] = [(n.page, n) for _, n in window.pages.notes]
    assert (page - doc.pdf_pages[0], "Highlight", "看这里") in annots
    assert len(annots) == hits + 1  # every hit and the highlight, nothing else
    assert window.statusBar().currentMessage().endswith(str(target))


def test_ctrl_p_previews_the_whole_issue_pages(qtbot, window):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    open_with_highlight(qtbot, window, "湿地保护", "细化工作措施", "")

    def whole_issue(dialog) -> None:
        click_option(qtbot, dialog.issue)
        qtbot.keyClick(dialog.pages_box, Qt.Key.Key_Return)

    seen = answer(qtbot, [whole_issue])
    qtbot.keyClick(window.pages.canvas, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["pagesDialog"]
    preview = window.print_preview
    qtbot.waitUntil(lambda: preview is not None and preview.isVisible())
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0, timeout=20000)
    assert widget.pageCount() == window.pages.source.count
    preview.close()
