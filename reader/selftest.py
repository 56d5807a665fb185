"""--self-test: what a support person runs on a user's PC. Imports the sample gazette into a temporary data
home, searches it, opens the window offscreen, and says what failed."""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Run every check; 0 when all passed, 1 otherwise."""
    failures = 0
    started = time.perf_counter()

    def step(name: str, check: Callable[[], str]) -> bool:
        nonlocal failures
        t0 = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # report any failure with its cause, then go on
            failures += 1
            out(f"FAILED: {name}: {exc}")
            out("".join(traceback.format_exception(exc)).rstrip())
            return False
        out(f"ok: {name} ({(time.perf_counter() - t0) * 1000:.0f} ms){': ' + detail if detail else ''}")
        return True

    with tempfile.TemporaryDirectory(prefix="gazette-reader-selftest-") as tmp:
        home = Path(tmp) / "home"
        state: dict[str, object] = {}

        def make_sample() -> str:
            from reader.sample import build_sample

            sample = build_sample(Path(tmp) / "sample")
            state["sample"] = sample
            return f"{sample.pdf.name}, {sample.truth['page_count']} pages"

        def import_sample() -> str:
            from reader.archive import Archive

            with Archive(home) as archive:
                result = archive.import_file(state["sample"].pdf)  # type: ignore[attr-defined]
                if not result.ok:
                    raise RuntimeError(result.message)
                docs = len(archive.documents(result.issue_id or ""))
            if docs != 6:
                raise RuntimeError(f"expected 6 documents, found {docs}")
            return f"{docs} documents"

        def search() -> str:
            from reader.archive import Archive

            with Archive(home) as archive:
                result = archive.search("禾政办发[2024]12号")
                if not result.hits or "智慧停车" not in result.hits[0].title:
                    raise RuntimeError("the 发文字号 search did not find its document first")
                chinese = archive.search("湿地保护")
                if chinese.total < 1 or "<mark>" not in chinese.hits[0].snippet:
                    raise RuntimeError("Chinese search found nothing")
            return f"{chinese.total} hit(s) for 湿地保护"

        def window() -> str:
            from reader.ui.selftest_window import check_window

            return check_window(home)

        def ocr() -> str:
            import pymupdf

            from reader.sources.ocr import recognise_image, render_grey

            with pymupdf.open(state["sample"].pdf) as doc:  # type: ignore[attr-defined]
                page = doc[0]
                image = render_grey(page)
            result = recognise_image(image, 595, 842)
            text = "".join(line.text for line in result.lines)
            if "禾川市人民政府公报" not in text:
                raise RuntimeError(f"the sample's cover did not read back (read: {text[:40]!r})")
            return f"{len(result.lines)} lines, confidence {result.confidence:.2f}"

        def sources() -> str:
            import docx

            from reader.sources import read_source

            number = "禾政办发〔2024〕12号"
            word = docx.Document()  # python-docx's own template: present in the bundle
            word.add_paragraph(number)
            word.save(str(Path(tmp) / "check.docx"))
            ofd = Path(tmp) / "check.ofd"
            _write_ofd(ofd, number)
            read = [[ln.text for ln in read_source(p).lines] for p in (Path(tmp) / "check.docx", ofd)]
            if read != [[number], [number]]:
                raise RuntimeError(f"DOCX and OFD did not read back (read: {read!r})")
            return "DOCX and OFD read"

        step("make the sample gazette", make_sample) and step("import it", import_sample)
        step("read DOCX and OFD", sources)
        if "sample" in state:
            step("search", search)
            step("recognise a page (OCR)", ocr)
            step("open the window", window)
    out(f"{'all checks passed' if not failures else f'{failures} check(s) failed'} "
        f"in {time.perf_counter() - started:.1f} s (Python {sys.version.split()[0]}, "
        f"{'bundle' if getattr(sys, 'frozen', False) else 'source'})")
    return 1 if failures else 0


def _write_ofd(path: Path, text: str) -> None:
    """A one-page OFD holding one line of text."""
    import zipfile

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                               "</ofd:DocBody></ofd:OFD>")
        zf.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 "
                                          "210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
                                          '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject '
                                                      'ID="3" Boundary="60 80 100 10" Size="5.6"><ofd:TextCode X="0" '
                                                      f'Y="5">{text}</ofd:TextCode></ofd:TextObject></ofd:Layer>'
                                                      "</ofd:Content></ofd:Page>")
