"""Exports of a base of the example pages: every table's CSV has its header even when empty,
Parquet keeps days and instants as typed dates."""
from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner
from conftest import example_base

from sugia.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return example_base(str(tmp_path_factory.mktemp("export") / "kb.db"))


def test_export_csv_has_headers_for_empty_tables(db, tmp_path):
    assert CliRunner().invoke(main, ["export", "--db", db, "--format", "csv", "--out", str(tmp_path)]).exit_code == 0
    with open(tmp_path / "failures.csv", encoding="utf-8") as handle:
        assert next(csv.reader(handle)) == ["source", "stage", "reason", "at"]
    with open(tmp_path / "events.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {"start", "end", "kind", "name"} <= set(rows[0])


def test_export_parquet_dates_are_typed(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed: pip install 'sugia[parquet]'")
    assert CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet", "--out", str(tmp_path)]).exit_code == 0
    events, pages = pq.read_table(tmp_path / "events.parquet"), pq.read_table(tmp_path / "pages.parquet")
    assert str(events.schema.field("start").type) == "date32[day]"
    assert str(pages.schema.field("published").type).startswith("timestamp")
    assert pq.read_table(tmp_path / "failures.parquet").num_rows == 0
