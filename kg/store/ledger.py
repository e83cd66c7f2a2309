"""What the store's graphs are made of, kept in its index so that a build redoes only what changed.

For each article: the keys it uses as extracted (to find the articles a new merge rewrites),
the organisations its persons hold roles at (what merges are sought among), the names it gives
each entity (to read the curated aliases), and its records once merged, filed under the unit
of the graph each feeds: an entity, a post that two reports may give two holders, a fact.
For each unit, the triples it adds to the entities graph (compressed); for each of those triples
(by a digest), how many units add it, so that it leaves the graph when the last one no longer does.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from typing import TypeVar

SCHEMA = """
CREATE TABLE IF NOT EXISTS keys (article TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys (kind, key);
CREATE INDEX IF NOT EXISTS keys_by_article ON keys (article);
CREATE TABLE IF NOT EXISTS holds (article TEXT NOT NULL, person TEXT NOT NULL, org TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS holds_by_article ON holds (article);
CREATE TABLE IF NOT EXISTS names (
    article TEXT NOT NULL, pos INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_by_name ON names (kind, name);
CREATE INDEX IF NOT EXISTS names_by_article ON names (article);
CREATE TABLE IF NOT EXISTS records (article TEXT NOT NULL, unit TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_by_unit ON records (unit, article);
CREATE INDEX IF NOT EXISTS records_by_article ON records (article);
CREATE TABLE IF NOT EXISTS units (unit TEXT PRIMARY KEY, kind TEXT NOT NULL, triples BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS units_by_kind ON units (kind);
CREATE TABLE IF NOT EXISTS refs (triple BLOB PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
"""
TABLES = ("keys", "holds", "names", "records", "units", "refs")
CHUNK = 500  # values bound in one statement, well under SQLite's limit
T = TypeVar("T")


def _key(triple: str) -> bytes:
    """Name a triple in the counts by a digest of its N-Triples line (a tenth of its size)."""
    return hashlib.blake2b(triple.encode("utf-8"), digest_size=16).digest()


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    """Cut values into lists short enough to bind in one statement."""
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


class Ledger:
    """The tables above, in the index's database (whose commit keeps them with the rest)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def clear(self) -> None:
        """Forget everything the graphs were made of."""
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table}")

    def forget_sources(self, article: str) -> None:
        """Forget an article's keys, holdings and names as extracted."""
        for table in ("keys", "holds", "names"):
            self.db.execute(f"DELETE FROM {table} WHERE article = ?", (article,))

    def add_sources(self, article: str, keys: Iterable[tuple[str, str]],
                    holds: Iterable[tuple[str, str]], names: Iterable[tuple[str, str, str]]) -> None:
        """Note an article's keys (kind, key), holdings (person, organisation) and names (kind,
        folded name, key) as extracted."""
        self.db.executemany("INSERT INTO keys VALUES (?, ?, ?)",
                            [(article, kind, key) for kind, key in sorted(keys)])
        self.db.executemany("INSERT INTO holds VALUES (?, ?, ?)",
                            [(article, p, o) for p, o in sorted(set(holds))])
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)",
                            [(article, pos, *name) for pos, name in enumerate(names)])

    def person_orgs(self) -> dict[str, set[str]]:
        """Map each person key (as extracted) to the organisations it holds roles at."""
        orgs: dict[str, set[str]] = {}
        for person, org in self.db.execute("SELECT DISTINCT person, org FROM holds"):
            orgs.setdefault(person, set()).add(org)
        return orgs

    def first_key(self, kind: str, name: str) -> str | None:
        """Return the key the first article (by id) to give an entity this name gives it."""
        row = self.db.execute("SELECT key FROM names WHERE kind = ? AND name = ? "
                              "ORDER BY article, pos LIMIT 1", (kind, name)).fetchone()
        return row[0] if row else None

    def articles_using(self, keys: Iterable[tuple[str, str]]) -> set[str]:
        """Return the articles that use any of these (kind, key) as extracted."""
        found: set[str] = set()
        for kind, key in keys:
            found.update(a for (a,) in self.db.execute(
                "SELECT article FROM keys WHERE kind = ? AND key = ?", (kind, key)))
        return found

    def units_of(self, article: str) -> set[str]:
        """Return the units an article's records feed."""
        return {u for (u,) in self.db.execute(
            "SELECT DISTINCT unit FROM records WHERE article = ?", (article,))}

    def replace_records(self, article: str, records: Iterable[tuple[str, str]]) -> None:
        """Replace an article's records with these (unit, record as JSON)."""
        self.db.execute("DELETE FROM records WHERE article = ?", (article,))
        self.db.executemany("INSERT INTO records VALUES (?, ?, ?)",
                            [(article, unit, record) for unit, record in records])

    def records(self, unit: str) -> list[tuple[str, str]]:
        """Return the (article, record) of a unit, by article."""
        return self.db.execute("SELECT article, record FROM records WHERE unit = ? "
                               "ORDER BY article, record", (unit,)).fetchall()

    def unit_triples(self, units: Iterable[str]) -> dict[str, set[str]]:
        """Return the triples (N-Triples lines) each of these units adds, as last kept."""
        found: dict[str, set[str]] = {}
        for batch in _chunks(units):
            marks = ",".join("?" * len(batch))
            for unit, blob in self.db.execute(
                    f"SELECT unit, triples FROM units WHERE unit IN ({marks})", batch):
                text = zlib.decompress(blob).decode("utf-8")
                found[unit] = set(text.split("\n")) if text else set()
        return found

    def set_unit(self, unit: str, kind: str, triples: set[str] | None) -> None:
        """Keep the triples a unit adds (sorted), or forget the unit (None: it has no record)."""
        if triples is None:
            self.db.execute("DELETE FROM units WHERE unit = ?", (unit,))
        else:
            text = "\n".join(sorted(triples)).encode("utf-8")
            self.db.execute("INSERT OR REPLACE INTO units VALUES (?, ?, ?)",
                            (unit, kind, zlib.compress(text)))

    def count_units(self) -> dict[str, int]:
        """Count the units of each kind."""
        return dict(self.db.execute("SELECT kind, COUNT(*) FROM units GROUP BY kind"))

    def recount(self, changes: dict[str, int]) -> tuple[list[str], list[str]]:
        """Add to the counts of triples; return the triples now counted for the first time and
        those no longer counted at all."""
        keys = {t: _key(t) for t, change in changes.items() if change}
        counts: dict[bytes, int] = {}
        for batch in _chunks(keys.values()):
            marks = ",".join("?" * len(batch))
            counts.update(self.db.execute(
                f"SELECT triple, count FROM refs WHERE triple IN ({marks})", batch))
        added, gone, kept = [], [], []
        for triple, key in keys.items():
            change = changes[triple]
            before = counts.get(key, 0)
            after = before + change
            if after < 0:
                raise ValueError(f"the store's index counts a triple below zero: {triple}")
            if after:
                kept.append((key, after))
            if after and not before:
                added.append(triple)
            elif before and not after:
                gone.append(triple)
        self.db.executemany("INSERT OR REPLACE INTO refs VALUES (?, ?)", kept)
        self.db.executemany("DELETE FROM refs WHERE triple = ?", [(keys[t],) for t in gone])
        return added, gone
