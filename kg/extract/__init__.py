"""Turn an article into typed facts: mentions, persons, organisations, holdings, events, attendance."""

from kg.extract.assemble import extract

__all__ = ["extract"]
