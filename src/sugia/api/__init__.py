"""HTTP API and web application over a knowledge base: `create_app(db)` gives the ASGI app
that `sugia serve` runs (FastAPI; the OpenAPI document at /openapi.json)."""
from .app import create_app

__all__ = ["create_app"]
