"""Check a graph against the SHACL shapes in the ontology (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: whether the graph conforms, and each violation in one line."""

    conforms: bool
    violations: tuple[str, ...]


def shapes() -> Graph:
    """Load the shapes shipped with the package."""
    return Graph().parse(data=files("kg.ontology").joinpath("shapes.ttl").read_text("utf-8"),
                         format="turtle")


def validate(graph: Graph) -> Report:
    """Validate the graph against the shapes, without inference: the contract asks for asserted terms."""
    conforms, results, _ = shacl_validate(graph, shacl_graph=shapes(), inference="none",
                                          allow_warnings=True)
    lines = sorted(f"{r.value(n, SH.focusNode)}: {r.value(n, SH.resultMessage)}"
                   for r in [results] for n in results.subjects(SH.resultSeverity, SH.Violation))
    return Report(bool(conforms), tuple(lines))
