"""The who-met-whom graph of a base of the example pages (SQLite file and PostgreSQL): every
edge backed by an event with sources, counterparts with their shared events, GraphML/GEXF that
NetworkX reads back, CSV, the CLI and PLOVER-shaped events."""
import csv
import io
import json

import networkx as nx
from click.testing import CliRunner

from sugia.cli import main
from sugia.export import write_network, write_plover
from sugia.store import SearchFilters


def test_network_every_edge_is_backed_by_events_with_sources(base):
    graph = base.network()
    ids = {n["id"] for n in graph["nodes"]}
    assert graph["edges"]
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= ids and edge["weight"] == len(edge["events"]) >= 1
        assert all(event["sources"] and event["start"] for event in edge["events"])
        assert edge["first"] <= edge["last"]


def test_network_filters_keep_a_persons_events(base):
    edge = base.network()["edges"][0]
    name = next(n["name"] for n in base.network()["nodes"] if n["id"] == edge["source"])
    ego = base.network(SearchFilters(person=name))
    assert any(edge["source"] in (e["source"], e["target"]) for e in ego["edges"])
    assert len(ego["edges"]) <= len(base.network()["edges"])
    assert not base.network(SearchFilters(date_from="2100-01-01"))["edges"]


def test_network_counterparts_name_when_where_and_pages(base):
    edge = base.network()["edges"][0]
    met = base.person(edge["source"])["met"]
    other = next(m for m in met if m["id"] == edge["target"])
    assert other["events"] and all(e["sources"] for e in other["events"])


def test_network_writes_graphml_gexf_and_csv_readable_back(base):
    graph = base.network()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = io.StringIO()
        write_network(graph, fmt, out)
        g = read(io.BytesIO(out.getvalue().encode("utf-8")))
        assert g.number_of_nodes() == len(graph["nodes"]) and g.number_of_edges() == len(graph["edges"])
        assert all(data["weight"] >= 1 for _, _, data in g.edges(data=True))
    out = io.StringIO()
    write_network(graph, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == len(graph["edges"]) and all(r["pages"] for r in rows)


def test_network_cli_and_plover_export(base, tmp_path):
    db = base.store.path
    runner = CliRunner()
    result = runner.invoke(main, ["network", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["edges"]
    assert runner.invoke(main, ["export", "--db", db, "--format", "plover", "--out", str(tmp_path)]).exit_code == 0
    rows = [json.loads(line) for line in (tmp_path / "events_plover.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and {r["event_type"] for r in rows} <= {"CONSULT", "AGREE"}
    assert all(r["event_date"] and r["source"] and r["sentence"] for r in rows)


def test_plover_rows_map_kinds_to_types_and_modes():
    out = io.StringIO()
    events = [{"id": 1, "kind": "phone_call", "name": "Điện đàm", "start": "2024-01-02", "end": "2024-01-02",
               "city": None, "country": None, "venue": None, "participants": ["A", "B", "C"], "source": "s",
               "url": None, "sentence": "..."},
              {"id": 2, "kind": "signing", "name": "Lễ ký", "start": "2024-01-03", "end": "2024-01-03",
               "city": "Hà Nội", "country": "Việt Nam", "venue": None, "participants": [], "source": "s",
               "url": "https://example.org/a", "sentence": "..."}]
    assert write_plover(events, out) == 2
    a, b = (json.loads(line) for line in out.getvalue().splitlines())
    assert (a["event_type"], a["mode"], a["actor"], a["recipient"], a["other_actors"]) == \
        ("CONSULT", "phone", "A", "B", ["C"])
    assert (b["event_type"], b["location"], b["actor"]) == ("AGREE", "Hà Nội", None)


def test_network_of_the_real_pages_is_backed_by_events_with_sources(tmp_path):
    import pytest
    from conftest import SHARED

    from sugia import extract
    from sugia.ingest import ingest
    from sugia.store import Queries, open_store

    pages = SHARED / "real" / "pages"
    if not pages.is_dir():
        pytest.skip("../shared/real is not here")
    store = open_store(str(tmp_path / "real.db"))
    ingest(extract([str(pages)]), store)
    graph = Queries(store).network()
    assert len(graph["edges"]) > 50
    assert all(e["weight"] == len(e["events"]) and all(ev["sources"] and ev["start"] for ev in e["events"])
               for e in graph["edges"])
