"""Reading a knowledge base: search, people, organisations, places, events, one page, the
network, exports."""
from __future__ import annotations

import json
import sys

import click

from ..export import BASE_FORMATS, NETWORK_FORMATS, export_base, write_network
from .app import main
from .common import db_option, emit, event_filters, filters, output_options, queries_or_exit, usage_errors


@main.command()
@click.argument("query")
@db_option
@click.option("--from", "date_from", metavar="DATE", help="Published on or after (YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Published on or before (YYYY-MM-DD).")
@click.option("--outlet", help="Only pages of this outlet.")
@click.option("--entity", help="Only pages naming this person, organisation or place.")
@click.option("--limit", type=int, default=20, show_default=True)
@output_options
def search(query: str, db: str | None, date_from, date_to, outlet, entity, limit: int, as_json: bool, as_csv: bool) -> None:
    """Pages matching QUERY, by relevance then date, with highlighted snippets.

    Marks are optional ("Dang Hoang Giang" finds "Đặng Hoàng Giang"), either tone placement
    works ("hoà bình" = "hòa bình"); "phrases", AND, OR, NOT, (brackets) and prefix* work.
    Words on more than 5,000 pages: their newest 5,000 matches, title matches first (SQLite;
    PostgreSQL ranks the newest 2,000).

    \b
    Example:
      sugia search "Dang Hoang Giang" --json
      sugia search '"hòa bình" AND ASEAN' --from 2024-01-01 --outlet VnExpress
    """
    chosen = filters(date_from=date_from, date_to=date_to, outlet=outlet, entity=entity)
    with usage_errors():
        rows = queries_or_exit(db).search(query, chosen, limit)
    emit(rows, as_json, as_csv, ("published", "title", "source", "snippet"))


def _entity_command(type_: str):
    def command(name: str | None, db: str | None, limit: int, as_json: bool, as_csv: bool) -> None:
        queries = queries_or_exit(db)
        rows = queries.lookup(type_, name, limit) if name else queries.entities(type_, None, limit)
        if name and type_ == "person":
            rows = [{**row, **queries.person(row["id"])} for row in rows]
        if name and not rows:
            close = queries.suggest(type_, name)
            click.echo(f"sugia: no {type_} named {name!r} in the base"
                       + (f"; did you mean: {', '.join(close)}?" if close else ""), err=True)
            sys.exit(1)
        emit(rows, as_json, as_csv, ("name", "pages", "aliases") if not (name and type_ == "person") else ("name", "posts"))
        if name and type_ == "person" and not (as_json or as_csv):
            for row in rows:
                for other in row["met"]:
                    for e in other["events"]:
                        click.echo(f"  {row['name']} met {other['name']}: {e['start']} {e['kind']} {e['name']}"
                                   f"{' — ' + (e['city'] or e['country']) if e['city'] or e['country'] else ''}"
                                   f" [{', '.join(e['sources'])}]")
    return command


for _name, _type, _doc in (
    ("people", "person", """People in the base, most mentioned first; with NAME, that person's posts over time
    (first and last seen, the pages that say so), events attended and sources.

    \b
    Example:
      sugia people
      sugia people "Đỗ Hùng Việt" --json"""),
    ("orgs", "organization", """Organisations and forums in the base; with NAME, the ones it names.

    \b
    Example:
      sugia orgs --csv
      sugia orgs LHQ --json"""),
    ("places", "location", """Places in the base; with NAME, the ones it names.

    \b
    Example:
      sugia places
      sugia places "Viêng Chăn" --json"""),
):
    main.command(name=_name, help=_doc)(output_options(click.option("--limit", type=int, default=100, show_default=True)(
        db_option(click.argument("name", required=False)(_entity_command(_type))))))


@main.command()
@db_option
@event_filters
@click.option("--forum", help="Within this forum (ASEAN, APEC, LHQ...).")
@click.option("--limit", type=click.IntRange(min=1), default=500, show_default=True)
@output_options
def events(db, date_from, date_to, country, kind, person, forum, limit: int, as_json: bool, as_csv: bool) -> None:
    """The event timeline, each event once with all its sources.

    \b
    Example:
      sugia events --from 2024-10-01 --to 2024-10-31 --json
      sugia events --country Lào --kind summit --csv
    """
    chosen = filters(date_from=date_from, date_to=date_to, country=country, kind=kind, person=person, forum=forum)
    rows = queries_or_exit(db).events(chosen, limit)
    if as_csv:  # one cell each: who took part, within which forum, which pages report it
        rows = [{**r, "participants": "; ".join(p["name"] for p in r["participants"]), "forum": "; ".join(r["forum"]),
                 "sources": "; ".join(s_["source"] for s_ in r["sources"])} for r in rows]
    emit(rows, as_json, as_csv, ("start", "end", "kind", "name", "city", "country", "participants", "forum", "sources")
         if as_csv else ("start", "end", "kind", "name", "city", "country", "participants"), nothing="no events")


