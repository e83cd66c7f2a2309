"""Check a graph against the SHACL shapes in the ontology (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: whether the graph conforms, and each violation in one line."""

    conforms: bool
    violations: tuple[str, ...]


def ontology_file(name: str) -> Traversable:
    """Find a file of the ontology: installed as kg.ontology, or in ontology/ beside kg/ in a checkout."""
    try:
        return files("kg.ontology").joinpath(name)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "ontology" / name


def shapes() -> Graph:
    """Load the SHACL shapes."""
    return Graph().parse(data=ontology_file("shapes.ttl").read_text("utf-8"), format="turtle")


def validate(graph: Graph) -> Report:
    """Validate the graph against the shapes, without inference: the contract asks for asserted terms."""
    from pyshacl import validate as shacl_validate  # here: importing it takes a second

    conforms, results, _ = shacl_validate(graph, shacl_graph=shapes(), inference="none",
                                          allow_warnings=True)
    lines = sorted(f"{r.value(n, SH.focusNode)}: {r.value(n, SH.resultMessage)}"
                   for r in [results] for n in results.subjects(SH.resultSeverity, SH.Violation))
    return Report(bool(conforms), tuple(lines))
