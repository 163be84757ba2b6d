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
    country_of: dict[str, str] = {}
    for event in events:
        for name in (event.get("city"), event.get("country")):
            point = locate(name)
            if point:
                counts[name] += 1
                where[name] = point
                country_of[name] = event.get("country") or name
                break
    dots = []
    for n_, (name, n) in enumerate(counts.most_common()):
        x, y = project(*where[name])
        dots.append({"name": name, "events": n, "x": x, "y": y, "r": round(3 + 2 * min(n, 10) ** 0.5, 1),
                     "country": country_of[name], "label": n_ < LABELLED})  # the busiest places are named
    return dots


LABELLED = 12  # dots named on the map; every dot names itself on hover and links to its events


def view_box(dots: list[dict], margin: float = 40, smallest: float = 180) -> str:
    """The map's frame: the region the dots are in (with a margin, at least `smallest` wide,
    the map's proportions), the whole world when there are none."""
    if not dots:
        return f"0 0 {WIDTH} {HEIGHT}"
    xs, ys = [d["x"] for d in dots], [d["y"] for d in dots]
    w = max(max(xs) - min(xs) + 2 * margin, smallest)
    h = max(max(ys) - min(ys) + 2 * margin, w * HEIGHT / WIDTH)
    w = max(w, h * WIDTH / HEIGHT)
    x = min(max((max(xs) + min(xs) - w) / 2, 0), WIDTH - w) if w < WIDTH else 0
    y = min(max((max(ys) + min(ys) - h) / 2, 0), HEIGHT - h) if h < HEIGHT else 0
    return f"{x:.0f} {y:.0f} {min(w, WIDTH):.0f} {min(h, HEIGHT):.0f}"


def graticule() -> list[dict]:
    """Lines every 30 degrees, the equator marked."""
    lines = [{"x1": 0, "y1": project(lat, 0)[1], "x2": WIDTH, "y2": project(lat, 0)[1], "equator": lat == 0}
             for lat in range(-60, 61, 30)]
    return lines + [{"x1": project(0, lon)[0], "y1": 0, "x2": project(0, lon)[0], "y2": HEIGHT, "equator": False}
                    for lon in range(-150, 151, 30)]
