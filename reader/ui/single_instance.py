"""One window per data home: a second start hands its files to the running window and brings it to the front.

The running window listens on a local socket named after its data home (QLocalServer); a new start first tries to
reach it (QLocalSocket) and, when it answers, sends the files to import and quits."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

CONNECT_MS = 800  # a running window answers within this; a stale socket refuses at once
REPLY = b"ok\n"


def server_name(home: Path) -> str:
    """The socket name of a data home: the same for every spelling of its path, per user."""
    key = os.path.normcase(str(Path(home).resolve()))
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    return "gazette-reader-" + hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:20]


def hand_over(home: Path, files: list[Path]) -> bool:
    """Give the files to the window already open on this data home and raise it; False when none is open."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"files": [str(Path(f).resolve()) for f in files]}).encode() + b"\n"
    socket.write(message)
    socket.waitForBytesWritten(CONNECT_MS)
    answered = socket.waitForReadyRead(CONNECT_MS * 3) and socket.readAll().data() == REPLY
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later starts on the same data home and passes on what they ask."""

    activated = Signal(list)  # files to import (possibly none): raise the window

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.name = server_name(home)
        if not self.server.listen(self.name):  # a socket left by a window that crashed: no one answered it
            QLocalServer.removeServer(self.name)
            self.server.listen(self.name)
        self.server.newConnection.connect(self._connected)

    @property
    def listening(self) -> bool:
        """Whether later starts can reach this window."""
        return self.server.isListening()

    def _connected(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        buffer = bytearray()

        def read() -> None:
            buffer.extend(socket.readAll().data())
            if not buffer.endswith(b"\n"):
                return
            try:
                files = [Path(f) for f in json.loads(bytes(buffer)).get("files", [])]
            except (ValueError, AttributeError):
                files = []
            socket.write(REPLY)
            socket.flush()
            socket.disconnectFromServer()
            self.activated.emit(files)

        socket.readyRead.connect(read)
        socket.disconnected.connect(socket.deleteLater)
        if socket.bytesAvailable():
            read()

    def close(self) -> None:
        """Stop listening (the window closes)."""
        self.server.close()


def handed_over_line(home: Path) -> str:
    """What a second start prints before it exits."""
    return f"Gazette Reader is already open on {home}: brought to the front"


def is_running(home: Path) -> bool:
    """Whether a window is open on this data home (it is not raised)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(home))
    running = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return running


def bring_forward(window: MainWindow, files: list[Path]) -> None:
    """Another start on this data home: show the window in front and import the files it was given."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    if files:
        window.imports.start(files)


class NotesFollow(QObject):
    """A second window on one data home: re-read the notes whenever this window comes to the front, so it acts
    on what the other window saved."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The window was activated: refresh its notes."""
        if watched is self.window and event.type() == QEvent.Type.WindowActivate and not self.window.closed:
            self.window.notes.refresh()
        return super().eventFilter(watched, event)


def serve(window: MainWindow, files: list[Path], others: bool, listen: bool = True) -> None:
    """Make the window the one later starts reach (unless another window holds the data home, or it shows an office
    pack), follow notes changed elsewhere, and import the files it was started with."""
    NotesFollow(window)
    if others:
        window.statusBar().showMessage(QCoreApplication.translate(
            "SingleInstance", "Another window is open on this data folder: notes changed there show here when you "
            "come back to this window."), 15000)
    elif listen:
        server = InstanceServer(window.home, window)  # owned by the window: listens while it lives
        server.activated.connect(lambda f: bring_forward(window, f))
    if files:
        QTimer.singleShot(0, lambda: window.imports.start(files))
