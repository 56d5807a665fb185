"""Files of the search index that survive a crash or a power cut: fsync, atomic replace, per-file checks.

Order of every commit: data files written and fsynced, then the file that makes them visible (written to a
temporary name, fsynced, renamed, the folder fsynced). Each data file is recorded with its size and two CRC-32s:
of its last block (checked whenever the file is opened: a truncated file or one whose end was zeroed by a power
cut is caught for the price of one block) and of the whole file (checked by ``verify``, which the window runs
in the background)."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from pathlib import Path

TAIL = 1 << 14  # bytes of a file's end checked at every open
FileCheck = list[int]  # [size, crc of the whole file, crc of its last TAIL bytes]


class IndexDamaged(ValueError):
    """A file of the index does not match what its commit recorded (torn, truncated, zeroed or missing)."""


def fsync_file(path: Path) -> None:
    """Flush one file to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (renames, new files) to the disk; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file by new contents so that a crash leaves either the old or the new one, whole."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fp:
        fp.write(data)
        fp.flush()
        os.fsync(fp.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def _crc(fp: object, size: int) -> int:
    crc = 0
    read = fp.read  # type: ignore[attr-defined]
    while size > 0:
        block = read(min(size, 1 << 20))
        if not block:
            break
        crc = zlib.crc32(block, crc)
        size -= len(block)
    return crc


def check_of(path: Path) -> FileCheck:
    """Size and checksums of a file as written (record it in the commit that makes the file visible)."""
    size = path.stat().st_size
    with open(path, "rb") as fp:
        whole = _crc(fp, size)
        fp.seek(max(0, size - TAIL))
        tail = _crc(fp, TAIL)
    return [size, whole, tail]


def seal(paths: Iterable[Path]) -> dict[str, FileCheck]:
    """fsync files just written and return their checks by name."""
    checks = {}
    for path in paths:
        fsync_file(path)
        checks[path.name] = check_of(path)
    return checks


def check_quick(path: Path, check: FileCheck) -> None:
    """Raise IndexDamaged unless the file has its recorded size and last block."""
    try:
        size = path.stat().st_size
        if size != check[0]:
            raise IndexDamaged(f"{path}: {size} bytes where {check[0]} were written")
        with open(path, "rb") as fp:
            fp.seek(max(0, size - TAIL))
            if _crc(fp, TAIL) != check[2]:
                raise IndexDamaged(f"{path}: its last block differs from what was written")
    except FileNotFoundError as exc:
        raise IndexDamaged(f"{path}: missing") from exc


def check_full(path: Path, check: FileCheck) -> None:
    """Raise IndexDamaged unless the whole file has its recorded checksum."""
    check_quick(path, check)
    with open(path, "rb") as fp:
        if _crc(fp, check[0]) != check[1]:
            raise IndexDamaged(f"{path}: its contents differ from what was written")
