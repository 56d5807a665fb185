"""One data home, one window: a second start hands its files to the running window; a second window opened on
purpose acts on what the first saved (no bookmark silently removed)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.ui.single_instance import is_running  # noqa: E402


def issues_in(home) -> int:
    with Archive(home, readonly=True) as archive:
        return len(archive.issues())


def test_a_second_start_hands_its_file_to_the_running_window(qtbot, data_dir, sample):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "--lang", "zh_CN", "gui"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        qtbot.waitUntil(lambda: is_running(data_dir), timeout=120000)
        second = subprocess.run([*command, str(sample.pdf)], env=env, capture_output=True, text=True, timeout=120)
        assert second.returncode == 0
        assert second.stdout.strip() == f"Gazette Reader is already open on {data_dir.resolve()}: brought to the front"
        qtbot.waitUntil(lambda: issues_in(data_dir) == 1, timeout=120000)  # the first window imported it
        assert first.poll() is None  # and stays open
    finally:
        first.terminate()
        first.wait(30)


def test_a_second_window_does_not_undo_the_other_windows_bookmark(qtbot, open_window, sample_home):
    w1 = open_window(sample_home)
    w2 = open_window(sample_home)
    doc = w1.archive.outline(w1.archive.issues()[0].id)[0].id
    w1.show_document(doc)
    w2.show_document(doc)
    assert not w1.act.bookmark.isChecked()
    w2.activateWindow()
    qtbot.waitUntil(w2.isActiveWindow)
    qtbot.keyClick(w2.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # bookmarked in the second
    assert w2.act.bookmark.isChecked()
    w1.activateWindow()
    qtbot.waitUntil(w1.isActiveWindow)
    qtbot.keyClick(w1.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # the first still shows none
    assert w1.act.bookmark.isChecked()
    assert [b.document_id for b in w1.archive.notes.bookmarks()] == [doc]
    assert w1.statusBar().currentMessage() == "另一个窗口已更改了这个书签"


def test_a_second_window_warns_and_shows_the_others_notes_when_it_comes_back(qtbot, open_window, sample_home):
    from reader.ui.single_instance import serve

    w1 = open_window(sample_home)
    serve(w1, [], others=True)  # as `gui --new-window` does when a window is open already
    assert w1.statusBar().currentMessage().startswith("另一个窗口也打开了这个数据文件夹")
    w2 = open_window(sample_home)
    doc = w1.archive.outline(w1.archive.issues()[0].id)[0].id
    w1.show_document(doc)
    w2.show_document(doc)
    w2.activateWindow()
    qtbot.waitUntil(w2.isActiveWindow)
    qtbot.keyClick(w2.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not w1.act.bookmark.isChecked()
    w1.activateWindow()
    qtbot.waitUntil(w1.isActiveWindow)
    assert w1.act.bookmark.isChecked()  # re-read when the window came to the front


def test_a_file_manager_opening_gazettes_with_the_reader_means_gui(sample, tmp_path):
    from reader.cli import build_parser, files_mean_gui

    argv = files_mean_gui(["--data-dir", str(tmp_path), str(sample.pdf), str(sample.text)])
    args = build_parser().parse_args(argv)
    assert (args.command, args.files, args.data_dir) == ("gui", [str(sample.pdf), str(sample.text)], str(tmp_path))
    assert files_mean_gui(["list"]) == ["list"] and files_mean_gui(["import", str(sample.pdf)])[0] == "import"
