"""The window's side of office packs: open one (File → Open archive pack…), say which pack is shown and when it
was built, and tell what a newer pack brought since the last one opened here."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

from reader.archive import Archive, GazetteError, is_pack


def built_day(archive: Archive) -> str:
    """The day the open pack was built (YYYY-MM-DD), or empty when no pack is open."""
    return str(archive.pack["built_at"])[:10] if archive.pack else ""


def banner(archive: Archive) -> str:
    """The status bar's words for the open pack: its folder, its date, read-only."""
    if not archive.pack:
        return ""
    return QCoreApplication.translate("PackUi", "Office pack {0} · built {1} · read-only").format(archive.root.name, built_day(archive))


def show_banner(window: QMainWindow, archive: Archive) -> QLabel | None:
    """A permanent label in the status bar naming the open pack (none without a pack)."""
    if not archive.pack:
        return None
    label = QLabel(banner(archive))
    label.setObjectName("packBanner")
    label.setToolTip(str(archive.root))
    window.statusBar().addPermanentWidget(label)
    window.setWindowTitle(QCoreApplication.translate("PackUi", "Gazette Reader — office pack of {0}").format(built_day(archive)))
    return label


def changes_text(archive: Archive) -> str:
    """What a newer pack brought since the last one opened in this data home (empty when nothing)."""
    changes = archive.pack_changes
    if changes is None or not changes.any:
        return ""
    lines = [QCoreApplication.translate("PackUi", "Since the pack of {0}:").format(str(changes.previous_built_at)[:10])]
    if changes.added:
        lines.append(QCoreApplication.translate("PackUi", "{0} issues added").format(len(changes.added)))
        lines += [f"  · {archive.issue(i).gazette} {archive.issue(i).label}" for i in changes.added[:10]]
    if changes.replaced:
        lines.append(QCoreApplication.translate("PackUi", "{0} issues replaced by corrected files (your notes on them were re-attached)")
                     .format(len(changes.replaced)))
    if changes.removed:
        lines.append(QCoreApplication.translate("PackUi", "{0} issues removed").format(len(changes.removed)))
    if changes.validity:
        lines.append(QCoreApplication.translate("PackUi", "{0} documents changed validity").format(len(changes.validity)))
        lines += [f"  · {archive.document(d).title}" for d in changes.validity[:10]]
    return "\n".join(lines)


def tell_changes(parent: QWidget, archive: Archive) -> QMessageBox | None:
    """Show what is new since the last pack (a non-blocking message box), if anything is."""
    text = changes_text(archive)
    if not text:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("PackUi", "What is new in this pack"), text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("packChanges")
    box.open()
    return box


def choose_pack(parent: QWidget) -> Path | None:
    """Ask for a pack folder; a folder that holds no pack is refused with a message."""
    folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("PackUi", "Open archive pack"))
    if not folder:
        return None
    if not is_pack(Path(folder)):
        QMessageBox.warning(parent, QCoreApplication.translate("PackUi", "Open archive pack"),
                            QCoreApplication.translate("PackUi", "{0} holds no archive pack (no manifest.json). Choose the folder that "
                               "`gazette-reader pack build` wrote.").format(folder))
        return None
    return Path(folder)


def relaunch(home: Path, pack: Path | None) -> bool:
    """Start the program again on the same data home and the given pack (None: the home's own archive)."""
    program = sys.executable
    args = [] if getattr(sys, "frozen", False) else ["-m", "reader"]
    args += ["--data-dir", str(home)]
    if pack is not None:
        args += ["--pack", str(pack)]
    ok, _pid = QProcess.startDetached(program, args)
    return bool(ok)


def open_pack(window: QMainWindow, home: Path) -> None:
    """File → Open archive pack…: choose a folder, then reopen the window on it."""
    pack = choose_pack(window)
    if pack is None:
        return
    try:
        Archive(home, pack=pack).close()  # refuse a damaged pack here, with its message, before leaving
    except GazetteError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("PackUi", "Open archive pack"), str(exc))
        return
    if relaunch(home, pack):
        window.close()


def leave_pack(window: QMainWindow, home: Path) -> None:
    """File → Open my own archive: reopen the window on the data home's own archive."""
    if relaunch(home, None):
        window.close()
