"""Who was not present, though a sentence with a word of presence names them: constructions met
in real regional news (the real-news development set), each reproduced with invented names and
our own words: no sentence here comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text


def _attending(text: str) -> set[str]:
    """Return the keys of those an invented article says took part."""
    return {a.participant for a in extract_text(text).attendances}


def _body(text: str, start: str) -> str:
    """Return the key of the one organisation whose name begins so."""
    found = [o.key for o in extract_text(text).organizations if o.name.startswith(start)]
    assert len(found) == 1, found
    return found[0]


def test_a_body_in_a_clause_of_basis_after_the_verb_is_no_party() -> None:
    text = ("LUWUK, SULTENGPOS.ID - Penahanan dua tersangka dilakukan Kejaksaan Negeri Banggai "
            "berdasarkan putusan Pengadilan Tinggi Sulawesi Tengah, Kamis (6/6/2024).")
    attending = _attending(text)
    assert _body(text, "Kejaksaan Negeri") in attending
    assert _body(text, "Pengadilan Tinggi") not in attending


def test_a_body_in_a_clause_of_cause_after_the_verb_is_no_party() -> None:
    text = ("TOLITOLI, SULTENGPOS.ID - Bupati Tolitoli Rahmat Bakri melantik ulang empat pejabat "
            "eselon III, Senin (3/6/2024), karena belum ada persetujuan dari Badan Kepegawaian "
            "Negara.")
    attending = _attending(text)
    assert "rahmat bakri" in attending
    assert _body(text, "Badan Kepegawaian") not in attending


def test_an_official_present_whose_body_has_no_region_written_brings_no_body() -> None:
    x = extract_text(
        "PANGKALAN BUN, KALTENGNEWS.ID - Rapat koordinasi pengamanan pilkada digelar di aula "
        "Mapolres Kotawaringin Barat, Rabu (9/10/2024). Rapat dihadiri Kapolres Kotawaringin "
        "Barat, Ketua Pengadilan Negeri, Kepala Kejaksaan Negeri dan Staf Ahli Menteri Dalam "
        "Negeri.")
    attending = {a.participant for a in x.attendances}
    bodies = {o.name: o.key for o in x.organizations}
    # "Kapolres Kotawaringin Barat" names the body; a national body is one body anyway
    assert {bodies["Polres Kotawaringin Barat"], bodies["Kementerian Dalam Negeri"]} <= attending
    # "Ketua Pengadilan Negeri", "Kepala Kejaksaan Negeri": a title with no region names no body
    assert not {bodies["Pengadilan Negeri"], bodies["Kejaksaan Negeri"]} & attending


def test_a_body_whose_building_holds_the_venue_is_no_party() -> None:
    for text in (
            "WATAMPONE, BONEPOS.ID - Bupati Bone Andi Rahmat Pawelloi menghadiri rapat koordinasi "
            "inflasi di aula lantai II Setda Bone, Senin (4/3/2024).",
            "WATAMPONE, BONEPOS.ID - Sidang pleno berlangsung di ruang Melati Setda Bone, Senin "
            "(4/3/2024), dan dihadiri Bupati Bone Andi Rahmat Pawelloi serta Ketua DPRD Bone Hasan "
            "Basri."):
        attending = _attending(text)
        assert "andi rahmat pawelloi" in attending
        assert _body(text, "Setda") not in attending


def test_one_named_inside_the_quote_is_not_who_said_it() -> None:
    attending = _attending(
        "KENDARI, SULTRAPOS.ID - Ketua KPU Kota Kendari Rina Lestari memimpin rapat pleno "
        "rekapitulasi suara, Senin (2/12/2024). “Hasil pleno ini segera kami teruskan kepada Wali "
        "Kota Kendari Darman Hadi,” ujarnya.")
    assert "rina lestari" in attending
    assert "darman hadi" not in attending


def test_bodies_inside_a_quote_are_not_those_present_after_it() -> None:
    text = ("SORONG, PAPUAPOS.ID - Bupati Sorong Yohan Kalami membuka pekan olahraga pelajar, Rabu "
            "(7/8/2024). “Kami berterima kasih atas dukungan Kodim 1802/Sorong dan Polres Sorong "
            "selama persiapan,” kata Yohan, didampingi Wakil Bupati Sorong Markus Wanma.")
    attending = _attending(text)
    assert {"yohan kalami", "markus wanma"} <= attending
    assert not {_body(text, "Kodim"), _body(text, "Polres")} & attending


def test_those_a_sentence_of_words_given_by_telephone_names_took_part_in_nothing() -> None:
    text = ("SUKAMAJU - Bupati Sukamaju Hendra Wiratama memimpin rapat koordinasi penanganan banjir "
            "di aula kantor bupati, Senin (3/6/2024). Terpisah, Kepala Pelaksana BPBD Sukamaju, Ferdi "
            "Kurniawan, saat dikofirmasi melalui sambungan telepon memimpin pendataan korban bersama "
            "Dinas Sosial Kabupaten Sukamaju.")
    attending = _attending(text)
    assert "hendra wiratama" in attending
    assert "ferdi kurniawan" not in attending
    assert _body(text, "Dinas Sosial") not in attending


def test_one_asked_by_telephone_gives_the_words_that_follow_there_too() -> None:
    text = ("SUKAMAJU - Bupati Sukamaju Hendra Wiratama memimpin rapat koordinasi penanganan banjir "
            "di aula kantor bupati, Senin (3/6/2024). Kepala Pelaksana BPBD Sukamaju, Ferdi Kurniawan, "
            "saat dikonfirmasi membenarkan hal itu. \u201cPendataan korban masih berjalan sampai "
            "hari ini,\u201d ujarnya.")
    attending = _attending(text)
    assert "hendra wiratama" in attending
    assert "ferdi kurniawan" not in attending


def test_a_spokesman_who_confirms_a_coming_handover_takes_no_part_in_it() -> None:
    text = ("SUKAMAJU - AKBP Danu Prasetyo akan menyerahkan jabatan Kapolres Sukamaju kepada AKBP Yoga "
            "Pranata. Kasi Humas Polres Sukamaju AKP Rina Oktaviani membenarkan, Senin (3/6/2024), "
            "segera dilakukan serah terima jabatan keduanya pekan depan.")
    attending = _attending(text)
    assert "yoga pranata" in attending
    assert "rina oktaviani" not in attending


def test_the_party_a_companion_comes_from_is_no_party_to_the_event() -> None:
    text = ("SUKAMAJU - Ketua DPRD Sukamaju Hendra Wiratama memimpin rapat paripurna, didampingi "
            "Darmawan Saputra dari Partai Bintang Timur sebagai Wakil Ketua I.")
    attending = _attending(text)
    assert "darmawan saputra" in attending
    assert _body(text, "Partai Bintang") not in attending


def test_one_named_only_in_a_caption_credited_in_square_brackets_took_no_part() -> None:
    text = ("SUKAMAJU - Bupati Sukamaju Hendra Wiratama memimpin apel kesiapsiagaan bencana di "
            "lapangan kantor bupati, Senin (3/6/2024).\n\n"
            "Tampak Ketua DPRD Sukamaju Darmawan Saputra menyapa warga di lokasi pengungsian."
            "[FOTO: dok humas pemkab]\n\n"
            "Apel itu diikuti personel gabungan dari berbagai instansi.")
    attending = _attending(text)
    assert "hendra wiratama" in attending
    assert not any("darmawan" in key or key.startswith("dprd") for key in attending)
