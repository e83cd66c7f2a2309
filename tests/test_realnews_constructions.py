"""Constructions met in real regional news (the real-news development set), each reproduced
with invented names and our own words: no sentence here comes from a real article."""

from __future__ import annotations

from rdflib import URIRef

from kg.rdf import ids
from kg.rdf.graph import build_graph
from kg.rdf.namespaces import SDO
from kg.vocab import Kind
from tests.test_grammar import extract_text, holdings, org, person


def test_field_of_a_role_ends_where_the_name_begins() -> None:
    x = extract_text("PALEMBANG, WARTASUMSEL.ID - Kepala Kejaksaan Tinggi Sumatera Selatan "
                     "Budiman Hartono, S.H., didampingi Asisten Perdata dan Tata Usaha Negara "
                     "Rizky Adiputra, S.H., menandatangani nota kesepahaman, Selasa (4/6/2024).")
    assert person(x, "rizky adiputra").name == "Rizky Adiputra"
    roles = {h.role for h in x.holdings if h.person == "rizky adiputra"}
    assert roles == {"Asisten Perdata dan Tata Usaha Negara"}


def test_titles_without_an_institution_serve_the_one_named_before_them() -> None:
    x = extract_text("PALEMBANG, WARTASUMSEL.ID - Kepala Kejaksaan Tinggi Sumatera Selatan "
                     "Budiman Hartono didampingi Asisten Intelijen Rizky Adiputra, S.H., dan "
                     "Asisten Pembinaan Novita Kusumawardani, M.H., hadir dalam rapat, Selasa "
                     "(4/6/2024).")
    orgs = {h.person: h.organization for h in x.holdings}
    assert orgs["rizky adiputra"] == orgs["novita kusumawardani"] == orgs["budiman hartono"]


def test_members_listed_after_yakni_hold_the_plural_title() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Rapat pleno dipimpin Ketua KPU Kabupaten Lahat, "
                     "Fikri Ramadhan, didampingi komisioner KPU Kabupaten Lahat, yakni Sari "
                     "Handayani, Yusman, dan Dodi Kurniawan, Senin (2/12/2024).")
    members = {p for p, role, _ in holdings(x) if role == "Komisioner"}
    assert members == {"sari handayani", "yusman", "dodi kurniawan"}


def test_a_title_in_parentheses_after_the_name_is_held() -> None:
    x = extract_text("TERNATE, MALUTNEWS.ID - Sejumlah pejabat masih berstatus pelaksana "
                     "tugas, di antaranya:\n- Gunawan Saputra (Plt Kepala Dinas Perhubungan)\n"
                     "- Melati Anggraini (Plt Kepala Dinas Sosial)\n")
    found = {(h.person, h.role, h.qualifier) for h in x.holdings}
    assert {("gunawan saputra", "Kepala", "Plt"), ("melati anggraini", "Kepala", "Plt")} <= found


def test_a_move_from_one_post_to_another_holds_both() -> None:
    x = extract_text("MERAUKE, PAPUANEWS.ID - Bupati melantik sejumlah pejabat, Kamis "
                     "(13/11/2025).\n- Hendra Simatupang: dari Kepala Dinas Pariwisata menjadi "
                     "Kepala Dinas Sosial.\n")
    status = {h.organization.split(":")[0]: h.status for h in x.holdings
              if h.person == "hendra simatupang"}
    assert sorted(status.values()) == ["current", "former"]


def test_bylines_are_the_articles_writer_and_editor() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Bupati Lahat membuka musrenbang, Senin (11/3/2024)."
                     "\n\nPewarta: Rina Oktaviani\nEditor: Bambang Sutejo\n")
    assert {(b.person, b.role) for b in x.bylines} == {("rina oktaviani", "author"),
                                                       ("bambang sutejo", "editor")}
    assert not [h for h in x.holdings if h.person in {"rina oktaviani", "bambang sutejo"}]
    graph = build_graph([x])
    article = ids.article(x.article.id)
    assert (article, SDO.author, ids.entity(Kind.PERSON, "rina oktaviani")) in graph
    assert (article, SDO.editor, URIRef(ids.entity(Kind.PERSON, "bambang sutejo"))) in graph


def test_a_photographers_producers_and_by_line_name_the_articles_makers() -> None:
    x = extract_text("Oleh: Yanti Marlina\nLAHAT, SUMSELPOST.ID - Bupati Lahat membuka musrenbang, Senin "
                     "(11/3/2024).\n\nFotografer: Dedi Saputra\nProduser: Hana Wijayanti\n")
    assert {(b.person, b.role) for b in x.bylines} == {
        ("yanti marlina", "author"), ("dedi saputra", "author"), ("hana wijayanti", "editor")}


def test_an_institution_attends_through_its_official() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Apel gelar pasukan digelar di Lapangan Mapolres "
                     "Lahat, Senin (17/4/2023). Hadir dalam apel tersebut Kapolres Lahat AKBP "
                     "Darmawan Saputro dan Dandim 0405/Lahat Letkol Inf Yudi Pratama.")
    attending = {a.participant for a in x.attendances}
    held = {h.organization for h in x.holdings}
    assert {"darmawan saputro", "yudi pratama"} <= attending
    assert held and held <= attending


def test_a_list_written_name_first_pairs_each_name_with_its_own_title() -> None:
    x = extract_text("NGAWI, JATIMNEWS.ID - Menteri didampingi Rahmat Hidayat Wakil Gubernur Jawa "
                     "Timur, Agus Salim Kapolda Jawa Timur, dan Yusuf Maulana Bupati Ngawi, Senin "
                     "(10/3/2025).")
    roles = {(h.person, h.role) for h in x.holdings}
    assert {("rahmat hidayat", "Wakil Gubernur"), ("agus salim", "Kepala"),
            ("yusuf maulana", "Bupati")} <= roles


def test_a_bare_commanders_title_with_a_ranked_holder_serves_the_reports_region() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Polres Lahat menyambut Kapolres baru, AKBP Novan "
                     "Prasetyo, S.I.K., Senin (11/3/2024).")
    held = {(h.person, h.organization) for h in x.holdings}
    assert held == {("novan prasetyo", "polres|16.04")}


def test_an_unlisted_title_glued_to_a_body_before_a_ranked_holder() -> None:
    x = extract_text("SEMARANG, JATENGNEWS.ID - Apel dipimpin oleh Panit Patroli Polrestabes "
                     "Semarang, Kompol Yohanes Pranata, Senin (11/3/2024).")
    assert {(h.person, h.role) for h in x.holdings} == {("yohanes pranata", "Panit Patroli")}


def test_one_word_names_listed_among_full_names_are_persons() -> None:
    x = extract_text("BENGKULU, BENGKULUNEWS.ID - Protes juga disampaikan anggota dewan lainnya, "
                     "termasuk Darsono, Hendra Kusuma, Melati Anggraini, dan Jumadi, Senin (24/11/2025).")
    assert {"darsono", "hendra kusuma", "melati anggraini", "jumadi"} <= {p.key for p in x.persons}


def test_a_rank_in_parentheses_and_a_name_that_opens_with_an_event_word() -> None:
    x = extract_text("JAMBI, JAMBINEWS.ID - Hadir Kapolri Jenderal (Pol) Danu Saputra dan "
                     "Irwasda Polda Jambi Kombes Pol Drs Hari Prasetyo, Rabu (3/1/2024).")
    assert {"danu saputra", "hari prasetyo"} <= {h.person for h in x.holdings}


def test_a_minister_serves_the_ministry_the_title_names() -> None:
    x = extract_text("BAUBAU, SULTRANEWS.ID - Menteri Pekerjaan Umum dan Perumahan Rakyat (PUPR) "
                     "Republik Indonesia Darmaji Kusuma meninjau jembatan, Sabtu (12/7/2025).")
    held = {(h.person, h.role) for h in x.holdings}
    assert held == {("darmaji kusuma", "Menteri")}
    assert "Kementerian Pekerjaan Umum dan Perumahan Rakyat" in {o.name for o in x.organizations}


def test_a_short_name_the_article_gives_a_region_stands_for_it() -> None:
    x = extract_text("TENGGARONG, KALTIMNEWS.ID - Polres Kutai Kartanegara (Kukar) menggelar apel, "
                     "Senin (17/4/2023). Apel dipimpin Kapolres Kukar, AKBP Hardi Rosmana.")
    polres = {h.organization for h in x.holdings if h.person == "hardi rosmana"}
    assert len(polres) == 1 and len([o for o in x.organizations if o.key in polres]) == 1
    assert len([o for o in x.organizations if o.name.startswith("Polres")]) == 1


def test_a_word_of_the_language_glued_to_a_title_holds_nothing() -> None:
    x = extract_text("PRINGSEWU, LAMPUNGNEWS.ID - Hadir Bupati Pringsewu Pemilihan umum dibahas "
                     "dalam rapat, Senin (11/3/2024).")
    assert not x.holdings
    assert "pemilihan" not in {p.key for p in x.persons}


def test_acting_regional_heads_listed_title_then_name() -> None:
    x = extract_text("KUPANG, NTTNEWS.ID - Pejabat yang dilantik masing-masing Pjs Bupati Ngada, "
                     "Maria Goreti Lado, Pjs Bupati Sumba Timur, Yosef Bana, dan Pjs Bupati Malaka, "
                     "Anselmus Tefa, Senin (23/9/2024).")
    found = {(h.person, h.qualifier) for h in x.holdings}
    assert {("maria goreti lado", "Pj"), ("yosef bana", "Pj"), ("anselmus tefa", "Pj")} <= found


def test_a_plural_role_takes_every_name_listed_after_its_body() -> None:
    x = extract_text("MANADO, SULUTNEWS.ID - Ketua KPU Manado, Ferdi Kalalo, didampingi "
                     "komisioner KPU Manado, Hasan Anom, Ismail Haris, dan Patricia Kumaat, "
                     "Senin (3/3/2025).")
    members = {h.person for h in x.holdings if h.role == "Komisioner"}
    assert members == {"hasan anom", "ismail haris", "patricia kumaat"}


def test_the_headline_and_page_furniture_before_the_dateline_are_not_the_report() -> None:
    x = extract_text("Portal Berita\nBupati Lahat Resmikan Pasar Baru\n\nLAHAT, SUMSELPOST.ID - "
                     "Kepala Dinas Perdagangan Kabupaten Lahat, Wulan Permatasari, membuka pasar, "
                     "Senin (11/3/2024).")
    assert x.article.dateline == "LAHAT"
    assert {p.key for p in x.persons} == {"wulan permatasari"}


def test_a_first_line_written_as_a_headline_is_not_the_report() -> None:
    x = extract_text("Gubernur Jambi Lantik Tiga Penjabat Bupati\nGubernur Jambi melantik tiga "
                     "penjabat bupati di Jambi, Senin (11/3/2024).")
    assert x.article.noise and x.article.noise[0][0] == 0


def test_two_bodies_joined_by_a_hyphen_are_both_read() -> None:
    x = extract_text("MAMUJU, SULBARNEWS.ID - Apel gabungan TNI-Polri digelar di Lapangan "
                     "Merdeka, Senin (11/3/2024).")
    assert {"tni", "polri"} <= {o.key for o in x.organizations}


def test_a_body_whose_fields_are_listed_with_commas_is_one_body() -> None:
    x = extract_text("BATAM, KEPRINEWS.ID - Kepala Dinas Perikanan, Kelautan dan Ketahanan Pangan "
                     "Kota Batam, Surya Pratama, membuka pelatihan, Senin (3/2/2025).")
    assert {p.key for p in x.persons} == {"surya pratama"}
    names = {o.key: o.name for o in x.organizations}
    (_, _, org), = holdings(x)
    assert names[org].startswith("Dinas Perikanan, Kelautan dan Ketahanan Pangan")


def test_event_words_opening_a_sentence_name_the_event() -> None:
    x = extract_text("MANOKWARI, PAPUANEWS.ID - Penyerahan bantuan kepada nelayan berlangsung di "
                     "Pelabuhan Sanggeng, Rabu (5/3/2025). Bantuan diserahkan langsung oleh Bupati "
                     "Manokwari Yohanes Rumbewas.")
    assert [e.kind for e in x.events] == ["Ceremony"]
    assert "yohanes rumbewas" in {a.participant for a in x.attendances}


def test_a_director_general_is_one_role() -> None:
    x = extract_text("JAKARTA, BERITANEWS.ID - Laporan itu diterima Direktur Jenderal Bina "
                     "Keuangan Daerah Kementerian Dalam Negeri, Arif Wicaksono, Kamis (6/3/2025).")
    assert {p.key for p in x.persons} == {"arif wicaksono"}
    assert {role for _, role, _ in holdings(x)} == {"Direktur Jenderal Bina Keuangan Daerah"}


def test_degrees_written_without_dots_make_a_name_a_person() -> None:
    x = extract_text("BATURAJA, SUMSELNEWS.ID - Bupati melantik pejabat eselon III, Jumat "
                     "(18/11/2022). Selain itu dilantik juga Rendra Wijaya SSTP MSi dan Dimas "
                     "Prakoso S Sos MM.")
    people = {p.key: p for p in x.persons}
    assert {"rendra wijaya", "dimas prakoso"} <= set(people)
    assert people["dimas prakoso"].suffixes == ("S Sos", "MM")


def test_a_name_written_with_a_slip_is_one_person() -> None:
    x = extract_text("BATURAJA, SUMSELNEWS.ID - Penjabat Bupati OKU Hendra Kusumawardana membuka "
                     "rapat, Jumat (18/11/2022). Rapat dipimpin Hendra Kusumawardana. Usai rapat, "
                     "Hendra Kusumawarddana mengatakan rapat berjalan lancar.")
    (p,) = x.persons
    assert p.name == "Hendra Kusumawardana" and "Hendra Kusumawarddana" in p.aliases


def test_a_name_with_or_without_its_initials_or_particles_is_one_person() -> None:
    x = extract_text("SINGARAJA, BALINEWS.ID - Sekretaris Daerah Kabupaten Buleleng Ida Bagus "
                     "Surya Dharma membuka rapat, Senin (3/3/2025). Ketua KPU Kabupaten Buleleng "
                     "Yohana Rosa Simbolon hadir. Menurut Surya Dharma, rapat berjalan lancar. "
                     "Yohana R. Simbolon menambahkan, Yohana Simbolon siap bekerja.")
    people = {p.name for p in x.persons}
    assert people == {"Ida Bagus Surya Dharma", "Yohana Rosa Simbolon"}


def test_a_field_listed_with_commas_after_a_role_is_the_roles_field() -> None:
    x = extract_text("MERAUKE, PAPUANEWS.ID - Gubernur melantik pejabat di lingkungan Pemerintah "
                     "Provinsi Papua Selatan, Kamis (13/11/2025).\n- Yosef Wanggai: dari Kepala "
                     "Dinas Sosial menjadi Staf Ahli Gubernur Bidang Pemerintahan, Politik, dan "
                     "Hukum.\n")
    assert {p.key for p in x.persons} == {"yosef wanggai"}
    roles = {role for _, role, _ in holdings(x)}
    assert "Staf Ahli Gubernur Bidang Pemerintahan, Politik, dan Hukum" in roles


def test_a_title_inside_a_venues_name_has_no_holder() -> None:
    x = extract_text("TANJUNGPINANG, KEPRINEWS.ID - Rapat digelar di aula lantai 3 Kantor "
                     "Gubernur Kepri, Pulau Penyengat, Kamis (23/1/2025).")
    assert x.holdings == ()


def test_officials_moved_in_an_inauguration_list_take_part_in_it() -> None:
    x = extract_text("MERAUKE, PAPUANEWS.ID - Bupati Merauke melantik tiga pejabat, Kamis "
                     "(13/11/2025).\n- Hendra Simatupang: dari Kepala Dinas Pariwisata menjadi "
                     "Kepala Dinas Sosial.\n- Kepala Dinas Perhubungan Merauke Yohana Rumbiak "
                     "menjadi Pjs Bupati Mappi.\n")
    attendees = {a.participant for a in x.attendances}
    assert {"hendra simatupang", "yohana rumbiak"} <= attendees


def test_a_short_form_in_parentheses_is_no_person() -> None:
    x = extract_text("SURABAYA, JATIMNEWS.ID - KPU menggelar debat Pemilihan Bupati Sidoarjo "
                     "(Pilbup Sidoarjo) dan Pemilihan Gubernur Nusa Tenggara Barat (Pilgub NTB), "
                     "Senin (4/11/2024).")
    assert x.persons == ()


def test_a_command_named_before_its_commanders_rank_is_the_unit() -> None:
    x = extract_text("BANJARMASIN, KALSELNEWS.ID - Gubernur didampingi Pangdam Tambun Bungai Mayjen "
                     "TNI Rudi Hartawan meninjau banjir, Senin (4/3/2024).")
    assert {p.key for p in x.persons} == {"rudi hartawan"}
    names = {o.key: o.name for o in x.organizations}
    assert [names[org] for _, _, org in holdings(x)] == ["Kodam Tambun Bungai"]


def test_a_qualifiers_dot_does_not_end_the_sentence() -> None:
    x = extract_text("DENPASAR, BALINEWS.ID - Peluncuran aplikasi itu di hadiri oleh Plt. Asisten "
                     "Pemerintahan Kota Denpasar, Made Suarjana, Senin (3/3/2025).")
    assert len(x.sentences) == 1
    assert "made suarjana" in {a.participant for a in x.attendances}


def test_council_members_listed_after_termasuk_hold_seats_in_the_reports_council() -> None:
    x = extract_text("PADANG, SUMBARNEWS.ID - Rapat paripurna DPRD Provinsi Sumatera Barat berlangsung "
                     "alot, Senin (24/11/2025). Interupsi disampaikan oleh anggota dewan lainnya, "
                     "termasuk Rudi Hartono, Yuliana Sari, dan Marzuki Hasibuan.")
    names = {o.key: o.name for o in x.organizations}
    seats = {(p, names[o]) for p, role, o in holdings(x) if role == "Anggota"}
    assert seats == {(p, "DPRD Provinsi Sumatera Barat")
                     for p in ("rudi hartono", "yuliana sari", "marzuki hasibuan")}


def test_lower_case_titles_in_a_name_first_list_are_held() -> None:
    x = extract_text("MADIUN, JATIMNEWS.ID - Presiden didampingi Rina Hapsari kepala Kejati Jawa "
                     "Timur, Ahmad Zaini ketua PWNU Jatim, dan Budi Setiawan Bupati Madiun, Senin "
                     "(7/4/2025).")
    people = {p for p, _, _ in holdings(x)}
    assert {"rina hapsari", "ahmad zaini", "budi setiawan"} <= people


def test_officials_named_with_their_titles_beside_the_event_take_part() -> None:
    x = extract_text("JAMBI, JAMBINEWS.ID - Rapat koordinasi pengamanan Pilkada bersama Kapolda "
                     "Jambi Irjen Pol Rusdi Hartono berlangsung di Mapolda Jambi, Senin "
                     "(4/11/2024).")
    assert "rusdi hartono" in {a.participant for a in x.attendances}


def test_an_elections_pair_of_candidates_are_persons() -> None:
    x = extract_text("BITUNG, SULUTNEWS.ID - KPU menetapkan hasil rekapitulasi, Senin (2/12/2024). "
                     "Pasangan nomor urut 1, Yohanis Lumenta dan Frans Karamoy meraih 41.000 suara, "
                     "pasangan calon nomor urut 02, Sarmadi - Juwita, meraih 30.000 suara.")
    people = {p.key for p in x.persons}
    assert {"yohanis lumenta", "frans karamoy", "sarmadi", "juwita"} <= people


def test_a_title_with_its_term_of_years_before_the_name_is_held() -> None:
    x = extract_text("PALU, SULTENGNEWS.ID - Upacara dihadiri Gubernur Sulteng periode 2016–2021 "
                     "Longki Djanggola, Senin (3/3/2025).")
    assert {p for p, _, _ in holdings(x)} == {"longki djanggola"}


def test_a_body_named_inside_a_documents_title_is_no_entity() -> None:
    x = extract_text("KUPANG, NTTNEWS.ID - BPK menyerahkan Laporan Hasil Pemeriksaan atas Laporan "
                     "Keuangan Pemerintah Daerah (LKPD) Tahun Anggaran 2024 kepada Pemerintah Kota "
                     "Kupang, Senin (26/5/2025).")
    names = {o.name for o in x.organizations}
    assert "Pemerintah Daerah" not in names and "LKPD" not in names
    assert "Pemerintah Kota Kupang" in names


def test_a_body_whose_unnamed_officials_are_present_attends() -> None:
    x = extract_text("MANADO, SULUTNEWS.ID - Rapat pleno rekapitulasi dipimpin Ketua KPU Kota "
                     "Manado, Sonny Rumengan, dan dihadiri Ketua DKPP, ketua dan anggota Bawaslu "
                     "Kota Manado, Senin (2/12/2024).")
    names = {o.key: o.name for o in x.organizations}
    bodies = {names[a.participant] for a in x.attendances if a.kind == "organization"}
    assert {"DKPP", "Bawaslu Kota Manado"} <= bodies


def test_a_minister_named_by_title_alone_names_no_ministry() -> None:
    x = extract_text("PALANGKA RAYA, KALTENGNEWS.ID - Menteri Arief Wicaksono dijadwalkan "
                     "meninjau sejumlah desa, Jumat (4/7/2025).")
    assert x.organizations == ()


def test_a_headline_verb_ends_a_name() -> None:
    x = extract_text("Sekda Made Sutrisna Resmikan Taman Baca\n\nDENPASAR, BALINEWS.ID - Sekretaris "
                     "Daerah Kota Denpasar, Made Sutrisna, meresmikan taman baca, Senin (3/3/2025).")
    assert {p.name for p in x.persons} == {"Made Sutrisna"}


def test_an_acronym_and_a_title_joined_by_a_hyphen_are_both_read() -> None:
    x = extract_text("JAKARTA, BERITANEWS.ID - Panglima TNI-Kapolri memantau pengamanan debat, "
                     "Senin (4/11/2024). Ketua panitia, Dr. Rina Kartika, SS, MM, membuka acara.")
    assert {p.key for p in x.persons} == {"rina kartika"}


def test_rotation_verbs_give_the_title_to_the_person_named_after_them() -> None:
    x = extract_text("SEMARANG, JATENGNEWS.ID - Kapolda merotasi sejumlah perwira, Senin (3/3/2025). "
                     "Jabatan Kapolres Blora kemudian diemban oleh AKBP Rinaldi Saputra. AKBP Dimas "
                     "Pratama ditunjuk sebagai Kapolres Kudus menggantikan AKBP Hery Santoso.")
    held = {(p, h.status) for h in x.holdings for p in [h.person] if p != "dimas pratama"}
    assert ("rinaldi saputra", "current") in held and ("hery santoso", "former") in held


def test_seen_and_delivered_by_are_presence() -> None:
    x = extract_text("BENGKULU, BENGKULUNEWS.ID - Rapat paripurna DPRD Provinsi Bengkulu memanas, "
                     "Senin (24/11/2025). Interupsi disampaikan oleh Rahmat Hidayat Saragih dan "
                     "Yunita Ramadhani. Terlihat pula Ketua KPU Provinsi Bengkulu Rizal Effendi.")
    attendees = {a.participant for a in x.attendances}
    assert {"rahmat hidayat saragih", "yunita ramadhani", "rizal effendi"} <= attendees


def test_division_heads_listed_name_first_serve_the_body_named_before_them() -> None:
    x = extract_text("TONDANO, SULUTNEWS.ID - Rapat dihadiri Maria Lontoh Ketua KPU Minahasa, "
                     "Daniel Rumengan SH Ketua Divisi Teknis dan Penyelenggaraan, Yosua Kaunang "
                     "Ketua Divisi Hukum dan Pengawasan, Jumat (2/10/2020).")
    assert holdings(x) >= {("maria lontoh", "Ketua", "kpu|71.02"),
                           ("daniel rumengan", "Ketua Divisi Teknis dan Penyelenggaraan", "kpu|71.02"),
                           ("yosua kaunang", "Ketua Divisi Hukum dan Pengawasan", "kpu|71.02")}


def test_an_initial_makes_a_name_of_a_dictionary_word() -> None:
    x = extract_text("BANGKO, JAMBINEWS.ID - Rapat dibuka Sekda Merangin S. Damai, Senin (5/6/2023). "
                     "Hadir Ketua KPU Kabupaten Merangin N. Harapan.")
    assert {p.name for p in x.persons} == {"S. Damai", "N. Harapan"}


def test_an_initial_glued_to_the_surname_is_the_same_person() -> None:
    x = extract_text("JAYAPURA, PAPUANEWS.ID - Kapolda Papua Irjen Pol Markus D Wenda memimpin apel, "
                     "Jumat (17/2/2023). Kapolda Papua Irjen Pol Markus D.Wenda mengatakan apel "
                     "berjalan lancar.")
    (p,) = x.persons
    assert p.name in {"Markus D Wenda", "Markus D. Wenda"}


def test_the_council_secretary_serves_the_dprd_and_its_chair_is_named_after_him() -> None:
    x = extract_text("SOFIFI, MALUTNEWS.ID - DPRD Provinsi Maluku Utara menggelar rapat paripurna, "
                     "Selasa (12/11/2019). Keputusan yang dibacakan oleh Sekretaris Dewan Hamid Lubis "
                     "menyebut Rosa Lestari sebagai Ketua.")
    held = {(p, role) for p, role, org in holdings(x) if org == "dprd|82"}
    assert held == {("hamid lubis", "Sekretaris"), ("rosa lestari", "Ketua")}


def test_prosecutors_assistants_and_civil_service_grades() -> None:
    x = extract_text("TANJUNG SELOR, KALTARANEWS.ID - Penggeledahan dipimpin Aspidsus Kejati Kaltara, "
                     "Samsul Hadi, Senin (3/3/2025). Gubernur melantik empat Pejabat Tinggi Pratama.")
    assert holdings(x) == {("samsul hadi", "Asisten Tindak Pidana Khusus", "kejati|65")}
    assert {p.key for p in x.persons} == {"samsul hadi"}


def test_national_officials_listed_with_dan_keep_their_names_and_their_body() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Rapat koordinasi digelar KPU Kota Kendari, Senin "
                     "(3/3/2025). Hadir Anggota Komisi II DPR RI Rudi Hartono dan Ketua KPU RI Budi "
                     "Santoso.")
    held = holdings(x)
    assert ("rudi hartono", "Anggota", "komisi ii dpr ri|ri") in held
    assert ("budi santoso", "Ketua", "kpu|ri") in held
    assert {p.key for p in x.persons} == {"rudi hartono", "budi santoso"}


def test_a_one_word_name_of_the_dictionary_with_its_title_in_brackets_is_a_holder() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Rapat pleno digelar, Rabu (8/5/2024). Hadir Sinta Dewi "
                     "(Ketua Bawaslu Prov Sultra), Rudi Hartono (Anggota Bawaslu Prov Sultra), Wibawa "
                     "(Anggota Bawaslu Prov Sultra), Joko Susilo (Anggota Bawaslu Prov Sultra).")
    assert ("wibawa", "Anggota", "bawaslu|74") in holdings(x)


def test_an_election_named_before_its_offices_is_no_holder() -> None:
    x = extract_text("TONDANO, SULUTNEWS.ID - Menjelang Pemilihan Gubernur dan Wakil Gubernur Provinsi "
                     "Sulawesi Utara dan Pemilihan Bupati dan Wakil Bupati Kabupaten Minahasa, KPU "
                     "Minahasa menggelar rapat koordinasi, Jumat (25/9/2020).")
    assert x.persons == () and x.holdings == ()


def test_initials_in_capitals_belong_to_the_name() -> None:
    x = extract_text("BANDA ACEH, ACEHNEWS.ID - Ketua KIP Aceh Teuku Rahmad AB memastikan rapat "
                     "pleno berjalan, Senin (2/12/2024). Turut hadir Asisten I Setdaprov Kepri TS "
                     "Arman Fadli.")
    held = holdings(x)
    assert ("teuku rahmad ab", "Ketua", "kip|11") in held
    assert ("ts arman fadli", "Asisten I", "setdaprov|21") in held


def test_the_government_of_a_bare_region_is_its_government() -> None:
    x = extract_text("BANDA ACEH, ACEHNEWS.ID - Pelantikan digelar sore ini, kata Juru Bicara "
                     "Pemerintah Aceh Rahmat HS, Senin (2/12/2024).")
    assert ("rahmat hs", "Juru Bicara", "pemprov|11") in holdings(x)
    assert "Pemerintah Aceh" in org(x, "pemprov|11").aliases


def test_a_move_without_a_colon_holds_both_posts() -> None:
    x = extract_text("BANDAR LAMPUNG, LAMPUNGNEWS.ID - Gubernur merotasi pejabat, Senin (2/12/2024). "
                     "Mereka adalah Yudha Pratama dari Kepala Dinas Kominfo Lampung menjadi Staf Ahli "
                     "Gubernur Lampung; Rosita Handayani dari Kepala BKD Lampung dilantik menjadi Kepala "
                     "Dispora Lampung.")
    status = {(h.person, h.organization): h.status for h in x.holdings}
    assert status == {("yudha pratama", "dinas kominfo|18"): "former",
                      ("yudha pratama", "pemprov|18"): "current",
                      ("rosita handayani", "bkd|18"): "former",
                      ("rosita handayani", "dispora|18"): "current"}


def test_honorifics_in_capitals_and_a_temporary_chair() -> None:
    x = extract_text("AMBON, MALUKUNEWS.ID - Upacara digelar, Senin (18/8/2025). Hadir Sekda Ambon "
                     "DR H Rudi Salampessy, Sekkot Ambon Yosef Latuheru dan Ketua DPRD sementara, "
                     "Dr. Marten Pattiasina.")
    held = holdings(x)
    assert ("rudi salampessy", "Sekretaris Daerah", "pemkot|81.71") in held
    assert ("yosef latuheru", "Sekretaris Daerah", "pemkot|81.71") in held
    assert ("marten pattiasina", "Ketua", "dprd|81.71") in held


def test_a_move_from_a_unit_within_a_body_holds_both_posts() -> None:
    x = extract_text("MERAUKE, PAPUANEWS.ID - Gubernur melantik pejabat, Senin (2/12/2024).\n"
                     "- Yosef Kambu: Dari Kepala Biro Perekonomian pada Sekretariat Daerah menjadi "
                     "Kepala Dinas Koperasi UMKM, Perindustrian dan Perdagangan.\n")
    status = sorted(h.status for h in x.holdings if h.person == "yosef kambu")
    assert status == ["current", "former"]


def test_a_title_glued_to_a_bodys_acronym_heads_it() -> None:
    x = extract_text("AIRMADIDI, SULUTNEWS.ID - Rapat digelar, Senin (2/12/2024). Hadir Yosi "
                     "Pangalila Kasat Intel Polres Minut, Forman Dandel S.Sos Kabankesbangpol Minut, "
                     "dan Kadinkes Minut Rina Tumbelaka.")
    held = holdings(x)
    assert ("forman dandel", "Kepala", "kesbangpol|71.06") in held
    assert ("rina tumbelaka", "Kepala", "dinkes|71.06") in held


def test_a_divisions_fields_listed_with_commas_end_at_the_body() -> None:
    x = extract_text("MAMUJU, SULBARNEWS.ID - Koordinator Divisi Hukum, Pencegahan, Partisipasi "
                     "Masyarakat, dan Humas Bawaslu Kabupaten Mamuju, Zulkarnaen, menyoroti "
                     "pentingnya pengawasan, Senin (2/12/2024).")
    assert {(p, org) for p, _, org in holdings(x)} == {("zulkarnaen", "bawaslu|76.02")}


def test_a_one_word_name_that_merupakan_a_title_and_an_honorific_after_a_body() -> None:
    x = extract_text("TERNATE, MALUTNEWS.ID - Rapat digelar, Senin (2/12/2024). Kemudian Sulkarnaen, "
                     "yang merupakan Kepala Dinas Sosial Kota Ternate, hadir bersama Wakil Ketua TP "
                     "PKK Ny. Lili Jasrin.")
    held = holdings(x)
    assert ("sulkarnaen", "Kepala", "dinsos|82.71") in held
    assert ("lili jasrin", "Wakil Ketua", "tp pkk|82.71") in held
    assert {p.key for p in x.persons} == {"sulkarnaen", "lili jasrin"}


def test_two_titles_joined_by_dan_take_the_two_names_after_them_in_order() -> None:
    x = extract_text("BANDAR LAMPUNG, LAMPUNGNEWS.ID - Lima kepala daerah mengakhiri masa jabatan, "
                     "Senin (2/5/2022). Mereka adalah Bupati dan Wakil Bupati Pringsewu Sujarwo – "
                     "Fauzan Hamid. Paslon Gubernur dan Wakil Gubernur Lampung, Andi Saputra dan "
                     "Rudi Hartono, juga hadir.")
    assert not {h for h in x.holdings if h.role == "Gubernur"}  # candidates hold nothing yet
    assert {("sujarwo", "Bupati", "pemkab|18.10"),
            ("fauzan hamid", "Wakil Bupati", "pemkab|18.10")} <= holdings(x)


def test_a_ministrys_short_name_in_brackets_and_ri_before_the_minister() -> None:
    x = extract_text("PALANGKA RAYA, KALTENGNEWS.ID - Hadir Menteri Desa, Pembangunan Daerah "
                     "Tertinggal, dan Transmigrasi (Mendes PDTT) RI, H. Susanto Yandi, dalam "
                     "kunjungan kerja, Jumat (4/7/2025).")
    assert [(h.person, h.role) for h in x.holdings] == [("susanto yandi", "Menteri")]


def test_a_name_of_dictionary_words_after_a_title_ending_with_its_region_is_a_holder() -> None:
    x = extract_text("DONGGALA, SULTENGNEWS.ID - Upacara dihadiri Bupati Donggala Vera Larun, Wakil "
                     "Bupati Donggala Taufik Burhan, serta para camat, Senin (27/4/2025).")
    assert ("taufik burhan", "Wakil Bupati", "pemkab|72.03") in holdings(x)


def test_a_body_setempat_is_the_reports_own_and_a_carried_body_may_be_written_short() -> None:
    x = extract_text("BANDA ACEH, ACEHNEWS.ID - Pj Wali Kota yang dilantik yaitu Sekda Pemko setempat "
                     "Samsuddin, Senin (2/12/2024). Polres setempat turut hadir.")
    assert ("samsuddin", "Sekretaris Daerah", "pemkot|11.71") in holdings(x)
    assert "polres|11.71" in {o.key for o in x.organizations}


def test_a_numbered_role_and_a_numbered_units_name() -> None:
    x = extract_text("BANDUNG, JABARNEWS.ID - Rapat dipimpin Ketua DPRD Kota Bandung, H. Asep Mulyana, "
                     "bersama Wakil Ketua I Toni Wijayanto dan Wakil Ketua II Dr. H. Edwin Senjani, "
                     "Senin (2/12/2024). Hadir pula Kapolda, Danrem 062 Tarumanagara Jaya, dan Kajati.")
    held = holdings(x)
    assert ("toni wijayanto", "Wakil Ketua I", "dprd|32.73") in held
    assert ("edwin senjani", "Wakil Ketua II", "dprd|32.73") in held
    assert {p.key for p in x.persons} == {"asep mulyana", "toni wijayanto", "edwin senjani"}


def test_numbered_schools_and_units_and_national_agencies_are_bodies() -> None:
    x = extract_text("BITUNG, SULUTNEWS.ID - Upacara diikuti siswa SMPN 4 Bitung dan SMAN 1 Kota Bitung, "
                     "prajurit Yonif 712, serta perwakilan Bappenas, Selasa (17/8/2021).")
    keys = {o.key for o in x.organizations}
    assert {"smpn 4|71.72", "sman 1|71.72", "yonif 712|71.72", "bappenas"} <= keys


def test_a_commander_of_a_numbered_unit_written_out_with_the_short_title_in_brackets() -> None:
    x = extract_text("KUDUS, JATENGNEWS.ID - Hadir Komandan Kodim (Dandim) 0733/Kudus Letkol Inf Bima "
                     "Prasetya, Kajari Kudus, serta tamu undangan, Senin (2/12/2024). Prajurit Kodim "
                     "0733/Kudus berjaga.")
    assert {(p, org) for p, _, org in holdings(x)} == {("bima prasetya", "kodim|unit:0733 kudus")}
    assert len([o for o in x.organizations if o.key.startswith("kodim")]) == 1


def test_a_list_of_names_each_followed_by_its_title_is_read_name_first() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Pemasang atribut adalah Kadir Saleh Konggo (KSK), Bupati "
                     "Konawe, Surono Dangga, Bupati Konawe Selatan (Konsel), dan La Ode Ardani, Bupati "
                     "Buton Selatan, Senin (14/8/2023).")
    assert {(p, org) for p, _, org in holdings(x)} == {
        ("kadir saleh konggo", "pemkab|74.02"), ("surono dangga", "pemkab|74.05"),
        ("la ode ardani", "pemkab|74.15")}


def test_degrees_joined_by_a_stray_comma_and_dot_end_no_sentence() -> None:
    x = extract_text("KOBA, BABELNEWS.ID - Kapolres Bangka Tengah, AKBP Dwi Hartanto, S.I.K,.M.H "
                     "memimpin upacara tabur bunga, Senin (1/7/2024).")
    assert "dwi hartanto" in {a.participant for a in x.attendances}
    assert len(x.sentences) == 1


def test_a_poldas_directors_and_bureau_heads_serve_it() -> None:
    x = extract_text("SERANG, BANTENNEWS.ID - Tiga perwira Polda Banten dimutasi, Senin (2/12/2024). "
                     "Karo SDM Kombes Pol Anwar Saputra akan menjabat sebagai Karo SDM Polda Lampung, "
                     "Dirpolair Kombes Pol Imam Santosa akan menjabat Dirpolair Polda Sumatra Selatan.")
    held = holdings(x)
    assert ("anwar saputra", "Kepala Biro Sumber Daya Manusia", "polda|36") in held
    assert ("imam santosa", "Direktur Kepolisian Perairan", "polda|16") in held


def test_bersama_in_capitals_joins_two_bodies_it_does_not_name_one() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Komisi V DPR RI Bersama Kementerian PUPR meninjau "
                     "bendungan, Senin (2/9/2024).")
    assert {o.name for o in x.organizations} == {"Komisi V DPR RI", "Kementerian PUPR"}


def test_a_short_title_in_brackets_after_the_spelt_out_one_takes_the_place_after_it() -> None:
    x = extract_text("JAMBI, JAMBINEWS.ID - Kepala kepolisian daerah (Kapolda) Jambi yang baru, Irjen Pol "
                     "Drs Firmansyah Putra MSi tiba di Mapolda, Senin (2/12/2024).")
    assert holdings(x) == {("firmansyah putra", "Kepala", "polda|15")}


def test_a_misspelt_title_and_region_word_are_read_as_meant() -> None:
    x = extract_text("MANADO, SULUTNEWS.ID - Rapat dihadiri Sekda Kabupatem Minahasa Selatan, Robert "
                     "Wenas, dan Kaporesta Manado AKBP Yunus Pandean, Senin (2/12/2024).")
    assert holdings(x) == {("robert wenas", "Sekretaris Daerah", "pemkab|71.05"),
                           ("yunus pandean", "Kepala", "polresta|71.71")}
    assert {o.name for o in x.organizations} == {"Pemerintah Kabupaten Minahasa Selatan",
                                                 "Polresta Manado"}


def test_a_field_written_short_is_the_field_not_a_name() -> None:
    x = extract_text("PALANGKA RAYA, KALTENGNEWS.ID - Pj Bupati Katingan, Yusran Hadi (Asisten "
                     "Ekbang dan Kesra Kalteng) membuka rapat, Senin (2/10/2023).")
    assert {p.name for p in x.persons} == {"Yusran Hadi"}
    assert any(h.role == "Asisten Ekbang dan Kesra" for h in x.holdings)


def test_a_body_misspelt_keeps_its_written_form_as_another_name() -> None:
    x = extract_text("TANJUNG BALAI KARIMUN, KEPRINEWS.ID - Ketua Banwaslu Kabupaten Karimun, Rudi "
                     "Wirawan, hadir dalam rapat pleno, Senin (2/12/2024).")
    (body,) = x.organizations
    assert body.name == "Bawaslu Kabupaten Karimun" and "Banwaslu Kabupaten Karimun" in body.aliases


def test_several_titles_handed_over_from_one_holder_to_another_in_one_sentence() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Sertijab Kapolres Lahat dan Kapolres Empat Lawang digelar, "
                     "Senin (2/9/2024): Kapolres Lahat dari AKBP Yudi Fitri ke AKBP Rudi Nasution, "
                     "Kapolres Empat Lawang dari AKBP Sandi Wijaya ke AKBP Hari Purnomo.")
    assert {(h.person, h.organization, h.status) for h in x.holdings} == {
        ("yudi fitri", "polres|16.04", "outgoing"), ("rudi nasution", "polres|16.04", "incoming"),
        ("sandi wijaya", "polres|16.11", "outgoing"), ("hari purnomo", "polres|16.11", "incoming")}


def test_a_commands_known_name_after_its_number_ends_the_unit() -> None:
    x = extract_text("AMBON, MALUKUNEWS.ID - Gubernur didampingi Kasdam XVI/Pattimura Gabriel Hartanto "
                     "membuka rapat, Senin (2/9/2024).")
    assert ("gabriel hartanto", "Kepala Staf", "kodam|unit:xvi pattimura") in holdings(x)


def test_a_hospital_named_after_a_person_is_one_body_with_its_director() -> None:
    x = extract_text("SURABAYA, JATIMNEWS.ID - Gubernur melantik pejabat, Senin (2/9/2024): Rina Wulandari "
                     "sebagai Direktur RSUD dr. Suharjono Provinsi Jawa Timur, Bambang Prasetyo sebagai Direktur "
                     "RSU Haji Surabaya.")
    assert {p.name for p in x.persons} == {"Rina Wulandari", "Bambang Prasetyo"}
    assert {h.person for h in x.holdings if h.role == "Direktur"} == {"rina wulandari", "bambang prasetyo"}


def test_an_air_force_corps_after_a_rank_is_not_a_name() -> None:
    x = extract_text("PADANG, SUMBARNEWS.ID - Danlanud Sutan Sjahrir Kolonel Pnb Budi Santoso hadir dalam "
                     "upacara, Senin (2/9/2024).")
    assert {p.name for p in x.persons} == {"Budi Santoso"}


def test_a_documents_or_budgets_acronym_before_a_region_names_no_body() -> None:
    x = extract_text("SURABAYA, JATIMNEWS.ID - BPK Perwakilan Jawa Timur menyerahkan LHP atas LKPD Kabupaten "
                     "Ngawi dan APBD Kota Blitar pada peringatan HUT Kota Batu, Senin (2/6/2024).")
    assert {o.name for o in x.organizations} == {"BPK Perwakilan Jawa Timur"}


def test_the_armed_forces_branches_and_national_associations_are_bodies() -> None:
    x = extract_text("POSO, SULTENGNEWS.ID - Apel siaga dihadiri TNI AD, TNI AL, Persit, HMI Cabang Poso dan "
                     "Kwarda Sulteng, Senin (2/9/2024).")
    assert {"TNI AD", "TNI AL", "Persit", "HMI Cabang Poso", "Kwarda Sulteng"} <= {o.name for o in x.organizations}


def test_a_command_by_roman_number_or_by_name_alone_is_the_unit() -> None:
    x = extract_text("AMBON, MALUKUNEWS.ID - Hadir Danlantamal IX Eko Susilo, Pangdam Iskandar Muda Rudi "
                     "Hartanto dan prajurit Kodam XVI Pattimura, Senin (2/9/2024).")
    assert {"Lantamal IX", "Kodam Iskandar Muda", "Kodam XVI Pattimura"} <= {o.name for o in x.organizations}
    assert {p.name for p in x.persons} == {"Eko Susilo", "Rudi Hartanto"}


def test_a_title_in_brackets_after_degrees_and_a_units_short_name() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Hadir Kolonel Inf Yusuf Hartanto, SE.M.Si (Danrem 143 HO), dan "
                     "Kapten Inf. Ramli (Pasi Intel Kodim 1413 Buton), Senin (2/9/2024).")
    assert ("yusuf hartanto", "Komandan", "korem|unit:143 ho") in holdings(x)
    assert any(p == "ramli" and role == "Perwira Seksi Intelijen" for p, role, _ in holdings(x))


def test_a_fields_short_form_or_a_posts_commander_is_no_name() -> None:
    x = extract_text("DUMAI, RIAUNEWS.ID - Kepala Kejaksaan Negeri Dumai diwakili oleh Kasi Pidsus Rina "
                     "Wulandari, S.H, hadir bersama Danposramil, Kepala Bapeda, para SKPD dan Kanit Tipiter, "
                     "Senin (20/3/2023).")
    assert {p.name for p in x.persons} == {"Rina Wulandari"}
    assert ("rina wulandari", "Kepala Seksi Pidana Khusus", "kejari|14.72") in holdings(x)


def test_the_president_is_a_title_not_a_name() -> None:
    x = extract_text("MANOKWARI, PAPUANEWS.ID - Laporan akan disampaikan kepada Bapak Presiden, kata Ketua "
                     "Kompolnas, Senin (2/9/2024). Presiden Republik Indonesia Joko Susilo dijadwalkan hadir.")
    assert {p.name for p in x.persons} == {"Joko Susilo"}


def test_a_bodys_branch_word_begins_no_name() -> None:
    x = extract_text("TOBELO, MALUTNEWS.ID - Rapat dihadiri Kapolres Halmahera Utara, Perwakilan Basarnas "
                     "Tobelo Rudi Hartono, serta Kepala BPK Perwakilan Maluku Utara, Senin (3/7/2023).")
    assert not [p.name for p in x.persons if p.name.startswith("Perwakilan")]


def test_a_body_of_every_region_of_a_level_is_a_group_not_one_body() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Rapat diikuti Bawaslu Kab/Kota, Panwaslu Kelurahan/Desa dan "
                     "para Pengawas Kelurahan/Desa se-Sultra, Senin (2/9/2024).")
    assert not x.organizations and not x.persons


def test_degrees_written_apart_after_the_name_are_degrees() -> None:
    x = extract_text("SAMBAS, KALBARNEWS.ID - Sekretaris Daerah Kabupaten Sambas, Ir. H. Rudi Hartono, S. Sos, "
                     "M. Si. membuka rapat, Senin (2/9/2024). Hadir Bupati Sambas, M. Azan.")
    assert {(p.name, p.suffixes) for p in x.persons} == {("Rudi Hartono", ("S.Sos", "M.Si")), ("M. Azan", ())}


def test_a_given_name_that_is_a_dictionary_word_ends_the_roles_field() -> None:
    x = extract_text("SAMBAS, KALBARNEWS.ID - Sekda didampingi Asisten Administrasi Umum Rudi Hartono "
                     "membuka rapat, Senin (2/9/2024).")
    assert {(p, role) for p, role, _ in holdings(x)} == {("rudi hartono", "Asisten Administrasi Umum")}


def test_an_honorific_glued_to_the_name_by_its_dot_is_an_honorific() -> None:
    x = extract_text("BANTAENG, SULSELNEWS.ID - Hadir Kadis Kesehatan Bantaeng, dr.Rina Wulandari, M.Kes, dan "
                     "Kepala Bappeda Bantaeng, H.Subhan, S.Sos, Senin (2/9/2024).")
    assert {(p.name, p.prefixes) for p in x.persons} == {("Rina Wulandari", ("dr",)), ("Subhan", ("H",))}


def test_the_chiefs_of_staff_and_a_polda_fields_short_forms() -> None:
    x = extract_text("JAKARTA, JAKARTANEWS.ID - Kepala Staf Angkatan Darat (Kasad) Jenderal TNI Budi Santoso "
                     "memimpin sertijab, Jumat (2/2/2024). Usai menerima paparan dari Kabid Dokkes dan Kasi Ops, "
                     "Kapolda Metro Jaya memberi arahan.")
    assert {p.name for p in x.persons} == {"Budi Santoso"}
    assert [h.role for h in x.holdings] == ["Kepala Staf"]


def test_a_counted_plural_role_in_lower_case_holds_the_names_listed_after_it() -> None:
    x = extract_text("MAROS, SULSELNEWS.ID - Pleno dipimpin Ketua KPU Kabupaten Maros, Andi Rahman, "
                     "didampingi tiga komisioner lainnya, Budi Santoso, Citra Lestari dan Dedi Kurnia, "
                     "Senin (2/12/2024). Surat itu menetapkan Rudi Hartono sebagai Ketua DPRD Kota Palu, "
                     "dan dua wakil ketua masing-masing Hasan Basri dan Yanti Sari.")
    got = {(p, role) for p, role, _ in holdings(x)}
    assert {("budi santoso", "Komisioner"), ("citra lestari", "Komisioner"), ("dedi kurnia", "Komisioner"),
            ("hasan basri", "Wakil Ketua"), ("yanti sari", "Wakil Ketua")} <= got


