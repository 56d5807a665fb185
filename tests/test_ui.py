"""The real window over a real archive, driven with pytest-qt (offscreen)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFontDatabase, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QListWidget, QTreeView  # noqa: E402

from reader.archive import Archive  # noqa: E402
from reader.sample import build_sample  # noqa: E402
from reader.ui import build_main_window  # noqa: E402
from reader.ui.search_panel import HIT_ROLE, HTML_ROLE  # noqa: E402
from reader.ui.tree_model import DOC_ID_ROLE, KIND_ROLE  # noqa: E402


@pytest.fixture()
def home(sample_home) -> Path:
    return sample_home


@pytest.fixture()
def window(open_window, home):
    return open_window(home, (1200, 800))


def children(model, parent):
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def search(qtbot, w, text: str):
    w.search_box.setText(text)
    w.search.last_result = None
    w.search.run()
    qtbot.waitUntil(lambda: w.search.last_result is not None, timeout=20000)
    return w.search.last_result


def test_stable_object_names(window):
    assert window.findChild(QTreeView, "issueTree") is window.tree
    assert window.findChild(QLineEdit, "searchBox") is window.search_box
    assert window.findChild(QListWidget, "searchResults") is window.results.results
    assert window.reader.objectName() == "readerView" and window.pages.objectName() == "pageView"


def test_tree_shows_issues_sections_and_documents(window, sample):
    model = window.model
    [gazette] = children(model, window.tree.rootIndex())
    assert gazette.data().startswith("禾川市人民政府公报")
    [year] = children(model, gazette)
    [issue] = children(model, year)
    assert issue.data().startswith("2024年第2期 (总第31期)") and "6 篇文件" in issue.data()
    sections = children(model, issue)
    assert [s.data().split(" (")[0] for s in sections] == ["市政府文件", "市政府办公室文件", "人事任免", "公告"]
    docs = [d for s in sections for d in children(model, s)]
    assert [d.data(KIND_ROLE) for d in docs] == ["document"] * 6
    assert docs[0].data().startswith(sample.truth["documents"][0]["title"]) and "禾政发〔2024〕7号" in docs[0].data()
    window.tree.setCurrentIndex(docs[2])
    window.tree.activated.emit(docs[2])
    assert window.reader.doc.id == docs[2].data(DOC_ID_ROLE)
    assert "智慧停车" in window.reader.toPlainText()


def test_the_tree_loads_documents_only_when_an_issue_is_opened(home):
    with Archive(home) as archive:
        from reader.ui.tree_model import IssueTreeModel

        calls = []
        real = archive.outline
        archive.outline = lambda issue_id: calls.append(issue_id) or real(issue_id)  # type: ignore[method-assign]
        model = IssueTreeModel(archive)
        assert calls == [] and model.rowCount() == 1


def test_search_shows_highlighted_results_and_opens_the_hit(qtbot, window):
    result = search(qtbot, window, "湿地保护")
    assert result.total == 1
    items = window.results.results
    qtbot.waitUntil(lambda: items.count() == 1)
    assert "<span style='background:#ffe066'>湿地保护</span>" in items.item(0).data(HTML_ROLE)
    assert "找到 1 篇文件" in window.results.summary.text()
    window.results.activate(0)
    reader = window.reader
    assert reader.doc.id == items.item(0).data(HIT_ROLE).document_id
    text = window.archive.document(reader.doc.id).text
    # every occurrence in the document is a hit, in order
    assert len(reader.hits) == text.count("湿地保护") == 16 and set(reader.hit_texts()) == {"湿地保护"}
    assert len(reader.extraSelections()) == len(reader.hits)
    assert reader.current == 0
    first = reader.textCursor().selectionStart()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert reader.current == 1 and reader.textCursor().selectionStart() > first
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current == 0


def test_doc_number_search_and_filters(qtbot, window):
    result = search(qtbot, window, "禾政办发[2024]12号")
    assert result.hits[0].doc_number == "禾政办发〔2024〕12号"
    assert result.counts["section"]
    result = search(qtbot, window, "禾川市")
    assert result.total == 6
    section = window.results.section
    k = section.findData("人事任免")
    window.search.last_result = None
    section.setCurrentIndex(k)
    qtbot.waitUntil(lambda: window.search.last_result is not None, timeout=20000)
    assert [h.section for h in window.search.last_result.hits] == ["人事任免"]


def test_ctrl_k_focuses_search_and_ctrl_f_finds_in_page(qtbot, window):
    first = window.archive.outline(window.archive.issues()[0].id)[0].id
    window.show_document(first)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    window.act.find.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.box.setText("湿地")
    total = len(window.reader.finds)
    assert total == window.reader.toPlainText().count("湿地") > 2
    assert window.find_bar.count.text() == f"第 1 处，共 {total} 处"
    window.find_bar.next()
    assert window.find_bar.count.text() == f"第 2 处，共 {total} 处"
    window.find_bar.next(backward=True)
    window.find_bar.next(backward=True)  # wraps to the last
    assert window.find_bar.count.text() == f"第 {total} 处，共 {total} 处"
    window.find_bar.box.setText("没有这几个字")
    assert window.find_bar.count.text() == "未找到"


def test_page_view_opens_at_the_document_first_page(window, sample):
    docs = window.archive.outline(window.archive.issues()[0].id)
    window.show_document(docs[2].id)
    window.act.pages.trigger()
    assert window.view_stack.currentWidget() is window.pages
    assert window.pages.page() == sample.truth["documents"][2]["pdf_page_index"]
    assert not window.pages.canvas.pixmap(window.pages.page()).isNull()
    window.pages.next_button.click()
    assert window.pages.page() == sample.truth["documents"][2]["pdf_page_index"] + 1
    window.act.pages.trigger()
    assert window.view_stack.currentWidget() is window.reader


def test_import_dialog_adds_an_issue_and_reports_failures(qtbot, window, tmp_path):
    other = build_sample(tmp_path / "other", year=2023, issue=4)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    dialog = window.imports.start([other.text, empty])
    assert dialog.objectName() == "importDialog"
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    texts = [dialog.list.item(k).text() for k in range(dialog.list.count())]
    assert any(t.startswith("已导入") and "heshuan-2023-04.txt" in t for t in texts)
    assert "失败: empty.pdf — 文件是空的。请重新导出该期公报。" in texts
    model = window.model
    [gazette] = children(model, window.tree.rootIndex())
    assert [y.data() for y in children(model, gazette)] == ["2024年 (1)", "2023年 (1)"]
    dialog.accept()


def test_welcome_page_and_sample_in_one_click(qtbot, tmp_path):
    w = build_main_window(tmp_path / "empty", "zh_CN")
    qtbot.addWidget(w)
    w.show()
    assert w.center.currentWidget() is w.welcome
    w.welcome.load_sample.click()
    qtbot.waitUntil(lambda: w.imports.dialog is not None and not w.imports.dialog.running, timeout=30000)
    assert w.center.currentIndex() == 1 and w.model.rowCount() == 1
    assert w.reader.doc is not None
    w.close()


def test_copy_with_citation_and_export_pdf(window, tmp_path):
    import pymupdf

    doc = window.archive.outline(window.archive.issues()[0].id)[0]
    window.show_document(doc.id)
    window.copy_with_citation()
    text = QGuiApplication.clipboard().text()
    assert text.endswith("（禾政发〔2024〕7号），禾川市人民政府公报2024年第2期第1页")
    out = window.export_pdf(str(tmp_path / "doc.pdf"))
    with pymupdf.open(out) as pdf:
        assert "湿地保护" in "".join(p.get_text() for p in pdf)


def test_settings_remember_zoom_and_last_document(qtbot, home):
    w = build_main_window(home, "zh_CN")
    qtbot.addWidget(w)
    doc = w.archive.outline(w.archive.issues()[0].id)[3].id
    w.show_document(doc)
    w.zoom(2)
    w.close()
    again = build_main_window(home, "zh_CN")
    qtbot.addWidget(again)
    assert again.reader.zoom_steps == 2 and again.reader.doc.id == doc
    again.close()


def test_languages_and_cjk_font(qtbot, home):
    w = build_main_window(home, "en")
    qtbot.addWidget(w)
    assert [a.text() for a in w.menuBar().actions()] == ["&File", "&Edit", "&Notes", "&View", "&Help"]
    w.close()
    w = build_main_window(home, "zh_CN")
    qtbot.addWidget(w)
    assert [a.text() for a in w.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "笔记(&N)", "视图(&V)", "帮助(&H)"]
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    w.close()


def test_encrypted_pdf_pages_show_in_the_page_view(qtbot, tmp_path, sample):
    import pymupdf

    encrypted = tmp_path / "locked.pdf"
    with pymupdf.open(sample.pdf) as doc:
        doc.save(encrypted, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    w = build_main_window(tmp_path / "home", "zh_CN")
    qtbot.addWidget(w)
    w.show()
    dialog = w.imports.start([encrypted])
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.retry_password.isVisible()
    assert dialog.list.item(0).text() == "失败: locked.pdf — PDF 已加密。请输入密码。"
    dialog.retry_with_password("wrong")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.list.count() == 1 and dialog.list.item(0).text().endswith("加密 PDF 的密码不正确。请重试。")
    dialog.retry_with_password("secret")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert dialog.list.count() == 1 and dialog.list.item(0).text() == "已导入: locked.pdf — 6 篇文件"
    assert dialog.label.text() == "完成。已导入 1 个，已替换 0 个，0 个已在档案中，失败 0 个"
    docs = w.archive.outline(w.archive.issues()[0].id)
    w.show_document(docs[2].id)
    w.act.pages.trigger()
    assert w.pages.source is not None and w.pages.page() == sample.truth["documents"][2]["pdf_page_index"]
    assert not w.pages.canvas.pixmap(w.pages.page()).isNull()
    w.close()


def test_a_data_home_from_a_newer_version_says_so_instead_of_a_traceback(qtbot, home, capsys):
    import sqlite3

    from reader.ui.app import run

    con = sqlite3.connect(home / "archive.db")
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    assert run(str(home), "zh_CN") == 1
    # said in the window's language, naming the file (the CLI's English stays for `list` and the other commands)
    assert capsys.readouterr().err == (f"error: 此数据文件夹由更新版本的公报阅读器写入。请升级程序，或选择其他数据文件夹。\n"
                                       f"{home / 'archive.db'}\n")


def test_a_script_that_ends_while_a_search_runs_exits_cleanly(home):
    import subprocess
    import sys

    script = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from reader.ui import build_main_window\n"
        f"w = build_main_window(r'{home}', 'zh_CN')\n"
        "w.show()\n"
        "w.search_box.setText('湿地保护')\n"
        "w.search.run()\n"
        "print('left', flush=True)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout == "left\n", out.stderr
    assert "QThread: Destroyed while thread" not in out.stderr
