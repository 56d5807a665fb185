"""Build the one-folder bundle with PyInstaller and use it as a support person would (slow: ~30 s)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("PyInstaller is not installed (it comes with the dev extras)")
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(out), "--workpath", str(work),
                    str(ROOT / "packaging" / "gazette_reader.spec")], check=True, capture_output=True, timeout=900)
    exe = out / "GazetteReader" / ("GazetteReader.exe" if os.name == "nt" else "GazetteReader")
    assert exe.exists()
    return exe


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_READER")}
    env.update({"QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def test_self_test_passes_in_the_bundle(bundle):
    out = subprocess.run([str(bundle), "--self-test"], capture_output=True, text=True, env=_env(), timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "all checks passed" in out.stdout and "bundle" in out.stdout
    assert "ok: open the window" in out.stdout


def test_bundle_starts_to_a_window_offline(bundle, tmp_path):
    t0 = time.perf_counter()
    proc = subprocess.run([str(bundle), "--data-dir", str(tmp_path / "home"), "gui", "--quit-after-show"],
                          capture_output=True, text=True, env=_env(), timeout=60)
    elapsed = time.perf_counter() - t0
    assert proc.returncode == 0 and proc.stdout.strip() == "shown", proc.stderr
    print(f"bundle start to shown window: {elapsed:.2f} s")


def test_portable_mode_keeps_data_beside_the_program(bundle, tmp_path):
    portable = tmp_path / "GazetteReader"
    shutil.copytree(bundle.parent, portable)
    (portable / "portable.txt").write_text("", encoding="utf-8")
    exe = portable / bundle.name
    sample = subprocess.run([sys.executable, "-c", "from pathlib import Path; from reader.sample import build_sample;"
                             f"print(build_sample(Path(r'{tmp_path / 's'}')).text)"], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.strip()
    out = subprocess.run([str(exe), "import", sample], capture_output=True, text=True, env=_env(), timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert (portable / "data" / "archive.db").exists()


def test_an_old_data_home_opens_with_the_new_build_and_loses_nothing(bundle, sample, tmp_path):
    home = tmp_path / "old-home"
    with Archive(home) as archive:
        issue = archive.import_file(sample.pdf).issue_id
        doc = archive.documents(issue)[0]
        archive.annotate(doc.id, 0, 10, note="旧版本的批注")
        archive.bookmark(doc.id, label="旧书签")
        before = archive.export()
    # make it a data home written by the previous release: schema 1, without the index schema 2 adds
    con = sqlite3.connect(home / "archive.db")
    con.execute("DROP INDEX toc_document")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    listing = subprocess.run([str(bundle), "--data-dir", str(home), "list"], capture_output=True, text=True,
                             env=_env(), timeout=60)
    assert listing.returncode == 0 and "禾川市人民政府公报" in listing.stdout
    con = sqlite3.connect(home / "archive.db")
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT name FROM sqlite_master WHERE name = 'toc_document'").fetchone()
    con.close()
    with Archive(home) as archive:
        assert archive.export() == before
        assert [a.note for a in archive.notes.annotations()] == ["旧版本的批注"]
        assert [b.label for b in archive.notes.bookmarks()] == ["旧书签"]
    found = subprocess.run([str(bundle), "--data-dir", str(home), "search", "湿地保护"], capture_output=True,
                           text=True, env=_env(), timeout=60)
    assert found.returncode == 0 and found.stdout.startswith("1 documents found")
