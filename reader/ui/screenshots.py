"""Screenshots of the main states of the window, so anyone can look at it without running it by hand.

    .venv/bin/python -m reader.ui.screenshots OUT_DIR [--lang zh_CN|en] [--size 1280x800] [--data-dir DIR]
                                                       [--query 湿地保护]

Without --data-dir it imports the sample gazette into a temporary data home. It runs offscreen unless a
display is set (for example under xvfb-run). Writes welcome.png, document.png, search.png, pages.png and
notes.png.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def _settle(app: object, seconds: float = 0.3) -> None:
    """Let the event loop run a little."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def _wait(app: object, done: object, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def parse_size(text: str) -> tuple[int, int]:
    """800x600 → (800, 600)."""
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def take(out: Path, lang: str, data_dir: Path | None, query: str,
         size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """Take the screenshots at a window size; return the files written."""
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from reader.archive import Archive, make_sample
    from reader.ui import build_main_window

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty"
        window = build_main_window(empty, lang)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        window.resize(*size)
        window.show()
        _settle(app)
        written.append(out / "welcome.png")
        window.grab().save(str(written[-1]))
        window.close()

        home = data_dir
        if home is None:
            home = Path(tmp) / "home"
            with Archive(home) as archive:
                archive.import_file(make_sample(Path(tmp) / "sample"))
        window = build_main_window(home, lang)
        window.resize(*size)
        window.show()
        with Archive(home) as archive:
            first = archive.outline(archive.issues()[-1].id)[0].id
        window.show_document(first)
        _settle(app)
        written.append(out / "document.png")
        window.grab().save(str(written[-1]))

        window.search_box.setText(query)
        window.search.run()
        _wait(app, lambda: window.search.last_result is not None)
        _settle(app)
        window.results.activate(0)
        _settle(app)
        written.append(out / "search.png")
        window.grab().save(str(written[-1]))
        window.annotations_dock.show()  # tree, results and a panel at once
        _settle(app)
        written.append(out / "search-panel.png")
        window.grab().save(str(written[-1]))
        window.annotations_dock.hide()

        window.act.pages.trigger()
        _settle(app)
        written.append(out / "pages.png")
        window.grab().save(str(written[-1]))

        window.act.pages.trigger()
        window.search_box.clear()
        text = window.reader.toPlainText()
        for passage, color, note in (("湿地保护与修复实施方案", "green", "与2021年办法冲突?"), ("定期调度工作进展", "pink", "")):
            if passage in text:
                window.reader.setTextCursor(window.reader.document().find(passage))
                window.notes.highlight(color=color, note=note)
        window.act.bookmark.trigger()
        window.annotations_dock.show()
        _settle(app)
        written.append(out / "notes.png")
        window.grab().save(str(written[-1]))
        window.annotations_dock.hide()
        # the citations panel with the document's status, and the layout at a small and a large screen size
        window.citations.action.trigger()
        _settle(app)
        written.append(out / "citations.png")
        window.grab().save(str(written[-1]))
        window.citations.dock.hide()
        # the People panel: a name typed, its timeline, the first decision opened
        window.act.show_people.trigger()
        window.people.panel.query.setText("周明川")
        window.people.panel.query.returnPressed.emit()
        _settle(app)
        written.append(out / "people.png")
        window.grab().save(str(written[-1]))
        window.people.dock.hide()
        # the original pages with the search hits and the highlights drawn on them
        window.reader.set_hits(["湿地保护"])
        window.act.pages.trigger()
        _settle(app)
        written.append(out / "pages-notes.png")
        window.grab().save(str(written[-1]))
        window.act.pages.trigger()
        for name, other in (("small-800x600.png", (800, 600)), ("large-1920x1080.png", (1920, 1080))):
            window.resize(*other)
            window.search_box.setText(query)
            window.search.last_result = None
            window.search.run()
            _wait(app, lambda: window.search.last_result is not None)
            _settle(app)
            written.append(out / name)
            window.grab().save(str(written[-1]))
        window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--query", default="湿地保护")
    parser.add_argument("--size", type=parse_size, default=(1280, 800), help="window size, such as 800x600")
    args = parser.parse_args(argv)
    for path in take(args.out, args.lang, args.data_dir, args.query, args.size):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
