"""Posts met in real regional news whose holder or body went unread (the real-news development
set): unit heads with their field and body, moves between posts, local heads, ranks and short
forms before names. Each is reproduced with invented names and our own words: no sentence here
comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text, holdings


def test_unit_head_with_its_field_serves_the_body_after_pada() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Menurut Wulan Sari, Kasi Pemberdayaan Usaha Tani pada "
                     "Dinas Pertanian Kabupaten Lahat, bibit dibagikan pekan depan.")
    assert ("wulan sari", "Kepala Seksi Pemberdayaan Usaha Tani", "distan|16.04") in holdings(x)


def test_move_from_a_post_named_dari_jabatan() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Berikutnya Doni Saputra dari jabatan Kabid Tata Usaha "
                     "pada Dinas Sosial Kabupaten Lahat, menjadi Kepala Bidang Perbendaharaan pada "
                     "BPKAD Kabupaten Lahat.")
    got = {(h.role, h.status) for h in x.holdings if h.person == "doni saputra"}
    assert got == {("Kepala Bidang Tata Usaha", "former"), ("Kepala Bidang Perbendaharaan", "current")}


def test_a_field_in_derived_words_before_the_name_is_the_title_s() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Penjelasan itu disampaikan Kepala Bagian Tata "
                     "Pemerintahan Doni Saputra kepada para camat, Rabu (6/3/2024).")
    assert "doni saputra" in {p.key for p in x.persons}
    assert not any("pemerintahan" in p.key for p in x.persons)


def test_a_dictionary_root_before_a_surname_stays_in_the_name() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Sidang lalu dipimpin Wakil Ketua Bakti Hutapea hingga "
                     "selesai, Rabu (6/3/2024).")
    assert "bakti" not in " ".join(h.role.lower() for h in x.holdings)


def test_short_forms_of_a_finance_agency_and_an_information_office() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Hadir Kepala Bakeuda Rahmat Hidayat dan Kadis Kominfo "
                     "Sinta Marlina dalam rapat itu, Rabu (6/3/2024).")
    assert {p.key for p in x.persons} >= {"rahmat hidayat", "sinta marlina"}
    assert {h.role for h in x.holdings} == {"Kepala"}


def test_local_heads_of_a_papuan_district_a_hamlet_and_a_district_s_secretary() -> None:
    x = extract_text("SENTANI, PAPUAPOS.ID - Rapat dihadiri Kepala Distrik Sentani Yohanes Wenda, "
                     "Kadus Talang Jaya, Rina Marlina, dan Sekcam Sentani Timur Paulus Ohee.")
    roles = {(p, r) for p, r, _ in holdings(x)}
    assert roles >= {("yohanes wenda", "Kepala Distrik"), ("rina marlina", "Kepala Dusun"),
                     ("paulus ohee", "Sekretaris Camat")}


def test_special_staff_serve_the_head_they_are_named_after() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Hadir pula Fajar Ramadhan selaku Staf Khusus Bupati "
                     "dalam pembukaan pameran, Rabu (6/3/2024).")
    assert ("fajar ramadhan", "Staf Khusus Bupati", "pemkab|16.04") in holdings(x)


def test_walinagari_written_as_one_word_in_lower_case() -> None:
    x = extract_text("BATUSANGKAR, SUMBARKINI.COM - Upacara dipimpin walinagari Sungai Jambu, "
                     "Rudi Chaniago, Senin (4/3/2024).")
    assert [(p, r) for p, r, _ in holdings(x)] == [("rudi chaniago", "Wali Nagari")]


def test_a_degree_after_the_comma_makes_the_word_before_it_the_holder_not_the_region() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Ketua KPU Kabupaten Lahat diwakili anggota KPU Saprudin, "
                     "S.Sos, dalam apel itu, Senin (4/3/2024).")
    assert "saprudin" in {p.key for p in x.persons}
    assert not any("saprudin" in o.key for o in x.organizations)


def test_an_assistant_of_the_sekda_serves_the_regional_secretariat() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Lomba dibuka Asisten Administrasi Umum Sekda Kabupaten "
                     "Lahat, Hendra Gunawan, di halaman kantor, Senin (4/3/2024).")
    assert holdings(x) == {("hendra gunawan", "Asisten Administrasi Umum", "setda|16.04")}


def test_the_sekda_himself_still_heads_the_government() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Lomba dibuka Sekda Kabupaten Lahat Hendra Gunawan di "
                     "halaman kantor, Senin (4/3/2024).")
    assert holdings(x) == {("hendra gunawan", "Sekretaris Daerah", "pemkab|16.04")}


def test_a_time_zone_before_a_title_holds_nothing() -> None:
    x = extract_text("JAYAPURA, PAPUAPOS.ID - Rombongan tiba sekitar pukul 11.20 WIT, Kapolres "
                     "Jayapura lalu memeriksa pos jaga, Sabtu (9/3/2024).")
    assert not x.holdings
    assert "wit" not in {p.key for p in x.persons}


def test_a_body_no_list_knows_defined_by_its_initials_after_a_title() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Dalam acara adat itu, Ketua Pomparan Raja Sinaga "
                     "(PRS) Kota Lahat, Darmansyah Purba, menyerahkan kain songket.")
    assert holdings(x) == {("darmansyah purba", "Ketua", "prs|city:lahat")}


def test_a_group_s_acronym_after_a_title_names_no_body() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Surat edaran itu dikirim kepada setiap sekretaris "
                     "Organisasi Perangkat Daerah (OPD) masing-masing, Senin (4/3/2024).")
    assert not any("opd" in o.key or "organisasi" in o.key for o in x.organizations)


def test_a_force_s_principal_officers_are_a_group_and_sekot_is_the_city_s_secretary() -> None:
    x = extract_text("PAGARALAM, SUMSELPOST.ID - Apel diikuti Sekot Pagar Alam Rudi Hartawan, "
                     "PJU Polres Pagar Alam, dan pelajar, Senin (4/3/2024).")
    assert holdings(x) == {("rudi hartawan", "Sekretaris Daerah", "pemkot|16.72")}
    assert {p.key for p in x.persons} == {"rudi hartawan"}


def test_short_forms_of_an_election_body_s_divisions_are_fields_not_names() -> None:
    x = extract_text("POSO, SULTENGPOS.ID - Sosialisasi dibuka Komisioner KPU Kabupaten Poso Divisi "
                     "Sosdiklih dan Parmas, Rahmat Hidayat, di aula kantor, Senin (4/3/2024).")
    assert {p.key for p in x.persons} == {"rahmat hidayat"}


def test_a_combined_office_s_second_field_short_form_stays_in_the_title() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Menurut Rahmat Hidayat, Kepala Dinas Sosial Dukcapil, "
                     "bantuan untuk warga lansia akan dibagikan pekan depan.")
    assert {p.key for p in x.persons} == {"rahmat hidayat"}


def test_a_police_logistics_bureau_head_written_in_one_word() -> None:
    x = extract_text("SEMARANG, JATENGPOS.ID - Sertijab dihadiri Karologistik Polda Jateng Kombes Pol "
                     "Rudi Hartawan dan para kapolres, Senin (4/3/2024).")
    assert {(p, r) for p, r, _ in holdings(x)} == {("rudi hartawan", "Kepala Biro Logistik")}


def test_the_culture_office_s_short_form_is_a_body() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Festival itu dibuka Kepala Disbud Lahat Rina Marlina, "
                     "Sabtu (9/3/2024).")
    assert {p.key for p in x.persons} == {"rina marlina"}
