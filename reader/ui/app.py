"""The application: QApplication, translations (Chinese first, English fallback), a CJK font, the event loop."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from reader.archive import GazetteError, paths

APP_NAME = "Gazette Reader"
_translators: list[QTranslator] = []


def choose_language(lang: str | None) -> str:
    """zh_CN or en: forced by --lang, else Chinese (Chinese first), and English only on a system set to another
    language (a C or POSIX locale names none: Chinese)."""
    if lang:
        return "zh_CN" if lang.lower().startswith("zh") else "en"
    system = QLocale.system().language()
    return "zh_CN" if system in (QLocale.Language.Chinese, QLocale.Language.C, QLocale.Language.AnyLanguage) else "en"


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


def ask_portable(exe_dir: Path) -> bool:
    """First run of a bundle in a writable folder: keep the data beside the program, or in the user's folder?"""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox()
    box.setWindowTitle(QCoreApplication.translate("App", "Where should Gazette Reader keep its data?"))
    box.setText(QCoreApplication.translate(
        "App", "Keep the archive and your notes in your user folder ({0}), or beside the program in {1} "
        "(portable: for a USB stick)?").format(paths.user_home(), exe_dir / paths.PORTABLE_DATA))
    user = box.addButton(QCoreApplication.translate("App", "In my user folder"), QMessageBox.ButtonRole.AcceptRole)
    portable = box.addButton(QCoreApplication.translate("App", "Beside the program (portable)"),
                             QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(user)
    box.exec()
    return box.clickedButton() is portable


def show_error(message: str) -> None:
    """A start-up error the user can act on, in a message box (printed too, for logs)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    print(f"error: {message}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Gazette Reader cannot start"),
                      message)
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        box.exec()


def run(data_dir: str | None = None, lang: str | None = None, quit_after_show: bool = False,
        files: list[Path] | None = None, new_window: bool = False, pack: str | None = None) -> int:
    """Open the main window and run the event loop (or, for start-up timing, quit once it is painted); when a
    window is already open on the data home, hand it the files and bring it to the front instead (an office pack
    opens its own window)."""
    from reader.ui import build_main_window
    from reader.ui.single_instance import hand_over, handed_over_line, is_running, serve

    ensure_app(lang)
    if getattr(sys, "frozen", False) and not quit_after_show:
        exe_dir = Path(sys.executable).resolve().parent
        if paths.portable_offer(exe_dir, data_dir) and ask_portable(exe_dir):
            paths.make_portable(exe_dir)
    try:
        home: Path | None = paths.data_home(data_dir)
    except OSError:
        home = None  # the window says what is wrong with the folder
    others = False
    if home is not None and pack is None and not quit_after_show:
        if not new_window and hand_over(home, files or []):
            print(handed_over_line(home), flush=True)
            return 0
        others = new_window and is_running(home)
    try:
        window = build_main_window(data_dir, lang, pack=pack)
    except GazetteError as exc:  # a data home from a newer version, a folder that cannot be written
        from reader.ui.messages import reason_text

        show_error(reason_text(exc.reason) + (f"\n{exc.path}" if exc.path else ""))
        return 1
    serve(window, files or [], others, listen=pack is None)
    window.show()
    app = QApplication.instance()
    assert app is not None
    if quit_after_show:
        app.processEvents()
        window.grab()
        print("shown", flush=True)
        window.close()
        return 0
    return app.exec()
