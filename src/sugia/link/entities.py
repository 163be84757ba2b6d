"""Who an entity is across articles: one row per type and tone-normalised key of its
canonical name, every spelling it was written in kept as an alias."""
from __future__ import annotations

from ..lang.text import fold, match_key
from ..records import Organization, Person, Place
from ..store import Store

ENTITY_TYPES = {"people": "person", "organizations": "organization", "locations": "location"}


def entity_id(store: Store, type_: str, record: Person | Organization | Place) -> int:
    """The entity `record` names, created when the base has none by that key (looked up
    first: most names on a page are known, and linking holds the base's linking lock)."""
    name = getattr(record, "canonical", None) or record.name
    key = match_key(name)
    found = store.value("SELECT id FROM entities WHERE type = ? AND key = ?", (type_, key))
    if found is None:
        found = store.value("INSERT INTO entities (type, key, name, name_folded, kind, country) VALUES (?,?,?,?,?,?)"
                            " RETURNING id", (type_, key, name, fold(name), getattr(record, "kind", None),
                                              getattr(record, "country", None)))
    store.executemany("INSERT INTO aliases (entity_id, alias, alias_folded) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                      [(found, alias, fold(alias)) for alias in sorted({record.name, *record.aliases})])
    return found
