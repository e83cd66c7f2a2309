"""The store's database on disk, opened without rdflib: `kg query --store` starts fast.

A store folder holds `oxigraph/` (the database), `index.sqlite` (see kg.store.index),
`build.lock` (held by the one build that writes) and, while `kg serve` runs on it,
`serving.pid`. pyoxigraph is imported only when used.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import UserError, one_line

if TYPE_CHECKING:
    import pyoxigraph as ox

DATABASE = "oxigraph"
INDEX = "index.sqlite"
SERVING = "serving.pid"
LOCK = "build.lock"
MISSING = "the store needs pyoxigraph: pip install 'kg[store]'"


def pyoxigraph() -> Any:
    """Import pyoxigraph, or say how to install it."""
    try:
        import pyoxigraph
    except ImportError:
        raise OSError(MISSING) from None
    return pyoxigraph


def database(folder: Path) -> Path:
    """Return the Oxigraph database folder of a store."""
    return folder / DATABASE


def present(folder: Path) -> bool:
    """Say whether a store's database is there (RocksDB, under Oxigraph, keeps a CURRENT file)."""
    return (database(folder) / "CURRENT").is_file()


def write_lock(folder: Path) -> int:
    """Take the store's write lock, or say which build holds it; return the lock's file."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    for _ in range(5):  # a reader's check holds it for an instant
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            time.sleep(0.1)
    else:
        holder = os.read(fd, 20).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise UserError(f"another kg build (process {holder}) is writing the store {folder}: "
                        "wait for it to end")
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    return fd


def writer(folder: Path) -> str | None:
    """Return the process id of a build writing the store now, or None."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # let go when closed, below
        return None
    except BlockingIOError:
        return os.read(fd, 20).decode(errors="replace").strip() or "?"
    finally:
        os.close(fd)


def open_store(folder: Path, read_only: bool = False) -> ox.Store:
    """Open a store's database: read-write (created if need be) or read-only (must exist)."""
    ox = pyoxigraph()
    path = database(folder)
    if read_only and not present(folder):
        missing = f"the store {folder} has no database ({path})" if folder.is_dir() \
            else f"no kg store in {folder}"
        raise UserError(f"{missing}: kg build --store {folder} makes it from the sources")
    if read_only and (pid := writer(folder)):  # Oxigraph's reads would then be undefined
        raise UserError(f"a kg build (process {pid}) is writing the store {folder}: read it "
                        "once the build ends")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as err:  # RocksDB's checks on open: "Corruption: ..."
        raise UserError(f"the store's database {path} is damaged or unreadable "
                        f"({one_line(err)}): remove it, and kg build --store {folder} rebuilds "
                        "it from the sources") from None


def serving(folder: Path) -> int | None:
    """Return the process id of a `kg serve` running on the store, or None."""
    try:
        pid = int((folder / SERVING).read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid
