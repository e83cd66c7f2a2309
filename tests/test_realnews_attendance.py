"""Attendance constructions met in real regional news (the real-news development set), each
reproduced with invented names and our own words: no sentence here comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text


def _attending(text: str) -> set[str]:
    """Return the keys of those an invented article says took part."""
    return {a.participant for a in extract_text(text).attendances}


def test_both_sides_of_a_handover_take_part() -> None:
    attending = _attending(
        "SEMARANG, JATENGPOS.ID - Kapolda Jawa Tengah memimpin serah terima jabatan sejumlah "
        "pejabat di Aula Polda, Senin (8/7/2024). Kapolres Batang AKBP Gilang Pramudya digantikan "
        "oleh AKBP Rendra Saputro, dan Kapolres Demak AKBP Yosef Halawa digantikan oleh AKBP "
        "Bima Kartolo.")
    assert {"gilang pramudya", "rendra saputro", "yosef halawa", "bima kartolo"} <= attending


def test_a_post_passed_from_one_holder_to_the_next_has_both_there() -> None:
    attending = _attending(
        "PALEMBANG, SUMSELPOST.ID - Pangdam memimpin upacara serah terima jabatan di Makodam, "
        "Jumat (5/4/2024). Dua jabatan berganti: Kasdam Sriwijaya dari Brigjen TNI Harun "
        "Maulana ke Brigjen TNI Joko Pranoto, dan Irdam Sriwijaya dari Brigjen TNI Aditya "
        "Wirabuana ke Brigjen TNI Samuel Lumbantobing.")
    assert {"harun maulana", "joko pranoto", "aditya wirabuana", "samuel lumbantobing"} <= attending


def test_a_roll_of_those_present_goes_on_through_representatives_of_bodies() -> None:
    attending = _attending(
        "SUMBAWA, NTBNEWS.ID - Polres Sumbawa menggelar latihan pengamanan pilkada di Mapolres, "
        "Rabu (14/10/2024). Hadir pada kesempatan itu Dandim 1607 Sumbawa Letkol Inf Dimas "
        "Prasetyo. Wakapolres Sumbawa Kompol Arman Hidayat, Kasat Pol PP Kabupaten Sumbawa, "
        "Rahmat Jayadi, Perwakilan BPBD Kabupaten Sumbawa, dan Perwakilan Dinas Perhubungan "
        "Kabupaten Sumbawa.")
    assert {"arman hidayat", "rahmat jayadi"} <= attending


def test_those_named_as_not_present_do_not_attend() -> None:
    attending = _attending(
        "BAUBAU, SULTRANEWS.ID - DPRD Kota Baubau mengadakan sidang paripurna, Senin (3/6/2024). "
        "Sidang dipimpin Ketua DPRD Kota Baubau Hasan Lakuta. Anggota yang tidak hadir, Yusuf "
        "Mabruri, Dewi Andriani dan Salim Tamalaki.")
    assert "hasan lakuta" in attending
    assert not {"yusuf mabruri", "dewi andriani", "salim tamalaki"} & attending


def test_an_event_held_with_the_ranks_of_bodies_and_unnamed_officials() -> None:
    x = extract_text(
        "LOLAK, MANADOPOS.ID - Bupati Minahasa Tenggara Rina Pangalila, Selasa (6/5/2025), "
        "memimpin rapat bersama jajaran Forkopimda, Ketua DPRD Minahasa Tenggara, Dandim 1302/"
        "Minahasa dan Kejari, bertempat di aula kantor bupati.")
    attending = {a.participant for a in x.attendances}
    bodies = {o.key for o in x.organizations if o.name.startswith(("Forkopimda", "Kejari", "DPRD"))}
    assert len(bodies) == 3 and bodies <= attending


def test_a_celebration_is_an_occasion_for_those_quoted_at_it() -> None:
    attending = _attending(
        "SINGARAJA, BALIPOST.ID - Kepala Kejari Buleleng, Ratna Dewayani, menyebut tiga perkara "
        "korupsi masih disidik. \"Kami tidak akan berhenti,\" kata Ratna di sela perayaan Hari "
        "Bhakti Adhyaksa di kantornya, Kamis (22/7/2021).")
    assert "ratna dewayani" in attending


def test_a_council_sitting_is_an_occasion() -> None:
    attending = _attending(
        "TANJUNG SELOR, KALTARAPOS.ID - Sidang paripurna DPRD Kabupaten Malinau mengesahkan dua "
        "peraturan daerah, Senin (4/3/2024). Di akhir sidang, Sekretaris DPRD Malinau, Yohanes "
        "Lawing, mengucapkan salam perpisahan.")
    assert "yohanes lawing" in attending


def test_the_one_before_a_represented_group_came_in_person() -> None:
    attending = _attending(
        "MARTAPURA, KALSELNEWS.ID - Rapat paripurna DPRD Kabupaten Tanah Laut dipimpin Ketua "
        "DPRD, Rahmat Hidayat, didampingi Wakil Ketua Dedi Firmansyah, serta dihadiri pihak "
        "pemerintah daerah yang diwakili Asisten Administrasi Umum Setda Tanah Laut, Siti "
        "Aminah, Rabu (2/7/2025).")
    assert {"rahmat hidayat", "dedi firmansyah", "siti aminah"} <= attending


def test_a_body_named_as_the_place_of_a_meeting_is_no_party_to_it() -> None:
    x = extract_text(
        "WONOSOBO, JATENGNEWS.ID - Ketua DPRD Wonosobo, Galih Prasetyo, dan Bupati Wonosobo, "
        "Arif Nugroho, hadir dalam rapat koordinasi di Setda Wonosobo, Selasa (10/12/2024).")
    attending = {a.participant for a in x.attendances}
    setda = {o.key for o in x.organizations if o.name.startswith("Setda")}
    assert {"galih prasetyo", "arif nugroho"} <= attending
    assert setda and not setda & attending


def test_a_post_given_at_an_inauguration_brings_no_body_of_its_own() -> None:
    x = extract_text(
        "BANDAR LAMPUNG, LAMPUNGNEWS.ID - Gubernur Lampung melantik sejumlah pejabat, Senin "
        "(6/1/2025). Wulan Sari dari Kepala Bagian Umum dilantik menjadi Kepala Dinas Sosial "
        "Lampung; Bayu Pratama dari Camat Kemiling dilantik sebagai Kepala Biro Umum Setda Lampung.")
    attending = {a.participant for a in x.attendances}
    given = {o.key for o in x.organizations if o.name.startswith(("Dinas Sosial", "Biro Umum"))}
    assert given and not given & attending


def test_the_one_who_fills_a_post_at_a_handover_takes_part() -> None:
    attending = _attending(
        "AMBON, MALUKUPOST.ID - Kapolda Maluku memimpin serah terima jabatan dua pejabat utama di "
        "Aula Polda, Senin (8/7/2024). Kombes Pol Hendra Lubis sebelumnya menjabat Dirreskrimum "
        "Polda Maluku, dan kursi yang ditinggalkannya kemudian diisi oleh Kombes Pol Yudha Perkasa.")
    assert "yudha perkasa" in attending


def test_a_quote_tagged_after_it_names_its_speaker() -> None:
    attending = _attending(
        "SOFIFI - Polres Halmahera Barat menggelar apel kesiapan pengamanan pilkada, Rabu "
        "(3/4/2024). \"Kami siap mengamankan seluruh tahapan,\" ucap Kapolres Halmahera Barat "
        "AKBP Rudi Hartanto.")
    assert "rudi hartanto" in attending


def test_the_official_who_holds_a_meeting_takes_part() -> None:
    attending = _attending(
        "TERNATE - Kapolda Maluku Utara, Irjen Pol Darius Wattimena, mengadakan pertemuan dengan "
        "para tokoh adat di Ternate, Rabu (3/4/2024). Pertemuan itu membahas keamanan menjelang "
        "pilkada.")
    assert "darius wattimena" in attending


def test_the_bodies_with_a_host_take_part_too() -> None:
    attending = _attending(
        "MAJENE - Pemerintah Kabupaten Majene bersama unsur Forkopimda Majene melakukan pemantauan "
        "ke tiga gudang logistik pilkada, Kamis (7/11/2024). Pemantauan berlangsung sejak pagi "
        "hingga sore.")
    assert "forkopimda|76.05" in attending


def test_the_bodies_joined_by_dengan_in_a_lead_subject_all_hold_it() -> None:
    attending = _attending(
        "MAJENE - Forkopimda Majene dengan Kejaksaan Negeri Majene, TNI dan Polri meneguhkan tekad "
        "menjaga keamanan menjelang pilkada, Senin (4/11/2024). Tekad itu diucapkan bersama di "
        "pendopo kabupaten.")
    assert {"tni", "polri", "kejari|76.05"} <= attending
