"""The web application: server-rendered pages (Jinja2) over the same base as the API, in
Vietnamese with an English toggle, every asset served from the package (no CDN).

`pages.py`: search with facets, article with entities highlighted and linked, person,
organisation and place pages, the event timeline with a map. `ingest.py`: the ingest form
and its progress page. `access.py`: the token checks the API shares.
"""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from . import ingest, pages
from .pages import entity_or_404
from .templating import HERE, error_page

__all__ = ["entity_or_404", "error_page", "mount"]


def mount(app: FastAPI) -> None:
    """Add the web pages and their static assets to `app` (which holds `state.stores`,
    `state.jobs` and the tokens)."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(ingest.router)
