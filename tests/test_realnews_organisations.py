"""Organisations as real regional news names them (the real-news development set): which
bodies are entries and which are named only in passing, each construction reproduced with
invented names and our own words; no sentence here comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text, holdings


def test_a_minister_who_signed_a_decree_names_no_body_of_the_report() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Penjabat Bupati Lahat Darmawan Syahputra "
                     "menerima tamu di pendopo, Rabu (6/3/2024). Ia ditunjuk lewat Surat "
                     "Keputusan Menteri Dalam Negeri Nomor 100.2.1 Tahun 2024, sesuai pula "
                     "dengan keputusan Menteri Keuangan dan Keputusan Bersama Menteri Agama, "
                     "Menteri PAN-RB serta Kepala Badan Kepegawaian Negara.")
    assert {o.name for o in x.organizations} == {"Pemerintah Kabupaten Lahat"}
    assert {(p, r) for p, r, _ in holdings(x)} == {("darmawan syahputra", "Bupati")}


def test_a_regional_government_is_one_body_however_it_is_called() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Pemerintah Daerah (Pemda) Kabupaten Lahat "
                     "meneken kerja sama dengan kejaksaan, Rabu (6/3/2024). Bupati Lahat "
                     "Darmawan Syahputra berharap Pemerintah Kabupaten Lahat lebih tertib. "
                     "Pemerintah Daerah Provinsi Sumatera Selatan ikut menyaksikan.")
    keys = {o.key for o in x.organizations}
    assert keys == {"pemkab|16.04", "pemprov|16"}
    assert holdings(x) == {("darmawan syahputra", "Bupati", "pemkab|16.04")}


def test_a_military_unit_is_one_body_by_its_number_however_its_name_is_spelt() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Komandan Korem 071/Wijayakusuma Kolonel Inf "
                     "Bagus Prasetyo membuka latihan bersama, Rabu (6/3/2024). Latihan itu "
                     "digelar Korem 071/Wjk bersama Kodam Jaya/Jayakarta, sementara Kodam Jaya "
                     "mengirim pelatih.")
    keys = {o.key for o in x.organizations}
    assert keys == {"korem|unit:071 wijayakusuma", "kodam|unit:jaya jayakarta"}
    assert holdings(x) == {("bagus prasetyo", "Komandan", "korem|unit:071 wijayakusuma")}


def test_a_body_name_runs_on_over_a_title_word_to_the_acronym_that_defines_it() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Wakil Gubernur Sumatera Selatan Hendra "
                     "Saputra memimpin pertemuan Forum Koordinasi Pimpinan di Daerah "
                     "(Forkopimda) Sumatera Selatan, Rabu (6/3/2024). Forum Komunikasi "
                     "Kepala Desa (FKKD) Lahat ikut diundang.")
    names = {o.name for o in x.organizations}
    assert "Forum Koordinasi" not in names
    assert {o.key for o in x.organizations} == {"forkopimda|16", "fkkd|16.04", "pemprov|16"}


def test_a_letter_sent_through_a_body_makes_no_representative() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - DPRD Kabupaten Lahat menggelar rapat "
                     "paripurna, Rabu (6/3/2024). Sekretariat dewan, melalui surat dari KPU "
                     "Kabupaten Lahat, mengajukan nama Sari Handayani sebagai anggota pengganti.")
    present = {a.participant for a in x.attendances}
    assert "kpu|16.04" not in present and "sari handayani" not in present


def test_offices_contested_in_a_regional_election_name_no_government() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - KPU Kabupaten Lahat menggelar rapat pleno "
                     "rekapitulasi suara Pemilihan Kepala Daerah (Pilkada) Wali Kota "
                     "Lubuklinggau, Bupati Lahat serta Gubernur Sumatera Selatan, Rabu "
                     "(6/3/2024). Warga juga menunggu hasil Pilkada Gubernur Jambi.")
    assert {o.key for o in x.organizations} == {"kpu|16.04"}


def test_a_village_the_gazetteer_does_not_list_ends_at_its_district() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Bupati Lahat melantik dua kepala desa, Rabu "
                     "(6/3/2024). Budi Santoso menjadi Kepala Desa Sukamulya Kecamatan Merapi "
                     "Barat, sedangkan Rudi Hartono terpilih sebagai Wali Nagari Padangluhur "
                     "Kecamatan Harau.")
    assert {"Desa Sukamulya", "Nagari Padangluhur"} <= {o.name for o in x.organizations}
    assert {(p, r) for p, r, _ in holdings(x)} == {("budi santoso", "Kepala Desa"),
                                                   ("rudi hartono", "Wali Nagari")}


def test_the_regional_election_commission_is_one_body_with_or_without_its_d() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Ketua KPUD Kabupaten Lahat Fikri Ramadhan "
                     "memeriksa kotak suara, Rabu (6/3/2024). Petugas KPU Kabupaten Lahat "
                     "lalu menyegel gudang.")
    assert {o.key for o in x.organizations} == {"kpu|16.04"}
    assert holdings(x) == {("fikri ramadhan", "Ketua", "kpu|16.04")}


def test_a_bare_national_name_is_the_national_body_beside_its_branch() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Anggota V BPK RI, Hendra Saputra, menyerahkan "
                     "hasil audit kepada DPRD Provinsi Jambi, Rabu (6/3/2024). Kepala BPK "
                     "Perwakilan Provinsi Jambi, Sari Handayani, ikut hadir. Menurut Hendra, "
                     "BPK akan terus memantau tindak lanjutnya.")
    keys = {o.key for o in x.organizations}
    assert {k for k in keys if k.startswith("bpk")} == {"bpk|ri", "bpk|15"}


def test_an_outlet_named_before_the_dateline_place_is_no_body() -> None:
    x = extract_text("KABARLAHAT, LAHAT – Bupati Lahat Darmawan Syahputra membuka musyawarah "
                     "desa, Rabu (6/3/2024).")
    assert x.article.outlet == "kabarlahat" and x.article.dateline == "LAHAT"
    assert {o.key for o in x.organizations} == {"pemkab|16.04"}
    x = extract_text("Warta Sumsel.id | Lahat – Camat Merapi Barat Sari Handayani meninjau "
                     "posko, Rabu (6/3/2024).")
    assert x.article.outlet == "warta sumsel.id" and x.article.dateline == "Lahat"


def test_a_kind_of_body_given_an_acronym_is_still_no_one_body() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Tiga Pemerintah Daerah (Pemda) di Sumatera "
                     "Selatan menerima penghargaan dari Gubernur Sumatera Selatan Hendra Saputra, "
                     "Rabu (6/3/2024). Warga binaan Lembaga Pemasyarakatan ikut menyaksikan, dan "
                     "kotak suara sudah dikirim ke Panitia Pemungutan Suara (PPS).")
    assert {o.key for o in x.organizations} == {"pemprov|16"}


def test_an_acronym_written_in_capitals_is_the_body_the_lexicon_spells_in_mixed_case() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Bupati Lahat Darmawan Syahputra meminta aparat "
                     "TNI/POLRI menjaga desa selama musim panen, Rabu (6/3/2024). Menurutnya "
                     "kekompakan TNI dan POLRI membuat warga tenang.")
    keys = {o.key for o in x.organizations}
    assert {"tni", "polri"} <= keys
    assert "Polri" in {o.name for o in x.organizations}


def test_candidates_named_after_a_contested_office_hold_nothing_and_name_no_government() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Ribuan warga memenuhi lapangan kampanye duet "
                     "kandidat (paslon) Bupati dan Wakil Bupati Lahat, Budi Santoso dan Rudi Hartono, "
                     "Rabu (6/3/2024). KPU Lahat menyebut rekapitulasi Pilkada Gubernur dan Wakil "
                     "Gubernur Sumatera Selatan, Hendra Wijaya dan Sari Dewi, selesai pekan depan.")
    assert holdings(x) == set()
    assert {o.key for o in x.organizations} == {"kpu|16.04"}


def test_a_bureau_head_written_karo_heads_the_bureau_of_the_field_after_it() -> None:
    x = extract_text("JAMBI, KABARDESA.ID - Gubernur Jambi Hendra Saputra melantik Karo Umum Setda "
                     "Provinsi Jambi Budi Santoso dan Karo Pemerintahan dan Otda Provinsi Jambi, Rudi "
                     "Hartono, Rabu (6/3/2024). Karo Logistik Polda Jambi Kombes Pol Sari Dewi ikut "
                     "menyaksikan.")
    assert holdings(x) >= {("budi santoso", "Kepala", "biro umum setda|15"),
                           ("rudi hartono", "Kepala", "biro pemerintahan dan otda|15"),
                           ("sari dewi", "Kepala Biro Logistik", "polda|15")}
    assert "Otda" not in {p.name for p in x.persons}


def test_a_field_office_title_with_no_region_and_no_holder_names_no_body() -> None:
    x = extract_text("JAMBI, KABARDESA.ID - Rapat di kantor gubernur dihadiri Kepala Dinas Kominfo "
                     "Provinsi Jambi, Karo Umum dan Perlengkapan, Karo Hukum, serta Kadis Pertanian, "
                     "Rabu (6/3/2024).")
    assert {o.name for o in x.organizations} == {"Dinas Kominfo Provinsi Jambi"}


def test_the_provincial_government_misspelt_pemrov_is_the_provincial_government() -> None:
    x = extract_text("JAMBI, KABARDESA.ID - Pemrov Jambi menyerahkan bantuan bibit kepada kelompok "
                     "tani, Rabu (6/3/2024).")
    assert {o.key for o in x.organizations} == {"pemprov|15"}


def test_state_and_regional_enterprises_as_a_group_are_no_body_but_their_ministry_is() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Bupati Lahat Darmawan Syahputra mengundang pimpinan "
                     "BUMN dan BUMD, Rabu (6/3/2024). Menteri BUMN Hendra Wijaya ikut hadir, dan seorang "
                     "analis Badan Usaha Milik Daerah mencatat jalannya acara.")
    names = {o.name for o in x.organizations}
    assert names == {"Pemerintah Kabupaten Lahat", "Kementerian BUMN"}


def test_a_councils_own_bodies_are_named_by_their_acronyms() -> None:
    x = extract_text("LAHAT, KABARDESA.ID - DPRD Kabupaten Lahat membentuk alat kelengkapan dewan, "
                     "Rabu (6/3/2024). Ketua Bapemperda Budi Santoso memimpin rapat pertama, Banggar "
                     "menyusul sore harinya, dan Bamus beranggotakan lima orang.")
    assert {o.key.split("|")[0] for o in x.organizations} >= {"bapemperda", "banggar", "bamus"}
    assert ("budi santoso", "Ketua", "bapemperda|16.04") in holdings(x)
    assert "Bapemperda Budi Santoso" not in {p.name for p in x.persons}


def test_the_police_wives_association_misspelt_is_the_association() -> None:
    x = extract_text("LAHAT, KABARDESA.ID - Pengurus Bayangkari Lahat membagikan paket sembako kepada "
                     "warga, Rabu (6/3/2024).")
    assert {o.key for o in x.organizations} == {"bhayangkari|16.04"}


def test_national_agencies_known_by_their_acronyms_are_bodies() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - KASN mengingatkan aparatur agar netral, Rabu "
                     "(6/3/2024). Rapat itu juga diikuti BAIS, perwakilan Kostrad, BP3OKP, dan "
                     "petugas Pelni dari pelabuhan.")
    keys = {o.key.split("|")[0] for o in x.organizations}
    assert keys >= {"kasn", "bais", "kostrad", "bp3okp", "pelni"}


def test_a_field_written_short_after_kadis_is_the_office_not_the_holders_name() -> None:
    x = extract_text("PADANG, KABARDESA.ID - Gubernur melantik Kadis Kominfo Rudi Hartono sebagai "
                     "Pjs Bupati Solok Selatan, Rabu (6/3/2024). Kadis Dukcapil Sari Dewi ikut "
                     "menyaksikan.")
    assert {p.name for p in x.persons} == {"Rudi Hartono", "Sari Dewi"}
    roles = {(p, o.split("|")[0]) for p, r, o in holdings(x) if r == "Kepala"}
    assert roles == {("rudi hartono", "dinas kominfo"), ("sari dewi", "dinas dukcapil")}


def test_an_election_divisions_short_field_is_no_person() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Rapat dipimpin Ketua KPU Lahat Budi Santoso "
                     "didampingi Anggota Divisi Sosialisasi dan Parmas, Rudi Hartono, Rabu (6/3/2024).")
    assert {p.name for p in x.persons} == {"Budi Santoso", "Rudi Hartono"}


def test_an_investigating_team_or_an_editorial_team_is_no_body() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Tim Penyidik Kejari Lahat menggeledah kantor dinas, "
                     "Rabu (6/3/2024). Tim Redaksi menerima salinan surat itu sore harinya.")
    assert {o.key for o in x.organizations} == {"kejari|16.04"}


def test_a_directorate_general_is_a_body_not_a_general_of_that_name() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Kementerian Dalam Negeri lewat Direktorat Jenderal "
                     "Bina Desa dan Pemerintahan Lokal menggelar pertemuan di Lahat, Rabu (6/3/2024). "
                     "Sekretariat Jenderal Dewan Ketahanan Nasional turut memantau.")
    names = {o.name for o in x.organizations}
    assert {"Direktorat Jenderal Bina Desa dan Pemerintahan Lokal",
            "Sekretariat Jenderal Dewan Ketahanan Nasional"} <= names
    assert not x.persons


def test_the_stations_under_a_command_are_no_one_body() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Kapolda Sumatera Selatan memeriksa kesiapan Polres "
                     "jajaran menjelang Lebaran, Rabu (6/3/2024). Ia juga meminta Polsek jajaran "
                     "berjaga di pasar.")
    assert {o.key.split("|")[0] for o in x.organizations} == {"polda"}


def test_a_party_written_with_a_hyphen_before_perjuangan_is_the_party_not_a_person() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Ketua DPC PDI-Perjuangan Lahat, Budi Santoso, membuka "
                     "rapat kader, Rabu (6/3/2024).")
    assert {p.name for p in x.persons} == {"Budi Santoso"}
    assert {o.key.split("|")[0] for o in x.organizations} == {"pdip"}


def test_a_units_name_after_a_slash_and_a_space_belongs_to_the_unit() -> None:
    x = extract_text("SUKAMAKMUR, KABARDESA.ID - Personel Kodim 0405/ Lahat dan Polres Lahat bersiaga "
                     "di pasar, Rabu (6/3/2024). Dandim 0405/Lahat Letkol Inf Budi Santoso memimpin apel.")
    kodim = [o for o in x.organizations if o.key.startswith("kodim")]
    assert [o.key for o in kodim] == ["kodim|unit:0405 lahat"]
