"""Office packs: built from a data home, verified, read by many processes from a folder nothing writes into,
replaced by a newer pack with every note kept (on the same words, or flagged for review) and what is new said."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.sample import build_sample
from tests.test_validity import OLD_ISSUE

QUERIES = ("湿地保护", "禾川市", "停车管理", "禾政发〔2015〕21号")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of a folder with its SHA-256 and modification time."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def search_ids(archive: Archive, query: str) -> tuple[int, list[str]]:
    result = archive.search(query, limit=50)
    return result.total, [h.document_id for h in result.hits]


@pytest.fixture()
def office(sample, tmp_path):
    """The keeper's data home with two issues, and a pack built from it."""
    keeper = tmp_path / "keeper"
    old = tmp_path / "heshuan-2015-03.txt"
    old.write_text(OLD_ISSUE, encoding="utf-8")
    with Archive(keeper) as a:
        assert a.import_file(old).ok
        assert a.import_file(build_sample(tmp_path / "s22", year=2022, issue=5).text).ok
    pack = tmp_path / "share" / "pack"
    done = cli("--data-dir", str(keeper), "pack", "build", str(pack))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"pack: {pack}: 2 issues, ")
    return keeper, pack


def test_a_pack_reads_like_its_source_from_two_processes_and_stays_unchanged(office, tmp_path):
    keeper, pack = office
    with Archive(keeper) as a:
        expected = {q: search_ids(a, q) for q in QUERIES}
    before = snapshot(pack)
    pack.chmod(0o555)
    try:
        runs = [subprocess.Popen([sys.executable, "-m", "reader", "--data-dir", str(tmp_path / f"user{k}"), "--pack",
                                  str(pack), "search", "禾川市", "--json", "--limit", "50"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in range(2)]
        outs = [r.communicate(timeout=300) for r in runs]
        assert [r.returncode for r in runs] == [0, 0], outs
        for out, _ in outs:
            data = json.loads(out)
            assert (data["total"], [h["document_id"] for h in data["hits"]]) == expected["禾川市"]
        with Archive(tmp_path / "user2", pack=pack) as reader:
            assert {q: search_ids(reader, q) for q in QUERIES} == expected
            assert reader.export() == Archive(keeper).export()
    finally:
        pack.chmod(0o755)
    assert snapshot(pack) == before
    assert not (pack / "whoosh.lock").exists()


def test_verify_names_the_file_with_a_flipped_byte(office):
    _, pack = office
    ok = cli("pack", "verify", str(pack))
    assert ok.returncode == 0 and ok.stdout.startswith(f"ok: {pack}: ")
    victim = max((pack / "whoosh" / "text").glob("*.npy"), key=lambda p: p.stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    (pack / "files").joinpath(next(iter(sorted(p.name for p in (pack / "files").iterdir())))).unlink()
    bad = cli("pack", "verify", str(pack))
    assert bad.returncode == 1
    lines = bad.stdout.splitlines()
    assert len(lines) == 2
    assert f"damaged: {victim}: checksum;" in bad.stdout
    assert any(line.startswith(f"damaged: {pack / 'files'}") and ": missing;" in line for line in lines)


def test_a_pack_refuses_imports_and_says_why(office, sample, tmp_path):
    _, pack = office
    done = cli("--data-dir", str(tmp_path / "user"), "--pack", str(pack), "import", str(sample.pdf))
    assert done.returncode == 1
    assert "the open archive is an office pack, which is read-only" in done.stdout


def test_notes_made_on_pack_1_are_all_kept_after_pack_2(sample, tmp_path):
    keeper, pack, user = tmp_path / "keeper", tmp_path / "share" / "pack", tmp_path / "user"
    old = tmp_path / "heshuan-2015-03.txt"
    old.write_text(OLD_ISSUE, encoding="utf-8")
    with Archive(keeper) as a:
        assert a.import_file(old).ok
    assert cli("--data-dir", str(keeper), "pack", "build", str(pack)).returncode == 0
    with Archive(user, pack=pack) as reader:
        assert reader.pack_changes is None  # the first pack opened here
        old_id = next(i.id for i in reader.issues() if i.year == 2015)
        notes = []
        for doc in reader.documents(old_id):
            for phrase in ("停车", "禾川市人民政府", "通知", "现就开展城区停车秩序整治通知如下"):
                at = doc.text.find(phrase)
                if at >= 0:
                    notes.append(reader.annotate(doc.id, at, at + len(phrase), note=phrase))
        assert len(notes) >= 4 and "现就开展城区停车秩序整治通知如下" in [n.note for n in notes]
        abolished = next(d.id for d in reader.documents(old_id) if d.doc_number == "禾政发〔2015〕21号")
        assert reader.status(abolished).state.value != "abolished"
        before = {d.id: reader.status(d.id).state for d in reader.documents(old_id)}
    # the keeper corrects the old issue (a sentence reworded) and adds the issue that abolishes one of its documents
    corrected = tmp_path / "fix" / "heshuan-2015-03.txt"
    corrected.parent.mkdir()
    corrected.write_text(OLD_ISSUE.replace("现就开展城区停车秩序整治通知如下", "现将城区停车秩序整治有关事项通知如下"),
                         encoding="utf-8")
    with Archive(keeper) as a:
        assert a.import_file(corrected, replace=True).status == "replaced"
        assert a.import_file(sample.pdf).ok
    assert cli("--data-dir", str(keeper), "pack", "build", str(pack)).returncode == 0
    with Archive(user, pack=pack) as reader:
        changes = reader.pack_changes
        assert changes is not None
        assert [reader.issue(i).year for i in changes.added] == [2024]
        assert changes.replaced == [old_id] and changes.removed == []
        now = {d.id for d in reader.documents(old_id)}
        after = {d: reader.status(d).state for d in before if d in now}
        assert abolished in changes.validity
        assert changes.validity == sorted(d for d in after if after[d] != before[d])
        assert reader.status(abolished).state.value == "abolished"
        kept = {a.id: a for a in reader.notes.annotations()}
        assert set(kept) == {n.id for n in notes}  # none lost
        quotes = {n.id: n.exact for n in notes}
        for a in kept.values():
            text = reader.document(a.document_id).text
            on_same_words = text[a.start:a.end] == quotes[a.id] and a.status not in ("orphaned", "missing", "review")
            flagged = a.status in ("review", "orphaned")
            assert on_same_words or flagged, a  # never silently moved onto other words
        reworded = next(a for a in kept.values() if a.note == "现就开展城区停车秩序整治通知如下")
        assert reworded.status == "review" and reworded.exact == "现就开展城区停车秩序整治通知如下"
    status = cli("--data-dir", str(user), "--pack", str(pack), "pack", "status")
    assert "nothing new since the last time this pack was opened here" in status.stdout
