"""Collect an article's places: regions with their hierarchy, other named places, and venues."""

from __future__ import annotations

from kg.extract.article import dateline_region
from kg.extract.chunks import Chunk, PlaceRef
from kg.extract.parsed import Parsed
from kg.extract.resolve import place_key, region_places
from kg.nlp.tokens import fold
from kg.records import Article, Organization, Place
from kg.vocab import ChunkKind, PlaceLevel


class Places:
    """The places of one article, by key."""

    def __init__(self, article: Article, parsed: list[Parsed], home: str | None,
                 orgs: list[Organization]) -> None:
        """Gather places from place chunks, organisations' areas, venues and the dateline."""
        self.home = home
        self._by_key: dict[str, Place] = {}
        refs = [c.place for p in parsed for c in p.chunks if c.place]
        refs += [c.org.area for p in parsed for c in p.chunks if c.org and c.org.area]
        refs += [c.title.org.area for p in parsed for c in p.chunks
                 if c.title and c.title.org and c.title.org.area]
        for ref in refs:
            self._add_ref(ref)
        for c in (c for p in parsed for c in p.of_kind(ChunkKind.VENUE)):
            self.key_of(c)
        region = dateline_region(article, [r.code for r in refs if r.code])
        self.dateline = self._add_region(region.code) if region else None
        if home:
            self._add_region(home)

    def _add_region(self, code: str) -> str:
        """Add a region and the regions it lies in; return its key."""
        for place in region_places(code):
            self._by_key.setdefault(place.key, place)
        return code

    def _add_ref(self, ref: PlaceRef) -> str:
        """Add a place as written; return its key."""
        if ref.code:
            key = self._add_region(ref.code)
            written = {ref.written, ref.name} - {self._by_key[key].name}
            old = self._by_key[key]
            self._by_key[key] = Place(old.key, old.name, old.level,
                                      tuple(sorted(set(old.aliases) | written)), old.code, old.within)
            return key
        key = place_key(ref)
        self._by_key.setdefault(key, Place(key, ref.written or ref.name, ref.level, (), None,
                                           self.home))
        return key

    def key_of(self, chunk: Chunk) -> str:
        """Return the key of a place or venue chunk, adding it if new."""
        if chunk.place:
            return self._add_ref(chunk.place)
        name = chunk.label or chunk.text
        key = f"venue:{fold(name)}@{self.home or ''}"
        self._by_key.setdefault(key, Place(key, name, PlaceLevel.VENUE, (), None, self.home))
        return key

    def all(self) -> list[Place]:
        """Return every place, by key."""
        return [self._by_key[k] for k in sorted(self._by_key)]
