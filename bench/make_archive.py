"""Generate a large synthetic archive (default 1,000 issues) by varying real or sample gazette texts.

    .venv/bin/python bench/make_archive.py [--issues 1000] [--out bench/out/archive]

Each issue is a text export of one of the shared gazettes (../shared/seeds) or of the generated sample, with
its gazette name, year and issue changed, and its documents' 发文字号 renumbered, so every issue is distinct.
The archive is built without the search index; bench_search.py builds and measures that.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.archive import Archive  # noqa: E402
from reader.sample import build_sample  # noqa: E402

CITIES = ["禾川市", "青苇市", "南溪县", "白鹭市", "石门县", "云岭市", "松江县", "北原市", "东湖县", "西川市"]


def base_texts(tmp: Path) -> list[str]:
    """The texts to vary: shared seeds when present, and the sample gazette."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))]
    texts.append(build_sample(tmp, scale=6).text.read_text(encoding="utf-8"))
    return texts


def vary(text: str, k: int) -> str:
    """Issue k of the synthetic archive: another gazette name, year, issue and 文号 numbers."""
    city = CITIES[k % len(CITIES)]
    if k >= 1500:  # past 25 years of 60 issues: the gazettes of another ring of counties
        city = "新老上下东西"[(k // 1500 - 1) % 6] + city
    year = 2000 + (k // 60) % 25
    issue = k % 6 + 1
    text = re.sub(r"[\u4e00-\u9fff]{2,8}?(?:市|县)人民政府(公报|规章标准文本|文件标准文本)", f"{city}人民政府\\1", text, count=3)
    text = re.sub(r"(20\d\d)年\s*第\s*\d+\s*期", f"{year}年第{issue}期", text)
    text = re.sub(r"总\s*第\s*\d+\s*期", f"总第{k + 1}期", text)
    return re.sub(r"([〔\[（(])(20\d\d)([〕\]）)])(\d+)号", lambda m: f"{m.group(1)}{year}{m.group(3)}{int(m.group(4)) + k}号", text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=1000)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "archive"))
    parser.add_argument("--resume", action="store_true", help="add to the archive there up to --issues")
    args = parser.parse_args()
    out = Path(args.out)
    if not args.resume:
        shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        texts = base_texts(Path(tmp))
        src = Path(tmp) / "src"
        src.mkdir()
        with Archive(out) as archive:
            for k in range(len(archive.issues()) if args.resume else 0, args.issues):
                path = src / f"issue-{k:04d}.txt"
                path.write_text(vary(texts[k % len(texts)], k), encoding="utf-8")
                result = archive.import_file(path)
                if not result.ok:
                    raise SystemExit(f"{path}: {result.message}")
                path.unlink()
                (out / "files" / f"{archive.issue(result.issue_id).source_sha256}.txt").unlink()
            docs = archive.db["documents"].count
            mb = archive.db.execute("SELECT SUM(LENGTH(CAST(text AS BLOB))) FROM documents").fetchone()[0] / 1e6
    print(f"archive: {out}  issues {args.issues}  documents {docs}  text {mb:.1f} MB  built in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
