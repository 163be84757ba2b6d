"""Compile src/sugia/data/world.tsv — country outlines as SVG paths in the web map's
equirectangular projection — from Natural Earth's 1:110m countries (public domain), as
shipped in geopandas 0.14's datasets (naturalearth_lowres). Needs pyshp.

usage: pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/*'
       python scripts/compile_world.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp
"""
from __future__ import annotations

import sys
from pathlib import Path

import shapefile

from sugia.web.geo import project

OUT = Path(__file__).resolve().parent.parent / "src" / "sugia" / "data" / "world.tsv"
HEADER = """# Country outlines for the web map of event places: SVG paths in an equirectangular
# projection of 720 x 360 units (sugia.web.geo.project), points rounded to one unit.
# Compiled by scripts/compile_world.py from Natural Earth 1:110m Admin 0 countries
# (https://www.naturalearthdata.com, public domain) as shipped in geopandas 0.14.
# iso3	name	path
"""


def path(shape) -> str:
    parts = list(shape.parts) + [len(shape.points)]
    out = []
    for start, end in zip(parts, parts[1:]):
        ring, last = [], None
        for lon, lat in shape.points[start:end]:
            x, y = project(lat, lon)
            point = (round(x), round(y))
            if point != last:
                ring.append(point)
                last = point
        if len(ring) >= 3:
            out.append("M" + "L".join(f"{x} {y}" for x, y in ring) + "Z")
    return "".join(out)


def main() -> None:
    reader = shapefile.Reader(sys.argv[1])
    lines = []
    for record, shape in zip(reader.records(), reader.shapes()):
        d = path(shape)
        if d:
            lines.append(f"{record['iso_a3']}\t{record['name']}\t{d}")
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} outlines, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
