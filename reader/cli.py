"""The command line: gazette-reader [--data-dir DIR] import|list|show|export-json|search|reindex|people|gui."""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__, cli_pack
from reader.cli_people import add_parser as add_people_parser
from reader.cli_people import cmd_people
from reader.errors import GazetteError

if TYPE_CHECKING:
    from reader.archive import Archive


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="gazette-reader",
        description="公报阅读器 Gazette Reader: an offline archive and reader for government gazettes (政府公报).",
    )
    parser.add_argument("--version", action="version", version=f"gazette-reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="the data home (default: $GAZETTE_READER_HOME, "
                        "index/ in a source checkout, or the per-user data folder)")
    parser.add_argument("--pack", metavar="PACK_DIR", help="read an office pack (read-only; your notes stay in the "
                        "data home)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the window (default: the system's)")
    parser.add_argument("--self-test", action="store_true",
                        help="import the sample into a temporary folder, search it, open the window offscreen")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop window (the default with no command)")
    p.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)  # start-up timing
    p.add_argument("files", nargs="*", metavar="FILE", help="gazettes to import once the window is open (handed to "
                   "the window already open on the data home, which comes to the front)")
    p.add_argument("--new-window", action="store_true",
                   help="open a second window even when one is open on the data home")

    p = sub.add_parser("import", help="import gazette PDFs, DOCX, OFD, text/Markdown exports or folders of them")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--replace", action="store_true", help="replace an issue already in the archive")
    p.add_argument("--password", metavar="PW", help="password of encrypted PDFs")
    p.add_argument("--no-ocr", action="store_true", help="refuse scanned PDFs instead of recognising their pages")

    sub.add_parser("list", help="list the issues in the archive, one line each")

    p = sub.add_parser("show", help="print one document as readable text")
    p.add_argument("doc_id", metavar="DOC_ID")

    p = sub.add_parser("export-json", help="write the archive (or one issue) as JSON to standard output")
    p.add_argument("--issue", metavar="ISSUE_ID")

    p = sub.add_parser("delete", help="remove an issue from the archive")
    p.add_argument("issue_id", metavar="ISSUE_ID")

    p = sub.add_parser("search", help="full-text search (words, OR, -word, \"phrase\", 标题: 文号: 机关: 年份: 栏目: 公报: 人物:)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (default 20)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--sort", choices=["score", "date"], default="score", help="rank by relevance or newest first")

    sub.add_parser("reindex", help="rebuild the full-text index from the archive")

    notes = sub.add_parser("notes", help="export or import your annotations and bookmarks")
    notes_sub = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    p = notes_sub.add_parser("export", help="write annotations and bookmarks (md, csv, or complete json)")
    p.add_argument("--format", choices=["md", "csv", "json"], default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    p = notes_sub.add_parser("import", help="merge a JSON export (no duplicates)")
    p.add_argument("file", metavar="FILE")

    add_people_parser(sub)

    marks = sub.add_parser("bookmarks", help="your bookmarks")
    marks_sub = marks.add_subparsers(dest="bookmarks_command", metavar="ACTION", required=True)
    marks_sub.add_parser("list", help="one line per bookmark")
    cli_pack.add_parsers(sub)
    return parser


def open_archive(args: argparse.Namespace) -> Archive:
    """The archive a command reads: the data home's, or an office pack's (--pack) with the data home's notes."""
    from reader.archive import Archive

    return Archive(args.data_dir, pack=getattr(args, "pack", None))


def cmd_import(args: argparse.Namespace) -> int:
    """Import files; one line per file; exit 1 when any failed."""
    from reader.sources import expand

    files = expand([Path(p) for p in args.paths])
    if not files:
        print("failed: no PDF, .docx, .ofd, .txt or .md file found in " + ", ".join(args.paths), file=sys.stderr)
        return 1
    failed = 0
    with open_archive(args) as archive:
        for path in files:
            result = archive.import_file(path, replace=args.replace, password=args.password, ocr=not args.no_ocr,
                                         progress=_ocr_progress(path))
            print(f"{result.status}: {path}: {result.message}" if result.status != "failed"
                  else f"failed: {result.message}")
            for warning in result.warnings:
                print(f"  warning: {warning}")
            failed += not result.ok
    return 1 if failed else 0


def _ocr_progress(path: Path) -> Callable[[int, int], None]:
    """Per-page progress of OCR on standard error: recognising 3/40: file.pdf."""

    def report(done: int, total: int) -> None:
        print(f"\rrecognising page {done + 1}/{total}: {path.name}", end="" if done + 1 < total else "\n",
              file=sys.stderr, flush=True)

    return report


def cmd_list(args: argparse.Namespace) -> int:
    """One line per issue: id, gazette, issue label, documents, source."""

    with open_archive(args) as archive:
        issues = archive.issues()
        if not issues:
            print("The archive is empty. Import gazettes with: gazette-reader import FILE_OR_FOLDER")
        for i in issues:
            print(f"{i.id}\t{i.gazette}\t{i.label}\t{i.document_count} documents\t{i.source_name}")
    return 0


def format_document(doc: object, issue: object) -> str:
    """A document as readable text: header, then its blocks."""
    from reader.archive import DocumentRecord, IssueInfo

    assert isinstance(doc, DocumentRecord) and isinstance(issue, IssueInfo)
    lines = [f"{issue.gazette} {issue.label}" + (f" · {doc.section}" if doc.section else "")]
    if doc.printed_pages:
        lines[0] += f" · 第{doc.printed_pages[0]}页"
    lines.append("")
    for block in doc.blocks:
        kind, text = block["kind"], block["text"]
        if kind == "title":
            lines += [text, ""]
        elif kind in ("signature", "date"):
            lines.append(" " * 24 + text)
        elif kind == "table":
            lines += ["    " + " | ".join(row) for row in block.get("rows") or []]
        elif kind in ("para", "item"):
            lines.append("    " + text)
        else:
            lines.append(text)
    return "\n".join(lines)


def status_lines(archive: object, doc_id: str) -> str:
    """The validity and citation lines under a shown document."""
    from reader.archive import Archive

    assert isinstance(archive, Archive)
    status = archive.status(doc_id)
    lines = [f"状态: {status.line()}"]
    if status.by is not None:
        lines.append(f"  由: {status.by.title} ({status.by.document_id}) {status.by.action.value}")
        if status.by.mismatch:
            lines.append(f"  注意: 决定所列标题《{status.by.listed_title}》与档案中的标题不一致")
    cites = archive.cites(doc_id)
    held = sum(1 for c in cites if c.document_id)
    lines.append(f"引用: {len(cites)} (档案中有 {held})")
    for c in cites:
        lines.append(f"  {c.doc_number or '《' + c.title + '》'} -> {c.document_id or '档案中没有'}")
    cited_by = archive.cited_by(doc_id)
    lines.append(f"被引用: {len(cited_by)}")
    lines += [f"  {d}" for d in cited_by]
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    """Print one document."""

    with open_archive(args) as archive:
        doc = archive.document(args.doc_id)
        print(format_document(doc, archive.issue(doc.issue_id)))
        print()
        print(status_lines(archive, doc.id))
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Write the export-json shape to standard output."""

    with open_archive(args) as archive:
        json.dump(archive.export(args.issue), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """Remove an issue."""

    with open_archive(args) as archive:
        archive.delete_issue(args.issue_id)
        print(f"deleted: {args.issue_id}")
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rindexing {done}/{total} documents", end="" if done < total else "\n", file=sys.stderr, flush=True)


def cmd_search(args: argparse.Namespace) -> int:
    """Search and print hits (or JSON)."""
    from reader.archive import issue_label

    with open_archive(args) as archive:
        archive.ensure_index(_progress)
        result = archive.search(args.query, limit=args.limit, sort=args.sort)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if result.message:
        print(f"note: {result.message}")
    about = "" if result.total_exact else "about "
    print(f"{about}{result.total} documents found"
          + (f", showing {len(result.hits)}" if result.total > len(result.hits) else ""))
    for n, hit in enumerate(result.hits, 1):
        where = f"{hit.gazette} {issue_label(hit.year, hit.issue)}" + (f" · {hit.section}" if hit.section else "")
        print(f"{n:3d}. {hit.title}" + (f"  {hit.doc_number}" if hit.doc_number else ""))
        print(f"     {where} · {hit.document_id}")
        text = hit.snippet.replace("<mark>", "[").replace("</mark>", "]")
        print(f"     {html.unescape(text)}")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    """Rebuild the index."""

    with open_archive(args) as archive:
        count = archive.reindex(_progress)
    print(f"reindexed: {count} documents")
    return 0


def _data_home(data_dir: str | None) -> Path | None:
    """The data home, or None when it cannot be made (the window then says why)."""
    from reader import paths

    try:
        return paths.data_home(data_dir)
    except OSError:
        return None


def cmd_gui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Open the window (or hand the files to the one open on the data home); without Qt, say how to get it."""
    files = [Path(f) for f in getattr(args, "files", [])]
    try:
        from reader.ui.single_instance import hand_over, handed_over_line

        # before the archive and the QApplication load (0.36 s instead of 3 s): a window open on the data home
        # takes the files and comes to the front
        if not (getattr(args, "new_window", False) or getattr(args, "quit_after_show", False) or args.pack):
            home = _data_home(args.data_dir)
            if home is not None and hand_over(home, files):
                print(handed_over_line(home), flush=True)
                return 0
        from reader.ui.app import run
    except ImportError as exc:
        parser.print_help()
        print(f"\nThe desktop window needs PySide6 ({exc}); install it with: pip install 'gazette-reader[gui]'",
              file=sys.stderr)
        return 0 if args.command is None else 1
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
            and not os.environ.get("QT_QPA_PLATFORM")):
        parser.print_help()
        print("\nNo display to open the window on (DISPLAY is not set). Use the commands above, or run the window "
              "under a desktop session or xvfb-run.", file=sys.stderr)
        return 1
    return run(args.data_dir, args.lang, quit_after_show=getattr(args, "quit_after_show", False),
               files=files, new_window=getattr(args, "new_window", False), pack=args.pack)


