"""Extraction on a Dask distributed cluster (`kg build --cluster ADDRESS`).

The cluster is one more executor for the build's own work: its workers run the functions that
`--jobs` runs in local processes, and this process chooses among the articles, merges the
entities and writes the outputs as any build does, so the outputs are those of a local build.
When every worker sees the sources under the paths this process gives (one machine, or a file
system that all mount at the same place: checked on a sample of the files), the workers read
the files themselves and only paths go out; otherwise this process reads the sources and sends
the articles' texts. Dask's `distributed` is an optional dependency (`kg[cluster]`), imported
only here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UserError
from kg.pipeline import Workers, all_cores

if TYPE_CHECKING:
    from distributed import Client

LOCAL = "local"  # the address that starts a cluster on this machine
SAMPLE = 32  # files (and the last) whose size every worker checks before it reads them all
WAIT = 60  # seconds to wait for a scheduler's first worker


def _client_class() -> type[Client]:
    """Import Dask's client, or say which extra brings it."""
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--cluster needs Dask's distributed package: "
                        "pip install 'kg[cluster]'") from None
    return Client


@contextmanager
def connect(address: str, jobs: int | None = None) -> Iterator[Workers]:
    """Connect to the Dask scheduler at `address`, or start one on this machine with `jobs`
    worker processes (default: one per core) when the address is "local"; yield its workers,
    and close what was opened."""
    client_class = _client_class()
    with ExitStack() as stack:
        if address == LOCAL:
            from distributed import LocalCluster

            cluster = stack.enter_context(LocalCluster(
                n_workers=jobs or all_cores(), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR))
            address = cluster.scheduler_address
        elif jobs is not None:
            raise UserError("--jobs counts the processes of --cluster local only: a scheduler's "
                            "workers are started with their own (dask worker --nworkers N)")
        try:
            client = stack.enter_context(client_class(address))
        except ValueError as err:  # no port, an unknown scheme: connection failures are OSErrors
            raise UserError(f"--cluster {address}: {err}; give a Dask scheduler's address "
                            f"(tcp://host:8786) or '{LOCAL}'") from None
        try:
            client.wait_for_workers(1, timeout=WAIT)
        except TimeoutError:
            raise UserError(f"the Dask scheduler at {address} has no worker after {WAIT} s: "
                            f"start some with: dask worker {address}") from None
        slots = max(1, sum(client.nthreads().values()))  # tasks queue for workers that leave
        yield Workers(client.get_executor(pure=False), slots, partial(sees, client))


def _has(files: list[tuple[str, int]]) -> bool:
    """Say whether this process finds each file, of its size (run on every worker)."""
    return all(os.path.isfile(name) and os.path.getsize(name) == size for name, size in files)


def sees(client: Client, files: list[Path]) -> bool:
    """Say whether every worker sees a sample of the files (the first, the last and some
    between) under their absolute paths here, each of the same size."""
    step = max(1, -(-len(files) // SAMPLE))  # rounded up: at most SAMPLE files, and the last
    sample = {*files[::step], *files[-1:]}
    names = [(str(path.absolute()), path.stat().st_size) for path in sorted(sample)]
    answers = client.run(_has, names)
    return bool(answers) and all(answers.values())
