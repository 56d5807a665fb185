"""One language at a time: import warnings, validity words, page numbers and Qt's own dialogs in the window's
language (Chinese UI shows no English words, English UI no Chinese UI words; titles and 文号 are data)."""

from __future__ import annotations

import os
import re

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel  # noqa: E402

from reader import notices  # noqa: E402
from reader.archive import Archive, State, Status  # noqa: E402
from reader.ui.app import ensure_app  # noqa: E402
from reader.ui.messages import dates_text, page_text, state_text, warning_text  # noqa: E402
from tests.test_validity import OLD_ISSUE  # noqa: E402

HAN = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[A-Za-z]{2,}")
ALL_NOTICES = [notices.pdf_repaired(), notices.ocr_pages(50, 0.93), notices.toc_entry_missing("关于某事的通知", None),
               notices.not_in_toc("关于某事的通知", "禾政发〔2024〕7号"), notices.no_year_issue(),
               notices.no_gazette_name(), notices.KEPT_PAGES]


@pytest.fixture()
def english():
    """The English UI for one test; Chinese again afterwards (the other tests' language)."""
    ensure_app("en")
    yield
    ensure_app("zh_CN")


def test_every_import_warning_and_state_is_worded_in_the_window_language(qtbot, english):
    assert [HAN.findall(warning_text(n).replace("关于某事的通知", "").replace("禾政发〔2024〕7号", ""))
            for n in ALL_NOTICES] == [[]] * len(ALL_NOTICES)
    assert warning_text(ALL_NOTICES[1]).startswith("50 scanned pages were recognised by OCR (mean confidence 93%)")
    worded = [state_text(s) for s in State] + [dates_text(Status(State.UNSTATED)), page_text(13),
                                               dates_text(Status(State.IN_FORCE, effective="2024-01-01"))]
    assert [HAN.findall(t) for t in worded] == [[]] * len(worded)
    assert page_text(13) == "p. 13"
    ensure_app("zh_CN")
    texts = [warning_text(n).replace("禾政发〔2024〕7号", "") for n in ALL_NOTICES]
    texts += [state_text(s) for s in State] + [dates_text(Status(State.UNSTATED)), page_text(13)]
    assert [WORD.findall(t.replace("OCR", "").replace("PDF", "")) for t in texts] == [[]] * len(texts)
    assert warning_text(ALL_NOTICES[1]).startswith("50 页扫描页由文字识别（OCR）读出（平均置信度 93%）")
    assert page_text(13) == "第13页"


def test_import_dialog_warns_in_chinese(qtbot, open_window, sample_home, sample, tmp_path):
    w = open_window(sample_home)
    text = sample.text.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "禾政办发〔2024〕15号" in x and "(" in x)
    edited = tmp_path / "heshuan-2024-02-edited.txt"
    edited.write_text(text.replace(line + "\n", ""), encoding="utf-8")
    dialog = w.imports.start([edited])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    dialog.replace_failed()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    title = next(d.title for i in w.archive.issues() for d in w.archive.outline(i.id)
                 if d.doc_number == "禾政办发〔2024〕15号")
    assert dialog.list.item(0).text().split("\n")[1:] == [
        f"  警告：文件未列入目录：{title} 禾政办发〔2024〕15号",
        "  警告：被替换的 PDF 的原始页面已保留，原始页面视图仍可查看。"]


def test_the_file_dialog_speaks_chinese(qtbot, open_window, data_dir):
    w = open_window(data_dir)
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        if not isinstance(dialog, QFileDialog):
            return
        seen.extend(x.text() for x in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
                    if x.isVisible() and x.text())
        dialog.reject()

    QTimer.singleShot(300, look)
    qtbot.mouseClick(w.welcome.import_files, Qt.MouseButton.LeftButton)
    assert seen[0] == "QFileDialog"
    seen.pop(0)
    assert seen == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)：", "打开(&O)", "取消"]


def test_english_window_shows_validity_and_pages_in_english(qtbot, english, open_window, sample, tmp_path):
    old = tmp_path / "heshuan-2015-03.txt"
    old.write_text(OLD_ISSUE, encoding="utf-8")
    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(old).ok and archive.import_file(sample.pdf).ok
        ids = {d.doc_number_canonical: d.id for i in archive.issues() for d in archive.documents(i.id)}
    w = open_window(home, lang="en")
    w.show_document(ids["禾政发〔2015〕21号"])
    lines = w.reader.toPlainText().split("\n")
    assert lines[1] == " Abolished  Abolished by: 禾政规发〔2024〕1号 (2024-03-18)"
    assert w.model.index_of_document(ids["禾政发〔2015〕21号"]).data().endswith(" (Abolished)")
    gazette = w.model.index(0, 0)
    assert [w.model.index(r, 0, gazette).data() for r in range(2)] == ["2024 (1)", "2015 (1)"]
    w.show_document(ids["禾政办发〔2024〕15号"])
    lines = w.reader.toPlainText().split("\n")
    assert lines[0].endswith(" · p. 5")
    assert lines[1] == " Not stated  No date of effect or period of validity found"


def test_a_query_the_search_could_not_take_as_typed_is_explained_in_chinese(qtbot, open_window, sample_home):
    w = open_window(sample_home)
    w.search.last_result = None
    w.search_box.setText("年份:去年 湿地")
    qtbot.keyClick(w.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    assert w.results.summary.text().split("\n")[1] == "提示：“去年” 不是年份或年份范围（如 2019-2023）：已忽略该筛选条件。"


# the genre's terms the English window keeps; format and product names, key names, a command the Chinese one keeps
EN_KEEPS = {"文号", "发文字号"}
ZH_KEEPS = {"PDF", "OCR", "OR", "Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "Home", "End", "UTF", "Markdown",
            "CSV", "JSON", "pdf", "txt", "md", "csv", "json", "pip", "install", "gazette", "reader", "ocr", "pack",
            "build", "manifest", "DOCX", "docx", "OFD", "ofd", "doc", "Word", "WPS", "wps", "html", "htm"}


def test_every_string_of_the_window_is_translated_and_in_one_language():
    import xml.etree.ElementTree as ET
    from pathlib import Path

    catalogue = ET.parse(Path(__file__).resolve().parent.parent / "resources/i18n/gazette_reader_zh_CN.ts")
    messages = [(m.findtext("source") or "", m.find("translation")) for m in catalogue.getroot().iter("message")]
    assert [s for s, t in messages if t.get("type") == "unfinished" or not (t.text or "").strip()] == []
    assert [s for s, _ in messages if set(HAN.findall(s)) - EN_KEEPS] == []
    assert [t.text for _, t in messages if set(WORD.findall(t.text or "")) - ZH_KEEPS] == []


def test_a_repaired_pdf_is_said_in_chinese(qtbot, open_window, data_dir, sample, tmp_path):
    damaged = tmp_path / "heshuan-damaged.pdf"
    data = sample.pdf.read_bytes()
    damaged.write_bytes(data.replace(b"startxref", b"startxrex"))  # no way to its cross-references: PyMuPDF repairs
    w = open_window(data_dir)
    dialog = w.imports.start([damaged])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.list.item(0).text().split("\n")[1:] == ["  警告：PDF 已损坏并已修复：请检查是否缺页。"]

