"""Outlets on the real pages: given with their URL (JSON Lines {"url", "text"}), is the outlet
named, and is it the site the URL belongs to (the domain in ../shared/real/meta_*.jsonl)? And
as bare text dumps, how often does a page name itself, and rightly?

usage: python benchmarks/bench_outlets.py [--shared ../shared] [-v]
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from sugia import extract
from sugia.meta.source import _outlets, outlet_of_url

ROOT = Path(__file__).resolve().parent.parent


def belongs(outlet: str, domain: str, domains_of: dict[str, set[str]]) -> bool:
    """Is `outlet` (a listed name or an address) the site `domain`?"""
    domain = domain.removeprefix("www.").rstrip(".")
    return any(domain == d.split("/")[0] or domain.endswith("." + d.split("/")[0])
               for d in domains_of.get(outlet, {outlet}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every page named wrongly")
    args = parser.parse_args()
    real = args.shared / "real"
    meta = {r["page"]: r for f in sorted(real.glob("meta_*.jsonl")) for r in map(json.loads, open(f, encoding="utf-8"))}
    domains_of: dict[str, set[str]] = {}
    for domain, name in _outlets()[0].items():
        domains_of.setdefault(name, set()).add(domain)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp, "real.jsonl")
        feed.write_text("".join(json.dumps({"url": r["url"], "text": (real / "pages" / p).read_text(encoding="utf-8")},
                                           ensure_ascii=False) + "\n" for p, r in sorted(meta.items())), encoding="utf-8")
        by_url = {p.source: p.meta.outlet for p in extract([str(feed)])}
    named = [(p, by_url.get(r["url"]), r) for p, r in meta.items() if by_url.get(r["url"])]
    right = [p for p, o, r in named if belongs(o, r["outlet"], domains_of)]
    listed = sum(outlet_of_url(r["url"]) is not None for r in meta.values())
    print(f"with their URL: outlet named for {len(named)}/{len(meta)} pages, right for {len(right)}/{len(meta)}"
          f" ({listed} by a listed name, the others by their address) (target >= 95%)")
    texts = {Path(p.source).name: p.meta.outlet for p in extract([str(real / "pages")])}
    said = {p: o for p, o in texts.items() if o}
    ok = [p for p, o in said.items() if belongs(o, meta[p]["outlet"], domains_of)]
    print(f"as text dumps: the page names its outlet on {len(said)}/{len(texts)} pages, rightly on {len(ok)}")
    if args.verbose:
        for p, o in sorted(said.items()):
            if p not in ok:
                print(f"  {p}: {meta[p]['outlet']} named as {o}")


if __name__ == "__main__":
    main()
