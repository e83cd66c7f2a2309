"""The vocabularies the graph uses: rdflib's checked standard ones, plus ours, also checked."""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar, cast

from rdflib import Namespace
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)
from rdflib.term import URIRef

from kg.rdf.prefixes import IRIS

KGR = Namespace(IRIS["kgr"])


class KG(DefinedNamespace):
    """Our own terms (declared in `ontology/kg.ttl`); a misspelt one is an error."""

    _fail = True
    _NS = Namespace(IRIS["kg"])

    NewsOutlet: URIRef
    Evidence: URIRef
    Collective: URIRef
    Participation: URIRef
    PlaceLevel: URIRef
    ParticipationRole: URIRef
    Declaration: URIRef
    Inauguration: URIRef
    Meeting: URIRef
    Ceremony: URIRef
    Agreement: URIRef
    Visit: URIRef
    Election: URIRef
    Activity: URIRef
    Socialisation: URIRef
    Attendee: URIRef
    Organizer: URIRef
    Speaker: URIRef
    Province: URIRef
    Regency: URIRef
    City: URIRef
    District: URIRef
    Village: URIRef
    Venue: URIRef
    roleQualifier: URIRef
    holdingStatus: URIRef
    dateConflict: URIRef
    conflictsWith: URIRef
    dateText: URIRef
    event: URIRef
    participant: URIRef
    participationRole: URIRef
    placeLevel: URIRef
    memberCount: URIRef
    nameToken: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 core terms we use for evidence sentences."""

    _fail = True
    _NS = Namespace(IRIS["nif"])

    Sentence: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef


PREFIXES = {
    "kg": KG._NS,
    "kgr": KGR,
    "org": ORG._NS,
    "foaf": FOAF._NS,
    "schema": SDO._NS,
    "skos": SKOS._NS,
    "prov": PROV._NS,
    "time": TIME._NS,
    "dcterms": DCTERMS._NS,
    "nif": NIF._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "xsd": XSD._NS,
}

# The namespaces a vocabulary term (kg.vocab) may name, each declaring its terms.
DECLARED: dict[str, type[DefinedNamespace]] = {
    "kg": KG, "org": ORG, "foaf": FOAF, "schema": SDO, "time": TIME,
}


N = TypeVar("N", bound=type[DefinedNamespace])


class _Kept:
    """A checked namespace whose terms are checked and made once each, then kept: rdflib's
    checks and makes a term anew at every lookup, which a large graph does millions of times."""

    def __init__(self, namespace: type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._namespace, name)
        setattr(self, name, found)
        return found


def kept(namespace: N) -> N:
    """Return a checked namespace that checks and makes each of its terms once."""
    return cast(N, _Kept(namespace))


@cache
def term(curie: str) -> URIRef:
    """Return the IRI of a vocabulary term ("kg:Meeting"), refusing one its namespace lacks."""
    prefix, _, name = curie.partition(":")
    namespace = DECLARED[prefix]
    if name not in namespace.__annotations__:
        raise KeyError(f"{curie} is not a term of {namespace._NS}")
    return namespace._NS[name]


__all__ = ["DCTERMS", "FOAF", "KG", "KGR", "NIF", "ORG", "PREFIXES", "PROV", "RDF", "RDFS",
           "SDO", "SKOS", "TIME", "XSD", "kept", "term"]
