"""One window per data home: how long a second start takes to hand over to the running window and exit, and the
hand-over itself (connect, send, answer) from a process that already has Qt loaded.

    .venv/bin/python bench/bench_instance.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from reader.ui.single_instance import hand_over, is_running

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        command = [sys.executable, "-m", "reader", "--data-dir", str(home), "gui"]
        t0 = time.perf_counter()
        first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not is_running(home):
                time.sleep(0.05)
            print(f"first window listening after {time.perf_counter() - t0:.2f} s")
            starts = []
            for _ in range(args.runs):
                t = time.perf_counter()
                done = subprocess.run(command, env=env, capture_output=True, text=True)
                starts.append(time.perf_counter() - t)
                assert done.returncode == 0 and "already open" in done.stdout, done.stdout + done.stderr
            print(f"second start handed over and exited: median {statistics.median(starts):.2f} s "
                  f"(min {min(starts):.2f}, max {max(starts):.2f}, {args.runs} runs)")
            trips = []
            for _ in range(20):
                t = time.perf_counter()
                assert hand_over(home, [])
                trips.append((time.perf_counter() - t) * 1000)
            print(f"hand-over round trip: median {statistics.median(trips):.1f} ms (20 runs)")
        finally:
            first.terminate()
            first.wait(30)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
