"""Run SPARQL queries on a store's database in warm worker processes, each stopped when its
query's time is up.

Oxigraph's server gives up waiting at its timeout but lets the query's work go on for minutes,
and its work cannot be stopped from outside; a process can. Each query is answered by a worker
(kg.store.worker: pyoxigraph, the database opened read-only once, the union of the graphs as
default graph) that serves one query at a time and is kept for the next one, so that a query
pays neither for starting a process nor for opening the database. A worker is killed at its
query's deadline (and another started when next needed), and when `kg serve` ends, even by
kill -9: util-linux's setpriv gives it a parent-death signal, and an idle worker also ends when
its stdin closes. Where Linux lets an unprivileged user have a network namespace of its own
(unshare), the workers run in one with no network at all, so no request can leave them even
if the screening of SERVICE (kg.store.screen) missed one. At most `jobs` queries run at once
(and at most `jobs` workers live); the others wait their turn within their own deadline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from functools import cache
from pathlib import Path
from typing import IO

ENV = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}  # one-line errors
NO_NETWORK = ["unshare", "--net", "--map-root-user", "--"]


class Refused(Exception):
    """A request the endpoint answers with an error status and a one-line reason."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def tied() -> list[str]:
    """Return the command prefix that kills a child process when we end, however we end."""
    return ["setpriv", "--pdeathsig", "KILL", "--"] if shutil.which("setpriv") else []


@cache
def isolated() -> tuple[str, ...]:
    """Return the command prefix that ties a query process to us and, if it can, cuts its net."""
    if shutil.which("unshare") and subprocess.run([*NO_NETWORK, "true"], capture_output=True,
                                                  timeout=10).returncode == 0:
        return (*tied(), *NO_NETWORK)
    return tuple(tied())


def read_reply(stream: IO[bytes]) -> tuple[str, bytes, bool]:
    """Read a worker's answer (kg.store.worker): its status, its results or the reason it
    failed, and whether the results were cut; ValueError if the worker ended before it."""
    pieces: list[bytes] = []
    while True:
        tag, *fields = stream.readline().split() or [b""]
        data = stream.read(int(fields[-1])) if fields else b""
        if not fields or len(data) != int(fields[-1]):
            raise ValueError("the worker ended")
        if tag == b"done":
            status, cut = fields[0].decode(), fields[1] == b"1"
            return status, b"".join(pieces) if status == "200" else data, cut
        pieces.append(data)


class Runner:
    """Run queries on one database: at most `jobs` at once, each killed at its deadline.

    The parent-death signal follows the thread that started a worker: workers are started by
    the threads that answer requests, which live as long as the server."""

    def __init__(self, database: Path, jobs: int) -> None:
        self.command = [*isolated(), sys.executable, "-m", "kg.store.worker", str(database)]
        self.slots = threading.BoundedSemaphore(jobs)
        self.idle: list[subprocess.Popen[bytes]] = []
        self.workers: set[subprocess.Popen[bytes]] = set()
        self.lock = threading.Lock()

    def start(self) -> None:
        """Start a worker ahead of the first query."""
        with self.lock:
            self.idle.append(self._worker())

    def run(self, query: str, graph: bool, limit: int, seconds: float) -> tuple[bytes, bool]:
        """Run a query within `seconds`, wait included; give `limit` results at most, and if cut."""
        deadline = time.monotonic() + seconds
        if not self.slots.acquire(timeout=seconds):
            raise Refused("503 Service Unavailable", f"every query slot stayed busy for "
                          f"{seconds:g} s (--timeout): try again later")
        try:
            return self._run(query, graph, limit, deadline, seconds)
        finally:
            self.slots.release()

    def _worker(self) -> subprocess.Popen[bytes]:
        """Start a worker process (the lock held)."""
        process = subprocess.Popen(self.command, env=ENV, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.workers.add(process)
        return process

    def _run(self, query: str, graph: bool, limit: int, deadline: float, seconds: float
             ) -> tuple[bytes, bool]:
        """Run a query in an idle worker (or a new one), killed at the deadline; read its answer."""
        with self.lock:
            process = self.idle.pop() if self.idle else self._worker()
        assert process.stdin and process.stdout and process.stderr
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            process.kill()

        timer = threading.Timer(max(0.0, deadline - time.monotonic()), expire)
        timer.start()
        reply = None
        try:
            text = query.encode("utf-8")
            process.stdin.write(b"%s %d %d\n" % (b"nt" if graph else b"tsv", limit, len(text))
                                + text)
            process.stdin.flush()
            reply = read_reply(process.stdout)
        except (OSError, ValueError):  # the worker ended: killed at the deadline, or it failed
            pass
        finally:
            timer.cancel()
            timer.join()  # a kill under way ends first: a worker killed is never kept
        if reply is None or expired.is_set():
            self._end(process)
        else:
            with self.lock:
                self.idle.append(process)
        if reply is None:
            if expired.is_set():
                raise Refused("504 Gateway Timeout", f"the query ran out of its {seconds:g} s "
                              "(--timeout) and was stopped")
            lines = process.stderr.read().decode("utf-8", errors="replace").strip().splitlines()
            raise Refused("500 Internal Server Error", f"the query's worker ended: "
                          f"{lines[-1] if lines else 'no reason given'}")
        status, data, truncated = reply
        if status != "200":
            raise _failure(status, data.decode("utf-8", errors="replace"))
        return data, truncated

    def _end(self, process: subprocess.Popen[bytes]) -> None:
        """Kill a worker and wait for it."""
        process.kill()
        process.wait()
        with self.lock:
            self.workers.discard(process)

    def close(self) -> None:
        """Kill every worker, busy or idle."""
        with self.lock:
            for process in self.workers:
                process.kill()


def _failure(status: str, reason: str) -> Refused:
    """Turn a worker's reason into a refusal: a syntax error is the client's (400)."""
    first = next((line for line in reason.splitlines() if line.strip()), "the query failed")
    if status == "400":  # pyoxigraph's parser: "error at 1:9: expected ..."
        return Refused("400 Bad Request", f"the query is not valid SPARQL: {first.strip()}")
    return Refused("500 Internal Server Error", first.strip())
