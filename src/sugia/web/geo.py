"""Where events took place, drawn without a tile server: an SVG of the world in an
equirectangular projection — country outlines from data/world.tsv (Natural Earth), dots at
the shipped coordinates of data/coordinates.tsv (GeoNames), looked up through the place
gazetteer's spellings."""
from __future__ import annotations

from collections import Counter
from functools import cache

from ..data import rows
from ..lang.gazetteer import places
from ..lang.text import match_key

WIDTH, HEIGHT = 720, 360


@cache
def coordinates() -> dict[str, tuple[float, float]]:
    return {match_key(name): (float(lat), float(lon)) for name, lat, lon in rows("coordinates.tsv")}


def outlines() -> list[str]:
    """SVG path data of every country's outline."""
    return [row[2] for row in rows("world.tsv")]


def locate(name: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a place as an article writes it ("Hoa Kỳ", "Vientiane")."""
    if not name:
        return None
    entry = places().lookup(name)
    return coordinates().get(match_key(entry.name if entry else name))


def project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon + 180) / 360 * WIDTH, 1), round((90 - lat) / 180 * HEIGHT, 1)


def event_places(events: list[dict]) -> list[dict]:
    """The map's dots: each place events were held (the city where named, else the country),
    with its position and number of events, most events first."""
    counts: Counter[str] = Counter()
    where: dict[str, tuple[float, float]] = {}
    for event in events:
        for name in (event.get("city"), event.get("country")):
            point = locate(name)
            if point:
                counts[name] += 1
                where[name] = point
                break
    dots = []
    for name, n in counts.most_common():
        x, y = project(*where[name])
        dots.append({"name": name, "events": n, "x": x, "y": y, "r": round(3 + 2 * min(n, 10) ** 0.5, 1)})
    return dots


def graticule() -> list[dict]:
    """Lines every 30 degrees, the equator marked."""
    lines = [{"x1": 0, "y1": project(lat, 0)[1], "x2": WIDTH, "y2": project(lat, 0)[1], "equator": lat == 0}
             for lat in range(-60, 61, 30)]
    return lines + [{"x1": project(0, lon)[0], "y1": 0, "x2": project(0, lon)[0], "y2": HEIGHT, "equator": False}
                    for lon in range(-150, 151, 30)]
