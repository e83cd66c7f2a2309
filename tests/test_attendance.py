"""Who took part in an article's events: those present, the hosts, the speakers, the represented.

Read through `make_article` -> `extract`; every sentence is invented for these tests.
Region codes: 16.04 is Lahat.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.article import parse_article
from kg.extract.attendance import hosts, present, speakers
from kg.ingest.article import make_article
from kg.records import Extraction


def extract_text(text: str, published: str = "2024-03-15", ident: str = "uji") -> Extraction:
    """Extract an invented article given as text."""
    return extract(make_article(ident, text, "test", {"published": published}))


def taking(x: Extraction) -> set[tuple[str, str, str]]:
    """Return the (participant, kind, role) triples of an extraction."""
    return {(a.participant, a.kind, a.role) for a in x.attendances}


REPORT = (
    "LAHAT, SUMSELPOST.ID - Kejaksaan Negeri Lahat menggelar sosialisasi pencegahan korupsi dana "
    "desa di Aula Kantor Camat Pulau Pinang, Selasa (12/3/2024). Kegiatan itu dihadiri Kajari "
    "Lahat Sinta Dewi dan 60 Kades se-Kabupaten Lahat. \"Dana desa harus dikelola secara "
    "terbuka,\" kata Sinta. Ia menambahkan, pihaknya membuka posko pengaduan. \"Jangan ragu "
    "melapor,\" ujarnya.")


@pytest.fixture(scope="module")
def report() -> Extraction:
    return extract_text(REPORT)


def test_every_participation_points_at_the_main_event(report: Extraction) -> None:
    (event,) = report.events
    assert event.kind == "Socialisation"
    assert {a.event for a in report.attendances} == {event.key}


def test_the_host_named_before_menggelar_is_the_organizer(report: Extraction) -> None:
    assert ("kejari|16.04", "organization", "organizer") in taking(report)


def test_those_listed_after_dihadiri_attend(report: Extraction) -> None:
    assert {("sinta dewi", "person", "attendee"),
            ("kepala desa", "collective", "attendee")} <= taking(report)


def test_speakers_by_kata_pronoun_and_quote_tag(report: Extraction) -> None:
    spoken = sorted(a.sentence.text for a in report.attendances if a.role == "speaker")
    assert all(a.participant == "sinta dewi" for a in report.attendances if a.role == "speaker")
    assert len(spoken) == 3
    assert any("kata Sinta" in s for s in spoken)
    assert any(s.startswith("Ia menambahkan") for s in spoken)
    assert any("ujarnya" in s for s in spoken)


def test_each_participation_rests_on_its_own_sentence(report: Extraction) -> None:
    text = report.article.text
    for a in report.attendances:
        assert text[a.sentence.start:a.sentence.end] == a.sentence.text
        assert a.sentence in report.sentences


def test_an_article_without_an_event_has_no_attendance() -> None:
    x = extract_text("Kepala Dinas Kesehatan Lahat, Wulan Permatasari, mengatakan stok vaksin "
                     "cukup hingga akhir tahun.")
    assert x.events == ()
    assert x.attendances == ()
    assert x.holdings  # the holding is read all the same


def test_the_subject_of_the_lead_sentence_hosts_the_event() -> None:
    x = extract_text("Bawaslu Kabupaten Lahat dan KPU Kabupaten Lahat terus mendorong warga "
                     "menggunakan hak pilih. Sosialisasi itu digelar di Balai Desa Pagar Agung.")
    organizers = {a.participant for a in x.attendances if a.role == "organizer"}
    assert organizers == {"bawaslu|16.04", "kpu|16.04"}


def test_the_host_named_after_digelar_oleh_is_the_organizer() -> None:
    x = extract_text("Rapat koordinasi pengamanan Pilkada digelar oleh Polres Lahat di "
                     "Mapolres Lahat, Senin (11/3/2024).")
    assert taking(x) == {("polres|16.04", "organization", "organizer")}


def test_two_hosts_after_digelar_oleh() -> None:
    x = extract_text("Rapat koordinasi digelar oleh Polres Lahat dan Kejari Lahat di Mapolres "
                     "Lahat.")
    assert taking(x) == {("polres|16.04", "organization", "organizer"),
                         ("kejari|16.04", "organization", "organizer")}


def test_represented_head_is_absent_and_representative_present() -> None:
    x = extract_text("Upacara Hari Jadi Kabupaten Lahat dihadiri Bupati Lahat Sahril Anwar yang "
                     "diwakili oleh Asisten I Setda Lahat, Haryanto Wibowo.")
    people = {a.participant for a in x.attendances if a.kind == "person"}
    assert people == {"haryanto wibowo"}
    assert "sahril anwar" in {h.person for h in x.holdings}


def test_only_the_one_named_before_diwakili_in_a_list_of_those_present_is_absent() -> None:
    x = extract_text("Rapat Forkopimda Merangin, Senin (5/6/2023). Hadir Ketua DPRD Kabupaten "
                     "Merangin Budi Hartono, Kepala Kejaksaan Negeri Merangin Rudi Santoso, Kapolres "
                     "Merangin yang diwakili oleh Kasat Intelkam Iptu Andi Saputra, dan Bupati "
                     "Merangin Joko Susilo yang diwakili Asisten I Dedi Kurnia.")
    people = {a.participant for a in x.attendances if a.kind == "person"}
    assert people == {"budi hartono", "rudi santoso", "andi saputra", "dedi kurnia"}
    assert "polres|15.02" in {a.participant for a in x.attendances}


def test_a_bare_list_after_those_present_names_more_of_them() -> None:
    x = extract_text("KENDARI, SULTRANEWS.ID - KPU Kota Kendari menggelar rapat pleno, Rabu "
                     "(8/5/2024). Hadir Rudi Hartono (Ketua Bawaslu Kota Kendari), Sinta Dewi "
                     "(Anggota Bawaslu Kota Kendari). Kemudian AKBP Joko Susilo (Kapolres Kendari), "
                     "Letkol Inf Dedi Kurnia (Dandim 1417/Kendari). Pleno berjalan lancar, kata "
                     "Ketua KPU Kota Kendari Ahmad Yani.")
    people = {a.participant for a in x.attendances if a.kind == "person"}
    assert {"rudi hartono", "sinta dewi", "joko susilo", "dedi kurnia"} <= people


def test_a_bare_list_may_open_with_pun_and_close_with_others_unnamed() -> None:
    x = extract_text("NGAWI, JATIMNEWS.ID - Panen raya dihadiri Rudi Hartono Menteri Pertanian, "
                     "Senin (3/3/2025). Pun, Sinta Dewi Menteri Perdagangan, Joko Susilo Dirut Perum "
                     "Bulog dan pejabat penting lainnya.")
    people = {a.participant for a in x.attendances if a.kind == "person"}
    assert {"rudi hartono", "sinta dewi", "joko susilo"} <= people


def test_present_skips_the_represented_in_one_parsed_sentence() -> None:
    article = make_article("uji", "Rapat dihadiri Wali Kota Palembang Firman Syah yang diwakili "
                                  "Sekda Palembang, Rosmala Dewi.", "test", {})
    parsed = parse_article(article).sentences
    names = [t.chunk.person.name for t in present(0, parsed[0]) if t.chunk.person]
    assert names == ["Rosmala Dewi"]


def test_present_needs_a_presence_word() -> None:
    parsed = parse_article(make_article(
        "uji", "Kapolres Lahat AKBP Yoga Pratama memeriksa kesiapan personel.", "test", {})).sentences
    assert present(0, parsed[0]) == []


def test_hosts_and_speakers_on_parsed_sentences() -> None:
    parsed = parse_article(make_article(
        "uji", "KPU Kota Palembang mengadakan bimtek. Ketua KPU Kota Palembang, Fajar Nugroho, "
               "mengatakan bimtek diikuti petugas PPK.", "test", {})).sentences
    assert [(t.chunk.text, t.role) for t in hosts(0, parsed[0], lead=False)] == [
        ("KPU Kota Palembang", "organizer")]
    assert [(t.chunk.text, t.role) for t in speakers(1, parsed[1], None)] == [
        ("Fajar Nugroho", "speaker")]


def test_menurut_title_name_is_a_speaker() -> None:
    x = extract_text("Apel siaga digelar di Lapangan Merdeka. Menurut Kapolres Lahat, AKBP Yoga "
                     "Pratama, apel diikuti tiga ratus personel gabungan.")
    assert ("yoga pratama", "person", "speaker") in taking(x)


def test_a_place_after_di_does_not_attend() -> None:
    x = extract_text("Bupati Lahat Sahril Anwar meresmikan pasar rakyat di Kecamatan Merapi Barat.")
    # The Bupati's government takes part through him (ANNOTATION.md); the place does not.
    assert taking(x) == {("sahril anwar", "person", "attendee"),
                         ("pemkab|16.04", "organization", "attendee")}


def test_those_listed_with_the_subject_of_a_verb_of_taking_part_and_an_opener_attend() -> None:
    x = extract_text("LAHAT, SUMSELNEWS.ID - Bupati Lahat Bursah Zainudin dan Wakil Bupati Lahat Widia "
                     "Ningrum memimpin apel gabungan, Senin (2/12/2024). Kegiatan itu dibuka oleh Kapolres "
                     "Lahat AKBP Yoga Pratama.")
    people = {a.participant for a in x.attendances if a.kind == "person"}
    assert people == {"bursah zainudin", "widia ningrum", "yoga pratama"}


def test_officials_sworn_in_from_one_post_to_another_attend_for_neither_body() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Gubernur Sumatera Selatan, Hendra Wijaya, melantik dua "
                     "penjabat bupati di Palembang, Senin (2/9/2024). Adapun nama penjabat yang dilantik "
                     "oleh Gubernur Sumsel yakni :\n"
                     "- Pj Bupati Lahat, Rudi Hartono (Kepala Dinas Sosial Sumatera Selatan)\n"
                     "- Pj Bupati Empat Lawang, Sari Dewi (Sekda Kabupaten Empat Lawang)\n")
    attending = {a.participant for a in x.attendances}
    assert {"rudi hartono", "sari dewi", "hendra wijaya", "pemprov|16"} <= attending
    assert not {"pemkab|16.04", "pemkab|16.11", "dinsos|16"} & attending


def test_officials_a_list_appoints_with_sebagai_are_sworn_in_in_person() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Bupati Lahat, Hendra Wijaya, melantik pejabat eselon dua, Senin "
                     "(2/9/2024). Pejabat yang dilantik sebagai berikut: Rudi Hartono sebagai Kepala Dinas "
                     "Sosial Kabupaten Lahat, Sari Dewi sebagai Kepala Dinas Pendidikan Kabupaten Lahat. "
                     "Bambang Prasetyo sebagai Kepala Badan Kepegawaian Daerah Kabupaten Lahat.")
    attending = {a.participant for a in x.attendances}
    assert {"rudi hartono", "sari dewi", "bambang prasetyo", "hendra wijaya"} <= attending
    held = {h.organization for h in x.holdings if h.person != "hendra wijaya"}
    assert len(held) == 3 and not held & attending


def test_those_who_accompany_the_host_or_read_at_the_ceremony_attend() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Bupati Lahat Hendra Wijaya membuka upacara Hari Ibu, Senin "
                     "(22/12/2024). Wakil Bupati Lahat Budi Hartono dan Kepala Dinas Sosial Kabupaten Lahat Rudi "
                     "Santoso turut mendampingi Bupati. Sejarah singkat dibacakan oleh Sekretaris GOW "
                     "Kabupaten Lahat, Sari Dewi.")
    assert {"budi hartono", "rudi santoso", "sari dewi"} <= {a.participant for a in x.attendances}


def test_the_official_replaced_is_named_not_present() -> None:
    x = extract_text("LAHAT, SUMSELPOST.ID - Gubernur Sumsel Hendra Wijaya melantik pejabat, Senin (2/9/2024). "
                     "Rudi Santoso dilantik menjadi Kajari Lahat menggantikan Bambang Prasetyo yang pindah "
                     "tugas ke Kejati Jambi. Sari Dewi menggantikan Agus Hartanto sebagai Pj Bupati Empat Lawang.")
    attending = {a.participant for a in x.attendances}
    assert {"rudi santoso", "hendra wijaya"} <= attending
    assert not {"bambang prasetyo", "agus hartanto"} & attending


def test_the_bodies_whose_personnel_are_deployed_take_part() -> None:
    x = extract_text("BITUNG, SULUTNEWS.ID - KPU Kota Bitung menggelar rapat pleno, Senin (2/12/2024). Sebanyak "
                     "150 personel dari TNI dan Polri dikerahkan untuk menjaga rapat pleno tersebut.")
    assert {"tni", "polri"} <= {a.participant.split("|")[0] for a in x.attendances}


def test_officials_listed_after_a_passive_oath_are_sworn_in_in_person() -> None:
    x = extract_text("SEMARANG, JATENGNEWS.ID - Gubernur Jawa Tengah, Hendra Wijaya, melantik pejabat, Senin "
                     "(6/5/2024). Pejabat yang dilantik adalah Kepala Dinas Kelautan dan Perikanan Fendi "
                     "Tiskianto; Kepala Dinas Pekerjaan Umum, Bina Marga, dan Cipta Karya Retno Sudarwati.")
    attending = {a.participant for a in x.attendances}
    assert {"fendi tiskianto", "retno sudarwati", "hendra wijaya"} <= attending
    held = {h.organization for h in x.holdings if h.person != "hendra wijaya"}
    assert len(held) == 2 and not held & attending
