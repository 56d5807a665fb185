"""The search index is as safe as the archive: torn or zeroed files are found and rebuilt, never served; a process
killed at any step of an import or a reindex leaves an index that the next search brings up to date; a search
while another process imports follows it through the new segments, never by rebuilding."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.sample import build_sample

QUERIES = ("湿地保护", "禾川市", "人民政府", "禾政办发〔2024〕12号")


@pytest.fixture()
def home(sample, data_dir, tmp_path):
    with Archive(data_dir) as a:
        assert a.import_file(sample.pdf).ok
        assert a.import_file(build_sample(tmp_path / "old", year=2022, issue=5).text).ok
        assert a.search("湿地保护").total == 2
    return data_dir


def totals(home: Path) -> dict[str, int]:
    """What a search in this data home finds for each query."""
    with Archive(home) as a:
        return {q: a.search(q).total for q in QUERIES}


def fresh_totals(home: Path, tmp_path: Path) -> dict[str, int]:
    """What a fresh process finds on the same archive with an index built from scratch."""
    copy = tmp_path / "fresh"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    with sqlite3.connect(home / "archive.db") as src, sqlite3.connect(copy / "archive.db") as dst:
        src.backup(dst)  # the committed archive, write-ahead log included
    return totals(copy)


def largest(folder: Path, pattern: str) -> Path:
    return max(folder.glob(pattern), key=lambda p: p.stat().st_size)


def test_a_zeroed_half_of_the_largest_text_file_is_rebuilt_not_served(home, tmp_path):
    expected = totals(home)
    assert expected["人民政府"] > 0
    victim = largest(home / "whoosh" / "text", "*.npy")
    data = victim.read_bytes()
    victim.write_bytes(data[: len(data) // 2] + bytes(len(data) - len(data) // 2))  # what a power cut can leave
    with Archive(home) as a:
        assert not a.index.is_current(a.generation())
        assert {q: a.search(q).total for q in QUERIES} == expected


def test_a_truncated_whoosh_segment_is_rebuilt(home):
    expected = totals(home)
    victim = largest(home / "whoosh", "*.seg")
    victim.write_bytes(victim.read_bytes()[:-100])
    assert totals(home) == expected


def test_damage_in_the_middle_of_a_file_is_found_by_the_full_check(sample, data_dir, monkeypatch):
    from reader.search import durable

    monkeypatch.setattr(durable, "TAIL", 512)  # so that the sample's files have a middle the quick check skips
    home = data_dir
    with Archive(home) as a:
        assert a.import_file(sample.pdf).ok
    expected = totals(home)
    victim = largest(home / "whoosh" / "text", "*.npy")
    data = bytearray(victim.read_bytes())
    assert len(data) > 2048
    data[1024:1088] = bytes(64)  # past the array's header, before the last block the quick check reads
    victim.write_bytes(bytes(data))
    with Archive(home) as a:
        a.warm_up()  # what the window does in the background after opening: every file checked whole
        assert a.index.is_current(a.generation())
        assert victim.read_bytes() != bytes(data)  # rebuilt
        assert {q: a.search(q).total for q in QUERIES} == expected


def _killed(home: Path, targets: list[str], calls: int, *command: str) -> int:
    """Run a command in another process that kills itself (SIGKILL) on the n-th call of any of the targets
    (module:Class.method or module:function); return its exit status."""
    script = textwrap.dedent(f"""
        import importlib, os, signal, sys
        seen = []
        def dying(real):
            def call(*args, **kwargs):
                seen.append(1)
                if len(seen) == {calls}:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)
            return call
        for target in {targets!r}:
            module, attr = target.split(":")
            owner = importlib.import_module(module)
            *path, name = attr.split(".")
            for part in path:
                owner = getattr(owner, part)
            setattr(owner, name, dying(getattr(owner, name)))
        from reader.cli import main
        sys.exit(main(["--data-dir", {str(home)!r}, *{list(command)!r}]))
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300).returncode


KILL_POINTS = [
    # after the archive's transaction, before the index is touched
    ("reader.indexsync:IndexSync._catch_up_locked", 1, False),
    # Whoosh committed, its new files not yet recorded
    ("reader.search.indexer:_whoosh_record", 1, True),
    # Whoosh committed and on the disk, the text index not yet written
    ("reader.search.textindex:TextIndex.replace", 1, False),
    # the text segment written, its meta not yet replaced
    ("reader.search.textindex:TextIndex._write_meta", 1, False),
    # Whoosh and the text index committed, the index's state not yet
    ("reader.search.indexer:SearchIndex._commit_state", 3, False),
]


@pytest.mark.slow
@pytest.mark.parametrize(("target", "calls", "may_rebuild"), KILL_POINTS)
def test_kill_9_at_each_step_of_an_import(home, tmp_path, target, calls, may_rebuild):
    other = build_sample(tmp_path / "third", year=2021, issue=1).pdf
    assert _killed(home, [target], calls, "import", str(other)) == -9
    with Archive(home) as a:
        assert len(a.issues()) == 3  # the archive's transaction had committed
        rebuilt = a.ensure_index()
        assert rebuilt is may_rebuild
        assert {q: a.search(q).total for q in QUERIES} == fresh_totals(home, tmp_path)
    assert totals(home)["湿地保护"] == 3


@pytest.mark.slow
@pytest.mark.parametrize("calls", [1, 2])
def test_kill_9_during_a_reindex(home, tmp_path, calls):
    expected = totals(home)
    targets = ["reader.search.textindex:write_atomic", "reader.search.indexer:write_atomic"]
    assert _killed(home, targets, calls, "reindex") == -9
    assert totals(home) == expected


def test_a_search_during_another_process_import_follows_it_without_rebuilding(home, tmp_path):
    files = [build_sample(tmp_path / f"more{k}", year=2010 + k, issue=1).pdf for k in range(3)]
    folder = home / "whoosh"
    inode = folder.stat().st_ino
    seen = []
    with Archive(home) as a:
        proc = subprocess.Popen([sys.executable, "-m", "reader", "--data-dir", str(home), "import", *map(str, files)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None:
            seen.append(a.search("湿地保护").total)
        assert proc.wait() == 0
        assert a.search("湿地保护").total == 5
        assert folder.stat().st_ino == inode  # the index folder was never swapped for a rebuilt one
    assert seen and set(seen) <= {2, 3, 4, 5} and seen == sorted(seen)
    assert totals(home) == fresh_totals(home, tmp_path)
