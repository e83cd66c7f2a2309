"""The walk-through notebook runs top to bottom (nbclient, python3 kernel) and shows its results."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code)


@pytest.mark.slow
def test_notebook_executes() -> None:
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (kg[notebook])")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (kg[notebook])")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (kg[notebook])")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<table" in h for h in html)  # pandas tables
    assert any("<iframe srcdoc=" in h and "kg-data" in h for h in html)  # the explorer
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the matplotlib chart
    text = "".join(o.get("text", "") for o in outputs)
    assert "articles" in text and "actor graph" in text
