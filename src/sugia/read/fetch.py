"""One page (or archive) by URL, for ingesting over HTTP: only http(s), a time limit and the
readers' size limit, and a ValueError that says why a URL cannot be had."""
from __future__ import annotations

import urllib.request

from .files import DEFAULT_MAX_BYTES


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """One page (or archive) by URL, for ingesting; ValueError says why it cannot be had."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url!r}")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (scheme checked above)
            data = response.read(max_bytes + 1)
    except OSError as exc:
        raise ValueError(f"cannot fetch {url}: {exc}") from exc
    if len(data) > max_bytes:
        raise ValueError(f"{url}: larger than {max_bytes} bytes")
    return data
