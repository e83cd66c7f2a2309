"""Holdings met in real regional news (the real-news development set) where a person and a post
are linked across sentences or through what the article said before, each reproduced with
invented names and our own words: no sentence here comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text, holdings


def _members(text: str, role: str = "Anggota") -> set[str]:
    """Return the person keys an invented article makes holders of a role."""
    return {p for p, r, _ in holdings(extract_text(text)) if r == role}


def test_names_listed_after_mereka_are_members_of_the_group_named_before() -> None:
    members = _members(
        "MURAWA, KABARTIMUR.ID - Enam orang anggota DPRD Kabupaten Murawa absen dalam rapat "
        "pembahasan anggaran, Senin (4/3/2024). Mereka yang absen, Hasbi Lamuda, Rosmini, "
        "Teguh Parinduri dan Welem Saragih.")
    assert members == {"hasbi lamuda", "rosmini", "teguh parinduri", "welem saragih"}


def test_a_counted_group_is_named_again_sentences_later_and_its_list_goes_on() -> None:
    text = ("SENTANI, WARTAPAPUA.ID - Gubernur Kariwa melantik 12 anggota Dewan Pertimbangan "
            "Daerah di aula kantor gubernur, Rabu (6/3/2024). Pelantikan dipimpin Sekretaris "
            "Daerah Provinsi Kariwa, Oktovianus Yarangga. Acara berlangsung tertutup. Dari ke-12 "
            "orang itu, antara lain Benyamin Wonda, Salmon Kogoya, dan Yuliana "
            "Rumbiak. Lalu, Nikodemus Tabuni, Fransina Mirin, dan Arnold Wenda.")
    members = _members(text)
    assert members == {"benyamin wonda", "salmon kogoya", "yuliana rumbiak", "nikodemus tabuni",
                       "fransina mirin", "arnold wenda"}


def test_names_listed_for_an_event_pointed_back_to_are_no_members() -> None:
    members = _members(
        "MURAWA, KABARTIMUR.ID - Rapat paripurna dihadiri anggota DPRD Kabupaten Murawa, Senin "
        "(4/3/2024). Kegiatan itu juga diikuti Hasbi Lamuda, Rosmini dan Teguh Parinduri.")
    assert members == set()


def _org_of(x, person: str) -> str:
    """Return the name of the one organisation a person holds a post at."""
    held = {h.organization for h in x.holdings if h.person == person}
    assert len(held) == 1, x.holdings
    return {o.key: o.name for o in x.organizations}[held.pop()]


def test_a_unit_written_before_its_body_is_the_unit_within_that_body() -> None:
    x = extract_text("MAMUJU, SULBARNEWS.ID - Kepala Biro Umum Sekretariat Daerah Provinsi Sulawesi "
                     "Barat, Rahmat Hidayat, membuka pelatihan kearsipan, Kamis (7/3/2024). Turut "
                     "hadir Kepala Bidang Hukum Kantor Wilayah Kemenkumham Sulawesi Barat, Sitti "
                     "Nurjannah.")
    assert _org_of(x, "rahmat hidayat") == "Biro Umum Sekretariat Daerah Provinsi Sulawesi Barat"
    assert _org_of(x, "sitti nurjannah") == "Kantor Wilayah Kemenkumham Sulawesi Barat"


def test_a_placed_unit_before_its_parent_body_stays_the_unit() -> None:
    x = extract_text("MAMUJU, SULBARNEWS.ID - Kapolres Mamuju Polda Sulbar, AKBP Bima Gunaryo "
                     "Saputra, memimpin apel pagi, Kamis (7/3/2024).")
    assert {"Polres Mamuju", "Polda Sulbar"} <= {o.name for o in x.organizations}


def test_a_grade_in_brackets_after_a_post_is_no_holder() -> None:
    x = extract_text("BENGKULU, BENGKULUNEWS.ID - Pagi itu ia diangkat sebagai Kepala Biro Organisasi "
                     "Sekretariat Daerah Provinsi Bengkulu (Eselon II.A), Senin (4/3/2024).")
    assert not x.holdings
    assert not [p for p in x.persons if p.name.startswith("Eselon")]


def test_the_head_of_a_negeri_serves_the_village_written_after_the_title() -> None:
    x = extract_text("MASOHI, MALUKUNEWS.ID - Bupati melantik dua kepala pemerintahan adat, Selasa "
                     "(5/3/2024). Yakobus Latuheru dilantik sebagai KPN Waelapia, sedangkan Marten "
                     "Hatulesila sebagai Penjabat KPN Hatusela.")
    assert _org_of(x, "yakobus latuheru") == "Negeri Waelapia"
    assert _org_of(x, "marten hatulesila") == "Negeri Hatusela"


def test_an_interim_qualifier_written_with_a_lower_case_second_word() -> None:
    x = extract_text("GIANYAR, BALINEWS.ID - Gubernur menetapkan Made Suarjana sebagai Penjabat "
                     "sementara (Pjs.) Bupati Gianyar, Senin (4/3/2024). Hadir pula Pelaksana tugas "
                     "(Plt) Kepala Dinas Pariwisata Gianyar Wayan Sudiana.")
    assert {(h.person, h.qualifier) for h in x.holdings} == {("made suarjana", "Pj"), ("wayan sudiana", "Plt")}


def test_a_regional_head_elected_but_not_yet_sworn_in_holds_no_office() -> None:
    x = extract_text("KOTAMOBAGU, TOTABUAN.ID - Rapat pleno KPU menetapkan Andi Lapadu dan Rina "
                     "Mokodompit menjadi Wali Kota dan Wakil Wali Kota Kotamobagu terpilih, Senin "
                     "(6/1/2025). Terpilih sebagai Bupati Bolaang Mongondow Hendra Mamonto.")
    assert not x.holdings


def test_a_regional_head_elected_and_sworn_in_holds_the_office() -> None:
    x = extract_text("MANADO, TOTABUAN.ID - Gubernur melantik Bupati Bolaang Mongondow terpilih, "
                     "Hendra Mamonto, di Manado, Kamis (20/2/2025).")
    assert ("hendra mamonto", "Bupati") in {(h.person, h.role) for h in x.holdings}


def test_a_candidate_for_an_office_does_not_hold_it() -> None:
    x = extract_text("MANADO, TOTABUAN.ID - Bawaslu memeriksa calon Gubernur Sulawesi Utara Yusuf "
                     "Tumbelaka, Rabu (6/11/2024).")
    assert not x.holdings


def test_names_after_a_matter_pointed_back_to_are_no_members() -> None:
    members = _members(
        "MURAWA, KABARTIMUR.ID - Sejumlah anggota DPRD Kabupaten Murawa menolak rancangan anggaran, "
        "Senin (4/3/2024). Hal itu disampaikan Hasbi Lamuda, Rosmini dan Teguh Parinduri.")
    assert members == set()


def test_a_bare_sekda_beside_only_the_governor_serves_the_province() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Tamu dari Jakarta disambut Gubernur Sulawesi Tenggara "
                     "Hamdan Lasaleo bersama Sekda Ruslan Talibo di bandara, Rabu (6/3/2024).")
    assert _org_of(x, "ruslan talibo") == _org_of(x, "hamdan lasaleo")


def test_a_bare_sekda_beside_the_mayor_serves_the_city() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Tamu dari Jakarta disambut Wali Kota Kendari Arif "
                     "Mbatu, Gubernur Sulawesi Tenggara Hamdan Lasaleo dan Sekda Ruslan Talibo, Rabu "
                     "(6/3/2024).")
    assert _org_of(x, "ruslan talibo") == _org_of(x, "arif mbatu")


def test_a_given_name_after_a_provincial_title_is_the_holders_not_a_district() -> None:
    x = extract_text("TERNATE, MALUTPOS.ID - Pj Sekprov Bambang Suharyo membuka rapat kerja para "
                     "kepala dinas di Sofifi, Senin (4/3/2024).")
    assert holdings(x) == {("bambang suharyo", "Sekretaris Daerah", "pemprov|82")}


def test_a_given_name_after_a_prosecutors_title_leaves_the_reports_own_office() -> None:
    x = extract_text("KUPANG, FLOBAMORA.ID - Kajati NTT memeriksa berkas perkara itu bersama "
                     "Asintel Bambang Wicaksono dan Kasi Penkum Yosef Mau, Senin (4/3/2024).")
    assert ("bambang wicaksono", "Asisten Intelijen", "kejati|53") in holdings(x)


def test_an_acronym_after_atau_names_the_body_whose_head_follows() -> None:
    x = extract_text("SOFIFI, MALUTPOS.ID - Ketua Badan Pengawas Pemilihan Umum atau Bawaslu Maluku "
                     "Utara Rudi Hartono menyaksikan rapat pleno rekapitulasi, Senin (4/3/2024).")
    assert holdings(x) == {("rudi hartono", "Ketua", "bawaslu|82")}
