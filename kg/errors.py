"""The one error a user can cause: told in one line by the command line, never as a traceback."""

from __future__ import annotations


# A ValueError, so that library callers who catch bad values catch it too.
class UserError(ValueError):
    """A mistake in what the user gave (a query, a file, a store, an option), said in one line."""


def one_line(err: BaseException | str, limit: int = 300) -> str:
    """Squeeze an error message (often several lines from a parser) into one line."""
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."
