"""The store's book-keeping in SQLite: each article's content hash, its extraction as read, the
digest of its named graph, the source files as last seen, and a few figures of the last build.

Nothing here is RDF: it lives beside the Oxigraph store so that queries never see it.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from pathlib import Path
from types import TracebackType
from typing import Any

from kg.records import Extraction

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, hash TEXT NOT NULL, extraction BLOB NOT NULL, graph TEXT);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, hash TEXT NOT NULL);
"""


class Index:
    """Open (or create) the book-keeping database; changes are kept only on commit()."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)

    def __enter__(self) -> Index:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the database, dropping what was not committed."""
        self.db.close()

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

    def graph_digests(self) -> dict[str, str | None]:
        """Return the digest of each stored article's named graph as last written."""
        return dict(self.db.execute("SELECT id, graph FROM articles"))

    def put(self, article_id: str, content_hash: str, extraction: Extraction) -> None:
        """Store an article's extraction under its content hash (its graph is yet to be written)."""
        blob = zlib.compress(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        self.db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, NULL)",
                        (article_id, content_hash, blob))

    def set_graph_digest(self, article_id: str, digest: str) -> None:
        """Record the digest of the named graph written for an article."""
        self.db.execute("UPDATE articles SET graph = ? WHERE id = ?", (digest, article_id))

    def delete(self, article_id: str) -> None:
        """Forget an article."""
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def extractions(self) -> list[Extraction]:
        """Return every stored extraction, by article id."""
        rows = self.db.execute("SELECT extraction FROM articles ORDER BY id")
        return [pickle.loads(zlib.decompress(blob)) for (blob,) in rows]

    def files(self) -> dict[str, str]:
        """Return the source files of the last build with their hashes."""
        return dict(self.db.execute("SELECT path, hash FROM files"))

    def set_files(self, files: dict[str, str]) -> None:
        """Record the source files of this build with their hashes."""
        self.db.execute("DELETE FROM files")
        self.db.executemany("INSERT INTO files VALUES (?, ?)", sorted(files.items()))

    def reset(self) -> None:
        """Forget every article, file and figure (the extractor changed: all must be redone)."""
        for table in ("articles", "files", "meta"):
            self.db.execute(f"DELETE FROM {table}")