def test_listed_holders_with_their_numbered_rank_in_brackets() -> None:
    x = extract_text("PALU, SULTENGNEWS.ID - Hadir para Wakil Ketua DPRD Kota Palu, yakni Agus Salim "
                     "(Wakil Ketua I), Rina Wati, SH (Wakil Ketua II) dan Yusuf Hamid, AR (Wakil Ketua III), "
                     "Senin (2/12/2024).")
    got = holdings(x)
    assert {p for p, role, _ in got if role.startswith("Wakil Ketua")} == {"agus salim", "rina wati", "yusuf hamid"}
    assert ("agus salim", "Wakil Ketua I") in {(p, role) for p, role, _ in got}
    assert {p.name for p in x.persons} == {"Agus Salim", "Rina Wati", "Yusuf Hamid"}


def test_a_representatives_title_serves_the_body_of_the_one_represented() -> None:
    x = extract_text("MAROS, SULSELNEWS.ID - Hadir Kapolres Maros yang diwakili oleh KBO Satintelkam Iptu "
                     "Joko Susilo, dan Kasat Reskrim Polres Maros yang diwakili Kanit Tipiter, Heru Wibowo, "
                     "Senin (2/12/2024). Materi dari Kejaksaan Negeri (Kejari) Maros disampaikan Kasi Pidum, "
                     "Hasan Basri.")
    got = holdings(x)
    assert {p for p, _, o in got if o.startswith("polres")} == {"joko susilo", "heru wibowo"}
    assert {(p, role) for p, role, o in got if o.startswith("kejari")} == {("hasan basri", "Kepala Seksi Pidana Umum")}


def test_a_corps_word_follows_a_rank_and_a_sea_is_no_person() -> None:
    x = extract_text("BATAM, KEPRINEWS.ID - Gubernur menerima Pangkoarmada I Laksamana Muda TNI Budi Hartono, "
                     "didampingi Kolonel Laut (P) Andi Wijaya, Senin (2/12/2024). Wilayah itu dilintasi "
                     "Selat Karimata, Laut Natuna Utara dan Samudra Hindia.")
    assert {p.name for p in x.persons} == {"Budi Hartono", "Andi Wijaya"}


def test_a_corps_in_capitals_with_its_dot_ends_no_sentence() -> None:
    x = extract_text("NABIRE, PAPUANEWS.ID - Apel dipimpin Komandan Kodim 1705/Paniai, Letkol ARH. Yusuf "
                     "Hamdani, S.IP., Senin (2/12/2024).")
    assert {(p, role) for p, role, _ in holdings(x)} == {("yusuf hamdani", "Komandan")}


def test_a_name_without_its_middle_name_or_with_glued_initials_is_the_same_person() -> None:
    x = extract_text("TIMIKA, PAPUANEWS.ID - Bupati Mimika Yohanes Rumpa Kogoya menyambut Kapolres "
                     "Mimika AKBP H.R.Simanjuntak, Senin (2/12/2024). Yohanes Kogoya berterima kasih, "
                     "dan Kapolres Simanjuntak menyampaikan arahan.")
    assert {(p.name, p.aliases) for p in x.persons} == {
        ("Yohanes Rumpa Kogoya", ("Yohanes Kogoya",)), ("H.R. Simanjuntak", ("AKBP H.R.Simanjuntak", "Simanjuntak"))}


def test_a_line_with_a_photo_credit_in_brackets_is_a_caption() -> None:
    x = extract_text("Bupati Lahat (kiri) menyambut tamu, Senin (2/12/2024). (Foto: Rudi Wirawan/SUMSELNEWS)\n"
                     "LAHAT, SUMSELNEWS.ID - Bupati Lahat, Bursah Zarnubi, menyambut tamu dari Palembang.")
    assert {p.name for p in x.persons} == {"Bursah Zarnubi"}


def test_a_units_region_without_its_slash_and_a_rank_with_a_dot() -> None:
    x = extract_text("MAMASA, SULBARNEWS.ID - Hadir Dandim 1428 Mamasa Letkol Arh Yusuf Hamdani, Kasrem "
                     "142/Tatag Kolonel Infanteri Rudi Hartono, Kapolres Mamasa, AKBP. Andi Wijaya, S.I.K., "
                     "dan Inspektor Mamasa, Budi Santoso, Senin (2/12/2024).")
    assert {(p, role, o.split("|")[0]) for p, role, o in holdings(x)} == {
        ("yusuf hamdani", "Komandan", "kodim"), ("rudi hartono", "Kepala Staf", "korem"),
        ("andi wijaya", "Kepala", "polres"), ("budi santoso", "Inspektur", "inspektorat")}


def test_a_one_word_given_name_after_a_body_is_its_heads_name() -> None:
    x = extract_text("BATAM, KEPRINEWS.ID - Gubernur didampingi Kepala Dinas Kominfo Hasan dan Kepala Biro "
                     "Adpim Dody Sepka, Senin (2/12/2024).")
    assert {(p, o.split("|")[0]) for p, _, o in holdings(x)} == {("hasan", "dinas kominfo"), ("dody sepka", "biro adpim")}


def test_a_second_title_after_dan_ends_the_first_ones_field_and_a_name_ends_the_body() -> None:
    x = extract_text("JAMBI, JAMBINEWS.ID - Pelantikan dihadiri Wakil Gubernur Jambi Sudarsono, Asisten III "
                     "Rudi Hartono dan Kepala BKD Hendrawan. Kepala PLBN Aruk, Budi Santoso, juga hadir, "
                     "Senin (2/12/2024).")
    got = {(p, o.split("|")[0]) for p, _, o in holdings(x)}
    assert ("hendrawan", "bkd") in got and ("budi santoso", "plbn") in got
    assert not {p for p, _ in got} - {"sudarsono", "rudi hartono", "hendrawan", "budi santoso"}
    assert ("sudarsono", "pemprov") in got


def test_short_names_of_regions_the_news_uses() -> None:
    x = extract_text("TERNATE, MALUTNEWS.ID - Kepala Dinas Pariwisata Flotim Rina Wulandari dan Ketua DPRD "
                     "Malut Kuntu Daud hadir, Senin (2/12/2024).")
    assert {o for _, _, o in holdings(x)} == {"dispar|53.06", "dprd|82"}


def test_officials_before_whom_it_was_said_took_part() -> None:
    x = extract_text("LARANTUKA, NTTNEWS.ID - Pernyataan itu disampaikan Wakil Bupati Flores Timur, Yosef Making, "
                     "dihadapan Danramil 1624-02 Adonara, Kapten Inf Rudi Hartono, Camat Witihama Budi Santoso "
                     "dan Ketua DPRD Flotim Rina Wulandari, Sabtu (16/11/2019). Hadir pula Kapolda Kep. Babel "
                     "Irjen Pol Andi Wijaya.")
    attended = {a.participant for a in x.attendances}
    assert {"rudi hartono", "budi santoso", "rina wulandari", "andi wijaya"} <= attended


def test_a_text_wrapped_at_a_width_is_read_across_its_line_breaks() -> None:
    x = extract_text("FAKFAK, PAPUANEWS.ID - Apel dipimpin Kapolres Fakfak AKBP Gazali Rahman, dihadiri\n"
                     "oleh Kasdim 1706/Fakfak Mayor Inf Budi Santoso, Kabag Ops Polres\n"
                     "Fakfak Kompol Rudi Hartono, dan para perwira, Jumat (25/8/2017). Setelah itu\n"
                     "personel bergerak ke lokasi.")
    assert {"budi santoso", "rudi hartono"} <= {a.participant for a in x.attendances}
    assert ("rudi hartono", "polres") in {(p, o.split("|")[0]) for p, _, o in holdings(x)}


def test_a_known_given_name_ends_a_roles_field_and_titles_in_sentence_case() -> None:
    x = extract_text("PALEMBANG, SUMSELNEWS.ID - Dilantik Staf Ahli Gubernur Bidang Kemasyarakatan Kurniawan "
                     "Abadi, S.E., Inspektur Daerah Provinsi Sumsel Rudi Hartono, dan Wakil bupati Lahat "
                     "Yusuf Hamdani, Senin (2/12/2024).")
    got = {(p, role, o.split("|")[0]) for p, role, o in holdings(x)}
    assert got == {("kurniawan abadi", "Staf Ahli Gubernur Bidang Kemasyarakatan", "pemprov"),
                   ("rudi hartono", "Inspektur", "inspektorat"), ("yusuf hamdani", "Wakil Bupati", "pemkab")}


def test_a_roles_rank_number_before_the_holder_of_a_regional_title() -> None:
    x = extract_text("LAHAT, SUMSELNEWS.ID - Asisten I Hendra Gunawan dan Asisten III Bidang Administrasi Umum "
                     "Rudi Hartono hadir, Senin (2/12/2024).")
    assert {(p, role) for p, role, _ in holdings(x)} == {("hendra gunawan", "Asisten I"),
                                                         ("rudi hartono", "Asisten III Bidang Administrasi Umum")}


def test_a_day_word_inside_a_name_and_a_kodams_training_regiment() -> None:
    x = extract_text("SORONG, PAPUANEWS.ID - Rapat dipimpin Kapolda Papua Barat Daya Brigjen Pol Gatot Hari "
                     "Santoso, dihadiri Danrindam XVII/Cenderawasih Kolonel Inf Rudi Hartono dan Pjs Bupati "
                     "Mateng, Yusuf Hamdani, Senin (2/12/2024). Hari Jadi Kota Sorong dirayakan.")
    got = {(p, o.split("|")[0]) for p, _, o in holdings(x)}
    assert got == {("gatot hari santoso", "polda"), ("rudi hartono", "rindam"), ("yusuf hamdani", "pemkab")}
    assert {p.name for p in x.persons} == {"Gatot Hari Santoso", "Rudi Hartono", "Yusuf Hamdani"}


def test_a_plural_title_of_two_words_holds_each_name_listed_right_after_it() -> None:
    x = extract_text("PANGKALPINANG, BABELNEWS.ID - Ketua DPRD Bangka Belitung, Wahyu Susanto, bersama Wakil "
                     "Ketua Hendra Wijaya, Muhammad Amin, Rudi Hartono, serta Sekprov Babel Yusuf Hamdani hadir, "
                     "Senin (2/12/2024).")
    got = {(p, role, o) for p, role, o in holdings(x)}
    assert got == {("wahyu susanto", "Ketua", "dprd|19"), ("hendra wijaya", "Wakil Ketua", "dprd|19"),
                   ("muhammad amin", "Wakil Ketua", "dprd|19"), ("rudi hartono", "Wakil Ketua", "dprd|19"),
                   ("yusuf hamdani", "Sekretaris Daerah", "pemprov|19")}


def test_a_units_number_with_a_hyphen() -> None:
    x = extract_text("BIMA, NTBNEWS.ID - Hadir Danramil 1608-04 Woha, Kapten Inf Sukardi, dan Danramil 1624-02 "
                     "Adonara Mayor Inf Budi Santoso, Senin (2/12/2024).")
    assert {(p, o.split("|")[0]) for p, _, o in holdings(x)} == {("sukardi", "koramil"), ("budi santoso", "koramil")}
    assert {o.name for o in x.organizations} == {"Koramil 1608-04 Woha", "Koramil 1624-02 Adonara"}


def test_a_particle_in_lower_case_inside_a_ranked_name_and_a_ministers_deputy_number() -> None:
    x = extract_text("AMBON, MALUKUNEWS.ID - Rakor dibuka Wakapolda Maluku Brigjen Pol Kees de Vries, dihadiri "
                     "Wakil Menteri Dalam Negeri (Wamendagri) III Budi Santoso dan Danlanal Ambon Kolonel Laut "
                     "Mar. Rudi Hartono, Selasa (20/12/2022).")
    assert {p.name for p in x.persons} == {"Kees de Vries", "Budi Santoso", "Rudi Hartono"}
    assert ("budi santoso", "Wakil Menteri III", "kemendagri") in holdings(x)


