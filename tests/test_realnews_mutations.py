"""Mutation and rotation prose met in real regional news (the real-news development set): who
leaves which post and who takes it, reproduced with invented names and our own words."""

from __future__ import annotations

from tests.test_grammar import extract_text


def _posts(text: str) -> set[tuple[str, str, str, str]]:
    """Return the (person, role, organisation's name, status) of each holding read from a text."""
    x = extract_text(text)
    names = {o.key: o.name for o in x.organizations}
    return {(h.person, h.role, names[h.organization], h.status) for h in x.holdings}


def test_a_former_post_then_kini_and_a_few_words_gives_the_new_post() -> None:
    posts = _posts("BENGKULU, WARTAKITA.ID - Gubernur melantik pejabat baru, Senin (8/4/2024). "
                   "Rahmat Hidayat, eks Kepala Dinas Pertanian, kini menduduki kursi penting "
                   "sebagai Kepala Dinas Sosial.")
    assert ("rahmat hidayat", "Kepala", "Dinas Pertanian", "former") in posts
    assert ("rahmat hidayat", "Kepala", "Dinas Sosial", "current") in posts


def test_a_former_post_then_kini_leading_a_body_makes_its_head() -> None:
    posts = _posts("BENGKULU, WARTAKITA.ID - Gubernur melantik pejabat baru, Senin (8/4/2024). "
                   "Yusuf Pranata, mantan Kepala Dinas Pariwisata, kini memimpin Dinas "
                   "Perhubungan.")
    assert ("yusuf pranata", "Kepala", "Dinas Pariwisata", "former") in posts
    assert ("yusuf pranata", "Kepala", "Dinas Perhubungan", "current") in posts


def test_a_post_left_by_one_is_taken_by_the_next_who_moves_on_too() -> None:
    posts = _posts("KALIANDA, LAMPUNGKITA.ID - Bupati melantik empat pejabat, Jumat (5/1/2024). "
                   "Selanjutnya Agus Wibowo yang sebelumnya menjabat Kepala Dinas Koperasi kini menjabat "
                   "sebagai Kepala Badan Kepegawaian Daerah yang sebelumnya dijabat Dedi Kusnadi "
                   "yang kini mengisi Kepala Dinas Kesehatan.")
    assert {("agus wibowo", "Kepala", "Dinas Koperasi", "former"),
            ("agus wibowo", "Kepala", "Badan Kepegawaian Daerah", "current"),
            ("dedi kusnadi", "Kepala", "Badan Kepegawaian Daerah", "former"),
            ("dedi kusnadi", "Kepala", "Dinas Kesehatan", "current")} <= posts


def test_the_old_post_of_the_one_moved_goes_to_who_fills_it() -> None:
    posts = _posts("KALIANDA, LAMPUNGKITA.ID - Bupati melantik pejabat eselon II, Jumat (5/1/2024). "
                   "Budi Santoso yang sebelumnya menjabat Asisten Bidang Pemerintahan dilantik "
                   "menjadi Sekretaris DPRD Tanggamus; jabatan lamanya kini ditempati oleh Wahyu "
                   "Pratama yang sebelumnya menjabat Kepala Dinas Perikanan.")
    assert {(p, role) for p, role, _, _ in posts if p == "wahyu pratama"} == {
        ("wahyu pratama", "Asisten Bidang Pemerintahan"), ("wahyu pratama", "Kepala")}


def test_the_post_left_in_the_sentence_before_goes_to_who_fills_it() -> None:
    posts = _posts("PADANG, SUMBARKITA.ID - Wali Kota merotasi pejabat, Senin (8/1/2024). Hendra "
                   "Gunawan yang sebelumnya menjabat Kepala Dinas Koperasi kini menjabat Asisten "
                   "Perekonomian. Posisi yang ditinggalkannya tersebut akan diemban oleh Ratna Sari, yang "
                   "sebelumnya memimpin Dinas Pertanian.")
    assert ("ratna sari", "Kepala", "Dinas Koperasi", "incoming") in posts
    assert ("ratna sari", "Kepala", "Dinas Pertanian", "former") in posts


def test_the_post_of_one_named_goes_to_who_replaces_him() -> None:
    posts = _posts("TERNATE, MALUTKITA.ID - Gubernur melantik pejabat, Senin (10/5/2024). Kepala "
                   "Badan Pendapatan Daerah Sofyan Hamid dirotasi menjadi Asisten Perekonomian. "
                   "Posisi Sofyan digantikan Irwan Tuanany yang semula menjabat Staf Ahli "
                   "Gubernur.")
    assert ("irwan tuanany", "Kepala", "Badan Pendapatan Daerah", "incoming") in posts


def test_who_menggantikan_one_takes_the_post_he_left_or_gives_him_the_new_one() -> None:
    posts = _posts("TERNATE, MALUTKITA.ID - Gubernur melantik Agus Wijaya sebagai Kepala Dinas "
                   "Pekerjaan Umum, Senin (10/5/2024). Agus yang semula bertugas sebagai Kepala "
                   "Dinas Perumahan itu menggantikan posisi Bambang Irawan. Selain Agus, Gubernur juga "
                   "melantik Dedi Firmansyah yang sebelumnya menjabat Kepala Dinas Perhubungan "
                   "menggantikan posisi yang ditinggalkan Agus.")
    assert ("bambang irawan", "Kepala", "Dinas Pekerjaan Umum", "former") in posts
    assert ("dedi firmansyah", "Kepala", "Dinas Perumahan", "incoming") in posts


