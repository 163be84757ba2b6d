"""The application `sugia serve` runs: the HTTP API (JSON under /api, `routes.py`) and the
web pages (`sugia.web`) over one knowledge base (FastAPI; the OpenAPI document at
/openapi.json).

Reading needs no token unless the server was started with a read token; ingesting (upload
or URL) needs the write token given at start-up, and is off without one (`web.access`).
Every error is JSON with a message naming what was wrong — user input never causes a 500.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import UsageError
from ..ingest import Jobs
from ..web import error_page, mount
from .guard import DEFAULT_MAX_UPLOAD, Guard
from .routes import router
from .stores import Stores


def create_app(db: str, token: str | None = None, read_token: str | None = None,
               max_upload: int = DEFAULT_MAX_UPLOAD, allow_private: bool = False) -> FastAPI:
    """The application over the base `db`. `token` allows ingesting; `read_token`, when
    given, is needed for reading too; `max_upload` caps a request body (413 beyond it);
    `allow_private` lets ingest-by-URL fetch loopback and intranet addresses (off: anyone
    with the token could make the server read its own network)."""
    app = FastAPI(title="sugia", version="0.1", docs_url=None, redoc_url=None, description="Vietnam's diplomacy from"
                  " Vietnamese news pages: search, people with their posts, organisations, places, events and figures.")
    app.state.stores = Stores(db)
    app.state.jobs = Jobs(db)
    app.state.token, app.state.read_token, app.state.allow_private = token, read_token, allow_private
    app.add_middleware(Guard, max_upload=max_upload)
    app.add_exception_handler(UsageError, usage_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, bad_parameter)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.include_router(router)
    mount(app)
    return app


async def usage_error(request: Request, exc: UsageError) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": str(exc)}, status_code=400)
    return error_page(request, 400, str(exc))


async def bad_parameter(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = ["{}: {}".format(".".join(str(p) for p in e["loc"][1:]) or e["loc"][0], e["msg"]) for e in exc.errors()]
    return JSONResponse({"error": "bad parameter: " + "; ".join(problems)}, status_code=422)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
    return error_page(request, exc.status_code, str(exc.detail))


def from_environment() -> FastAPI:
    """The app `sugia serve` starts, in each worker process, from the settings it exported."""
    import os

    return create_app(os.environ["SUGIA_SERVE_DB"], os.environ.get("SUGIA_SERVE_TOKEN") or None,
                      os.environ.get("SUGIA_SERVE_READ_TOKEN") or None,
                      int(os.environ.get("SUGIA_SERVE_MAX_UPLOAD") or DEFAULT_MAX_UPLOAD),
                      os.environ.get("SUGIA_SERVE_ALLOW_PRIVATE") == "1")
