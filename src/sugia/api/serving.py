"""How `sugia serve` serves: uvicorn's HTTP protocol, answering kept-alive connections at once
in worker processes too. `serve --workers N` hands each worker a listening socket inherited
from uvicorn's supervisor; its accepted connections kept Nagle's algorithm, so every response
on a kept-alive connection waited ~40 ms for the client's delayed ACK (`/api/stats` p50 2.4 ->
44 ms with two workers). Setting TCP_NODELAY on each connection removes the wait."""
from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayProtocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
