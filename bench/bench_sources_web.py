"""Saved web pages: how fast 100 pages import, and how right the policy library's pages read.

    .venv/bin/python bench/bench_sources_web.py [FOLDER]

Writes 100 document pages (the sample gazette's documents, each with its own 发文字号, both page styles, UTF-8
and GBK, longer bodies) and an issue page linking 20 of them, then imports them into a fresh archive (the
folder as one command would, the index built after); prints seconds. With ../shared/web/govcn (or FOLDER holding
pages and a truth.json) it prints how many titles, 文号, issuers and dates are right.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.archive import Archive  # noqa: E402
from reader.sample import sample_documents  # noqa: E402
from reader.sources import expand, read_source  # noqa: E402
from tests.webpages import city_page, from_sample, issue_page, library_page  # noqa: E402


def write_pages(out: Path, count: int = 100) -> list[Path]:
    """count document pages, each a distinct document (its own 发文字号), styles and encodings mixed."""
    out.mkdir(parents=True)
    samples = sample_documents(scale=2)
    files = []
    for k in range(count):
        base = from_sample(samples[k % 5])
        doc = replace(base, doc_number=f"禾政测发〔2024〕{k + 1}号", title_lines=[f"{base.title}（第{k + 1}批）"])
        data = library_page(doc, "utf-8") if k % 2 else city_page(doc, "gbk")
        path = out / f"page_{k:03d}.html"
        path.write_bytes(data)
        files.append(path)
    return files


def score(folder: Path) -> tuple[int, int]:
    """Fields right of the pages a truth.json lists: title, 发文字号, issuer, date."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    right = total = 0
    for t in truth:
        source = read_source(folder / t["file"])
        assert source.parsed is not None
        doc = source.parsed.documents[0]
        got = {"title": doc.title, "doc_number": doc.doc_number, "issuer": doc.issuer, "date": doc.date}
        for key, value in got.items():
            total += 1
            right += value == t[key]
            if value != t[key]:
                print(f"  {t['file']}: {key} {value!r}, truth {t[key]!r}")
    return right, total


def main() -> None:
    """Print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        files = write_pages(Path(tmp) / "pages")
        size = sum(f.stat().st_size for f in files) / 1e6
        t0 = time.perf_counter()
        for f in files:
            read_source(f)
        read_s = time.perf_counter() - t0
        with Archive(Path(tmp) / "home") as archive:
            t0 = time.perf_counter()
            results = [archive.import_file(f) for f in expand([Path(tmp) / "pages"])]
            import_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            archive.ensure_index()
            index_s = time.perf_counter() - t0
        ok = sum(r.ok for r in results)
        print(f"100 saved pages ({size:.1f} MB): read {read_s:.2f} s, imported {ok}/{len(results)} in {import_s:.2f} s "
              f"({import_s / len(files) * 1000:.0f} ms a page), index {index_s:.2f} s, total {import_s + index_s:.2f} s")
        issue_dir = Path(tmp) / "issue"
        issue_dir.mkdir()
        linked = []
        for k, f in enumerate(files[:20]):
            (issue_dir / f.name).write_bytes(f.read_bytes())
            linked.append((from_sample(sample_documents()[k % 5]), f.name))
        (issue_dir / "index.html").write_bytes(issue_page(linked, "禾川市人民政府公报", 2024, 9))
        with Archive(Path(tmp) / "home2") as archive:
            t0 = time.perf_counter()
            result = archive.import_file(issue_dir / "index.html")
            print(f"an issue page linking 20 saved pages: {result.documents} documents in {time.perf_counter() - t0:.2f} s")
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "web" / "govcn"
    if (folder / "truth.json").is_file():
        right, total = score(folder)
        print(f"{folder.name}: {right}/{total} fields right ({right / total:.1%}) of titles, 文号, issuers and dates")


if __name__ == "__main__":
    main()
