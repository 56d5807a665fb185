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
from reader.ui.main_window import MIN_WIDTHS  # noqa: E402


def settle(qtbot, ms: int = 150) -> None:
    """Let queued layout and timers run."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        qtbot.wait(5)


@pytest.fixture()
def small(qtbot, sample, tmp_path):
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(sample.pdf).ok
    w = build_main_window(home, "zh_CN")
    qtbot.addWidget(w)
    w.resize(800, 600)
    w.show()
    qtbot.waitExposed(w)
    w.show_document(w.archive.outline(w.archive.issues()[0].id)[0].id)
    yield w
    w.close()


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
