"""Who may read and who may ingest, for the API and the web pages alike: the tokens given at
start-up (`app.state.token` allows ingesting, `app.state.read_token` guards reading), checked
in one place, in constant time. Also the pages a request brings to ingest, the web form's
anti-forgery check, and the bound on heavy work at once (searches) that keeps the rest of the
server answering while a flood of them runs."""
from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import HTTPException, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from ..errors import UsageError
from ..read import fetch


def token_of(request: Request, form_token: str | None = None) -> str:
    """The token a request carries: the Authorization header (Bearer), or the web form's field
    (a form that proves it was served here, `check_form`). Never the URL or a cookie: a token
    in a URL ends in logs and Referer headers."""
    return form_token or request.headers.get("authorization", "").removeprefix("Bearer ").strip()


CSRF_COOKIE = "sugia_csrf"


def new_csrf(request: Request) -> str:
    """The form's anti-forgery value: the one this browser holds, or a new one."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def check_form(request: Request, csrf: str) -> None:
    """403 for a form posted from another site: the Origin (or Referer) must be this server,
    and the form's anti-forgery field must match the cookie set with the form."""
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    here = f"{request.url.scheme}://{request.url.netloc}"
    if not origin.startswith(here):
        raise HTTPException(403, "form posted from another site: refused")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not (csrf and cookie and secrets.compare_digest(csrf.encode(), cookie.encode())):
        raise HTTPException(403, "the form has expired or was not served here: reload it and try again")


def token_matches(given: str, needed: str | None) -> bool:
    return needed is None or secrets.compare_digest(given.encode("utf-8", "replace"), needed.encode("utf-8", "replace"))


def can_read(request: Request) -> None:
    """A dependency: 401 unless the server is open for reading or the request has the read token."""
    if not token_matches(token_of(request), request.app.state.read_token):
        raise HTTPException(401, "reading this base needs a token: Authorization: Bearer <token>")


def check_write(request: Request, form_token: str | None = None) -> None:
    """403 when ingesting is off, 401 without the server's token."""
    if request.app.state.token is None:
        raise HTTPException(403, "ingesting is off: start the server with --token to allow it")
    if not token_matches(token_of(request, form_token), request.app.state.token):
        raise HTTPException(401, "ingesting needs the server's token: Authorization: Bearer <token>")


def can_write(request: Request) -> None:
    """A dependency: `check_write` on the request's Authorization header."""
    check_write(request)


async def received(files: list[UploadFile], url: str | None = None,
                   allow_private: bool = False) -> list[tuple[str, bytes]]:
    """(source, bytes) of every uploaded file (keyed `upload/<file name>`) and of the page at
    `url`; a UsageError says why a URL cannot be had or that nothing was given."""
    data = [(f"upload/{Path(f.filename).name}", await f.read()) for f in files if f.filename]
    if url and url.strip():
        try:
            data.append((url.strip(), await run_in_threadpool(fetch, url.strip(), allow_private=allow_private)))
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
    if not data:
        raise UsageError("no file or URL given / chưa chọn tệp hoặc URL")
    return data


# Searches rank many pages; at most this many run at once, so the rest of the server (pages,
# people, events, the ingest) keeps answering while they do. One more is told to retry.
HEAVY_AT_ONCE = 4
_heavy = threading.BoundedSemaphore(HEAVY_AT_ONCE)


@contextmanager
def heavy() -> Iterator[None]:
    """Hold one of the heavy-work slots, or answer 503 (retry) when all are taken."""
    if not _heavy.acquire(timeout=2.0):
        raise HTTPException(503, "busy: too many searches at once, retry in a moment", headers={"Retry-After": "1"})
    try:
        yield
    finally:
        _heavy.release()
