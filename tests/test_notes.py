"""Bookmarks and annotations: anchors that survive re-imports, nothing lost on a crash, export and import."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.notes.anchors import locate, make_anchor
from reader.notes.store import UserStore

PASSAGES = ["青苇湖湿地", "定期调度工作进展", "林晓禾任市发展和改革局副局长", "老粮站旧址", "根据有关规定"]


@pytest.fixture()
def archive(sample, data_dir):
    with Archive(data_dir) as a:
        assert a.import_file(sample.pdf).ok
        yield a


def _annotate_all(archive: Archive) -> dict[str, str]:
    """One highlight per passage, in whichever document holds it; {annotation id: passage}."""
    made = {}
    issue = archive.issues()[0].id
    for k, passage in enumerate(PASSAGES):
        doc = next(d for d in archive.documents(issue) if passage in d.text)
        start = doc.text.index(passage)
        a = archive.annotate(doc.id, start, start + len(passage), color="green", note=f"note {k} 与2021年办法冲突?")
        made[a.id] = passage
    return made


def _on_passage(archive: Archive, made: dict[str, str], fixes: dict[str, str] | None = None) -> None:
    for annotation_id, passage in made.items():
        a = archive.notes.annotation(annotation_id)
        text = archive.document(a.document_id).text
        want = (fixes or {}).get(passage, passage)
        assert a.attached, (passage, a.status)
        assert text[a.start:a.end] == want, (passage, a.status, text[a.start:a.end])


def test_anchor_exact_moved_reflowed_review_orphaned():
    text = "各部门要强化协作配合，形成工作合力，做到信息共享、资源互通、工作联动，切实提升服务群众的质量和效率。"
    start = text.index("信息共享")
    anchor = make_anchor(text, start, start + 9)
    assert locate(anchor, text).status == "exact"
    assert locate(anchor, "前言。" + text).status == "moved"
    moved = locate(anchor, "前言。" + text)
    assert ("前言。" + text)[moved.start:moved.end] == "信息共享、资源互通"
    reflowed = text.replace("资源互通", "资源\n互通")
    found = locate(anchor, reflowed)
    assert found.status == "moved" and reflowed[found.start:found.end] == "信息共享、资源\n互通"  # same words
    corrected = text.replace("资源互通", "资源联通")
    found = locate(anchor, corrected)  # other words: offered at the likely place, never taken
    assert found.status == "review" and corrected[found.start:found.end] == "信息共享、资源联通"
    assert locate(anchor, "完全不同的文字。" * 5).status == "orphaned"
    twice = text + text
    second = make_anchor(twice, len(text) + start, len(text) + start + 9)
    assert locate(second, "序。" + twice).start == len(text) + start + 2  # the right one of two equal quotes


def test_annotations_follow_a_replace_with_reflowed_and_corrected_text(archive, sample, tmp_path):
    made = _annotate_all(archive)
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(sample.text.read_text(encoding="utf-8").replace("青苇湖湿地", "青芦湖湿地"), encoding="utf-8")
    assert archive.import_file(corrected, replace=True).status == "replaced"
    corrected_note = next(i for i, p in made.items() if p == "青苇湖湿地")
    for annotation_id, passage in made.items():  # the same words, or flagged for review (another printing's
        a = archive.notes.annotation(annotation_id)  # table has other cells around 老粮站旧址: its context differs)
        text = archive.document(a.document_id).text
        assert a.status == "review" or (a.status in ("exact", "moved") and text[a.start:a.end] == passage), passage
    waiting = archive.notes.annotation(corrected_note)  # its words changed: shown where they were, to confirm
    text = archive.document(waiting.document_id).text
    assert (waiting.status, waiting.exact, text[waiting.start:waiting.end]) == ("review", "青苇湖湿地", "青芦湖湿地")


def test_annotations_come_back_after_delete_and_reimport(archive, sample):
    made = _annotate_all(archive)
    issue = archive.issues()[0].id
    archive.delete_issue(issue)
    assert {archive.notes.annotation(i).status for i in made} == {"missing"}
    assert len(archive.notes.annotations()) == len(PASSAGES)  # kept, with their quotes
    assert archive.import_file(sample.pdf).ok
    _on_passage(archive, made)


def test_a_corrected_doc_number_moves_the_note_to_the_new_document(archive, sample, tmp_path):
    made = _annotate_all(archive)
    fixed = tmp_path / "fixed-number.txt"
    fixed.write_text(sample.text.read_text(encoding="utf-8").replace("禾政干发（2024）3号", "禾政干发（2024）8号"),
                     encoding="utf-8")
    archive.import_file(fixed, replace=True)
    _on_passage(archive, made)
    moved = next(archive.notes.annotation(i) for i, p in made.items() if p.startswith("林晓禾"))
    assert archive.document(moved.document_id).doc_number == "禾政干发（2024）8号"


def test_a_passage_that_disappeared_is_kept_as_orphaned(archive, sample, tmp_path):
    made = _annotate_all(archive)
    cut = tmp_path / "cut.txt"
    cut.write_text(sample.text.read_text(encoding="utf-8").replace("老粮站旧址", "某某某某某某"), encoding="utf-8")
    archive.import_file(cut, replace=True)
    orphan = next(archive.notes.annotation(i) for i, p in made.items() if p == "老粮站旧址")
    assert orphan.status == "orphaned" and orphan.exact == "老粮站旧址" and orphan.note.startswith("note")


def test_reindex_and_reimport_leave_user_file_alone(archive, sample):
    _annotate_all(archive)
    archive.bookmark(archive.documents(archive.issues()[0].id)[0].id, label="常看")
    before = json.dumps(archive.notes.export_json_stable(), sort_keys=True)
    archive.reindex()
    archive.import_file(sample.pdf)  # unchanged
    assert json.dumps(archive.notes.export_json_stable(), sort_keys=True) == before


def test_export_wipe_import_gives_the_same_set(archive, tmp_path):
    _annotate_all(archive)
    doc = archive.documents(archive.issues()[0].id)[1]
    archive.bookmark(doc.id, position=12, label="废止清单")
    exported = archive.notes.export_json()
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    home = archive.home
    archive.close()
    (home / "user.db").unlink()
    with Archive(home) as again:
        assert again.notes.annotations() == []
        assert again.notes.import_json(json.loads(path.read_text(encoding="utf-8"))) == (len(PASSAGES) + 1, 0)
        assert again.notes.import_json(json.loads(path.read_text(encoding="utf-8"))) == (0, 0)  # no duplicates
        assert again.notes.export_json_stable() == {k: v for k, v in exported.items() if k != "exported"}


def test_markdown_and_csv_exports_cite_their_documents(archive):
    made = _annotate_all(archive)
    md = archive.notes.export_markdown()
    assert "## 禾川市人民政府公报 2024年第2期" in md
    assert "（禾政发〔2024〕7号），禾川市人民政府公报2024年第2期第1页" in md
    assert "> 青苇湖湿地" in md and "与2021年办法冲突?" in md
    # each highlight: its note on its own line, then its colour in Chinese and the printed page it stands on
    import pymupdf

    with pymupdf.open(archive.source_path(archive.issues()[0].id)) as pdf:
        doc = next(d for d in archive.documents(archive.issues()[0].id) if "青苇湖湿地" in d.text)
        pdf_page = next(k for k in range(pdf.page_count) if "青苇湖湿地" in pdf[k].get_text().replace("\n", ""))
    printed = doc.printed_pages[0] + pdf_page - doc.pdf_pages[0]
    block = md.split("> 青苇湖湿地\n\n", 1)[1].split("\n\n")[:2]
    assert block == ["批注：note 0 与2021年办法冲突?", f"（绿色，第{printed}页）"]
    assert printed > doc.printed_pages[0]  # on a later page than the document's first
    assert "green" not in md and "🔖" not in md
    rows = archive.notes.export_csv().splitlines()
    assert rows[0].startswith("kind,gazette,year,issue,title,doc_number,page") and len(rows) == 1 + len(made)


def test_filters_search_edit_undo(archive):
    made = _annotate_all(archive)
    notes = archive.notes
    first = next(iter(made))
    notes.update_annotation(first, note="重点条款", color="pink")
    assert [a.id for a in notes.annotations(color="pink")] == [first]
    assert [a.id for a in notes.search_notes("重点")] == [first]
    assert len(notes.search_notes("办法冲突")) == len(PASSAGES) - 1
    removed = notes.remove_annotation(first)
    assert len(notes.annotations()) == len(PASSAGES) - 1
    notes.add_annotation(removed)  # undo
    assert notes.annotation(first).note == "重点条款"
    with pytest.raises(ValueError):
        notes.update_annotation(first, color="black")


def test_backups_rotate_and_skip_unchanged(archive, tmp_path):
    _annotate_all(archive)
    notes = archive.notes
    folder = tmp_path / "backups"
    assert notes.backup(folder, keep=3, today=date(2026, 1, 1)) is not None
    assert notes.backup(folder, keep=3, today=date(2026, 1, 2)) is None  # nothing changed
    for day in range(2, 7):
        archive.bookmark(archive.documents(archive.issues()[0].id)[0].id, label=f"b{day}")
        notes.backup(folder, keep=3, today=date(2026, 1, day))
    kept = sorted(p.name for p in folder.glob("user-*.db"))
    assert kept == ["user-2026-01-04.db", "user-2026-01-05.db", "user-2026-01-06.db"]
    con = sqlite3.connect(folder / kept[-1])
    assert con.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == len(PASSAGES)
    con.close()


WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from reader.notes.store import UserStore
store = UserStore(Path(sys.argv[1]))
text = "甲乙丙丁戊己庚辛壬癸" * 50
for k in range(100000):
    store.annotate(f"doc{k % 7}", text, k % 400, k % 400 + 5, note=f"n{k}")
    print(k, flush=True)
"""


