"""Archive packs: a data home's archive written as a folder many PCs read at once, never writing into it.

A pack holds ``archive.db`` (a compact copy, no write-ahead log), the search index (``whoosh/``), the original
files (``files/``) and ``manifest.json``: the pack format, the archive's id (the same for every pack built from
one archive, so a newer pack is recognised as an update), when and from what it was built, the issue list, and
the size and SHA-256 of every file. ``verify`` recomputes them and names what is damaged or missing.

A reader opens a pack read-only (SQLite ``immutable``, the index without locks) and keeps its own notes and
settings in its data home; ``seen.json`` there records the last pack it opened, so a newer one tells what is new
and re-attaches the notes on the issues that changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reader import __version__, paths
from reader.errors import GazetteError, Reason
from reader.search.durable import fsync_dir, write_atomic

FORMAT = 1
MANIFEST = "manifest.json"
SEEN_FILE = "pack-seen.json"  # in the reader's data home: the last pack opened there
ARCHIVE_ID_KEY = "archive_id"


class PackError(GazetteError):
    """A pack that cannot be built or opened: the message says which folder or file and what to do."""

    default_reason = Reason.DAMAGED


@dataclass
class Damage:
    """One file of a pack that does not match its manifest."""

    path: str
    problem: str  # "missing", "size", "checksum"


@dataclass
class PackChanges:
    """What a newer pack brings compared with the last one this data home opened."""

    previous_built_at: str | None
    added: list[str] = field(default_factory=list)  # issue ids
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    validity: list[str] = field(default_factory=list)  # document ids whose validity state changed

    @property
    def any(self) -> bool:
        """Whether anything changed."""
        return bool(self.added or self.replaced or self.removed or self.validity)


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fp:
        for block in iter(lambda: fp.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def archive_id(db: sqlite3.Connection) -> str:
    """The archive's lasting id (made once, kept in its meta table)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [ARCHIVE_ID_KEY]).fetchone()
    if row:
        return str(row[0])
    value = uuid.uuid4().hex
    with db:
        db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", [ARCHIVE_ID_KEY, value])
    return str(db.execute("SELECT value FROM meta WHERE key = ?", [ARCHIVE_ID_KEY]).fetchone()[0])


def is_pack(folder: Path) -> bool:
    """Whether a folder holds a pack."""
    return (folder / MANIFEST).is_file()


def read_manifest(folder: Path) -> dict[str, Any]:
    """A pack's manifest, or a PackError saying why it cannot be read."""
    path = folder / MANIFEST
    if not path.is_file():
        raise PackError(f"{folder}: not an archive pack (no {MANIFEST}); choose the folder `pack build` wrote",
                        path=folder, reason=Reason.MISSING)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackError(f"{path}: the pack's manifest is damaged ({exc}); copy the pack again", path=path) from exc
    if manifest.get("format", 0) > FORMAT:
        raise PackError(f"{folder}: a newer Gazette Reader built this pack (format {manifest.get('format')}); "
                        "update the program", path=folder, reason=Reason.SCHEMA_TOO_NEW)
    return dict(manifest)


def verify(folder: Path) -> list[Damage]:
    """Every file of the pack checked against its manifest: what is missing or differs (empty when whole)."""
    manifest = read_manifest(folder)
    damaged = []
    for rel, info in sorted(manifest["files"].items()):
        path = folder / rel
        if not path.is_file():
            damaged.append(Damage(rel, "missing"))
        elif path.stat().st_size != info["size"]:
            damaged.append(Damage(rel, "size"))
        elif sha256_file(path) != info["sha256"]:
            damaged.append(Damage(rel, "checksum"))
    return damaged


def _copy_index(source: Path, target: Path) -> None:
    """Copy the search index as committed (no temporary or lock files)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.tmp", "*WRITELOCK*"))


def _manifest(folder: Path, archive: Any, identity: str) -> dict[str, Any]:
    """The manifest of a pack folder whose files are written."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        files[rel] = {"size": path.stat().st_size, "sha256": sha256_file(path)}
    issues = [{"id": i.id, "gazette": i.gazette, "year": i.year, "issue": i.issue, "total_issue": i.total_issue,
               "documents": i.document_count, "source_sha256": i.source_sha256} for i in archive.issues()]
    return {"format": FORMAT, "archive_id": identity, "build_id": uuid.uuid4().hex, "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "built_by": f"Gazette Reader {__version__}", "built_from": str(archive.home), "issues": issues,
            "documents": sum(i["documents"] for i in issues), "files": files}


def build(archive: Any, pack_dir: Path) -> dict[str, Any]:
    """Write the archive of an open data home as a pack (beside any pack there, swapped in when whole); return
    its manifest. The archive and its index are copied under the index's writer lock, at one generation."""
    pack_dir = Path(pack_dir)
    if pack_dir.exists() and any(pack_dir.iterdir()) and not is_pack(pack_dir):
        raise PackError(f"{pack_dir}: the folder holds other files; choose an empty folder or an older pack",
                        path=pack_dir, reason=Reason.IS_FOLDER)
    identity = archive_id(archive.db.conn)
    archive.ensure_index()
    tmp = pack_dir.with_name(pack_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        with archive.index.lock():
            archive.ensure_index()
            archive.db.execute("VACUUM INTO ?", [str(tmp / paths.ARCHIVE_FILE)])
            _copy_index(archive.index.folder, tmp / paths.INDEX_DIR)
        with sqlite3.connect(tmp / paths.ARCHIVE_FILE) as copy:
            copy.execute("PRAGMA journal_mode = DELETE")  # one file, readable where nothing may be written
        copy.close()
        for info in archive.issues():
            row = archive.library.issue_row(info.id)
            for stored in {row["source_stored"], row.get("pages_stored")} - {None}:
                if (archive.root / stored).is_file():
                    (tmp / stored).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(archive.root / stored, tmp / stored)
        manifest = _manifest(tmp, archive, identity)
        write_atomic(tmp / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = pack_dir.with_name(pack_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if pack_dir.exists():
        os.replace(pack_dir, old)
    os.replace(tmp, pack_dir)
    fsync_dir(pack_dir.parent)
    shutil.rmtree(old, ignore_errors=True)
    return manifest


def _load_seen(home: Path) -> dict[str, Any]:
    try:
        return dict(json.loads((home / SEEN_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def follow(home: Path, manifest: dict[str, Any], states_of: Callable[[], dict[str, str]]) -> PackChanges | None:
    """Compare a pack with the last one opened in this data home and remember it; None when it is the same
    pack (or the first one opened). states_of: each document's validity state in the pack (asked only when the
    pack is new here)."""
    seen = _load_seen(home)
    if seen.get("archive_id") == manifest["archive_id"] and seen.get("build_id") == manifest.get("build_id"):
        return None  # the same build (two packs built in one second differ by their build id)
    states = states_of()
    before = seen.get("issues", {}) if seen.get("archive_id") == manifest["archive_id"] else {}
    now = {i["id"]: i["source_sha256"] for i in manifest["issues"]}
    changes = PackChanges(seen.get("built_at") if before else None,
                          added=sorted(set(now) - set(before)) if before else [],
                          replaced=sorted(i for i in now if i in before and before[i] != now[i]),
                          removed=sorted(set(before) - set(now)))
    old_states = seen.get("states", {}) if before else {}
    changes.validity = sorted(d for d, s in states.items() if d in old_states and old_states[d] != s)
    record = {"archive_id": manifest["archive_id"], "build_id": manifest.get("build_id"),
              "built_at": manifest["built_at"], "issues": now, "states": states}
    write_atomic(home / SEEN_FILE, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return changes if before else None
