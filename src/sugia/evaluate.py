"""Scoring extraction records with the shared scorer (../shared/eval/score.py), for the
evaluation gate and the benchmarks. The scorer reads pages as UTF-8, so pages in legacy
encodings are decoded into a temporary copy first."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .clean.decode import decode


def score(records: list[dict[str, Any]], gold: Path, pages: Path, scorer: Path) -> dict[str, Any]:
    """score.py's JSON summary of `records` (dicts with at least "source") against `gold`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "out.jsonl")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        utf8 = Path(tmp, "pages")
        utf8.mkdir()
        for file in Path(pages).iterdir():
            Path(utf8, file.name).write_text(decode(file.read_bytes())[0], encoding="utf-8")
        run = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--pages", str(utf8), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def evaluation_sets(root: Path, shared: Path) -> list[tuple[str, Path, Path]]:
    """(name, pages, gold) of the project's examples, and of the shared development pages
    when ../shared is there."""
    sets = [("examples", root / "examples" / "pages", root / "examples" / "gold")]
    if (shared / "samples").is_dir():
        sets.append(("shared samples", shared / "samples", shared / "eval" / "dev" / "gold"))
    return sets