def test_killing_a_writer_loses_nothing_committed(tmp_path):
    path = tmp_path / "user.db"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(Path(__file__).resolve().parent.parent)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    last = -1
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip():
            last = int(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert last > 10
    store = UserStore(path)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(store.annotations()) >= last + 1  # every write that said it was done is there
    store.close()


def test_cli_notes_and_bookmarks(archive, tmp_path):
    _annotate_all(archive)
    archive.bookmark(archive.documents(archive.issues()[0].id)[0].id, label="常看")
    home = str(archive.home)
    archive.close()

    def run(*args):
        return subprocess.run([sys.executable, "-m", "reader", "--data-dir", home, *args], capture_output=True,
                              text=True, timeout=60)

    listing = run("bookmarks", "list")
    assert listing.returncode == 0 and "常看" in listing.stdout and "禾政发〔2024〕7号" in listing.stdout
    md = run("notes", "export", "--format", "md")
    assert "> 青苇湖湿地" in md.stdout
    out = tmp_path / "backup.json"
    assert run("notes", "export", "--format", "json", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "gazette-reader-notes"
    csv_out = tmp_path / "notes.csv"
    assert run("notes", "export", "--format", "csv", "-o", str(csv_out)).returncode == 0
    again = run("notes", "import", str(out))
    assert again.returncode == 0 and again.stdout.strip() == "imported: 0 new, 0 updated"
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    failed = run("notes", "import", str(bad))
    assert failed.returncode == 1 and "not a Gazette Reader notes export" in failed.stderr


def test_a_fuzzy_place_no_better_than_another_waits_for_the_user(tmp_path):
    """The held-out case: the marked row's number changed and a neighbouring row now reads almost the same."""
    from reader.notes.anchors import Anchor

    before = "一、用地情况\n区域甲\t面积100公顷\t责任单位市自然资源局\n区域乙\t面积300公顷\t责任单位市林业局\n"
    after = "一、用地情况\n区域甲\t面积200公顷\t责任单位市自然资源局\n区域乙\t面积100公顷\t责任单位市林业局\n"
    start = before.index("区域甲\t面积100公顷")
    anchor = make_anchor(before, start, start + len("区域甲\t面积100公顷"))
    found = locate(anchor, after)
    # 区域乙 面积100公顷 differs by one character, 区域甲 面积200公顷 by one too: neither is taken silently
    assert found.status == "review" and after[found.start:found.end] in ("区域甲\t面积200公顷", "区域乙\t面积100公顷")
    clear = locate(Anchor("各部门要强化协作配合形成工作", "", "", 0, 14), "各部门要强化协作配合，形成工作合力。另段。")
    assert clear.status == "review"  # even one place that fits well is not taken silently: the words differ
    store = UserStore(tmp_path / "user.db")
    note = store.annotate("d1", before, start, start + len("区域甲\t面积100公顷"), note="核对面积")
    store.reanchor("d1", after)
    waiting = store.annotation(note.id)
    assert waiting.status == "review" and waiting.attached and waiting.exact == "区域甲\t面积100公顷"
    assert [a.id for a in store.annotations(status="review")] == [note.id]
    moved = store.set_anchor(note.id, after, after.index("区域乙"), after.index("区域乙") + 11)
    assert moved.status == "exact" and moved.exact == "区域乙\t面积100公顷"
    store.close()


def test_notes_and_bookmark_follow_their_document_when_another_printing_renumbers_it(data_dir, sample, tmp_path):
    """Six highlights and a note on a document of a text import; the issue replaced by another printing where the
    document's 发文字号 differs (its id changes) and one highlighted passage reads differently."""
    printed = sample.text.read_text(encoding="utf-8")
    with Archive(data_dir) as archive:
        issue = archive.import_file(sample.text).issue_id
        doc = next(d for d in archive.documents(issue) if d.doc_number == "禾政办发〔2024〕15号")
        text = doc.text
        starts = [len(text) * k // 8 for k in range(1, 7)]
        starts = [next(s for s in range(at, len(text)) if "\n" not in text[s:s + 10]) for at in starts]
        spans = [(s, s + 10) for s in starts]
        made = {archive.annotate(doc.id, s, e, note="核对" if k == 0 else "").id: text[s:e]
                for k, (s, e) in enumerate(spans)}
        bookmark = archive.bookmark(doc.id, label="防火")
        changed_words = text[spans[2][0]:spans[2][1]]
        reprinted = printed.replace("禾政办发〔2024〕15号", "禾政办发（2024）16号")
        body = reprinted.index("禾政办发（2024）16号\n")  # the document's own text, after the 目录
        at = reprinted.index(changed_words, body)
        reprinted = reprinted[:at] + changed_words[:4] + "某某" + reprinted[at + 6:]
        other = tmp_path / "another-printing.txt"
        other.write_text(reprinted, encoding="utf-8")
        assert archive.import_file(other, replace=True).status == "replaced"
        renumbered = next(d for d in archive.documents(issue) if d.doc_number == "禾政办发（2024）16号")
        assert renumbered.id != doc.id
        for annotation_id, passage in made.items():
            a = archive.notes.annotation(annotation_id)
            shown = archive.document(a.document_id).text[a.start:a.end]
            assert a.status == "review" or (a.status in ("exact", "moved") and shown == passage), (passage, a.status)
            assert a.exact == passage and a.document_id == renumbered.id  # never onto other words or documents
        statuses = [archive.notes.annotation(i).status for i in made]
        assert statuses.count("review") == 1 and statuses[2] == "review"
        moved = archive.notes.bookmarks()[0]
        assert (moved.id, moved.document_id, moved.doc_number) == (bookmark.id, renumbered.id, "禾政办发（2024）16号")


def test_notes_an_older_version_moved_fuzzily_wait_for_review_after_the_upgrade(tmp_path):
    import sqlite3

    store = UserStore(tmp_path / "user.db")
    note = store.annotate("d1", "各部门要强化协作配合，形成工作合力。", 2, 6, note="旧版移动过")
    store.close()
    con = sqlite3.connect(tmp_path / "user.db")
    con.execute("UPDATE annotations SET status = 'fuzzy'")
    con.execute("PRAGMA user_version = 1")  # as the previous release left it
    con.commit()
    con.close()
    store = UserStore(tmp_path / "user.db")
    upgraded = store.annotation(note.id)
    assert (upgraded.status, upgraded.exact, upgraded.note) == ("review", "门要强化", "旧版移动过")
    store.close()
