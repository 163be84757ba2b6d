"""Clean + metadata: quality and speed of sugia beside jusText and trafilatura, one run.

1. Body F1 (../shared/eval/score.py) of sugia, jusText (Vietnamese stoplist) and trafilatura
   on the shared development pages (samples and real; examples/ train the line model, so
   they do not judge it). Text dumps have no markup, so the peers
   get each line as a <p> (the most favourable wrapping for them); HTML pages go in as they are.
2. Throughput on one core over 1,000 pages (the same pages cycled): sugia's decode + clean +
   meta stages against jusText's boilerplate removal alone, and their ratio.

usage: python benchmarks/bench_clean.py [--pages 1000] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import html
import itertools
import time
from pathlib import Path

import justext
import trafilatura

from sugia import Page, Pipeline, default_pipeline
from sugia.clean import Clean, Decode
from sugia.evaluate import evaluation_sets, score
from sugia.lang.decode import decode
from sugia.meta import Metadata
from sugia.pipeline import Stats

ROOT = Path(__file__).resolve().parent.parent
STOPLIST = justext.get_stoplist("Vietnamese")


def as_html(page: Page, text: str) -> str:
    if page.kind == "html":
        return text
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><body>\n{paragraphs}</body></html>"


def justext_body(markup: str) -> str:
    return "\n".join(p.text for p in justext.justext(markup, STOPLIST) if not p.is_boilerplate)


def trafilatura_body(markup: str) -> str:
    return trafilatura.extract(markup, include_comments=False, favor_recall=True) or ""


def load(folder: Path) -> list[tuple[Page, str]]:
    pages = []
    for file in sorted(folder.iterdir()):
        raw = file.read_bytes()
        kind = "html" if file.suffix in (".html", ".htm") else "text"
        pages.append((Page(source=str(file), raw=raw, kind=kind), decode(raw)[0]))
    return pages


def quality(name: str, folder: Path, gold: Path, scorer: Path) -> None:
    pages = load(folder)
    pipeline = default_pipeline()
    systems = {
        "sugia": lambda p, t: pipeline.process(Page(source=p.source, raw=p.raw, kind=p.kind)).to_dict(),
        "jusText": lambda p, t: {"source": p.source, "body": justext_body(as_html(p, t))},
        "trafilatura": lambda p, t: {"source": p.source, "body": trafilatura_body(as_html(p, t))},
    }
    print(f"\n{name} ({len(pages)} pages): body P / R / F1")
    for system, run in systems.items():
        result = score([run(p, t) for p, t in pages], gold, folder, scorer)
        body = result["body"]
        extra = (f"   title {result['title_acc']:.3f}   published {result['published_acc']:.3f}"
                 if system == "sugia" else "")
        print(f"  {system:12} {body['p']:.3f} / {body['r']:.3f} / {body['f1']:.3f}{extra}")


def throughput(folders: list[Path], n: int) -> None:
    pages = [p for folder in folders for p in load(folder)]
    batch = list(itertools.islice(itertools.cycle(pages), n))
    pipeline = Pipeline([Decode(), Clean(), Metadata()])  # the stages jusText's work compares with
    stats = Stats()
    start = time.perf_counter()
    for page, _ in batch:
        pipeline.process(Page(source=page.source, raw=page.raw, kind=page.kind), stats)
    ours = n / (time.perf_counter() - start)
    markup = [as_html(p, t) for p, t in batch]
    start = time.perf_counter()
    for m in markup:
        justext_body(m)
    theirs = n / (time.perf_counter() - start)
    print(f"\nthroughput over {n} pages, one core (pages of {sum(len(p.raw) for p, _ in pages) // len(pages)} bytes on average):")
    print(f"  sugia decode+clean+meta  {ours:8.1f} pages/s")
    print(f"  jusText                  {theirs:8.1f} pages/s")
    print(f"  ratio                    {ours / theirs:8.1f}x  (target >= 5x)")
    print(stats.report())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    scorer = args.shared / "eval" / "score.py"
    folders = [ROOT / "examples" / "pages"]  # throughput is measured on every page we have
    if scorer.exists():
        for name, pages, gold in evaluation_sets(args.shared):
            quality(name, pages, gold, scorer)
        if (args.shared / "samples").is_dir():
            folders.append(args.shared / "samples")
    else:
        print(f"{scorer} not found: quality figures skipped")
    throughput(folders, args.pages)


if __name__ == "__main__":
    main()
