"""The People panel (人员) driven as a user does: its shortcut, typing a name or a post, a click and Enter opening
the deciding document with the decision selected."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QTreeWidgetItem  # noqa: E402

from reader.ui import build_main_window  # noqa: E402
from tests.people_prints import build_home  # noqa: E402

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return build_home(tmp_path_factory.mktemp("ui-people"))


def open_window(qtbot, home, lang="zh_CN"):
    w = build_main_window(home, lang)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # shortcuts reach an active window only
    qtbot.waitUntil(w.isActiveWindow)
    return w


def type_text(qtbot, widget, text: str) -> None:
    """Replace a line's text the way a user does: select all, delete, then commit text from the input method."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def rows(tree) -> list[list[str]]:
    """Each group's first column, then its children's columns."""
    out = []
    for k in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(k)
        out.append([top.text(0)])
        out += [[top.child(j).text(c) for c in range(3)] for j in range(top.childCount())]
    return out


def click(qtbot, tree, item: QTreeWidgetItem) -> None:
    tree.scrollToItem(item)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() > 0)  # laid out, as the user sees it
    rect = tree.visualItemRect(item)  # its date, at the left: the row runs wider than a narrow dock
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 8, rect.center().y()))


def test_a_name_typed_shows_a_timeline_and_a_click_opens_the_decision(qtbot, home):
    w = open_window(qtbot, home)
    qtbot.keyClick(w, Qt.Key.Key_R, CTRL_SHIFT)
    people = w.people
    assert people.dock.isVisible() and w.act.show_people.isChecked()
    assert people.dock.windowTitle() == "人员"
    panel = people.panel
    type_text(qtbot, panel.query, "李四海")
    assert panel.summary.text() == "1 个姓名的 3 项决定"
    assert rows(panel.timeline) == [
        ["李四海　（3 项决定）"], ["2024-03-15", "任命", "市财政局副局长"], ["2024-03-15", "免去", "市税务服务中心主任"],
        ["2024-03-15", "试用期", "—　任职试用期为一年"]]
    assert panel.timeline.headerItem().text(2) == "职务"
    click(qtbot, panel.timeline, panel.timeline.topLevelItem(0).child(1))
    assert w.reader.doc.title == "云岭市人民政府关于赵一鸣等同志职务任免的通知"
    assert w.reader.textCursor().selectedText() == "李四海任市财政局副局长，免去其市税务服务中心主任职务"
    w.close()


def test_a_post_typed_shows_who_held_it_and_enter_opens_the_first(qtbot, home):
    w = open_window(qtbot, home)
    w.act.show_people.trigger()
    panel = w.people.panel
    type_text(qtbot, panel.query, "驻甲国特命全权大使")
    assert rows(panel.timeline) == [
        ["中华人民共和国驻甲国特命全权大使　（2 项决定）"], ["1999-04-29", "免去", "宋明"], ["1999-04-29", "任命", "欧阳晓东"]]
    assert panel.timeline.headerItem().text(2) == "人员"
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert w.reader.doc.title == "全国人民代表大会常务委员会任免名单"
    assert w.reader.textCursor().selectedText() == "免去宋明的中华人民共和国驻甲国特命全权大使职务"
    type_text(qtbot, panel.query, "无此人")
    assert panel.timeline.topLevelItemCount() == 0
    assert panel.summary.text() == "没有关于“无此人”的任免决定。"
    w.close()


def test_the_english_window_shows_no_chinese_ui_words(qtbot, home):
    w = open_window(qtbot, home, "en")
    qtbot.keyClick(w, Qt.Key.Key_R, CTRL_SHIFT)
    panel = w.people.panel
    assert w.people.dock.windowTitle() == "People"
    type_text(qtbot, panel.query, "王殿锁")
    assert panel.summary.text() == "Decisions: 1 · names: 1"
    assert rows(panel.timeline)[:2] == [["王殿锁　(decisions: 1)"], ["2024-03-15", "removed", "市城市管理局副局长"]]
    w.close()


def test_export_csv_through_the_save_dialog(qtbot, home, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    w = open_window(qtbot, home)
    w.act.show_people.trigger()
    panel = w.people.panel
    assert not panel.export.isEnabled()
    type_text(qtbot, panel.query, "副局长")
    assert panel.export.isEnabled()
    target = tmp_path / "deputies.csv"
    seen = []

    def answer() -> None:  # the user types the file name into the save dialog and presses Enter
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.windowTitle())
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setText(str(target))
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    qtbot.mouseClick(panel.export, Qt.MouseButton.LeftButton)
    assert seen == ["将任免决定导出为 CSV"]
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0] == "person,action,post,organ,note,decided_by,date,doc_number,document_id"
    assert len(rows) == 1 + 12  # every decision on a post holding 副局长, in the timeline's order
    assert rows[1].split(",")[:3] == ["周五", "remove", "市商务局副局长"]
    assert w.statusBar().currentMessage() == f"已将 12 项决定保存到 {target}"
    w.close()
