"""A sentence as the later stages see it: its tokens, chunks and title pairs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from kg.extract.chunks import Chunk
from kg.extract.context import Context
from kg.extract.holdings import Pair
from kg.records import Sentence
from kg.vocab import ChunkKind


@dataclass(frozen=True)
class Parsed:
    """One sentence with its context, chunks (names already promoted) and title pairs."""

    sentence: Sentence
    ctx: Context
    chunks: tuple[Chunk, ...]
    pairs: tuple[Pair, ...]

    def words(self) -> list[str]:
        """Return the sentence's words in lower case."""
        return list(self.lowered)

    @cached_property
    def lowered(self) -> tuple[str, ...]:
        """The sentence's words in lower case, made once: attendance asks for them five times."""
        return tuple([t.text.lower() for t in self.ctx.tokens])

    def of_kind(self, *kinds: ChunkKind) -> list[Chunk]:
        """Return the chunks of the given kinds, in order."""
        return [c for c in self.chunks if c.kind in kinds]
