"""The house rules the code keeps: stages import only from stages before them (and from the
shared base), and no module or function grows past what one reads at once."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "sugia"
# Rooms in pipeline order; a room may import from its own and earlier ones only. The base
# (records, the page, the pipeline, errors, data, query parsing, Vietnamese helpers) is below all.
LAYERS = [
    {"errors", "data", "records", "page", "pipeline", "executors", "search", "lang"},
    {"read"}, {"clean"}, {"meta"}, {"entities"}, {"events"}, {"store"}, {"link"},
    {"ingest", "export", "evaluate"}, {"web"}, {"api"}, {"cli"},
]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def room(module: str) -> str:
    """'sugia.events.when' -> 'events'; '' for the package's facade (`sugia.default_pipeline`)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in set().union(*LAYERS) else ""


def layer(name: str) -> int:
    return next(n for n, rooms in enumerate(LAYERS) if name in rooms)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import from sugia in a file, inside functions too."""
    module = ".".join(("sugia", *path.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names = [f"{target}.{a.name}" for a in node.names] if not node.module and node.level else [target]
            found += [(node.lineno, t) for t in names if t.startswith("sugia")]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("sugia")]
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if p != SRC / "__init__.py")  # the facade composes the stages


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_layout_no_room_imports_a_later_one(path):
    mine = room(".".join(("sugia", *path.relative_to(SRC).with_suffix("").parts)))
    later = [f"line {line}: {target}" for line, target in imports(path)
             if room(target) and layer(room(target)) > layer(mine)]
    assert not later, f"{path.relative_to(SRC)} ({mine}) imports later rooms: {later}"


def test_layout_every_room_has_a_layer():
    rooms = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in MODULES}
    assert rooms - {"__pycache__"} <= set().union(*LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_layout_modules_and_functions_stay_short(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, long
