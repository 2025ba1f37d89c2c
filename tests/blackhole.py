"""A TCP proxy on loopback that can blackhole the connections it carries, as a dead route or a frozen host does."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class _Pair:
    """One client connection and the proxy's connection to the server on its behalf."""

    client: socket.socket
    server: socket.socket
    frozen: threading.Event = field(default_factory=threading.Event)


class BlackholeProxy:
    """Forwards every connection to ``upstream_port``; :meth:`blackhole` freezes the ones open at that moment.

    A frozen connection stays open at both ends and forwards nothing any more, in either direction: what
    the client sends is taken by the proxy's kernel and never reaches the server, and no answer comes
    back. TCP keepalive probes are still answered by the proxy's kernel, so only a socket timeout on the
    client's side can tell that the server stopped answering. Connections opened later are forwarded.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._pairs: list[_Pair] = []
        self._lock = threading.Lock()
        self._closed = threading.Event()

    @property
    def url(self) -> str:
        """The ``redis://`` address of the proxy."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> BlackholeProxy:
        """Accept and forward connections from a daemon thread."""
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()
        return self

    def blackhole(self) -> int:
        """Freeze every connection open now (forward nothing more, close nothing); return how many."""
        with self._lock:
            for pair in self._pairs:
                pair.frozen.set()
            return len(self._pairs)

    def stop(self) -> None:
        """Stop accepting and close every socket, frozen ones included."""
        self._closed.set()
        with self._lock:
            sockets = [self._listener, *(s for pair in self._pairs for s in (pair.client, pair.server))]
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                continue
            server.settimeout(None)
            pair = _Pair(client, server)
            with self._lock:
                if self._closed.is_set():
                    client.close()
                    server.close()
                    return
                self._pairs.append(pair)
            threading.Thread(target=self._pump, args=(pair, client, server), daemon=True).start()
            threading.Thread(target=self._pump, args=(pair, server, client), daemon=True).start()

    def _pump(self, pair: _Pair, source: socket.socket, target: socket.socket) -> None:
        """Copy ``source`` to ``target`` until either closes; once frozen, drop the data and keep both open."""
        while True:
            try:
                data = source.recv(65536)
                if pair.frozen.is_set():
                    return
                if not data:
                    break
                target.sendall(data)
            except OSError:
                break
        if not pair.frozen.is_set():
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
