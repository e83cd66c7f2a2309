"""Keep the name-token key (kg.rdf.tokens) up to date for the subjects an update touched.

A subject's words in the key follow from its own triples alone (its labels, its alternative
labels, and a place's code), so after an update only the subjects of the quads written or
removed can have gained or lost words: their words are read again and the key changed where it
differs. An update that remade every graph has its key remade whole (kg.rdf.tokens.maintain).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.rdf.prefixes import IRIS
from kg.rdf.tokens import KG_NAME_TOKEN, NAME_TOKENS, RDFS_LABEL, SKOS_ALT_LABEL, words

if TYPE_CHECKING:
    import pyoxigraph as ox

RDF_TYPE = IRIS["rdf"] + "type"
PLACE = IRIS["schema"] + "Place"
IDENTIFIER = IRIS["dcterms"] + "identifier"


def maintain_subjects(store: ox.Store, subjects: Iterable[Any]) -> int:
    """Bring the key of these subjects up to date with their names in the store; return how
    many of its triples were added or removed."""
    import pyoxigraph as ox

    graph, token = ox.NamedNode(NAME_TOKENS), ox.NamedNode(KG_NAME_TOKEN)
    label, alt = ox.NamedNode(RDFS_LABEL), ox.NamedNode(SKOS_ALT_LABEL)
    kind, place, code = ox.NamedNode(RDF_TYPE), ox.NamedNode(PLACE), ox.NamedNode(IDENTIFIER)
    changed = 0
    for subject in subjects:
        if isinstance(subject, ox.Literal):  # no quad has one as subject; a guard
            continue
        names = [_text(q) for p in (label, alt)
                 for q in store.quads_for_pattern(subject, p, None, None)]
        if next(iter(store.quads_for_pattern(subject, kind, place, None)), None) is not None:
            names += [_text(q) for q in store.quads_for_pattern(subject, code, None, None)]
        wanted = {word for name in names for word in words(name)}
        present = {_text(q) for q in store.quads_for_pattern(subject, token, None, graph)}
        for word in present - wanted:
            store.remove(ox.Quad(subject, token, ox.Literal(word), graph))
        store.extend(ox.Quad(subject, token, ox.Literal(word), graph) for word in wanted - present)
        changed += len(present ^ wanted)
    return changed


def _text(quad: Any) -> str:
    """Return the text of a quad's object (a name, a code or a word: a literal)."""
    return str(quad.object.value)
