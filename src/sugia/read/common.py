"""What every reader shares: the failed-page record, the size-limit message, and text that is
safe to store (a file name or a URL with a lone surrogate or a control character)."""
from __future__ import annotations

import re

from ..page import Failure, Page

_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def failed(source: str, reason: str) -> Page:
    return Page(source=safe_text(source), failure=Failure("read", reason))


def too_large(source: str, max_bytes: int) -> Page:
    size = f"{max_bytes / 1e6:g} MB" if max_bytes >= 1_000_000 else f"{max_bytes} bytes"
    return failed(source, f"page too large: over {size} (raise --max-bytes to read it)")


def safe_text(text: str) -> str:
    """`text` with what no database or terminal takes replaced: lone surrogates (a file name
    that is not UTF-8, a JSON "\\ud800") by U+FFFD, control characters by a space."""
    try:  # a file name os.fsdecode escaped: its bytes back, read as UTF-8
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        pass
    return _CONTROLS.sub(" ", _SURROGATES.sub("\ufffd", text))


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates (JSON "\ud800") replaced by U+FFFD, all else kept."""
    return _SURROGATES.sub("\ufffd", text)
