"""Interactive views of the graph."""

from kg.viz.explorer import write_explorer

__all__ = ["write_explorer"]
