"""The `pack` commands: build an office pack from the data home, verify one, say what a newer one brought."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    """Add `pack build|verify|status` to the command line."""
    pack = sub.add_parser("pack", help="office packs: one read-only archive for many PCs (build, verify, status)")
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)
    p = pack_sub.add_parser("build", help="write the data home's archive as a pack (archive, index, files, manifest)")
    p.add_argument("pack_dir", metavar="PACK_DIR")
    p = pack_sub.add_parser("verify", help="check every file of a pack against its manifest (exit 1 if damaged)")
    p.add_argument("pack_dir", metavar="PACK_DIR")
    p = pack_sub.add_parser("status", help="which pack is open (with --pack) and what it brought since the last one")


def cmd_pack(args: argparse.Namespace) -> int:
    """Run one `pack` action."""
    from reader.archive import Archive
    from reader.packs import read_manifest, verify

    if args.pack_command == "build":
        with Archive(args.data_dir) as archive:
            manifest = archive.build_pack(args.pack_dir)
        size = sum(f["size"] for f in manifest["files"].values())
        print(f"pack: {args.pack_dir}: {len(manifest['issues'])} issues, {manifest['documents']} documents, "
              f"{len(manifest['files'])} files, {size / 1e6:.1f} MB, built {manifest['built_at']}")
        return 0
    if args.pack_command == "verify":
        folder = Path(args.pack_dir)
        manifest = read_manifest(folder)
        damaged = verify(folder)
        for d in damaged:
            print(f"damaged: {folder / d.path}: {d.problem}; copy the pack again from its source")
        if not damaged:
            print(f"ok: {folder}: {len(manifest['files'])} files match the manifest (built {manifest['built_at']})")
        return 1 if damaged else 0
    return _status(args)


def _status(args: argparse.Namespace) -> int:
    from reader.archive import Archive

    if not args.pack:
        print("no pack open: give --pack PACK_DIR")
        return 1
    with Archive(args.data_dir, pack=args.pack) as archive:
        assert archive.pack is not None
        print(f"pack: {archive.root} built {archive.pack['built_at']} ({len(archive.pack['issues'])} issues)")
        changes = archive.pack_changes
        if changes is None:
            print("nothing new since the last time this pack was opened here")
        else:
            print(f"new since the pack of {changes.previous_built_at}: {len(changes.added)} issues added, "
                  f"{len(changes.replaced)} replaced, {len(changes.removed)} removed, "
                  f"{len(changes.validity)} documents changed validity")
            for issue_id in changes.added:
                info = archive.issue(issue_id)
                print(f"  added: {issue_id}\t{info.gazette} {info.label}")
            for doc_id in changes.validity:
                print(f"  validity: {doc_id}\t{archive.document(doc_id).title}\t{archive.status(doc_id).state.value}")
    return 0