def cmd_notes(args: argparse.Namespace) -> int:
    """notes export / notes import."""

    with open_archive(args) as archive:
        store = archive.notes
        if args.notes_command == "import":
            path = Path(args.file)
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                added, updated = store.import_json(data)
            except (OSError, ValueError) as exc:
                print(f"failed: {path}: {exc}; give a JSON file made by 'notes export --format json'", file=sys.stderr)
                return 1
            print(f"imported: {added} new, {updated} updated")
            return 0
        if args.output:
            store.write_export(args.format, Path(args.output))
            print(f"written: {args.output}")
        else:
            sys.stdout.write(store.export_text(args.format))
    return 0


def cmd_bookmarks(args: argparse.Namespace) -> int:
    """bookmarks list."""

    with open_archive(args) as archive:
        marks = archive.notes.bookmarks()
        if not marks:
            print("No bookmarks yet. In the window, Ctrl+D bookmarks the document you are reading.")
        for b in marks:
            label = f"  [{b.label}]" if b.label else ""
            print(f"{b.document_id}\t{b.citation.text()}{label}\t{b.created}")
    return 0


COMMANDS = {
    "notes": cmd_notes,
    "bookmarks": cmd_bookmarks,
    "search": cmd_search,
    "reindex": cmd_reindex,
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "export-json": cmd_export_json,
    "delete": cmd_delete,
    "people": cmd_people,
    "pack": cli_pack.cmd_pack,
}


OPTIONS_WITH_VALUE = {"--data-dir", "--lang", "--pack"}


def files_mean_gui(argv: Sequence[str]) -> list[str]:
    """`gazette-reader FILE…` (a file manager opening gazettes with the reader) means `gui FILE…`."""
    args = list(argv)
    k = 0
    while k < len(args) and args[k].startswith("-"):
        k += 1 if "=" in args[k] or args[k] not in OPTIONS_WITH_VALUE else 2
    if k < len(args) and args[k] not in {*COMMANDS, "gui"} and Path(args[k]).exists():
        args.insert(k, "gui")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(files_mean_gui(sys.argv[1:] if argv is None else argv))
    if args.self_test:
        from reader.selftest import run_self_test

        return run_self_test()
    if args.command in (None, "gui"):
        return cmd_gui(args, parser)
    try:
        return COMMANDS[args.command](args)
    except GazetteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into head or a closed pager
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
