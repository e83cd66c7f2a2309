"""How good the extraction is: scores against hand-made gold facts."""
