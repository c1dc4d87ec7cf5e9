"""Witnesses that an import read no other file and opened no connection.

* ``FileWatch``: Linux inotify (through ctypes, no extra package) on a folder of bait files; any
  process that opens or reads a file in it — lxml's C code included, which Python's audit hooks would
  not see — leaves an event.
* ``Listener``: a listening socket on 127.0.0.1; a connection attempt completes in the kernel's backlog
  even if the client gives up, so a non-blocking ``accept`` afterwards tells whether anyone connected.
"""

from __future__ import annotations

import ctypes
import os
import socket
import struct
from pathlib import Path

IN_ACCESS = 0x001
IN_OPEN = 0x020
_EVENT = struct.Struct("iIII")


class FileWatch:
    def __init__(self, folder: Path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        wd = self._libc.inotify_add_watch(self.fd, str(folder).encode(), IN_OPEN | IN_ACCESS)
        if wd < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch")

    def events(self) -> list[str]:
        """Names opened or read since the last call (drains the queue)."""
        out: list[str] = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return out
            offset = 0
            while offset < len(data):
                _wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + length].rstrip(b"\0").decode()
                out.append(f"{name or '.'}:{'open' if mask & IN_OPEN else 'read'}")
                offset += _EVENT.size + length

    def close(self) -> None:
        os.close(self.fd)


class Listener:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]

    def connections(self) -> int:
        n = 0
        while True:
            try:
                conn, _addr = self.sock.accept()
            except BlockingIOError:
                return n
            conn.close()
            n += 1

    def close(self) -> None:
        self.sock.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound for a moment, then released)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
