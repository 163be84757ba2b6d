"""Turning store records into HTML pieces: entity highlights over an article body, search
snippets with marked terms, and a bar chart as SVG."""
from __future__ import annotations

from markupsafe import Markup, escape

# Private-use marks for snippets: never in news text, escaped around, then made <mark>.
MARKS = ("\ue000", "\ue001")
ENTITY_PAGES = {"person": "person", "organization": "org", "location": "place"}


def marked(snippet: str) -> Markup:
    return Markup(str(escape(snippet)).replace(MARKS[0], "<mark>").replace(MARKS[1], "</mark>"))


def highlight(text: str, mentions: list[dict], field: str = "body") -> Markup:
    """`text` with each entity mention a link to the entity's page (outermost mention wins
    where mentions nest: "Bộ Ngoại giao Việt Nam" links the organisation, not the country)."""
    out, at = [], 0
    for m in sorted((m for m in mentions if m["field"] == field), key=lambda m: (m["start"], -m["end"])):
        if m["start"] < at or m["end"] > len(text):
            continue
        kind = ENTITY_PAGES[m["type"]]
        out += [str(escape(text[at:m["start"]])),
                f'<a class="ent ent-{kind}" href="/{kind}/{m["entity_id"]}" title="{escape(m["name"])}">'
                f"{escape(text[m['start']:m['end']])}</a>"]
        at = m["end"]
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def paragraphs(html: Markup) -> Markup:
    """Body lines as paragraphs."""
    return Markup("".join(f"<p>{line}</p>" for line in str(html).split("\n") if line.strip()))


def months_filled(points: list[dict], label: str = "month", value: str = "pages") -> list[dict]:
    """Per-month counts with the months nobody wrote about as zeros, so the axis is time."""
    if not points:
        return []
    have = {p[label]: p[value] for p in points}
    year, month = (int(x) for x in points[0][label].split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= points[-1][label]:
        key = f"{year:04d}-{month:02d}"
        out.append({label: key, value: have.get(key, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def bar_chart(points: list[dict], label: str, value: str, title: str) -> Markup:
    """An accessible SVG bar chart (role img, a title, each bar titled with its figure)."""
    if not points:
        return Markup("")
    width, height, gap = 640, 160, 2
    top = max(p[value] for p in points) or 1
    bar = min(40, max(4, (width - gap * len(points)) // len(points)))
    bars = []
    for n, p in enumerate(points):
        h = round(p[value] / top * (height - 30))
        x = n * (bar + gap)
        bars.append(f'<g><title>{escape(p[label])}: {p[value]}</title>'
                    f'<rect x="{x}" y="{height - 20 - h}" width="{bar}" height="{h}" class="bar"/>'
                    + (f'<text x="{x}" y="{height - 23 - h}" class="axis">{p[value]}</text>' if p[value] else "") + "</g>")
        if len(points) <= 12 or n % max(1, len(points) // 8) == 0:
            bars.append(f'<text x="{x}" y="{height - 5}" class="axis">{escape(p[label])}</text>')
    return Markup(f'<svg viewBox="0 0 {max(width, len(points) * (bar + gap))} {height}" role="img"'
                  f' aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>{"".join(bars)}</svg>')


def ego_network(name: str, met: list[dict], title: str, size: int = 420) -> Markup:
    """A person's counterparts around them: a line per counterpart, as thick as the events
    they shared; each counterpart links to their page and names the shared events on hover."""
    import math

    if not met:
        return Markup("")
    centre, radius = size / 2, size / 2 - 70
    parts = [f'<svg viewBox="0 0 {size} {size}" role="img" aria-label="{escape(title)}" class="network">']
    for n, other in enumerate(met):
        angle = 2 * math.pi * n / len(met) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        shared = "; ".join(f'{(e["start"] or "?")[:10]} {e["kind"]} {e["name"]}' for e in other["events"])
        width = min(1 + 1.5 * len(other["events"]), 8)
        anchor = "start" if math.cos(angle) > 0.1 else "end" if math.cos(angle) < -0.1 else "middle"
        parts.append(f'<a href="/person/{other["id"]}"><title>{escape(other["name"])}: {escape(shared)}</title>'
                     f'<line x1="{centre:.0f}" y1="{centre:.0f}" x2="{x:.0f}" y2="{y:.0f}" stroke-width="{width:.1f}"'
                     ' class="edge"/>'
                     f'<circle cx="{x:.0f}" cy="{y:.0f}" r="6" class="node"/>'
                     f'<text x="{x + (9 if anchor == "start" else -9 if anchor == "end" else 0):.0f}" y="{y + 4:.0f}"'
                     f' text-anchor="{anchor}" class="label">{escape(other["name"])}</text></a>')
    parts.append(f'<circle cx="{centre:.0f}" cy="{centre:.0f}" r="9" class="node centre"/>'
                 f'<text x="{centre:.0f}" y="{centre - 14:.0f}" text-anchor="middle" class="label">{escape(name)}</text>')
    return Markup("".join(parts) + "</svg>")
