"""An office pack in the window: shown read-only with its date, searched, imports refused, and a newer pack tells
what it brought."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.sample import build_sample  # noqa: E402


def open_pack_window(qtbot, home, pack, lang="zh_CN"):
    from reader.ui import build_main_window

    w = build_main_window(home, lang, pack=pack)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_window_shows_a_pack_read_only_and_tells_what_a_newer_pack_brought(qtbot, sample_home, tmp_path):
    pack = tmp_path / "share" / "pack"
    with Archive(sample_home) as keeper:
        keeper.build_pack(pack)
    user = tmp_path / "user"
    w = open_pack_window(qtbot, user, pack)
    banner = w.findChild(QLabel, "packBanner")
    built = Archive(user, pack=pack).pack["built_at"][:10]
    assert banner is not None and banner.text() == f"办公室档案包 pack · {built} 生成 · 只读"
    assert w.windowTitle() == f"公报阅读器 — {built} 的办公室档案包"
    assert not w.act.import_files.isEnabled() and w.act.own_archive.isVisible()
    assert w.model.rowCount() == 1  # the pack's gazette
    w.search_box.setFocus()
    w.search_box.setText("湿地保护")
    qtbot.keyClick(w.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.search.last_result is not None and w.results.results.count() > 0, timeout=20000)
    assert w.search.last_result.total == Archive(sample_home).search("湿地保护").total
    # the start page's import button says the pack is read-only and where imports go, and imports nothing
    said = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            said.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, answer)

    w.center.setCurrentWidget(w.welcome)
    QTimer.singleShot(20, answer)
    qtbot.mouseClick(w.welcome.load_sample, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said == ["此窗口显示的是办公室档案包，只读。要把文件导入您自己的档案库，请使用“文件 → 打开我自己的档案库”，然后在那里导入。"]
    assert not (user / "archive.db").exists() or Archive(user).issues() == []
    w.close()
    # the keeper adds an issue and builds the pack again: the window says so on opening
    with Archive(sample_home) as keeper:
        assert keeper.import_file(build_sample(tmp_path / "s21", year=2021, issue=1).pdf).ok
        keeper.build_pack(pack)
    w2 = open_pack_window(qtbot, user, pack)
    qtbot.waitUntil(lambda: any(isinstance(b, QMessageBox) and b.objectName() == "packChanges" and b.isVisible()
                                for b in QApplication.topLevelWidgets()), timeout=20000)
    box = next(b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.objectName() == "packChanges")
    assert box.text().splitlines()[1] == "新增 1 期"
    assert "2021年第1期" in box.text()
    box.close()
    w2.close()
