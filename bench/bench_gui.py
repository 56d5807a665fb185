"""Window figures on a large archive: time to a shown, usable window; time to open a document; the longest
stall of the UI thread while a query is typed (searches run on a worker thread).

    .venv/bin/python bench/make_archive.py     # once
    .venv/bin/python bench/bench_gui.py [--archive bench/out/archive]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP = """
import sys, time
sys.path.insert(0, sys.argv[2])
from reader.ui import build_main_window
from PySide6.QtWidgets import QApplication
w = build_main_window(sys.argv[1], "zh_CN")
w.show()
app = QApplication.instance()
app.processEvents()
w.grab()  # the first full paint
print("ready", flush=True)
"""


def startup(home: Path, runs: int = 5) -> list[float]:
    """Seconds from launching the process to a shown and painted window."""
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", STARTUP, str(home), str(ROOT)], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=env)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - t0)
        assert line.strip() == "ready", line
        proc.kill()
        proc.wait()
    return times


def in_process(home: Path) -> None:
    """Document opening times and UI stalls while typing."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Slot
    from PySide6.QtWidgets import QApplication

    from reader.ui import build_main_window

    w = build_main_window(home, "zh_CN")
    w.resize(1280, 800)
    w.show()
    app = QApplication.instance()
    assert app is not None
    settle_until = time.perf_counter() + 1.5  # the search worker warms up after start; a user reads the tree
    while time.perf_counter() < settle_until:
        app.processEvents()
    issues = w.archive.issues()
    docs = [w.archive.outline(i.id)[0].id for i in issues[:: max(1, len(issues) // 30)]]
    opens = []
    for doc in docs:
        t0 = time.perf_counter()
        w.show_document(doc)
        app.processEvents()
        opens.append((time.perf_counter() - t0) * 1000)
    print(f"open a document (with tree selection and first paint), {len(opens)} documents: "
          f"median {statistics.median(opens):.1f} ms, max {max(opens):.1f} ms")

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    answered: list[float] = []

    class Counter(QObject):
        """Receives the worker's answers on the UI thread (a plain lambda would run on the worker thread)."""

        @Slot(int, object)
        def got(self, request: int, result: object) -> None:
            answered.append(getattr(result, "elapsed_ms", 0.0))

    counter = Counter()
    w.search_worker.finished.connect(counter.got)
    for query in ("垃圾分类处理", "营商环境 年份:2010-2020", "青政办发[2021]28号", "乡村振兴 产业"):
        text = ""
        for ch in query:
            text += ch
            w.search_box.setText(text)
            end = time.perf_counter() + 0.12  # a fast typist: 120 ms a character
            while time.perf_counter() < end:
                app.processEvents()
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            app.processEvents()
    timer.stop()
    print(f"typing 4 queries: {len(answered)} searches answered, longest UI stall {max(gaps):.0f} ms "
          f"(timer every 5 ms; median gap {statistics.median(gaps):.0f} ms)")
    w.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=str(ROOT / "bench" / "out" / "archive"))
    args = parser.parse_args()
    home = Path(args.archive)
    times = startup(home)
    print(f"start to shown window ({home}): median {statistics.median(times):.2f} s, max {max(times):.2f} s")
    in_process(home)


if __name__ == "__main__":
    main()
