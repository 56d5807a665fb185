"""The `people` command: personnel decisions by name or post, as a timeline, JSON or CSV (UTF-8 with a BOM)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `people [NAME] [--post TEXT] [--json | --csv] [-o FILE]`."""
    p = sub.add_parser("people", help="personnel decisions (人事任免) by name or post: a timeline, JSON or CSV")
    p.add_argument("name", nargs="?", default="", metavar="NAME", help="a name or part of it (all when left out)")
    p.add_argument("--post", default="", metavar="TEXT", help="only posts holding this text (who held a post)")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print a JSON list of records")
    form.add_argument("--csv", action="store_true", help="print CSV for a spreadsheet (UTF-8 with BOM)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to a file instead of standard output")


def cmd_people(args: argparse.Namespace) -> int:
    """Print the records of a name and/or a post."""
    from reader.archive import action_zh, to_csv
    from reader.cli import open_archive

    with open_archive(args) as archive:  # the data home's archive, or an office pack's (--pack)
        records = archive.people_records(args.name, args.post)
    if args.json:
        text = json.dumps([r.to_json() for r in records], ensure_ascii=False, indent=1) + "\n"
    elif args.csv:
        text = to_csv(records)
    elif not records:
        what = " and ".join(x for x in (args.name and f"name {args.name}", args.post and f"post {args.post}") if x)
        print(f"No personnel decisions found{' for ' + what if what else ''}. Names are matched as printed; "
              "try part of the name or --post with part of the post.")
        return 0
    else:
        lines, person = [], None
        for r in sorted(records, key=lambda r: (r.person, r.date or "")) if not args.post else records:
            if r.person != person and not args.post:
                person = r.person
                lines.append(person)
            who = f"{r.person}  " if args.post else ""
            extra = f"  {r.note}" if r.note else ""
            lines.append(f"  {r.date or '????-??-??'}  {who}{action_zh(r.action)}  {r.post or '—'}{extra}  "
                         f"{r.doc_number or r.title}  {r.document_id}")
        text = "\n".join(lines) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(f"written: {args.output} ({len(records)} records)")
    else:
        sys.stdout.write(text)
    return 0
