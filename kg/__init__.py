"""kg: knowledge graphs of officials, institutions, events and places from Indonesian news."""

__version__ = "0.1.0"
