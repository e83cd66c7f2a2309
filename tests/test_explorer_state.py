"""The explorer's view logic (kg/viz/state.js) under node's test runner, on its own samples and
on the payload of a graph with every kind of event."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph

from kg.network.analytics import project
from kg.viz.explorer import payload
from kg.vocab import EventKind
from tests.conftest import TURTLE_HEAD

NODE = shutil.which("node")
TESTS = Path(__file__).resolve().parent / "js"


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_view_logic_under_node(tmp_path: Path) -> None:
    events = "\n".join(f'<event/{k.name.lower()}> a schema:Event, kg:{k} ; rdfs:label "{k.name}" .'
                       for k in EventKind)
    graph = Graph().parse(format="turtle", data=TURTLE_HEAD + events)
    data = tmp_path / "payload.json"
    data.write_text(json.dumps(payload(project(graph))), encoding="utf-8")
    done = subprocess.run([str(NODE), "--test", str(TESTS)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "KG_PAYLOAD": str(data)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# fail 0" in done.stdout and "# skipped 0" in done.stdout, done.stdout