@main.command()
@click.argument("source")
@db_option
@click.option("--format", "fmt", type=click.Choice(("json", "text")), default="json", show_default=True,
              help="json: the whole record; text: metadata, people, events and the clean body, for reading.")
def show(source: str, db: str | None, fmt: str) -> None:
    """One page with its extraction, by its source (a path, URL, or the end of one).

    \b
    Example:
      sugia show 002_3632e317e7864e95.txt --format text
    """
    record = queries_or_exit(db).show(source)
    if record is None:
        click.echo(f"sugia: {source}: not in the base", err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    for key in ("title", "source", "url", "published", "outlet", "author", "reprinted_from"):
        if record.get(key):
            click.echo(f"{key}: {record[key]}")
    for label, items in (("people", record.get("people") or []), ("organisations", record.get("organizations") or []),
                         ("places", record.get("locations") or [])):
        if items:
            click.echo(f"{label}: " + "; ".join(i["name"] + (f" ({', '.join(i['titles'])})" if i.get("titles") else "")
                                               for i in items))
    for e in record.get("events") or []:
        click.echo(f"event: {e['start']} {e['kind']} {e['name']} — {', '.join(e.get('participants') or []) or '-'}")
    click.echo("\n" + (record.get("body") or ""))


@main.command()
@db_option
@click.option("--source", help="Only the figures of this page.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@output_options
def facts(db: str | None, source: str | None, limit: int, as_json: bool, as_csv: bool) -> None:
    """Figures the pages state (value, unit, what, change, period), newest page first.

    \b
    Example:
      sugia facts --limit 20
      sugia facts --source ex07_trade.txt --json
    """
    rows = queries_or_exit(db).facts(source, limit)
    emit(rows, as_json, as_csv, ("published", "value", "unit", "what", "change", "period", "source"), nothing="no figures")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str | None, as_json: bool) -> None:
    """What the base holds: counts, pages by year and by outlet.

    \b
    Example:
      sugia stats
    """
    found = queries_or_exit(db).stats()
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    emit([{"what": k, "count": v} for k, v in found["counts"].items()], False, columns=("what", "count"))
    emit(found["pages_by_year"], False, columns=("year", "pages"))
    emit(found["pages_by_outlet"][:15], False, columns=("outlet", "pages"))


@main.command()
@db_option
@event_filters
@click.option("--format", "fmt", type=click.Choice(NETWORK_FORMATS), default="graphml", show_default=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
def network(db, date_from, date_to, country, kind, person, fmt: str, out_file: str | None) -> None:
    """Who met whom: people as nodes (latest post, country), an edge for each pair of
    participants of an event, weighted by events, with days, kinds and source pages.
    GraphML and GEXF open in Gephi and NetworkX.

    \b
    Example:
      sugia network --format gexf --out meetings.gexf
      sugia network --person "Phạm Minh Chính" --from 2024-01-01 --format csv
    """
    with usage_errors():
        chosen = filters(date_from=date_from, date_to=date_to, country=country, kind=kind, person=person)
        graph = queries_or_exit(db).network(chosen)
    with click.open_file(out_file or "-", "w", encoding="utf-8") as out:
        write_network(graph, fmt, out)
    click.echo(f"{len(graph['nodes'])} people, {len(graph['edges'])} pairs who met", err=True)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(BASE_FORMATS), default="jsonl", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
def export(db: str | None, fmt: str, out_dir: str) -> None:
    """Export the whole base: jsonl (one extraction record per page), csv or parquet (one file
    per table), or plover (events in the PLOVER/POLECAT shape, events_plover.jsonl).

    \b
    Example:
      sugia export --format csv --out dump/
    """
    from pathlib import Path

    with usage_errors():
        files = export_base(queries_or_exit(db), fmt, Path(out_dir))
    click.echo(f"wrote {len(files)} {fmt} file{'s' if len(files) > 1 else ''} to {out_dir}", err=True)
