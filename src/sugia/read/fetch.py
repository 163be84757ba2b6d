"""One page (or archive) by URL: only http(s), a total time limit (not per read: a slow server
cannot hold it), the readers' size limit, at most MAX_REDIRECTS redirects — and, unless asked
otherwise, never an address inside this machine or its network (loopback, private, link-local,
multicast, unspecified, reserved), checked after name resolution and again on every redirect.
A ValueError says why a URL cannot be had.

The server fetches for anyone who has its token, so it keeps `allow_private` off: a URL must
not make it read itself or the intranet for the caller. A user typing a URL on the command
line is local already; the CLI allows it.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.parse

from .files import DEFAULT_MAX_BYTES

TIMEOUT = 30.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
USER_AGENT = "sugia/0.1 (+https://github.com/sugia; Vietnamese diplomacy news reader)"
CHUNK = 65536


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False,
          timeout: float = TIMEOUT) -> bytes:
    """The body at `url`, following redirects; ValueError says why it cannot be had."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = _checked(url, allow_private)
        status, location, body = _get(parts, max_bytes, deadline)
        if status in (301, 302, 303, 307, 308) and location:
            url = urllib.parse.urljoin(url, location)
            continue
        if status >= 400:
            raise ValueError(f"cannot fetch {url}: HTTP {status}")
        return body
    raise ValueError(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects")


def _checked(url: str, allow_private: bool) -> urllib.parse.SplitResult:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if not allow_private:
        for address in _addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)):
            if not address.is_global or address.is_multicast:
                raise ValueError(f"refused: {parts.hostname} is a local or private address ({address}); "
                                 "the server does not fetch inside its own network")
    return parts


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ValueError(f"cannot fetch: {host}: no such host ({exc})") from exc
    out = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped  # "::ffff:127.0.0.1" is 127.0.0.1
        out.append(address)
    return out


def _get(parts: urllib.parse.SplitResult, max_bytes: int, deadline: float) -> tuple[int, str | None, bytes]:
    left = deadline - time.monotonic()
    if left <= 0:
        raise ValueError(f"cannot fetch {parts.geturl()}: took longer than {TIMEOUT:g} s")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname, parts.port, timeout=min(left, 10.0))
    path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
        response = connection.getresponse()
        body = bytearray()
        while chunk := response.read(CHUNK):
            body += chunk
            if len(body) > max_bytes:
                raise ValueError(f"{parts.geturl()}: larger than {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise ValueError(f"cannot fetch {parts.geturl()}: took longer than {TIMEOUT:g} s")
        return response.status, response.getheader("Location"), bytes(body)
    except (OSError, http.client.HTTPException) as exc:
        raise ValueError(f"cannot fetch {parts.geturl()}: {exc}") from exc
    finally:
        connection.close()
