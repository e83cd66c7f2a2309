"""Resolving an article's mentions to entities: persons, organisations (acronyms, short forms,
areas) and places. Every name is invented for these tests."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.extract import extract
from kg.extract.chunks import OrgRef, PlaceRef
from kg.extract.resolve import (
    acronym_table,
    fold,
    place_key,
    region_places,
    resolve_orgs,
    resolve_persons,
)
from kg.ingest.article import make_article
from kg.records import Extraction, Name, Place

LAHAT = PlaceRef("Lahat", "regency", "16.04", "Kabupaten Lahat")
OKUS = PlaceRef("Ogan Komering Ulu Selatan", "regency", "16.09", "OKU Selatan")


def extract_text(text: str) -> Extraction:
    """Extract an invented article given as text."""
    return extract(make_article("uji", text, "test", {"published": "2024-03-15"}))


def test_resolve_imports_on_its_own() -> None:
    done = subprocess.run([sys.executable, "-c", "import kg.extract.resolve"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("text, folded", [
    ("Dr. H. Wulan Permatasari, M.Kes", "dr h wulan permatasari mkes"),
    ("Kejari  OKU-Selatan", "kejari oku selatan"),
    ("S.H.", "sh"),
    ("Dandim 0405/Lahat", "dandim 0405 lahat"),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_acronym_table_maps_full_names_and_variants_to_one_acronym() -> None:
    table = acronym_table([])
    assert table["bawaslu"] == table["badan pengawas pemilu"] == \
        table["badan pengawas pemilihan umum"] == "Bawaslu"
    assert table["bakesbangpol"] == table["kesbangpol"] == \
        table["badan kesatuan bangsa dan politik"] == "Kesbangpol"


def test_acronym_table_learns_the_article_definitions() -> None:
    table = acronym_table([("Forum Komunikasi Pemuda Desa", "FKPD")])
    assert table["forum komunikasi pemuda desa"] == table["fkpd"] == "FKPD"
    assert "fkpd" not in acronym_table([])


def test_place_key_is_the_code_else_level_and_name() -> None:
    assert place_key(LAHAT) == "16.04"
    assert place_key(PlaceRef("Tanjung Sirih", "village", None, "Desa Tanjung Sirih")) == \
        "village:tanjung sirih"


def test_region_places_give_the_chain_with_short_names_as_aliases() -> None:
    assert region_places("16.04.09") == [
        Place("16.04.09", "Merapi Barat", "district", (), "16.04.09", "16.04"),
        Place("16.04", "Kabupaten Lahat", "regency", ("Lahat",), "16.04", "16"),
        Place("16", "Provinsi Sumatera Selatan", "province", ("Sumatera Selatan",), "16", None),
    ]


# --- persons ---------------------------------------------------------------------------------

def test_a_short_name_joins_the_one_full_name_that_contains_it() -> None:
    people, keys = resolve_persons([
        Name("Doni Candra", "Doni Candra, S.H.", (), ("S.H.",)),
        Name("Doni", "Doni"),
        Name("Candra Wijaya", "AKP Candra Wijaya", ("AKP",)),
    ])
    assert keys == {"doni candra": "doni candra", "doni": "doni candra",
                    "candra wijaya": "candra wijaya"}
    doni = next(p for p in people if p.key == "doni candra")
    assert doni.name == "Doni Candra"
    assert set(doni.aliases) == {"Doni", "Doni Candra, S.H."}
    assert doni.suffixes == ("S.H.",)


def test_a_given_name_shared_by_two_full_names_is_the_one_named_last_before_it() -> None:
    people, keys = resolve_persons([Name("Doni Candra", "Doni Candra"),
                                    Name("Doni Saputra", "Doni Saputra"), Name("Doni", "Doni")])
    assert sorted(p.key for p in people) == ["doni candra", "doni saputra"]
    assert keys["doni"] == "doni saputra"


def test_a_last_name_shared_by_two_full_names_stays_apart() -> None:
    people, keys = resolve_persons([Name("Doni Candra", "Doni Candra"),
                                    Name("Rina Candra", "Rina Candra"), Name("Candra", "Candra")])
    assert sorted(p.key for p in people) == ["candra", "doni candra", "rina candra"]
    assert keys["candra"] == "candra"


def test_a_person_named_again_by_a_short_name_in_the_article_is_one_person() -> None:
    x = extract_text("Ketua KPU Kota Pagaralam, Fajar Nugroho, S.Sos, membuka rapat pleno. Fajar "
                     "mengatakan rekapitulasi berjalan tertib.")
    assert [(p.key, p.name) for p in x.persons] == [("fajar nugroho", "Fajar Nugroho")]
    assert "Fajar" in x.persons[0].aliases


# --- organisations ---------------------------------------------------------------------------

def test_an_unqualified_mention_joins_its_one_qualified_kin() -> None:
    refs = [OrgRef("Bawaslu Kabupaten Lahat", "Bawaslu", "Bawaslu", LAHAT),
            OrgRef("Badan Pengawas Pemilu", "Badan Pengawas Pemilu", "Bawaslu")]
    orgs, keys = resolve_orgs(refs, [])
    assert [o.key for o in orgs] == ["bawaslu|16.04"]
    assert set(keys.values()) == {"bawaslu|16.04"}
    assert orgs[0].area == "16.04"
    names = {orgs[0].name, *orgs[0].aliases}
    assert {"Bawaslu Kabupaten Lahat", "Bawaslu Lahat", "Badan Pengawas Pemilu",
            "Badan Pengawas Pemilu Kabupaten Lahat"} <= names


def test_an_unqualified_mention_with_two_qualified_kin_stays_apart() -> None:
    refs = [OrgRef("Kejari Lahat", "Kejari", "Kejari", LAHAT),
            OrgRef("Kejari OKU Selatan", "Kejari", "Kejari", OKUS),
            OrgRef("Kejari", "Kejari", "Kejari")]
    orgs, keys = resolve_orgs(refs, [])
    assert [o.key for o in orgs] == ["kejari", "kejari|16.04", "kejari|16.09"]


def test_a_head_word_before_an_acronym_adds_nothing() -> None:
    refs = [OrgRef("Badan Kesbangpol", "Badan Kesbangpol"),
            OrgRef("Kesbangpol", "Kesbangpol", "Kesbangpol")]
    orgs, _ = resolve_orgs(refs, [])
    assert [o.key for o in orgs] == ["kesbangpol"]
    assert "Badan Kesatuan Bangsa dan Politik" in orgs[0].aliases


def test_article_definitions_merge_full_name_and_acronym() -> None:
    refs = [OrgRef("Forum Komunikasi Pemuda Desa", "Forum Komunikasi Pemuda Desa",
                   names=("FKPD",)),
            OrgRef("FKPD", "FKPD")]
    orgs, _ = resolve_orgs(refs, [("Forum Komunikasi Pemuda Desa", "FKPD")])
    assert [(o.key, o.name, o.aliases) for o in orgs] == [
        ("fkpd", "Forum Komunikasi Pemuda Desa", ("FKPD",))]


def test_short_forms_in_one_article_are_one_body() -> None:
    x = extract_text("Kejaksaan Negeri OKU Selatan menggelar penyuluhan hukum. Kepala Kejari OKU "
                     "Selatan, Rosa Amelia, membuka kegiatan itu. Kejari juga membuka posko "
                     "pengaduan.")
    assert [o.key for o in x.organizations] == ["kejari|16.09"]
    assert [(h.person, h.organization) for h in x.holdings] == [("rosa amelia", "kejari|16.09")]


def test_the_label_of_a_branch_names_its_area() -> None:
    x = extract_text("Kejari Lahat menggelar penyuluhan hukum. Menurut Kejaksaan Negeri, "
                     "penyuluhan itu digelar di sepuluh desa.")
    (org,) = x.organizations
    assert org.key == "kejari|16.04"
    assert "Lahat" in org.name


def test_a_kecamatan_and_its_camat_name_one_body() -> None:
    x = extract_text("Kecamatan Merapi Barat menggelar musrenbang tingkat kecamatan. Camat Merapi "
                     "Barat, Sahril Anwar, membuka acara itu.")
    assert [o.key for o in x.organizations] == ["kecamatan|16.04.09"]
