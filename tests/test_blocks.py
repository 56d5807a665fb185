"""Layout blocks stored once: kinds and lengths over the text; an archive from schema 6 is converted and shrinks."""

from __future__ import annotations

import json
import sqlite3
import zlib

from reader.archive import Archive
from reader.store.blocks import pack, unpack

BLOCKS = [
    {"kind": "title", "text": "关于印发湿地保护办法的通知", "page": 3},
    {"kind": "para", "text": "各县区人民政府："},
    {"kind": "table", "text": "项目\t金额\n湿地\t12", "rows": [["项目", "金额"], ["湿地", "12"]]},
    {"kind": "table", "text": "合并单元格", "rows": [["合并", "单元格"]]},  # cells that are not the text split
]
TEXT = "\n".join(b["text"] for b in BLOCKS)


def test_blocks_round_trip_without_their_text():
    stored = pack(BLOCKS, TEXT)
    assert isinstance(stored, bytes)
    plain = zlib.decompress(stored).decode("utf-8")
    assert "湿地保护" not in plain and "项目" not in plain  # the words are in the text column only
    assert "合并" in plain  # cells that cannot be derived from the text are kept
    assert unpack(stored, TEXT) == BLOCKS


def test_blocks_that_do_not_make_up_the_text_are_kept_whole():
    stored = pack(BLOCKS, TEXT + "\n附件")
    assert json.loads(stored) == BLOCKS and unpack(stored, TEXT + "\n附件") == BLOCKS


def test_an_archive_from_schema_6_is_converted_and_vacuumed(sample_home):
    with Archive(sample_home) as archive:
        ids = [b.id for i in archive.issues() for b in archive.documents(i.id)]
        before = {d: archive.document(d).blocks for d in ids}
    db = sample_home / "archive.db"
    con = sqlite3.connect(db)
    for doc_id, blocks in before.items():  # write the blocks as schema 6 did: each with its text
        con.execute("UPDATE documents SET blocks = ? WHERE id = ?", [json.dumps(blocks, ensure_ascii=False), doc_id])
    con.execute("PRAGMA user_version = 6")
    con.commit()
    con.execute("VACUUM")
    con.close()
    size = db.stat().st_size
    with Archive(sample_home) as archive:
        assert {d: archive.document(d).blocks for d in ids} == before
        from reader.store.schema import SCHEMA_VERSION

        assert archive.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        stored = archive.db.execute("SELECT blocks FROM documents").fetchall()
        assert all(json.loads(zlib.decompress(s))[0].get("len") is not None for (s,) in stored)
        assert archive.search("湿地保护").total > 0
    assert db.stat().st_size < size