def test_the_post_one_is_moved_to_takes_no_name_after_its_comma() -> None:
    posts = _posts("GARUT, JABARKITA.ID - Bupati merotasi pejabat, Rabu (3/1/2024). Pejabat lain "
                   "yakni Kepala Dinas Pendidikan Asep Sunandar dirotasi sebagai Staf Ahli Bupati "
                   "Bidang Hukum, Wawan Hermawan yang semula Kepala Badan Kepegawaian "
                   "Daerah menjabat Kepala Dinas Perhubungan.")
    staff = {p for p, role, _, _ in posts if role.startswith("Staf Ahli")}
    assert staff == {"asep sunandar"}


def test_a_list_of_moves_from_one_post_to_the_next() -> None:
    posts = _posts("CALANG, ACEHKITA.ID - Bupati melantik pejabat, Selasa (2/1/2024). Mereka adalah "
                   "Zulfikar Amri sebelumnya menjabat sebagai Asisten II Setda lalu dilantik "
                   "menjadi Kepala Badan Kepegawaian Daerah, Dra Nurhayati sebelumnya menjabat "
                   "Kepala Dinas Pertanahan dilantik menjadi Kepala Dinas Sosial.")
    assert {(p, o) for p, _, o, _ in posts if p in {"zulfikar amri", "nurhayati"}} == {
        ("zulfikar amri", "Setda"), ("zulfikar amri", "Badan Kepegawaian Daerah"),
        ("nurhayati", "Dinas Pertanahan"), ("nurhayati", "Dinas Sosial")}


def test_a_post_in_a_body_named_after_pada_is_held_there() -> None:
    posts = _posts("LAHAT, SUMSELKITA.ID - Pendaftaran pengawas dibuka, Rabu (3/1/2024). "
                   "Koordinator Divisi Hukum pada Bawaslu Lahat, Rina Marlina, menyebut sudah ada "
                   "belasan pendaftar.")
    assert {(p, role) for p, role, o, _ in posts if o.startswith("Bawaslu")} == {
        ("rina marlina", "Koordinator Divisi Hukum")}


def test_a_post_left_closed_by_a_comma_then_a_passive_verb_gives_both_posts() -> None:
    posts = _posts("LUBUK PAKAM, SUMUTKITA.ID - Bupati melantik pejabat administrator, Rabu (3/7/2024). "
                   "Salah satunya Gilang Ramadhan dari Sekretaris pada Dinas Pertanian Kabupaten Sukamaju, "
                   "diangkat menjadi Sekretaris pada Dinas Sosial Kabupaten Sukamaju.")
    assert ("gilang ramadhan", "Sekretaris", "Dinas Pertanian Kabupaten Sukamaju", "former") in posts
    assert ("gilang ramadhan", "Sekretaris", "Dinas Sosial Kabupaten Sukamaju", "current") in posts


def test_a_police_post_left_with_its_province_after_a_comma_gives_both_posts() -> None:
    posts = _posts("MEDAN, SUMUTKITA.ID - Kapolri memutasi sejumlah perwira, Senin (1/7/2024). "
                   "AKBP Yosef Tambunan, dari Kapolres Sukamaju, Jambi menjadi Wadir Lantas Polda Jambi.")
    assert ("yosef tambunan", "Kepala", "Polres Sukamaju", "former") in posts
    assert ("yosef tambunan", "Wakil Direktur Lantas", "Polda Jambi", "current") in posts


def test_the_short_verb_jabat_links_a_holder_to_the_post_after_it() -> None:
    posts = _posts("SERANG, BANTENKITA.ID - Kapolda merotasi perwira, Kamis (4/7/2024). "
                   "Kapolres Sukamaju kini dipegang AKBP Hendra Siregar, sedangkan AKBP Yudi Prasetyo "
                   "sebelumnya jabat Wakapolres Mekarsari.")
    assert ("yudi prasetyo", "Wakil Kepala", "Polres Mekarsari", "former") in posts


def test_a_post_left_then_kini_menjabat_after_a_comma_gives_the_new_post() -> None:
    posts = _posts("BENGKULU, WARTAKITA.ID - Gubernur merotasi kepala dinas, Selasa (9/7/2024). "
                   "Fajar Nugroho dari Kepala Dinas Pertanian Kabupaten Sukamaju, kini menjabat Kepala "
                   "Dinas Sosial Kabupaten Sukamaju.")
    assert ("fajar nugroho", "Kepala", "Dinas Pertanian Kabupaten Sukamaju", "former") in posts
    assert ("fajar nugroho", "Kepala", "Dinas Sosial Kabupaten Sukamaju", "current") in posts


def test_a_post_given_its_new_holder_still_names_the_one_it_was_held_by_before() -> None:
    posts = _posts("SUKAMAJU, PAPUAKITA.ID - Penjabat Gubernur melantik pejabat baru, Senin (2/9/2024). "
                   "Gubernur melantik Markus Wonda menjadi Pj Bupati Sukamaju periode 2024-2025 yang "
                   "sebelumnya dijabat oleh Yohanis Kambu di aula kantor gubernur.")
    assert ("markus wonda", "Bupati", "Pemerintah Kabupaten Sukamaju", "current") in posts
    assert ("yohanis kambu", "Bupati", "Pemerintah Kabupaten Sukamaju", "former") in posts


def test_a_new_post_then_meninggalkan_the_old_one_reads_it_as_former() -> None:
    posts = _posts("SEMARANG, JATENGKITA.ID - Kapolda merotasi para kapolres, Rabu (10/7/2024). "
                   "AKBP Gunawan Setiadi kini dipercaya sebagai Kapolres Sukamaju, meninggalkan jabatan "
                   "lamanya sebagai Kapolres Mekarsari.")
    assert ("gunawan setiadi", "Kepala", "Polres Sukamaju", "current") in posts
    assert ("gunawan setiadi", "Kepala", "Polres Mekarsari", "former") in posts