def test_both_sides_of_a_handover_at_a_farewell_take_part() -> None:
    x = extract_text("BENGKULU, BENGKULUNEWS.ID - Acara itu sekaligus pisah sambut Danlanal Bengkulu: "
                     "Danlanal Bengkulu Letkol Laut (P) Budi Santoso digantikan oleh Letkol Laut (P) Rudi Hartono "
                     "sebagai Danlanal Bengkulu yang baru, Minggu (28/7/2024).")
    assert {"budi santoso", "rudi hartono"} <= {a.participant for a in x.attendances}


def test_a_name_before_sebagai_ends_the_body_and_a_governors_staff_serve_the_province() -> None:
    x = extract_text("PEKANBARU, RIAUNEWS.ID - Para Pjs bupati itu yakni Staf Ahli Gubernur Rudi Hartono sebagai "
                     "Pjs Bupati Rokan Hilir, Staf Ahli Gubernur Budi Santoso sebagai Pjs Bupati Rokan Hulu, dan "
                     "Kepala Dinas ESDM Yusuf Hamdani sebagai Pjs Bupati Siak, Senin (28/9/2020).")
    got = {(p, o.split("|")[0] + "|" + o.split("|")[-1]) for p, _, o in holdings(x)}
    assert {("rudi hartono", "pemprov|14"), ("budi santoso", "pemprov|14"), ("budi santoso", "pemkab|14.06"),
            ("yusuf hamdani", "pemkab|14.08")} <= got
    assert "yusuf hamdani" in {p.key for p in x.persons}


def test_those_named_from_a_party_or_its_faction_are_its_members() -> None:
    x = extract_text("INDRALAYA, SUMSELNEWS.ID - Hal itu disampaikan Rudi Hartono, SH anggota DPRD Ogan Ilir dari "
                     "Fraksi Nasdem, Senin (2/12/2024). Sementara, Budi Santoso dari Fraksi Golkar mempertanyakan "
                     "kinerja dinas. Rina Wati, Yusuf Hamdani, dan Andi Wijaya dari PKS turut berorasi.")
    got = {(p, o) for p, role, o in holdings(x) if role == "Anggota"}
    assert {("rudi hartono", "nasdem"), ("budi santoso", "golkar"), ("rina wati", "pks"),
            ("yusuf hamdani", "pks"), ("andi wijaya", "pks")} <= got


def test_words_given_when_asked_by_message_are_no_taking_part() -> None:
    x = extract_text("BENGKULU, BENGKULUNEWS.ID - Rapat koordinasi Forkopimda digelar di Bengkulu, Senin "
                     "(2/12/2024). Kapolda Bengkulu Rudi Hartono mengatakan situasi aman. \"Betul, ada rapat,\" "
                     "kata Juru Bicara KPK Budi Santoso saat dikonfirmasi melalui pesan singkat.")
    people = {a.participant for a in x.attendances}
    assert "budi santoso" not in people and "rudi hartono" in people


def test_more_verbs_of_speaking_at_the_event() -> None:
    x = extract_text("MATARAM, NTBNEWS.ID - Upacara penyambutan Kapolda digelar di Makorem, Senin (2/12/2024). "
                     "Danrem 162/WB Kolonel Czi Rudi Hartono menerangkan makna pengalungan selendang. Ketua "
                     "Komisi I DPRD NTB Budi Santoso mempertanyakan kesiapan aparat.")
    assert {"rudi hartono", "budi santoso"} <= {a.participant for a in x.attendances}


def test_a_health_centres_head_and_the_centre() -> None:
    x = extract_text("LUBUK PAKAM, SUMUTNEWS.ID - Dua Kapus baru ikut dilantik, yaitu drg Rina Wati sebagai Kapus "
                     "Hamparan Perak dan dr Budi Santoso sebagai Kapus Gunung Meriah, Senin (2/12/2024). "
                     "Puskesmas Pancur Batu juga menerima kepala baru.")
    assert {o.name for o in x.organizations} == {"Puskesmas Hamparan Perak", "Puskesmas Gunung Meriah",
                                                 "Puskesmas Pancur Batu"}
    assert {p for p, _, _ in holdings(x)} == {"rina wati", "budi santoso"}


def test_a_post_held_again_and_the_one_who_held_it_before() -> None:
    x = extract_text("BANDA ACEH, ACEHNEWS.ID - Selanjutnya Kepala Dinas Sosial Aceh kembali dijabat oleh Rudi "
                     "Hartono dari sebelumnya Budi Santoso, Senin (2/12/2024).")
    assert {(h.person, h.status) for h in x.holdings} == {("rudi hartono", "current"), ("budi santoso", "former")}


def test_a_post_filled_or_occupied_by_its_new_holder() -> None:
    x = extract_text("PADANG, SUMBARNEWS.ID - Wali Kota Padang melantik pejabat, Senin (2/12/2024). Jabatan Staf Ahli "
                     "Bidang Hukum dan Politik kini diisi oleh Rudi Hartono. Jabatan Kepala Dinas "
                     "Sosial Kota Padang resmi diduduki oleh Budi Santoso.")
    assert {p for p, _, _ in holdings(x)} == {"rudi hartono", "budi santoso"}


def test_the_one_who_leads_a_body_is_its_head() -> None:
    x = extract_text("PADANG, SUMBARNEWS.ID - Rotasi juga menyentuh bidang sosial, Senin (2/12/2024). Rudi "
                     "Hartono yang sebelumnya memimpin Dinas Perdagangan, kini Kepala Dinas Sosial. Mayjen TNI Budi "
                     "Santoso kini memimpin Kodam Jaya. Bupati memimpin rapat.")
    got = {(p, o.split("|")[0], h) for p, o, h in ((h.person, h.organization, h.status) for h in x.holdings)}
    assert {("rudi hartono", "dinas perdagangan", "former"), ("rudi hartono", "dinsos", "current"),
            ("budi santoso", "kodam", "current")} <= got


def test_a_field_short_form_in_lower_case_inside_a_title() -> None:
    x = extract_text("TERNATE, MALUTNEWS.ID - Kasi penkum Kejati Malut, Rudi Hartono membenarkan penahanan "
                     "tersangka, Senin (2/12/2024).")
    assert {(p, o) for p, _, o in holdings(x)} == {("rudi hartono", "kejati|82")}


def test_an_air_base_named_after_a_person_is_one_body() -> None:
    x = extract_text("PEKANBARU, RIAUNEWS.ID - Hadir perwakilan Polda Riau, Lanud Roesmin Nurjadin dan Lanal Dumai, "
                     "Senin (2/12/2024).")
    assert not x.persons
    assert {o.name for o in x.organizations} == {"Polda Riau", "Lanud Roesmin Nurjadin", "Lanal Dumai"}


def test_two_bodies_joined_by_a_slash_are_two_bodies() -> None:
    x = extract_text("NABIRE, PAPUANEWS.ID - Personel TNI/Polri mengikuti apel pasukan, Selasa "
                     "(18/8/2020). Dandim 1705/Paniai dan para Bupati/Walikota se-Provinsi Papua hadir.")
    assert {o.name for o in x.organizations} == {"TNI", "Polri", "Kodim 1705/Paniai"}


def test_a_pair_of_candidates_joined_by_a_hyphen_are_two_persons() -> None:
    x = extract_text("NABIRE, PAPUANEWS.ID - Pilkada diikuti dua pasangan calon, yaitu pasangan Yusuf Hamdani-Rudi "
                     "Hartono dan Budi Santoso-Andi Wijaya, Rabu (27/11/2024). Siti Al-Jufri hadir di desa-desa.")
    assert {p.name for p in x.persons} == {"Yusuf Hamdani", "Rudi Hartono", "Budi Santoso", "Andi Wijaya",
                                           "Siti Al-Jufri"}


def test_a_regional_assistants_field_then_the_region_it_serves() -> None:
    x = extract_text("Rapat itu dibuka oleh Asisten II Bidang Perekonomian dan Pembangunan Provinsi Riau, "
                     "Budi Santoso, S.A.P., M.Si., dalam rapat itu.")
    assert {(p, role, o) for p, role, o in holdings(x)} == {
        ("budi santoso", "Asisten II Bidang Perekonomian dan Pembangunan", "pemprov|14")}


def test_a_new_post_then_the_one_held_before_it_in_brackets() -> None:
    x = extract_text("PALU, SULTENGNEWS.ID - Wali Kota melantik pejabat eselon II, Senin (2/12/2024). Yang dilantik "
                     "ialah Rudi Hartono menjadi Kepala BKD Kota Palu (sebelumnya menjabat Kepala Dinas Sosial), "
                     "Sinta Lestari menjadi Staf Ahli Bidang Hukum dan Politik (sebelumnya Kadis PU), dan Andi "
                     "Wijaya menjadi Asisten Ekbang, yang semula Kadis Perdagangan.")
    got = {(h.person, h.role, h.organization.split("|")[0], h.status) for h in x.holdings}
    assert got == {("rudi hartono", "Kepala", "bkd", "current"), ("rudi hartono", "Kepala", "dinsos", "former"),
                   ("sinta lestari", "Staf Ahli Bidang Hukum dan Politik", "pemkot", "current"),
                   ("sinta lestari", "Kepala", "dinas pu", "former"),
                   ("andi wijaya", "Asisten Ekbang", "pemkot", "current"),
                   ("andi wijaya", "Kepala", "dinas perdagangan", "former")}


def test_the_present_holder_right_after_a_title() -> None:
    x = extract_text("PALU, SULTENGNEWS.ID - Kepala Dishub saat ini Rudi Hartono akan dipindah, Senin (2/12/2024).")
    assert {(p, o.split("|")[0]) for p, _, o in holdings(x)} == {("rudi hartono", "dishub")}


def test_a_listed_body_name_that_runs_on_with_more_fields() -> None:
    x = extract_text("PALEMBANG, SUMSELNEWS.ID - Hadir Kepala Dinas Lingkungan Hidup dan Pertanahan Provinsi Sumsel "
                     "Rudi Hartono, Senin (2/12/2024). Dinas Kesehatan dan Budi Santoso menyusul.")
    assert {o.name for o in x.organizations} == {"Dinas Lingkungan Hidup dan Pertanahan Provinsi Sumsel",
                                                 "Dinas Kesehatan"}
    assert {(p, o) for p, _, o in holdings(x)} == {("rudi hartono", "dinas lingkungan hidup dan pertanahan|16")}


def test_a_head_named_then_sworn_in_to_a_second_post() -> None:
    x = extract_text("BANDAR LAMPUNG, LAMPUNGNEWS.ID - Kepala Dinas Sosial Provinsi Lampung, Rudi Hartono, dilantik "
                     "sebagai Pjs Bupati Pesawaran, menggantikan Budi Santoso, Senin (2/12/2024).")
    got = {(h.person, h.role, h.organization.split("|")[0], h.status) for h in x.holdings}
    assert got == {("rudi hartono", "Kepala", "dinsos", "current"), ("rudi hartono", "Bupati", "pemkab", "current"),
                   ("budi santoso", "Bupati", "pemkab", "former")}


def test_a_holder_glued_to_the_body_before_a_relative_clause() -> None:
    x = extract_text("KUPANG, NTTNEWS.ID - Kepala Dinas Pangan Rina Kartika Hatari yang sebelumnya dipanggil "
                     "penyidik kini diperiksa, Senin (2/12/2024). Kepala Dinas Pendidikan dan Kebudayaan yang baru "
                     "belum ditunjuk.")
    assert {(p, o.split("|")[0]) for p, _, o in holdings(x)} == {("rina kartika hatari", "dinas pangan")}
    assert {o.name for o in x.organizations} == {"Dinas Pangan", "Dinas Pendidikan dan Kebudayaan"}


def test_a_unit_numbered_by_one_roman_letter_then_its_region() -> None:
    x = extract_text("JAYAPURA, PAPUANEWS.ID - Turut hadir Komandan Lantamal X Jayapura Brigjen TNI (Mar) Rudi "
                     "Hartono, Senin (2/12/2024). Danlantamal I Wayan Sudarma menyambut.")
    assert {p.name for p in x.persons} == {"Rudi Hartono", "I Wayan Sudarma"}
    assert {(p, o) for p, _, o in holdings(x)} == {("rudi hartono", "lantamal|unit:x jayapura")}


