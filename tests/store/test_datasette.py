"""The README's Datasette claim, run: Datasette finds the base's full-text index (a search box
on `pages`, `_search=` filters), and the metadata sugia writes hides its internal tables."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import example_base

from sugia.cli import main


def datasette(*args: str) -> str:
    command = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
    if not Path(command).exists():
        pytest.skip("datasette is not installed (pip install datasette)")
    return subprocess.run([command, *args], capture_output=True, text=True, check=True, timeout=120).stdout


def test_datasette_finds_the_full_text_index(tmp_path):
    db = example_base(str(tmp_path / "kb.db"))
    found = json.loads(datasette(db, "--get", "/kb/pages.json?_search=dang+minh+quan&_shape=array&_col=title"))
    assert found and all("Đặng Minh Quân" in r["title"] or r["title"] for r in found)
    assert len(found) < 27  # the search filters: not every row
    assert json.loads(datasette(db, "--get", "/kb/pages.json?_search=zzqqxx&_shape=array")) == []
    assert 'name="_search"' in datasette(db, "--get", "/kb/pages")  # the search box is there
    assert CliRunner().invoke(main, ["export", "--db", db, "--format", "datasette", "--out", str(tmp_path)]).exit_code == 0
    listing = json.loads(datasette(db, "-m", str(tmp_path / "metadata.json"), "--get", "/kb.json"))
    shown = {t["name"] for t in listing["tables"] if not t["hidden"]}
    assert "pages" in shown and not shown & {"page_minhash", "page_bands", "page_bands_recent", "page_bands_middle", "pages_fts", "pages_search"}
    assert {"articles", "people", "event_list"} <= {v["name"] for v in listing["views"]}
