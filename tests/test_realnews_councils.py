"""Council and body leadership lists met in real regional news (the real-news development set),
each reproduced with invented names, places and our own words: no sentence here comes from a real
article."""

from __future__ import annotations

from tests.test_grammar import extract_text, holdings


def test_members_listed_after_their_electoral_district_hold_the_council_seat() -> None:
    x = extract_text("SUKAMAJU, WARTAKITA.ID - Reses itu disambut Anggota DPRD Kabupaten Lahat "
                     "dari Dapil III, yaitu Budiarto Siregar, Melati, dan Hendra Gunawan, pada "
                     "Kamis (7/3/2024).")
    members = {p for p, role, _ in holdings(x) if role == "Anggota"}
    assert members == {"budiarto siregar", "melati", "hendra gunawan"}


def test_the_district_of_a_member_is_no_part_of_the_name_after_it() -> None:
    x = extract_text("JAMBI, WARTAKITA.ID - Dalam reses itu Anggota DPR RI Daerah Pemilihan Jambi "
                     "Sugeng Wibowo menampung aspirasi warga Kecamatan Telanaipura, Kamis (7/3/2024).")
    assert {p.name for p in x.persons} == {"Sugeng Wibowo"}
    assert [(p, role) for p, role, _ in holdings(x)] == [("sugeng wibowo", "Anggota")]


def test_the_secretary_of_the_council_serves_a_council_named_dprk() -> None:
    x = extract_text("BIREUEN, WARTAKITA.ID - Ketua DPRK Bireuen, Zulkarnaini Daud, menerima "
                     "rombongan tamu dari provinsi di ruang kerjanya, Senin (4/3/2024). Ikut "
                     "mendampingi Sekretaris Dewan Rahmat Hidayat beserta para staf.")
    orgs = {p: o for p, _, o in holdings(x)}
    assert orgs["rahmat hidayat"] == orgs["zulkarnaini daud"]
    assert [o.name for o in x.organizations] == ["DPRK Bireuen"]


def test_a_council_chair_held_by_a_member_of_a_party() -> None:
    x = extract_text("TANJUNGPINANG, WARTAKITA.ID - Usai pelantikan, kursi Ketua DPRD Kota "
                     "Tanjungpinang dipegang oleh Ahmad Fauzan dari Partai Hanura, sedangkan "
                     "Dewi Lestari dari Partai Demokrat menjadi Wakil Ketua I, Rabu (6/3/2024).")
    held = {(p, role) for p, role, _ in holdings(x)}
    assert {("ahmad fauzan", "Ketua"), ("dewi lestari", "Wakil Ketua I")} <= held


def test_posts_listed_without_a_body_serve_the_body_the_sentence_before_named() -> None:
    x = extract_text("MERAUKE, WARTAKITA.ID - Dewan juga membentuk alat kelengkapan, Senin "
                     "(4/3/2024). Yang terakhir dibentuk adalah Badan Kehormatan dengan tiga orang "
                     "anggota. Lewat musyawarah, terpilih sebagai Ketua Yohanes Kambu, Wakil Ketua "
                     "Sentosa dan Sekretaris Maria Gebze.")
    posts = {(p, role): o for p, role, o in holdings(x)}
    assert set(posts) == {("yohanes kambu", "Ketua"), ("sentosa", "Wakil Ketua"),
                          ("maria gebze", "Sekretaris")}
    body = {o.key: o.name for o in x.organizations}
    assert {body[o] for o in posts.values()} == {"Badan Kehormatan"}


def test_a_lone_post_without_a_body_is_no_holding_of_the_body_before() -> None:
    x = extract_text("MERAUKE, WARTAKITA.ID - Yang terakhir dibentuk adalah Badan Kehormatan, "
                     "Senin (4/3/2024). Rapat itu juga dihadiri Ketua Yohanes Kambu.")
    assert holdings(x) == set()


def test_a_faction_speaks_through_its_spokesman() -> None:
    x = extract_text("SORONG, WARTAKITA.ID - Dalam rapat paripurna DPRD Kota Sorong, Rabu "
                     "(6/3/2024), Fraksi Partai Hanura lewat juru bicaranya Yosef Wanma meminta "
                     "pemerintah kota menata ulang organisasi perangkat daerah.")
    posts = {(p, role): o for p, role, o in holdings(x)}
    assert ("yosef wanma", "Juru Bicara") in posts
    body = {o.key: o.name for o in x.organizations}
    assert body[posts["yosef wanma", "Juru Bicara"]] == "Fraksi Partai Hanura"


def test_the_spokesman_of_a_committee_in_lower_case() -> None:
    x = extract_text("SORONG, WARTAKITA.ID - Laporan panitia itu dibacakan oleh juru bicara Pansus, "
                     "Yosef Wanma, dalam rapat paripurna, Rabu (6/3/2024).")
    assert ("yosef wanma", "Juru Bicara") in {(p, role) for p, role, _ in holdings(x)}


def test_a_former_post_in_brackets_after_the_name() -> None:
    x = extract_text("PANGKALPINANG, WARTAKITA.ID - Penyidik menahan dua orang, yakni Rudianto "
                     "(Eks Bendahara DPRD Kota Pangkalpinang tahun 2019) dan Marlina Sari (Eks "
                     "Wakil Ketua DPRD Kota Pangkalpinang), Kamis (7/3/2024).")
    held = {(h.person, h.role, h.status.name) for h in x.holdings}
    assert held == {("rudianto", "Bendahara", "FORMER"), ("marlina sari", "Wakil Ketua", "FORMER")}


def test_chairs_listed_with_their_committee_in_brackets() -> None:
    x = extract_text("TERNATE, WARTAKITA.ID - Rapat kerja itu dihadiri para Ketua Komisi DPRD Kota "
                     "Ternate, di antaranya Umar Kadir (Komisi I), Rosmawati Hasan (Komisi II) dan "
                     "Jefri Tuanany (Komisi III), Selasa (5/3/2024).")
    body = {o.key: o.name for o in x.organizations}
    chairs = {p: body[o] for p, role, o in holdings(x) if role == "Ketua"}
    assert chairs == {"umar kadir": "Komisi I", "rosmawati hasan": "Komisi II",
                      "jefri tuanany": "Komisi III"}


def test_a_committee_with_its_chair_written_in_lower_case() -> None:
    x = extract_text("MERAUKE, WARTAKITA.ID - Rapat Senin (4/3/2024) itu membentuk Komisi B "
                     "dengan ketua Yohanes Kambu, Wakil Ketua Maria Gebze dan Sekretaris Petrus "
                     "Ndiken.")
    body = {o.key: o.name for o in x.organizations}
    posts = {(p, role, body[o]) for p, role, o in holdings(x)}
    assert posts == {("yohanes kambu", "Ketua", "Komisi B"), ("maria gebze", "Wakil Ketua", "Komisi B"),
                     ("petrus ndiken", "Sekretaris", "Komisi B")}


def test_one_word_names_between_the_first_and_last_full_names_of_a_list_are_persons() -> None:
    x = extract_text("LANGARA, SULTRAPOST.ID - Rapat paripurna DPRD Kabupaten Konawe Kepulauan digelar Senin "
                     "(3/6/2024). Anggota yang tidak hadir, Yusran Halim, Marto, Sabri, Lukman dan Wa Ode Nurlia.")
    assert {"Marto", "Sabri", "Lukman"} <= {p.name for p in x.persons}
