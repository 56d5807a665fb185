"""The application: QApplication, translations (Chinese first, English fallback), a CJK font, the event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from reader import paths

APP_NAME = "Gazette Reader"
_translators: list[QTranslator] = []


def choose_language(lang: str | None) -> str:
    """zh_CN or en: forced by --lang, else Chinese on Chinese systems and English elsewhere."""
    if lang:
        return "zh_CN" if lang.lower().startswith("zh") else "en"
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translations(app: QApplication, lang: str) -> bool:
    """Load the app's and Qt's own Chinese translations; True when the app's loaded."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang != "zh_CN":
        return False
    loaded = False
    qm_dir = paths.resources_dir() / "i18n"
    for name, folder in (("gazette_reader_zh_CN", qm_dir),
                         ("qtbase_zh_CN", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded = loaded or name.startswith("gazette")
    return loaded


def ensure_cjk_font() -> str | None:
    """Make sure Chinese renders: use a system CJK font, else register PyMuPDF's built-in one."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    preferred = [f for f in ("Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "PingFang SC", "Noto Sans CJK SC",
                             "Source Han Sans SC", "WenQuanYi Micro Hei") if f in families]
    if preferred:
        return preferred[0]
    try:
        import pymupdf

        font_id = QFontDatabase.addApplicationFontFromData(pymupdf.Font("china-s").buffer)
        loaded = QFontDatabase.applicationFontFamilies(font_id)
        return loaded[0] if loaded else None
    except Exception:
        return families[0] if families else None


def ensure_app(lang: str | None = None) -> QApplication:
    """The QApplication, created and set up once."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if not app.property("gazette_ready"):
        app.setApplicationName(APP_NAME)
        app.setOrganizationName("GazetteReader")
        icon = paths.resources_dir() / "icons" / "gazette-reader.png"
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
        family = ensure_cjk_font()
        if family:
            font = QFont(app.font())
            font.setFamilies([family, *QFont(app.font()).families()])
            app.setFont(font)
        app.setProperty("gazette_ready", True)
    language = choose_language(lang)
    install_translations(app, language)
    app.setProperty("gazette_language", language)
    return app


def run(data_dir: str | None = None, lang: str | None = None) -> int:
    """Open the main window and run the event loop."""
    from reader.ui import build_main_window

    window = build_main_window(data_dir, lang)
    window.show()
    app = QApplication.instance()
    assert app is not None
    return app.exec()
