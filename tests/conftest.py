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
