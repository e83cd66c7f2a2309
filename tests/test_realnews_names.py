"""Persons in real regional news (the real-news development set): which capitalised runs are
people, which are not, and when two written names are one person. Each construction is
reproduced with invented names and our own words: no sentence here comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text


def _persons(text: str) -> set[str]:
    """Return the person keys an invented article gives."""
    return {p.key for p in extract_text(text).persons}


def test_a_post_given_to_a_bare_name_makes_a_person() -> None:
    found = _persons("WATAMPONE, WARTABUGIS.ID - Dalam rotasi pekan ini, kursi Kepala Bagian "
                     "Umum dipercayakan kepada Sukardiman. Jabatan yang ia tinggalkan digantikan "
                     "oleh Mulyawati, Jumat (7/6/2024).")
    assert {"sukardiman", "mulyawati"} <= found


def test_a_name_linked_to_the_post_after_it_is_a_person() -> None:
    found = _persons("WATAMPONE, WARTABUGIS.ID - Rotasi pejabat berlanjut. Selain itu, Darwisah "
                     "yang sebelumnya menjabat Kepala Bidang Anggaran kini dipindah ke "
                     "Inspektorat, Jumat (7/6/2024).")
    assert "darwisah" in found
