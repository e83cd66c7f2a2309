"""Run SPARQL queries on a store's database, each in a process of its own, stopped when its time
is up.

Oxigraph's server gives up waiting at its timeout but lets the query's work go on for minutes,
and its work cannot be stopped from outside; a process can. Each query is run by Oxigraph's
command line (`oxigraph query`, read-only, the union of the graphs as default graph), killed
at its deadline, once the result limit is read, and when `kg serve` ends, even by kill -9:
util-linux's setpriv gives it a parent-death signal. Where Linux lets an unprivileged user have
a network namespace of its own (unshare), the query runs in one with no network at all, so no
request can leave it even if the screening of SERVICE (kg.store.screen) missed one. At most
`jobs` queries run at once; the others wait their turn within their own deadline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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


def read_lines(stream: IO[bytes], limit: int, header: bool) -> tuple[bytes, bool]:
    """Read at most `limit` lines (after a header line); say whether more were left."""
    lines = [stream.readline()] if header else []
    while len(lines) < limit + header:
        line = stream.readline()
        if not line:
            return b"".join(lines), False
        lines.append(line)
    return b"".join(lines), bool(stream.readline())


class Runner:
    """Run queries on one database: at most `jobs` at once, each killed at its deadline."""

    def __init__(self, binary: str, database: Path, jobs: int) -> None:
        self.command = [*isolated(), binary, "query", "--location", str(database),
                        "--union-default-graph", "--results-format"]
        self.slots = threading.BoundedSemaphore(jobs)
        self.running: set[subprocess.Popen[bytes]] = set()
        self.lock = threading.Lock()

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

    def _run(self, query: str, graph: bool, limit: int, deadline: float, seconds: float
             ) -> tuple[bytes, bool]:
        """Run a query in a new process, killed at the deadline; read its results."""
        process = subprocess.Popen([*self.command, "nt" if graph else "tsv"], env=ENV,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        assert process.stdin and process.stdout and process.stderr
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            process.kill()

        timer = threading.Timer(max(0.0, deadline - time.monotonic()), expire)
        with self.lock:
            self.running.add(process)
        timer.start()
        try:
            try:
                process.stdin.write(query.encode("utf-8"))
                process.stdin.close()
            except BrokenPipeError:  # it ended before reading the query: its error says why
                pass
            data, truncated = read_lines(process.stdout, limit, header=not graph)
            if truncated:
                process.kill()
            error = process.stderr.read().decode("utf-8", errors="replace")
            code = process.wait()
        finally:
            timer.cancel()
            if process.poll() is None:
                process.kill()
                process.wait()
            with self.lock:
                self.running.discard(process)
        if expired.is_set():
            raise Refused("504 Gateway Timeout", f"the query ran out of its {seconds:g} s "
                          "(--timeout) and was stopped")
        if code and not truncated:
            raise _failure(error)
        return data, truncated

    def close(self) -> None:
        """Kill every query still running."""
        with self.lock:
            for process in self.running:
                process.kill()


def _failure(stderr: str) -> Refused:
    """Turn Oxigraph's error output into a refusal: a syntax error is the client's (400)."""
    first = next((line for line in stderr.splitlines() if line.strip()), "the query failed")
    reason = first.removeprefix("Error: ").strip()
    if reason.startswith("error at "):  # its parser's errors: "error at 1:9: expected ..."
        return Refused("400 Bad Request", f"the query is not valid SPARQL: {reason}")
    return Refused("500 Internal Server Error", reason)
