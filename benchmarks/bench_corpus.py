"""How like real pages the store benchmarks' generated corpus is where storing cost depends on
it: the share of pages whose reprint buckets (`link.reprints.buckets`) hold an earlier page,
and how many such pages a lookup finds, for the real pages in ../shared/real and for generated
pages (`corpus.variants`) — a generator whose stories resemble each other makes the reprint
lookup grow with the base, as no real corpus does.

usage: python benchmarks/bench_corpus.py [--pages 5000] [--shared ../shared]
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from corpus import ROOT, base_pages, variants

from sugia import extract
from sugia.link.reprints import THRESHOLD, buckets, signature


def sharing(bodies: list[str]) -> list[tuple[int, bool]]:
    """For each body in order: how many earlier bodies share a bucket with it, and whether
    one of them is similar enough to be grouped with it."""
    index: dict[tuple[int, int], list[int]] = defaultdict(list)
    signatures, out = [], []
    for i, body in enumerate(bodies):
        values = signature(body).hashvalues
        earlier = set()
        for key in buckets(values):
            earlier.update(index[key])
            index[key].append(i)
        out.append((len(earlier), any((signatures[j] == values).mean() >= THRESHOLD for j in earlier)))
        signatures.append(values)
    return out


def report(label: str, found: list[tuple[int, bool]]) -> None:
    n, tail = len(found), found[-max(1, len(found) // 10):]
    print(f"{label}: {n} pages; sharing a bucket with an earlier page {sum(c > 0 for c, _ in found) / n:.1%},"
          f" similar to one {sum(s for _, s in found) / n:.1%}; earlier pages sharing a bucket, on average"
          f" {sum(c for c, _ in found) / n:.2f} ({sum(c for c, _ in tail) / len(tail):.2f} over the last tenth)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    real = sorted((args.shared / "real" / "pages").glob("*")) + sorted((args.shared / "real" / "unlabeled").glob("*.txt"))
    bodies = [p.body for p in extract([str(f) for f in real]) if p.ok]
    generated = [p.body for p in variants(base_pages([ROOT / "examples" / "pages"]), args.pages)]
    if bodies:
        report("real pages", sharing(bodies))
        report("as many generated", sharing(generated[:len(bodies)]))
    else:
        print(f"no real pages under {args.shared}: generated pages only")
    report("generated", sharing(generated))


if __name__ == "__main__":
    main()
