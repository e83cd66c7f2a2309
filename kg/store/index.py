"""The store's book-keeping in SQLite: each article's content hash, its extraction as read, the
digest of its named graph, the source files as last seen, and a few figures of the last build.

Nothing here is RDF: it lives beside the Oxigraph store so that queries never see it. Nothing
read from it is trusted: extractions are kept as JSON (kg.store.codec, compressed with zlib,
whose checksum finds a damaged row), the schema has a version, the file is checked on open,
and only one build at a time may hold it (an exclusive lock beside it).
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from kg.errors import UserError, one_line
from kg.records import Extraction
from kg.store import ledger
from kg.store.codec import from_json, to_json
from kg.store.oxigraph import present, write_lock

# 1 (PRAGMA user_version 0) kept pickles: never read, forgotten on open; 2 kept no ledger
VERSION = 3
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, hash TEXT NOT NULL, extraction BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, hash TEXT NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL,
    gave TEXT);
""" + ledger.SCHEMA
TABLES = ("articles", "files", "meta", *ledger.TABLES)


def _rebuild(path: Path) -> str:
    """Say how to start the store's book-keeping afresh."""
    return f"remove it, and kg build --store {path.parent} rebuilds it from the sources"


def _open(path: Path) -> sqlite3.Connection:
    """Open the database, check it, and make what is missing."""
    db = sqlite3.connect(path)
    try:
        _prepare(db, path)
    except sqlite3.DatabaseError as err:
        db.close()
        raise UserError(f"the store's index {path} is damaged ({one_line(err)}): "
                        f"{_rebuild(path)}") from None
    except UserError:
        db.close()
        raise
    return db


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Check the database is whole and of a schema we read; make its tables."""
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise sqlite3.DatabaseError(check)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise UserError(f"the store's index {path} was made by a newer kg (schema {version}, "
                        f"this kg reads {VERSION}): {_rebuild(path)}")
    if version < VERSION:
        for table in TABLES:  # an older schema: start afresh, reading nothing of it
            db.execute(f"DROP TABLE IF EXISTS {table}")
    db.executescript(SCHEMA)
    db.execute(f"PRAGMA user_version = {VERSION}")
    db.commit()


class Index:
    """The book-keeping database, opened (or made) by the store's one writer; kept on commit()."""

    def __init__(self, path: Path) -> None:
        self.path, self.lock = path, write_lock(path.parent)
        try:
            self.db = _open(path)
        except BaseException:
            os.close(self.lock)
            raise
        if not present(path.parent) and self.meta("code") is not None:
            self.reset()  # the database is gone: whatever is recorded of it must be redone
            self.commit()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the database, dropping what was not committed, and let another build write."""
        self.db.close()
        os.close(self.lock)

    def commit(self) -> None:
        """Keep every change made since the last commit."""
        self.db.commit()

    def meta(self, key: str) -> Any:
        """Return a value of the last build (JSON), or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_meta(self, key: str, value: Any) -> None:
        """Record a value (anything JSON can hold)."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def hashes(self) -> dict[str, str]:
        """Return each stored article's content hash, by article id."""
        return dict(self.db.execute("SELECT id, hash FROM articles"))

    def put(self, article_id: str, content_hash: str, extraction: Extraction) -> None:
        """Store an article's extraction under its content hash."""
        text = json.dumps(to_json(extraction), separators=(",", ":"))  # ASCII: any str survives
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
                        (article_id, content_hash, zlib.compress(text.encode("ascii"))))

    def delete(self, article_id: str) -> None:
        """Forget an article."""
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def extractions(self, ids: Iterable[str] | None = None) -> list[Extraction]:
        """Return the stored extractions (all, or of these articles), by article id; a damaged
        one is the user's to clear."""
        rows = self.db.execute("SELECT id, extraction FROM articles ORDER BY id") if ids is None \
            else sorted(row for i in set(ids) for row in self.db.execute(
                "SELECT id, extraction FROM articles WHERE id = ?", (i,)))
        return [self._decode(article_id, blob) for article_id, blob in rows]

    def _decode(self, article_id: str, blob: bytes) -> Extraction:
        """Read back a stored extraction."""
        try:
            return from_json(Extraction, json.loads(zlib.decompress(blob)))
        except (zlib.error, TypeError, ValueError) as err:  # JSON's errors are ValueErrors
            raise UserError(f"the store's index {self.path} is damaged (article {article_id}: "
                            f"{one_line(err)}): {_rebuild(self.path)}") from None

    def files(self) -> tuple[dict[str, tuple[str, int, int]], dict[str, Any]]:
        """Return the source files of the last build (hash, size, modification time), and what
        each article file gave (its articles' entries, its problems)."""
        seen, gave = {}, {}
        for path, digest, size, mtime, text in self.db.execute("SELECT * FROM files"):
            seen[path] = (digest, size, mtime)
            if text:
                gave[path] = json.loads(text)
        return seen, gave

    def set_files(self, seen: dict[str, tuple[str, int, int]], gave: dict[str, Any]) -> None:
        """Record the source files of this build, and what each article file gave."""
        self.db.execute("DELETE FROM files")
        self.db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?)", [
            (path, *state, json.dumps(gave[path]) if path in gave else None)
            for path, state in sorted(seen.items())])

    def reset(self) -> None:
        """Forget every article, file and figure (the extractor changed: all must be redone)."""
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table}")
