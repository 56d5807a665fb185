"""A user with 10,000 annotations: time to open a document holding 200 of them, and to open the panel.

    .venv/bin/python bench/bench_notes.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.archive import Archive  # noqa: E402
from reader.sample import build_sample  # noqa: E402
from reader.search.analyzer import normalize  # noqa: E402, F401  (the same interpreter state as the app)


def fill(home: Path, total: int = 10_000, on_one: int = 200) -> str:
    """An archive of 20 sample issues and `total` annotations, `on_one` of them on one long document."""
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp, Archive(home) as archive:
        for k in range(20):
            archive.import_file(build_sample(Path(tmp) / str(k), year=2000 + k, issue=1, scale=8).text)
        docs = [d for i in archive.issues() for d in archive.documents(i.id)]
        target = max(docs, key=lambda d: len(d.text))
        store = archive.notes
        with store.db.atomic():
            for n in range(total):
                doc = target if n < on_one else rng.choice(docs)
                start = rng.randrange(0, max(1, len(doc.text) - 12))
                store.annotate(doc.id, doc.text, start, start + rng.randint(2, 10), color=rng.choice(
                    ["yellow", "green", "blue", "pink", "purple"]), note=f"批注 {n}" if n % 3 == 0 else "",
                    citation=archive.citation(doc.id), issue_id=doc.issue_id)
        archive.reindex()  # as in daily use: the index is there, the window does not rebuild it
        return target.id


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from reader.ui import build_main_window

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t0 = time.perf_counter()
        target = fill(home)
        print(f"made 10,000 annotations in {time.perf_counter() - t0:.1f} s")
        w = build_main_window(home, "zh_CN")
        w.resize(1280, 800)
        w.show()
        app = QApplication.instance()
        assert app is not None
        end = time.perf_counter() + 1.5  # the search worker warms up after start
        while time.perf_counter() < end:
            app.processEvents()
        others = [d.id for i in w.archive.issues()[:5] for d in w.archive.outline(i.id)[:2]]
        opens = []
        for _ in range(5):
            for doc in others:
                w.show_document(doc)
                app.processEvents()
            t0 = time.perf_counter()
            w.show_document(target)
            app.processEvents()
            opens.append((time.perf_counter() - t0) * 1000)
        print(f"open the document with {len(w.reader.notes)} annotations (drawn): "
              f"median {statistics.median(opens):.1f} ms, max {max(opens):.1f} ms")
        panels = []
        for _ in range(5):
            w.annotations_dock.hide()
            app.processEvents()
            t0 = time.perf_counter()
            w.annotations_dock.show()  # loads the list when it becomes visible
            app.processEvents()
            panels.append((time.perf_counter() - t0) * 1000)
        print(f"open the annotations panel with {w.annotations.model.rowCount()} annotations: "
              f"median {statistics.median(panels):.1f} ms, max {max(panels):.1f} ms")
        w.close()


if __name__ == "__main__":
    main()