def test_a_field_written_as_an_unknown_acronym_before_the_body() -> None:
    x = extract_text("TERNATE, MALUTNEWS.ID - Hadir Kabid TIK Polda Malut Kombes Pol. Rudi Hartono, Kabid Humas "
                     "Polda Malut, Senin (2/12/2024).")
    assert {o.name for o in x.organizations} == {"Polda Malut"}
    assert holdings(x) == {("rudi hartono", "Kepala Bidang TIK", "polda|82")}


def test_a_kind_of_body_written_alone_is_no_body() -> None:
    x = extract_text("PALU, SULTENGNEWS.ID - Bupati meminta camat berkoordinasi dengan Pemerintah Daerah dan "
                     "Pemerintah Pusat, Senin (2/12/2024). Tersangka dititipkan di Rutan. Kepala Rutan Kelas IIA "
                     "Palu, Rudi Hartono, menerima tersangka.")
    assert {o.name for o in x.organizations} == {"Rutan Kelas IIA Palu"}


def test_a_field_then_the_head_the_assistant_serves() -> None:
    x = extract_text("JAKARTA, NASIONALNEWS.ID - Telegram itu diteken Asisten SDM Kapolri, Irjen Pol Rudi "
                     "Hartono, Senin (2/12/2024).")
    assert {p.name for p in x.persons} == {"Rudi Hartono"}
    assert holdings(x) == {("rudi hartono", "Asisten SDM", "polri")}


def test_a_region_written_with_its_level_in_lower_case() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Paripurna dihadiri Wakil Ketua DPRD kota Kendari Rudi Hartono dan "
                     "Sinta, Senin (2/12/2024). PJ Gubernur provinsi Papua Barat Daya membuka acara. Warga di kota "
                     "Palu merayakan.")
    assert {(p, o) for p, _, o in holdings(x)} == {("rudi hartono", "dprd|74.71"), ("sinta", "dprd|74.71")}
    assert {o.name for o in x.organizations} == {"DPRD kota Kendari", "Pemerintah Provinsi Papua Barat Daya"}


def test_a_numbered_assistant_after_the_field() -> None:
    x = extract_text("GARUT, JABARNEWS.ID - Untuk sementara Dinas Kesehatan dipegang Asisten Daerah 1 Rudi Hartono, "
                     "Dinas Sosial dipegang Asisten Daerah 2, Budi Santoso, Senin (2/12/2024).")
    assert holdings(x) == {("rudi hartono", "Asisten Daerah 1", "pemkab|32.05"),
                           ("budi santoso", "Asisten Daerah 2", "pemkab|32.05")}


def test_streets_islands_holidays_drafts_and_grades_are_no_persons() -> None:
    x = extract_text("AMBON, MALUKUNEWS.ID - Rapat digelar di Jl. Mayjen Rudi Hartono, Senin (2/12/2024), menjelang "
                     "Idul Fitri. Warga Pulau Lumbra dan Gunung Sinta hadir bersama tokoh agama dan Ormas Adat. DPRD "
                     "Kota Ambon membahas Raperda Pengangkatan Perangkat Desa. Pejabat Eselon IV dilantik. Kapolres "
                     "AKBP Budi Santoso hadir.")
    assert {p.name for p in x.persons} == {"Budi Santoso"}


def test_a_police_unit_of_a_regions_city_and_a_hamlet_head() -> None:
    x = extract_text("TASIKMALAYA, JABARNEWS.ID - Hadir Kapolres Tasikmalaya Kota, AKBP Rudi Hartono, dan Kepala "
                     "Kampung Wambera, Budi Santoso, Senin (2/12/2024).")
    assert {o.name for o in x.organizations} == {"Polres Tasikmalaya Kota", "Kampung Wambera"}
    assert {p for p, _, _ in holdings(x)} == {"rudi hartono", "budi santoso"}


def test_a_list_of_names_each_with_its_title_after_a_dash() -> None:
    x = extract_text("MERAUKE, PAPUANEWS.ID - Bupati melantik kepala kampung, Senin (2/12/2024). Berikut nama "
                     "yang dilantik:\n- Rudi Hartono – Kepala Kampung Wambera, Distrik Kurik (2025–2031)\n- Sinta "
                     "Lestari – Kepala Kampung Yowid, Distrik Sota (2025–2031)\n\nMerauke, PAPUAPOS – Bupati "
                     "Merauke, Budi Santoso, menutup acara.")
    assert {(p, o) for p, _, o in holdings(x)} >= {("rudi hartono", "kampung|village:wambera"),
                                                    ("sinta lestari", "kampung|village:yowid")}
    assert "PAPUAPOS" not in {p.name for p in x.persons}


def test_the_head_of_a_listed_body_named_with_its_region() -> None:
    x = extract_text("DENPASAR, BALINEWS.ID - Gubernur didampingi Kepala Satuan Polisi Pamong Praja Provinsi Bali "
                     "I Wayan Sudarma, Senin (2/12/2024).")
    assert holdings(x) == {("i wayan sudarma", "Kepala", "satpol pp|51")}


def test_an_old_or_new_holder_with_a_rank_after_the_title() -> None:
    x = extract_text("BENGKULU, BENGKULUNEWS.ID - Kapolda lama Irjen Pol Drs Rudi Hartono akan menduduki jabatan "
                     "baru, Sabtu (3/8/2024). Kapolda Bengkulu baru Irjen Pol Budi Santoso tiba.")
    got = {(h.person, h.organization, h.status) for h in x.holdings}
    assert got == {("rudi hartono", "polda|17", "former"), ("budi santoso", "polda|17", "current")}


def test_the_unity_and_protection_agency_by_its_older_acronym() -> None:
    x = extract_text("BANDA ACEH, ACEHNEWS.ID - Kepala Kesbangpolinmas Aceh kembali dijabat oleh Rudi Hartono, "
                     "Kamis (26/1/2023).")
    assert {o.name for o in x.organizations} == {"Kesbangpolinmas Aceh"}
    assert {p for p, _, _ in holdings(x)} == {"rudi hartono"}


def test_two_bylines_on_one_line_after_a_gap() -> None:
    x = extract_text("Editor : Rudi Hartono\u00a0 Reporter : Sinta Lestari\n\nSURABAYA, JATIMNEWS.ID - Ketua "
                     "Bawaslu Surabaya Budi Santoso membuka acara, Senin (2/12/2024).")
    assert {(b.person, b.role.value) for b in x.bylines} == {("rudi hartono", "editor"), ("sinta lestari", "author")}


def test_those_present_named_in_the_sentence_after_it_announces_them() -> None:
    x = extract_text("PALU, SULTENGNEWS.ID - Rapat koordinasi digelar KPU Kabupaten Poso, Senin (2/12/2024). Rapat "
                     "dihadiri sejumlah undangan. Di antaranya, Ketua Bawaslu Kabupaten Poso, Rudi "
                     "Hartono, dan Kepala Badan Kesbangpol Kabupaten Poso, Budi Santoso.")
    attending = {a.participant for a in x.attendances}
    assert {"rudi hartono", "budi santoso"} <= attending


def test_short_deputy_and_section_titles_before_the_body() -> None:
    x = extract_text("BIMA, NTBNEWS.ID - Hadir Waka Polres Bima, Kompol Rudi Hartono, dan Kasie Intel Kejari "
                     "Halmahera Utara, Budi Santoso, Senin (2/12/2024).")
    assert {(p, r) for p, r, _ in holdings(x)} == {("rudi hartono", "Wakil Kepala"),
                                                   ("budi santoso", "Kepala Seksi Intel")}


def test_a_word_after_a_bodys_acronym_is_a_holder_or_a_verb_not_a_place() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - Bawaslu Catat Banyak Laporan. Hadir Anggota Bawaslu Rudiman, Ketua "
                     "Komisi ASN Budi Santoso, dan Wakil Ketua DPRD Kolut, Sinta Lestari, Senin (2/12/2024).")
    assert "Bawaslu Catat" not in {o.name for o in x.organizations}
    assert {(p, o.split("|")[0]) for p, _, o in holdings(x)} >= {("rudiman", "bawaslu"), ("sinta lestari", "dprd")}
    assert "dprd|74.08" in {o for _, _, o in holdings(x)}


def test_a_holder_replaced_without_oleh_or_with_dengan_hands_the_title_on() -> None:
    x = extract_text("MEDAN, SUMUTNEWS.ID - Kapolda melantik sejumlah pejabat, Senin (6/1/2025). Kapolres "
                     "Simalungun AKBP Budi Santoso digantikan AKBP Rudi Hartono. Kepala Dinas Pangan Sinta "
                     "Lestari akan digantikan dengan Yusuf Hamdani.")
    got = {(p, o.split("|")[0], s) for p, o, s in
           ((h.person, h.organization, h.status.value) for h in x.holdings)}
    assert got == {("budi santoso", "polres", "outgoing"), ("rudi hartono", "polres", "incoming"),
                   ("sinta lestari", "dinas pangan", "outgoing"), ("yusuf hamdani", "dinas pangan", "incoming")}


def test_a_bodys_posts_listed_after_it_without_the_body_are_held_there() -> None:
    x = extract_text("SORONG, PAPUANEWS.ID - DPRK Sorong membentuk alat kelengkapan dewan, Senin (6/1/2025). "
                     "Selanjutnya Komisi C dengan Ketua Budi Santoso, Wakil Ketua Rudi Hartono dan Sekretaris "
                     "Sinta Lestari. Rapat dihadiri Ketua Yusuf Hamdani.")
    got = {(p, r, o.split("|")[0]) for p, r, o in holdings(x)}
    assert {("budi santoso", "Ketua", "komisi c"), ("rudi hartono", "Wakil Ketua", "komisi c"),
            ("sinta lestari", "Sekretaris", "komisi c")} <= got
    assert "yusuf hamdani" not in {p for p, _, _ in got}


def test_more_military_commanders_and_a_retired_generals_bracket() -> None:
    x = extract_text("BITUNG, SULUTNEWS.ID - Apel dihadiri Dansatrol Bitung Letkol Laut (P) Budi Santoso, "
                     "Wadankodaeral V Laksma TNI Sinta Lestari, Asops Danpasmar 3, Kol (Mar) Yusuf Hamdani dan "
                     "Mendagri Jenderal Polisi (Purn) Rudi Hartono, Senin (6/1/2025).")
    assert {p.name for p in x.persons} == {"Budi Santoso", "Sinta Lestari", "Yusuf Hamdani", "Rudi Hartono"}
    got = {(p, o.split("|")[0]) for p, _, o in holdings(x)}
    assert {("budi santoso", "satrol"), ("sinta lestari", "kodaeral"), ("rudi hartono", "kemendagri")} <= got


def test_one_name_glued_to_the_title_after_it_holds_it() -> None:
    x = extract_text("AIRMADIDI, SULUTNEWS.ID - Rapat pleno digelar KPU Minahasa Utara, Senin (2/12/2024). Tampak "
                     "pula Rudi Hartono Komisioner Bawaslu Kab. Minut dan sejumlah tokoh agama. Acara "
                     "dibuka Wakil Bupati Minut Budi Santoso Kapolres Minut hadir.")
    got = {(p, r, o.split("|")[0]) for p, r, o in holdings(x)}
    assert ("rudi hartono", "Komisioner", "bawaslu") in got
    assert ("budi santoso", "Kepala", "polres") not in got  # a title right before the name: read title first


def test_a_move_written_with_the_old_post_in_brackets_takes_no_next_name() -> None:
    x = extract_text("NGAMPRAH, JABARNEWS.ID - Bupati melantik tiga pejabat, Senin (6/1/2025). Mereka adalah Rudi "
                     "Hartono (Camat Cipongkor) menjadi Kepala BKPSDM, Budi Santoso (Sekretaris Dinas Sosial) "
                     "menjadi Kepala Dinas Sosial.")
    got = {(h.person, h.organization.split("|")[0], h.status.value) for h in x.holdings}
    assert {("rudi hartono", "kecamatan", "former"), ("rudi hartono", "bkpsdm", "current"),
            ("budi santoso", "dinsos", "current")} <= got
    assert ("budi santoso", "bkpsdm", "current") not in got


def test_a_one_word_name_after_a_title_that_ends_with_its_region() -> None:
    x = extract_text("LAHAT, SUMSELNEWS.ID - Kegiatan diikuti Ketua DPRD Lahat Rudi Hartono, Kajari Lahat Ikhlas, "
                     "Ketua KPU Lahat Definitif, dan Dandim 0405/Lahat Letkol Inf Budi Santoso, Senin (6/1/2025).")
    got = {(p, o.split("|")[0]) for p, _, o in holdings(x)}
    assert ("ikhlas", "kejari") in got
    assert "definitif" not in {p for p, _ in got}


