"""Where the data home is: --data-dir, GAZETTE_READER_HOME, portable folder, index/ in a checkout, per-user folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "GazetteReader"
ENV_HOME = "GAZETTE_READER_HOME"
ARCHIVE_FILE = "archive.db"
USER_FILE = "user.db"
FILES_DIR = "files"
INDEX_DIR = "whoosh"
OCR_CACHE = "ocr.db"  # recognised pages of scanned PDFs, by file SHA-256 and page (kept through re-imports)
SETTINGS_FILE = "settings.ini"  # the window's geometry, splitter, zoom and last document
SAMPLE_DIR = "sample"  # where "Load the sample gazette" writes the fictional sample
BACKUPS_DIR = "backups"  # daily copies of user.db
PORTABLE_MARKER = "portable.txt"  # beside a bundled executable: keep the data in PORTABLE_DATA beside it
PORTABLE_DATA = "data"


def checkout_root() -> Path | None:
    """The source checkout this package runs from, or None for an installed or bundled build."""
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "index").is_dir() and not getattr(sys, "frozen", False):
        return root
    return None


def portable_home() -> Path | None:
    """The data/ folder beside a bundled executable when portable.txt sits there."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    return exe_dir / PORTABLE_DATA if (exe_dir / PORTABLE_MARKER).exists() else None


def user_home() -> Path:
    """The per-user data folder of installed builds (not created)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def portable_offer(exe_dir: Path, explicit: str | os.PathLike[str] | None = None) -> bool:
    """Whether to ask, on a bundle's first run, if data should stay beside the program (portable)."""
    if explicit or os.environ.get(ENV_HOME) or (exe_dir / PORTABLE_MARKER).exists() or user_home().exists():
        return False
    return os.access(exe_dir, os.W_OK)


def make_portable(exe_dir: Path) -> Path:
    """Switch a bundle to portable mode: portable.txt beside it, data in data/."""
    (exe_dir / PORTABLE_MARKER).write_text(
        f"Gazette Reader keeps its data in the {PORTABLE_DATA} folder beside this file.\n", encoding="utf-8")
    return exe_dir / PORTABLE_DATA


def data_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data home, created if missing."""
    if explicit:
        home = Path(explicit)
    elif os.environ.get(ENV_HOME):
        home = Path(os.environ[ENV_HOME])
    elif portable_home() is not None:
        home = portable_home()  # type: ignore[assignment]
    elif checkout_root() is not None:
        home = checkout_root() / "index"  # type: ignore[operator]
    else:
        home = user_home()
    home.mkdir(parents=True, exist_ok=True)
    return home.resolve()


def resources_dir() -> Path:
    """The resources/ folder (icons, styles, translations, sample), also inside a bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"
