"""What every response and every request body goes through: security headers (a Content
Security Policy that allows only this server's own scripts, styles and images, no framing, no
sniffing, no Referer leaving the site), and an upload cap enforced while the body
streams in (413), so an oversized upload is never held whole."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                 b" object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no Referer leaves the site; forms still carry their Origin
    (b"x-frame-options", b"DENY"),
]
DEFAULT_MAX_UPLOAD = 50_000_000  # bytes in one request body


class TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: the headers on every HTTP response, the cap on every request body."""

    def __init__(self, app: Any, max_upload: int = DEFAULT_MAX_UPLOAD):
        self.app, self.max_upload = app, max_upload

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.max_upload:
            await self._refuse(send)
            return
        seen, started = 0, False

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_upload:
                raise TooLarge
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        try:
            await self.app(scope, capped, with_headers)
        except TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = b'{"error": "upload too large: over %d bytes (the server\'s --max-upload)"}' % self.max_upload
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body})

