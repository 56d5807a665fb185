"""The command line as other tools use it: lines per file, exit codes, the export-json shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_import_list_show_export(sample, data_dir, tmp_path):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    out = run("--data-dir", str(data_dir), "import", str(sample.pdf), str(bad))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0].startswith(f"imported: {sample.pdf}")
    assert lines[-1] == f"failed: {bad}: the file is empty; export the gazette again"

    again = run("--data-dir", str(data_dir), "import", str(sample.pdf))
    assert again.returncode == 0 and again.stdout.startswith("unchanged:")

    listing = run("--data-dir", str(data_dir), "list").stdout.splitlines()
    assert len(listing) == 1 and "禾川市人民政府公报\t2024年第2期 (总第31期)\t6 documents" in listing[0]

    data = json.loads(run("--data-dir", str(data_dir), "export-json").stdout)
    [issue] = data["issues"]
    assert set(issue) >= {"id", "gazette", "publisher", "year", "issue", "total_issue", "published", "source",
                          "toc", "documents"}
    assert set(issue["source"]) >= {"file", "sha256", "kind", "pages"}
    assert issue["published"] == "2024-04-28" and issue["source"]["kind"] == "pdf"
    assert set(issue["toc"][0]) >= {"section", "title", "doc_number", "page", "document_id"}
    doc = issue["documents"][0]
    assert set(doc) >= {"id", "section", "title", "doc_number", "doc_number_canonical", "issuer", "date",
                        "pdf_pages", "printed_pages", "in_toc", "text"}
    assert doc["pdf_pages"][0] == 3 and doc["printed_pages"][0] == 1 and doc["doc_number_canonical"] == "禾政发〔2024〕7号"

    one = json.loads(run("--data-dir", str(data_dir), "export-json", "--issue", issue["id"]).stdout)
    assert one == data

    shown = run("--data-dir", str(data_dir), "show", doc["id"])
    assert shown.returncode == 0
    assert "禾川市人民政府关于印发《禾川市湿地保护与修复实施方案》的通知" in shown.stdout
    assert "禾政发〔2024〕7号" in shown.stdout and "2024年3月5日" in shown.stdout

    missing = run("--data-dir", str(data_dir), "show", "dnope")
    assert missing.returncode == 1 and "no document with id 'dnope'" in missing.stderr


def test_folder_import_and_environment_data_home(sample, tmp_path):
    home = tmp_path / "envhome"
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "issue.pdf").write_bytes(sample.pdf.read_bytes())
    (folder / "README.md").write_text("# notes about this folder\n", encoding="utf-8")
    out = run("import", str(folder), env={"GAZETTE_READER_HOME": str(home)})
    assert out.returncode == 0, out.stdout + out.stderr
    assert (home / "archive.db").exists() and len(list((home / "files").iterdir())) == 1


def test_help_lists_every_command(data_dir):
    out = run("--data-dir", str(data_dir), "--help")
    assert out.returncode == 0
    for command in ("gui", "import", "list", "show", "export-json", "search", "reindex"):
        assert command in out.stdout


def test_replace_flag(sample, data_dir):
    run("--data-dir", str(data_dir), "import", str(sample.pdf))
    refused = run("--data-dir", str(data_dir), "import", str(sample.text))
    assert refused.returncode == 1 and "use --replace" in refused.stdout
    replaced = run("--data-dir", str(data_dir), "import", "--replace", str(sample.text))
    assert replaced.returncode == 0 and replaced.stdout.startswith("replaced:")


def test_portable_offer_only_on_a_first_run_in_a_writable_folder(tmp_path, monkeypatch):
    from reader import paths

    monkeypatch.delenv("GAZETTE_READER_HOME", raising=False)
    monkeypatch.setattr(paths, "user_home", lambda: tmp_path / "user-data")
    exe_dir = tmp_path / "bundle"
    exe_dir.mkdir()
    assert paths.portable_offer(exe_dir)
    assert not paths.portable_offer(exe_dir, explicit=str(tmp_path / "x"))
    assert paths.make_portable(exe_dir) == exe_dir / "data" and not paths.portable_offer(exe_dir)
    (exe_dir / "portable.txt").unlink()
    (tmp_path / "user-data").mkdir()
    assert not paths.portable_offer(exe_dir)  # the user already has data: no question


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux needs DISPLAY")
def test_no_command_without_a_display_explains_instead_of_crashing(data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data_dir)], capture_output=True,
                         text=True, env=env, timeout=60)
    assert out.returncode == 1 and "No display to open the window on" in out.stderr and "import" in out.stdout
