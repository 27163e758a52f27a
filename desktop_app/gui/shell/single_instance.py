"""One running Régua per database: a QLockFile next to the database, and a local socket through which a
second start asks the first to come to the front (then quits). Beside the QLockFile the window holds the
shop's OS lock (services/shop/shop_lock.py), the one the command line can see without Qt: `regua restore` is
refused while it is held, and the OS drops it with the process however the process ends.

A shop on a server: one window per shop per PC, keyed on the server's URL without its password; the
QLockFile is in that server's own data folder, and no shop lock is held (a till never restores a server)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_app.config import Paths
from desktop_app.services.shop import shop_lock

SERVER_LOCK = "window.lock"


def _server_name(db_path: Path | str) -> str:
    key = db_path if isinstance(db_path, str) else str(Path(db_path).resolve())
    return "regua-" + hashlib.sha1(key.encode()).hexdigest()[:16]


class SingleInstance(QObject):
    """`acquire()` True: this process owns the database; `activated` fires when another start asks
    for the window. False: another Régua has it (and was asked to show itself)."""

    activated = Signal()

    def __init__(self, db_path: Path | None, parent: QObject | None = None, *, server: str | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.name = _server_name(server if server is not None else db_path)
        self.db_path = Path(db_path) if db_path is not None else None
        self.holds_shop = False
        if server is not None:
            Path(folder).mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(Path(folder) / SERVER_LOCK) if server is not None else str(db_path) + ".lock")
        self.lock.setStaleLockTime(0)  # a crashed Régua's lock is recognised by its dead pid, never by age
        self.server: QLocalServer | None = None

    @classmethod
    def for_paths(cls, paths: Paths, parent: QObject | None = None) -> SingleInstance:
        if paths.is_server:
            return cls(None, parent, server=paths.public_url, folder=paths.data_dir)
        return cls(paths.db_path, parent)

    def acquire(self) -> bool:
        if not self.lock.tryLock(200):
            self._wake_the_other()
            return False
        if self.db_path is not None and not shop_lock.hold(self.db_path):  # a restore from the command line still running after a minute
            self.lock.unlock()
            return False
        self.holds_shop = self.db_path is not None
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        self.server.listen(self.name)
        return True

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.disconnectFromServer()
            self.activated.emit()

    def _wake_the_other(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        ok = socket.waitForConnected(1000)
        if ok:
            socket.write(b"show\n")
            socket.waitForBytesWritten(500)
            socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        if self.holds_shop:
            shop_lock.release(self.db_path)
            self.holds_shop = False
        self.lock.unlock()
