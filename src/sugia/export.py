"""Writing records out: extraction records as JSON Lines, a JSON array or readable text (for
`sugia extract`), and a whole knowledge base as JSON Lines, CSV or Parquet files (for
`sugia export`), the who-met-whom graph (GraphML, GEXF by networkx; CSV; JSON) and events in
the PLOVER/POLECAT shape. pyarrow writes Parquet when it is installed."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from .errors import UsageError
from .page import Page
from .store import EXPORT_TABLES, Queries

RECORD_FORMATS = ("jsonl", "json", "text")
BASE_FORMATS = ("jsonl", "csv", "parquet", "plover", "datasette")
TEXT_FIELDS = ("source", "title", "published", "outlet", "author", "reprinted_from")


def write_records(pages: Iterable[Page], fmt: str, out: TextIO,
                  on_failure: Callable[[Page], None] = lambda page: None) -> tuple[int, int]:
    """Write each processed page's record in `fmt`; failed pages go to `on_failure` instead.
    Returns (written, failed)."""
    written = failed = 0
    if fmt == "json":
        out.write("[\n")
    for page in pages:
        if not page.ok:
            failed += 1
            on_failure(page)
            continue
        record = page.to_dict()
        if fmt == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(("" if not written else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
        else:
            meta = [f"{k}: {record[k]}" for k in TEXT_FIELDS if record[k]]
            out.write("\n".join(meta) + "\n\n" + page.body + "\n\n" + "=" * 72 + "\n")
        written += 1
    if fmt == "json":
        out.write("\n]\n")
    return written, failed


def export_base(queries: Queries, fmt: str, out: Path) -> list[Path]:
    """The whole base into folder `out`: one extraction record per page (jsonl), or one file
    per table (csv, parquet). Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "datasette":  # metadata for `datasette BASE -m metadata.json`: labels, facets, internals hidden
        from .data import path as data_path

        metadata = json.loads(Path(data_path("datasette.json")).read_text(encoding="utf-8"))
        metadata["databases"] = {Path(queries.store.path).stem: metadata["databases"]["*"]}  # Datasette names it so
        target = out / "metadata.json"
        target.write_text(json.dumps(metadata, ensure_ascii=False, indent=1), encoding="utf-8")
        return [target]
    if fmt == "plover":
        path = out / "events_plover.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            write_plover(queries.event_reports(), handle)
        return [path]
    if fmt == "jsonl":
        path = out / "pages.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for record in queries.records():
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [path]
    write = _parquet_writer() if fmt == "parquet" else _write_csv
    files = []
    for table in EXPORT_TABLES:
        files.append(out / f"{table}.{fmt}")
        write(list(queries.table(table)), queries.columns(table), files[-1])
    return files


def _write_csv(rows: list[dict], columns: list[str], path: Path) -> None:
    """A header always (an empty table is still a table); then the rows."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


# Columns written as typed dates in Parquet: days as date32, instants as UTC timestamps.
DAY_COLUMNS = ("start", "end")
INSTANT_COLUMNS = ("published", "ingested_at", "at")


def _parquet_writer() -> Callable[[list[dict], list[str], Path], None]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError("parquet export needs pyarrow: pip install 'sugia[parquet]'") from exc

    def write(rows: list[dict], columns: list[str], path: Path) -> None:
        data = {c: [r.get(c) for r in rows] for c in columns}
        arrays = {c: _typed(pa, c, values) for c, values in data.items()}
        pq.write_table(pa.table(arrays) if arrays else pa.table({}), path)
    return write


def _typed(pa, column: str, values: list):
    """A column's values as Arrow: dates typed, the rest as Arrow infers them (null when empty)."""
    from datetime import date, datetime, timezone

    texts = all(v is None or isinstance(v, str) for v in values)
    if column in DAY_COLUMNS and texts:  # events' days (a figure's start and end are offsets)
        return pa.array([date.fromisoformat(v[:10]) if v else None for v in values], type=pa.date32())
    if column in INSTANT_COLUMNS and texts:
        def instant(v: str | None):
            if not v:
                return None
            moment = datetime.fromisoformat(v)
            return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
        return pa.array([instant(v) for v in values], type=pa.timestamp("s", tz="UTC"))
    return pa.array(values) if any(v is not None for v in values) else pa.nulls(len(values))