def test_an_office_contested_in_an_election_is_no_body_and_no_official_present() -> None:
    x = extract_text("SURABAYA, JATIMNEWS.ID - KPU Kota Surabaya memulai rapat pleno rekapitulasi suara, Senin "
                     "(2/12/2024). Didampingi seluruh komisioner, yakni Rudi Hartono dan Sinta Lestari. \u201cHitungan "
                     "untuk Pemilihan Gubernur Jawa Timur dan juga Pemilihan Wali Kota "
                     "Surabaya kami mulai hari ini,\u201d ungkap Budi Santoso, calon anggota DPD RI.")
    names = {o.name for o in x.organizations}
    assert not {"Pemerintah Provinsi Jawa Timur", "Pemerintah Kota Surabaya"} & names
    assert not {a.participant for a in x.attendances if a.participant.startswith(("pemprov", "pemkot"))}


def test_offices_contested_joined_by_dan_or_after_a_bracketed_acronym() -> None:
    x = extract_text("POSO, SULTENGNEWS.ID - Kapolres Poso AKBP Rudi Hartono menghadiri rakor persiapan pendaftaran "
                     "pasangan calon (Paslon) Bupati dan Wakil Bupati Poso, Senin (26/8/2024). Apel pengamanan "
                     "pendaftaran bakal calon Gubernur dan Wakil Gubernur Sulawesi Tengah digelar esoknya.")
    assert not {o.name for o in x.organizations} & {"Pemerintah Kabupaten Poso", "Pemerintah Provinsi Sulawesi Tengah"}
    assert ("rudi hartono", "Kepala", "polres|72.02") in holdings(x)


def test_a_units_number_and_name_spaced_around_the_slash() -> None:
    x = extract_text("JAYAPURA, PAPUANEWS.ID - Hadir Pangdam XVII/ Cenderawasih Mayjen TNI Budi Santoso, Kasdam "
                     "XVII / Cenderawasih Brigjen TNI Rudi Hartono dan Dandim 1701 /Jayapura Letkol Inf Yusuf "
                     "Hamdani, Senin (6/1/2025).")
    assert {(p, r, o) for p, r, o in holdings(x)} == {
        ("budi santoso", "Panglima", "kodam|unit:xvii cenderawasih"),
        ("rudi hartono", "Kepala Staf", "kodam|unit:xvii cenderawasih"),
        ("yusuf hamdani", "Komandan", "kodim|unit:1701 jayapura")}
    assert {o.name for o in x.organizations} == {"Kodam XVII/Cenderawasih", "Kodim 1701/Jayapura"}


def test_a_commands_bare_titles_serve_the_one_command_the_report_names() -> None:
    x = extract_text("PALEMBANG, SUMSELNEWS.ID - Pangdam II/Sriwijaya Mayjen TNI Budi Santoso memimpin upacara "
                     "serah terima jabatan di Makodam, Sabtu (6/9/2025). Kasdam Brigjen TNI Rudi Hartono hadir. "
                     "Irdam dari Yusuf Hamdani ke Agus Salim.")
    got = {(p, r, o) for p, r, o in holdings(x)}
    assert {("rudi hartono", "Kepala Staf", "kodam|unit:ii sriwijaya"),
            ("yusuf hamdani", "Inspektur", "kodam|unit:ii sriwijaya"),
            ("agus salim", "Inspektur", "kodam|unit:ii sriwijaya")} <= got
    assert {o.name for o in x.organizations} == {"Kodam II/Sriwijaya"}


def test_those_listed_after_bersama_that_follows_the_event_take_part() -> None:
    x = extract_text("PANGKALPINANG, BABELNEWS.ID - Penjabat Gubernur Bangka Belitung Budi Santoso memimpin rapat "
                     "persiapan libur akhir tahun bersama Forkopimda Bangka Belitung serta "
                     "Kejaksaan Tinggi Bangka Belitung, Senin (16/12/2024). Kejari Bangka bersama warga menanam "
                     "pohon.")
    attending = {a.participant.split("|")[0] for a in x.attendances}
    assert {"forkopimda", "kejati"} <= attending
    assert "kejari" not in attending


def test_a_womens_federation_and_a_forums_common_misspelling_are_bodies() -> None:
    x = extract_text("MAKASSAR, SULSELNEWS.ID - Kegiatan dihadiri Bhayangkari dan GOW Kota Makassar, Senin "
                     "(6/1/2025). Wali Kota Makassar Budi Santoso hadir bersama Forkompimda.")
    keys = {o.key.split("|")[0] for o in x.organizations}
    assert {"gow", "forkopimda", "bhayangkari"} <= keys


def test_a_battalions_deputy_commander_keeps_a_list_of_titles_and_names_in_step() -> None:
    x = extract_text("JAILOLO, MALUTNEWS.ID - Rapat dihadiri Kasat Intel Polres Halmahera Barat, AKP Agus Salim, "
                     "Wadanyon Brimob Jailolo AKP Rudi Hartono, Kasatpol PP Halmahera Barat, Budi Santoso, Kasie "
                     "Intel Kejari Halmahera Barat, Yusuf Hamdani SH, dan Wadanlanal Ternate Letkol Laut (P) Sinta "
                     "Lestari, Senin (6/1/2025).")
    got = {(p, o.split("|")[0]) for p, _, o in holdings(x)}
    assert got == {("agus salim", "polres"), ("rudi hartono", "yonif"), ("budi santoso", "satpol pp"),
                   ("yusuf hamdani", "kejari"), ("sinta lestari", "lanal")}


def test_more_short_names_of_regions_the_news_uses() -> None:
    x = extract_text("JAMBI, JAMBINEWS.ID - Surat edaran Wali Kota Jogja Rudi Hartono dibahas, Senin (6/1/2025). "
                     "Penahanan dilakukan Kajari Tanjab Timur Budi Santoso dan Kapolres Inhu AKBP Yusuf Hamdani.")
    assert {(p, o) for p, _, o in holdings(x)} == {("rudi hartono", "pemkot|34.71"), ("budi santoso", "kejari|15.07"),
                                                   ("yusuf hamdani", "polres|14.02")}


def test_paired_titles_with_the_term_they_are_held_for() -> None:
    x = extract_text("LIMBOTO, GORONTALONEWS.ID - Di samping itu, Bupati dan Wakil Bupati Boalemo periode 2021-2025, "
                     "Budi Santoso dan Rudi Hartono, juga hadir dalam rapat tersebut, Senin (6/1/2025).")
    assert {(p, r) for p, r, _ in holdings(x)} == {("budi santoso", "Bupati"), ("rudi hartono", "Wakil Bupati")}


def test_a_body_of_one_level_serves_the_region_of_that_level_of_its_places_name() -> None:
    x = extract_text("JAMBI, JAMBINEWS.ID - Hadir Wali Kota Jambi Budi Santoso, Bupati Gorontalo Rudi Hartono "
                     "dan pejabat Pemerintah Kota Kupang, Senin (6/1/2025). Sekretaris Daerah Provinsi Bengkulu "
                     "Yusuf Hamdani juga hadir.")
    assert {(p, o) for p, _, o in holdings(x)} >= {("budi santoso", "pemkot|15.71"), ("rudi hartono", "pemkab|75.01")}
    keys = {o.key for o in x.organizations}
    assert "pemkot|53.71" in keys and "pemkot|53.01" not in keys
    assert ("yusuf hamdani", "pemprov|17") in {(p, o) for p, _, o in holdings(x)}


def test_the_items_of_a_list_of_those_sworn_in_take_part_in_the_inauguration() -> None:
    x = extract_text("MERAUKE, PAPUANEWS.ID - Bupati Merauke melantik 18 kepala kampung di Kantor Bupati Merauke, "
                     "Rabu (26/11/2025). Berikut nama kepala kampung yang dilantik:\n"
                     "- Budi Santoso – Kepala Kampung Harapan Jaya, Distrik Semangga (2025–2030)\n"
                     "- Sinta Lestari – Kepala Kampung Suka Makmur, Distrik Tanah Miring (2025–2030)\n"
                     "Warga Yusuf Hamdani – Kepala Kampung Sota menyambut baik.")
    attending = {a.participant for a in x.attendances}
    assert {"budi santoso", "sinta lestari"} <= attending
    assert "yusuf hamdani" not in attending


def test_jakartas_administrative_cities_and_their_secretariat() -> None:
    x = extract_text("JAKARTA, JAKARTANEWS.ID - Hadir Wali Kota Administrasi Jakarta Pusat Rudi Hartono didampingi "
                     "Asisten Perekonomian (Asek) Setko Administrasi Jakarta Pusat Budi Santoso, Senin (6/1/2025).")
    assert {(p, o) for p, _, o in holdings(x)} == {("rudi hartono", "pemkot|31.71"), ("budi santoso", "setko|31.71")}
    assert {p.name for p in x.persons} == {"Rudi Hartono", "Budi Santoso"}


def test_a_headlines_word_of_taking_part_is_no_holders_name() -> None:
    x = extract_text("GORONTALO, GORONTALONEWS.ID - Kapolda Gorontalo Hadiri Rapat Koordinasi Lintas Sektoral di "
                     "Mapolda, Senin (6/1/2025). Lalu Ahmad Fauzi, Camat Sekotong, hadir.")
    assert {p.name for p in x.persons} == {"Lalu Ahmad Fauzi"}


def test_a_command_title_in_brackets_after_its_holder_serves_the_reports_body() -> None:
    x = extract_text("PIRU, MALUKUPOST.ID - Bupati Seram Bagian Barat melantik tiga pelaksana tugas, Senin "
                     "(3/6/2024). Yang dilantik:\n- Teguh Wibisono (Plt Kepala Dinas Sosial)\n"
                     "- Markus Latuheru (Plt Kasatpol PP)")
    assert ("markus latuheru", "Kepala", "satpol pp|81.06") in holdings(x)


def test_a_village_title_names_a_village_the_gazetteer_lacks_before_its_district() -> None:
    x = extract_text("SARILAMAK, SUMBARPOST.ID - Bupati Lima Puluh Kota melantik wali nagari, Kamis (6/6/2024). "
                     "Di antaranya Jufrizal jadi Wali Nagari Guguak Tinggi Kecamatan Harau, dan Nofri Yanto "
                     "terpilih menjadi Wali Nagari Koto Tuo Kecamatan Suliki.")
    assert {(p, o) for p, _, o in holdings(x)} == {("jufrizal", "nagari|village:guguak tinggi"),
                                                   ("nofri yanto", "nagari|village:koto tuo")}
    assert {p.name for p in x.persons} == {"Jufrizal", "Nofri Yanto"}


def test_a_title_takes_the_body_written_after_di() -> None:
    x = extract_text("MEDAN, SUMUTPOST.ID - Kejati Sumut melantik pejabat, Senin (3/6/2024). Wahyu Siregar dilantik "
                     "menjadi Kajari Binjai menggantikan Darwis Hutagalung yang dipromosikan jadi Kasubdit di "
                     "Kejaksaan Agung.")
    assert ("darwis hutagalung", "Kepala Subdirektorat", "kejagung") in holdings(x)


def test_a_name_a_district_is_also_called_by_stays_a_name() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Pasangan calon nomor urut 1, Hendri - Bambang, unggul dalam "
                     "rekapitulasi suara, Senin (2/12/2024).")
    assert {p.name for p in x.persons} == {"Hendri", "Bambang"}


def test_a_months_name_before_a_name_opens_it() -> None:
    x = extract_text("AMBON, MALUKUPOST.ID - Gubernur Maluku didampingi Wakapolda Maluku Jan Hendrik de Graaf "
                     "meninjau pos pengamanan, Senin (3/6/2024). Pos itu dibangun 5 Jan 2024.")
    assert ("jan hendrik de graaf", "Wakil Kepala", "polda|81") in holdings(x)


def test_a_name_with_a_particle_inside_after_a_title_is_a_person() -> None:
    x = extract_text("AMBON, MALUKUPOST.ID - Gubernur Maluku didampingi Kapolda Maluku Pieter van Dalen meninjau "
                     "pos pengamanan, Senin (3/6/2024).")
    assert ("pieter van dalen", "Kepala", "polda|81") in holdings(x)
