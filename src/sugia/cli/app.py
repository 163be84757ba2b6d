"""The `sugia` command group; the commands live beside it, one module per kind of work:
`pipeline` (extract, ingest), `base` (reading a knowledge base), `server` (serve)."""
from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sugia")
def main() -> None:
    """sugia reads Vietnamese news pages about Vietnam's foreign affairs and turns them into
    a knowledge base of diplomacy.

    \b
    Example:
      sugia extract pages/ --format jsonl > out.jsonl
    """