NETWORK_FORMATS = ("graphml", "gexf", "csv", "json")


def write_network(graph: dict[str, list[dict]], fmt: str, out: TextIO) -> None:
    """The who-met-whom graph as GraphML or GEXF (networkx writes them; Gephi and NetworkX read
    them), an edge list in CSV, or JSON as the API gives it."""
    if fmt == "json":
        json.dump(graph, out, ensure_ascii=False, indent=1)
        return
    if fmt == "csv":
        names = {n["id"]: n["name"] for n in graph["nodes"]}
        writer = csv.writer(out)
        writer.writerow(["source", "target", "weight", "first", "last", "kinds", "events", "pages"])
        for e in graph["edges"]:
            writer.writerow([names[e["source"]], names[e["target"]], e["weight"], e["first"] or "", e["last"] or "",
                             ";".join(e["kinds"]), ";".join(str(ev["id"]) for ev in e["events"]),
                             ";".join(sorted({s for ev in e["events"] for s in ev["sources"]}))])
        return
    import networkx as nx  # only this command needs it

    g = nx.Graph()
    for n in graph["nodes"]:
        g.add_node(n["id"], label=n["name"], post=n["post"] or "", country=n["country"] or "")
    for e in graph["edges"]:
        g.add_edge(e["source"], e["target"], weight=e["weight"], first=e["first"] or "", last=e["last"] or "",
                   kinds=";".join(e["kinds"]), events=";".join(str(ev["id"]) for ev in e["events"]),
                   pages=";".join(sorted({s for ev in e["events"] for s in ev["sources"]})))
    lines = nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g)
    out.write("\n".join(lines) + "\n")


# PLOVER/POLECAT event types and modes for sugia's kinds: meetings of any form CONSULT, a
# signing AGREEs; the mode says how the actors met.
PLOVER = {"visit": ("CONSULT", "visit"), "reception": ("CONSULT", "host"), "phone_call": ("CONSULT", "phone"),
          "talks": ("CONSULT", "meet"), "summit": ("CONSULT", "meet"), "ministerial_meeting": ("CONSULT", "meet"),
          "senior_officials_meeting": ("CONSULT", "meet"), "conference": ("CONSULT", "meet"),
          "session": ("CONSULT", "meet"), "ceremony": ("CONSULT", "meet"), "other": ("CONSULT", "meet"),
          "signing": ("AGREE", "sign")}
PLOVER_FIELDS = ("event_id", "event_date", "event_end", "actor", "recipient", "other_actors", "event_type", "mode",
                 "sugia_kind", "event_text", "location", "city", "country", "source", "url", "sentence")


def write_plover(events: Iterable[dict], out: TextIO) -> int:
    """Events as PLOVER/POLECAT-shaped JSON Lines, one per event (README: how fields map)."""
    written = 0
    for e in events:
        event_type, mode = PLOVER.get(e["kind"], ("CONSULT", "meet"))
        people = e["participants"]
        row = {"event_id": f"sugia-{e['id']}", "event_date": e["start"], "event_end": e["end"],
               "actor": people[0] if people else None, "recipient": people[1] if len(people) > 1 else None,
               "other_actors": people[2:], "event_type": event_type, "mode": mode, "sugia_kind": e["kind"],
               "event_text": e["name"], "location": e.get("venue") or e["city"] or e["country"], "city": e["city"],
               "country": e["country"], "source": e["source"], "url": e["url"], "sentence": e["sentence"]}
        out.write(json.dumps({k: row[k] for k in PLOVER_FIELDS}, ensure_ascii=False) + "\n")
        written += 1
    return written
