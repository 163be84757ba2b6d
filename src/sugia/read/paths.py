"""What the paths a user gives name: files, folders walked in order, globs — and what cannot
be read among them, named with the reason (an unreadable folder, a FIFO or device, a name that
names nothing). Symbolic links to folders are not followed, so a link loop cannot run forever.
"""
from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator

from .common import safe_text

MAX_DEPTH = 64  # folders deeper than this are not walked: a loop the OS did not catch


def entries(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(path, None) for each file to read, (path, reason) for each that cannot be."""
    for path in paths:
        if path == "-":
            yield path, None
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.lexists(path):
            yield path, _not_a_file(path)
        else:
            matches = _glob(path)
            if not matches:
                yield path, "not found: no such file, folder or glob match"
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else [(match, _not_a_file(match))]


def _walk(folder: str) -> Iterator[tuple[str, str | None]]:
    problems: list[OSError] = []
    base = folder.rstrip(os.sep).count(os.sep)
    for root, dirs, files in os.walk(folder, onerror=problems.append):  # links to folders: not followed
        while problems:
            error = problems.pop()
            yield error.filename or root, f"cannot read folder: {error.strerror}"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if root.count(os.sep) - base < MAX_DEPTH else []
        for name in sorted(f for f in files if not f.startswith(".")):
            path = os.path.join(root, name)
            yield path, _not_a_file(path)
    for error in problems:
        yield error.filename or folder, f"cannot read folder: {error.strerror}"


def _not_a_file(path: str) -> str | None:
    """Why `path` is not a regular file to read, or None when it is one."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot open: {exc.strerror}"  # a dangling link, a link loop, no permission
    if stat.S_ISREG(mode):
        return None
    what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"not a regular file ({what}): not read"


def _glob(pattern: str) -> list[str]:
    """Glob matches; with "**", a walk that never follows links to folders."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = pattern.split(os.sep)
    fixed = next(n for n, part in enumerate(parts) if glob.has_magic(part))
    root = os.sep.join(parts[:fixed]) or ("." if not pattern.startswith(os.sep) else os.sep)
    matcher = re.compile(_translate(pattern if parts[:fixed] else os.path.join(".", pattern)))
    found = []
    for path, problem in _walk(root):
        if problem is None or not problem.startswith("cannot read folder"):
            if matcher.fullmatch(path):
                found.append(path)
    return found


def _translate(pattern: str) -> str:
    """A glob pattern as a regular expression over paths: "**/" any folders, "*" within one."""
    out = []
    for token in re.split(r"(\*\*/|\*\*|\*|\?)", pattern):
        out.append({"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(token, re.escape(token)))
    return "".join(out)


def display(path: str) -> str:
    """A path as a page's source: a name that is not valid UTF-8 keeps its place, with U+FFFD."""
    return "<stdin>" if path == "-" else safe_text(path)
