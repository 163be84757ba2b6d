"""Who may read and who may ingest, for the API and the web pages alike: the tokens given at
start-up (`app.state.token` allows ingesting, `app.state.read_token` guards reading), checked
in one place, in constant time. Also the pages a request brings to ingest."""
from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import HTTPException, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from ..errors import UsageError
from ..read import fetch


def token_of(request: Request, form_token: str | None = None) -> str:
    """The token a request carries: a form field, a Bearer header, ?token= or the cookie."""
    return (form_token or request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            or request.query_params.get("token") or request.cookies.get("sugia_token") or "")


def token_matches(given: str, needed: str | None) -> bool:
    return needed is None or secrets.compare_digest(given.encode(), needed.encode())


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
    """A dependency: `check_write` on the request's header, query or cookie token."""
    check_write(request)


async def received(files: list[UploadFile], url: str | None = None) -> list[tuple[str, bytes]]:
    """(source, bytes) of every uploaded file (keyed `upload/<file name>`) and of the page at
    `url`; a UsageError says why a URL cannot be had or that nothing was given."""
    data = [(f"upload/{Path(f.filename).name}", await f.read()) for f in files if f.filename]
    if url and url.strip():
        try:
            data.append((url.strip(), await run_in_threadpool(fetch, url.strip())))
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
    if not data:
        raise UsageError("no file or URL given / chưa chọn tệp hoặc URL")
    return data
