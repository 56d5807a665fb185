"""Shared fixtures: the generated sample gazette, the ../shared material when present, a data home."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from reader.sample import Sample, build_sample

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def compact(text: str | None) -> str:
    """Titles and numbers are compared without white space, after NFKC."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The fictional sample gazette as PDF and text, with its truth."""
    return build_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """An empty data home."""
    home = tmp_path / "home"
    home.mkdir()
    return home


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that need it skip when it is absent (a fresh clone)."""
    if not (SHARED / "truth").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture()
def sample_home(sample, tmp_path: Path) -> Path:
    """A data home holding the sample gazette (imported from its PDF)."""
    from reader.archive import Archive

    home = tmp_path / "home"
    with Archive(home) as archive:
        assert archive.import_file(sample.pdf).ok
    return home


@pytest.fixture()
def open_window(qtbot):
    """Open the real window on a data home, at a size and in a language; closed when the test ends."""
    from reader.ui import build_main_window

    opened = []

    def open_(home: Path, size: tuple[int, int] = (1280, 800), lang: str = "zh_CN"):
        w = build_main_window(home, lang)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        opened.append(w)
        return w

    yield open_
    for w in opened:
        w.close()
