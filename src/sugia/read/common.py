"""What every reader shares: the failed-page record and the size-limit message."""
from __future__ import annotations

from ..page import Failure, Page


def failed(source: str, reason: str) -> Page:
    return Page(source=source, failure=Failure("read", reason))


def too_large(source: str, max_bytes: int) -> Page:
    size = f"{max_bytes / 1e6:g} MB" if max_bytes >= 1_000_000 else f"{max_bytes} bytes"
    return failed(source, f"page too large: over {size} (raise --max-bytes to read it)")
