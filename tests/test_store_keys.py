"""The store's name-token key follows the names of the subjects an update touched."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.rdf.prefixes import IRIS
from kg.rdf.tokens import KG_NAME_TOKEN, maintain, maintain_subjects

ox = pytest.importorskip("pyoxigraph")


def test_the_key_of_touched_subjects_is_what_a_whole_remake_gives(tmp_path: Path) -> None:
    db = ox.Store(str(tmp_path / "db"))
    entities = ox.NamedNode(IRIS["kgr"] + "graph/entities")
    person, place = ox.NamedNode(IRIS["kgr"] + "person/x"), ox.NamedNode(IRIS["kgr"] + "place/16.04")
    label = ox.NamedNode(IRIS["rdfs"] + "label")
    db.add(ox.Quad(person, label, ox.Literal("Yoga Pratama"), entities))
    db.add(ox.Quad(place, label, ox.Literal("Kabupaten Lahat"), entities))
    assert maintain(db) == 4
    db.remove(ox.Quad(person, label, ox.Literal("Yoga Pratama"), entities))
    db.add(ox.Quad(person, label, ox.Literal("Yoga Saputra"), entities))
    db.add(ox.Quad(place, ox.NamedNode(IRIS["rdf"] + "type"), ox.NamedNode(IRIS["schema"] + "Place"),
                   entities))
    db.add(ox.Quad(place, ox.NamedNode(IRIS["dcterms"] + "identifier"), ox.Literal("16.04"),
                   ox.NamedNode(IRIS["kgr"] + "graph/article/a1")))
    assert maintain_subjects(db, [person, place]) == 3  # pratama out; saputra and 16.04 in
    assert maintain_subjects(db, [person, place]) == 0 and maintain(db) == 0
    found = {(q.subject.value, q.object.value) for q in db.quads_for_pattern(
        None, ox.NamedNode(KG_NAME_TOKEN), None, None)}
    assert found == {(person.value, "yoga"), (person.value, "saputra"), (place.value, "kabupaten"),
                     (place.value, "lahat"), (place.value, "16.04")}
