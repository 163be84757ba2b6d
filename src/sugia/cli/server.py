"""`sugia serve`: the HTTP API and the web application."""
from __future__ import annotations

import click

from .app import main
from .common import db_option, store_or_exit


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", envvar="SUGIA_TOKEN", default=None,
              help="Token that allows ingesting over HTTP (default: $SUGIA_TOKEN; none: ingesting is off).")
@click.option("--read-token", envvar="SUGIA_READ_TOKEN", default=None,
              help="Token needed for reading too (default: $SUGIA_READ_TOKEN; none: reading is open).")
@click.option("--workers", default=1, show_default=True, type=int, help="Server processes.")
@click.option("--max-upload", default=50_000_000, show_default=True, type=click.IntRange(min=1),
              help="Largest request body in bytes (413 beyond it).")
@click.option("--allow-private-fetch", is_flag=True,
              help="Let ingest-by-URL fetch loopback and intranet addresses (off: the server never reads its own network).")
def serve(db: str | None, host: str, port: int, token: str | None, read_token: str | None, workers: int,
          max_upload: int, allow_private_fetch: bool) -> None:
    """Serve the HTTP API (/api, /openapi.json) and the web application over a knowledge base.

    \b
    Example:
      sugia serve --db sugia.db --port 8000 --token s3cret
    """
    import os

    import uvicorn

    from ..store import default_db

    db = db or default_db()
    if token and workers > 1:
        raise click.UsageError("--token with --workers > 1: ingest jobs and their progress live in one server process;"
                               " serve with --workers 1 to ingest over HTTP")
    store_or_exit(db).close()
    os.environ["SUGIA_SERVE_DB"] = db  # the app factory reads its settings from the environment, for --workers
    os.environ["SUGIA_SERVE_TOKEN"] = token or ""
    os.environ["SUGIA_SERVE_READ_TOKEN"] = read_token or ""
    os.environ["SUGIA_SERVE_MAX_UPLOAD"] = str(max_upload)
    os.environ["SUGIA_SERVE_ALLOW_PRIVATE"] = "1" if allow_private_fetch else ""
    click.echo(f"sugia: serving {db} at http://{host}:{port}/ (API at /api, described at /openapi.json)", err=True)
    uvicorn.run("sugia.api.app:from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", http="sugia.api.serving:NoDelayProtocol")
