"""The `sugia` command: a thin shell over the library. Each command parses its options and
calls a plain function; typed errors become one clear line on stderr."""
from __future__ import annotations

from . import base, pipeline, server  # noqa: F401 - each module adds its commands to `main`
from .app import main

__all__ = ["main"]
