"""`python -m sugia.cli`: the same command as `sugia`."""
from . import main

main()
