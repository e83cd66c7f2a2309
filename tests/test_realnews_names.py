"""Persons in real regional news (the real-news development set): which capitalised runs are
people, which are not, and when two written names are one person. Each construction is
reproduced with invented names and our own words: no sentence here comes from a real article."""

from __future__ import annotations

from tests.test_grammar import extract_text


def _persons(text: str) -> set[str]:
    """Return the person keys an invented article gives."""
    return {p.key for p in extract_text(text).persons}


def test_a_post_given_to_a_bare_name_makes_a_person() -> None:
    found = _persons("WATAMPONE, WARTABUGIS.ID - Dalam rotasi pekan ini, kursi Kepala Bagian "
                     "Umum dipercayakan kepada Sukardiman. Jabatan yang ia tinggalkan digantikan "
                     "oleh Mulyawati, Jumat (7/6/2024).")
    assert {"sukardiman", "mulyawati"} <= found


def test_a_name_linked_to_the_post_after_it_is_a_person() -> None:
    found = _persons("WATAMPONE, WARTABUGIS.ID - Rotasi pejabat berlanjut. Selain itu, Darwisah "
                     "yang sebelumnya menjabat Kepala Bidang Anggaran kini dipindah ke "
                     "Inspektorat, Jumat (7/6/2024).")
    assert "darwisah" in found


def test_one_capital_letter_inside_a_name_is_an_initial() -> None:
    found = _persons("TARUTUNG, WARTATAPANULI.ID - Rapat dipimpin Wali Kota Sibolga, Hendro R "
                     "Sitompul, didampingi Sekda Gultom Marpaung, Senin (3/6/2024).")
    assert "hendro r sitompul" in found and "hendro" not in found


def test_a_name_shortened_after_its_opening_words_is_the_same_person() -> None:
    found = _persons("DENPASAR, WARTADEWATA.ID - Staf Ahli Bupati Badung, I Komang Adi Sutarsa, "
                     "membuka rapat bersama Kapolres Badung AKBP Moh Rizki Pratama, Senin "
                     "(3/6/2024). Adi Sutarsa berharap rapat berjalan lancar. Rizki Pratama "
                     "mengatakan personel sudah siap.")
    assert {"adi sutarsa", "rizki pratama"}.isdisjoint(found)
    assert {"i komang adi sutarsa", "moh rizki pratama"} <= found


def test_a_name_without_its_middle_names_is_the_same_person() -> None:
    found = _persons("WATAMPONE, WARTABUGIS.ID - Bupati Bone Andi Baso Mappe Ranggong membuka "
                     "rapat, Senin (3/6/2024). Andi Baso Ranggong mengatakan persiapan sudah "
                     "matang.")
    assert found == {"andi baso mappe ranggong"}


def test_a_name_after_a_street_or_building_word_names_the_place() -> None:
    found = _persons("PADANG, WARTAMINANG.ID - Kapolda Sumbar Irjen Pol Rahmat Siregar memimpin "
                     "rapat di ruang Jenderal Pol Wiratmaja Mapolda, jln Kolonel Darwis Hamid "
                     "nomor 7, Senin (3/6/2024). Rapat dihadiri Kapolres Pelabuhan AKBP Nelly "
                     "Kartika.")
    assert {"rahmat siregar", "nelly kartika"} <= found
    assert not found & {"wiratmaja", "darwis hamid"}


def test_the_outlet_citing_itself_is_no_person() -> None:
    found = _persons("Saumlaki, Suryatanimbar.com - Bupati Markus Kambu melantik pejabat "
                     "eselon II, Senin (3/6/2024). Dari pantauan Surya Tanimbar, pelantikan "
                     "berlangsung tertib.")
    assert "markus kambu" in found and "surya tanimbar" not in found


def test_an_outlet_brand_a_dance_or_a_song_is_no_person() -> None:
    found = _persons("JOGJA - Wali Kota Jogja Hendarto Wibisono akan merotasi pejabat, Senin "
                     "(3/6/2024). Menurut keterangan yang diperoleh Radar Mataram, daftar sudah "
                     "siap. Tamu disambut Tari Manguntoro dan Lagu Sarinande Moleh.")
    assert "hendarto wibisono" in found
    assert not found & {"radar mataram", "tari manguntoro", "lagu sarinande moleh"}


def test_a_name_moved_from_a_post_is_a_person() -> None:
    found = _persons("LUBUK PAKAM, WARTADELI.ID - Bupati melantik 20 pejabat, Senin (3/6/2024). "
                     "Di antaranya, Wagimin dari Kepala Seksi Pengairan dilantik menjadi "
                     "Sekretaris pada Dinas Pertanian.")
    assert "wagimin" in found


def test_sundanese_kang_and_a_capitalised_drg_are_honorifics() -> None:
    x = extract_text("CIAMIS, WARTAGALUH.ID - Pasangan nomor urut 2, Kang Ujang Sumarna dan "
                     "Drg. Lilis Marlina, hadir dalam debat kandidat, Senin (3/6/2024).")
    names = {p.name for p in x.persons}
    assert {"Ujang Sumarna", "Lilis Marlina"} <= names and not names & {"Drg", "Kang Ujang Sumarna"}


def test_old_letters_for_new_ones_spell_one_person() -> None:
    found = _persons("PURWAKARTA, WARTAPASUNDAN.ID - Kepala Dinas Pertanian Purwakarta, Rudy "
                     "Djunaedi, membuka pelatihan petani, Senin (3/6/2024). Menurut Rudi Junaedi, "
                     "pelatihan digelar tiap tahun.")
    assert found == {"rudy djunaedi"}


def test_a_given_name_two_persons_share_is_the_one_named_last() -> None:
    x = extract_text("GIANYAR, WARTABALI.ID - Bupati Gianyar I Ketut Darmasena membuka rapat, "
                     "Senin (3/6/2024). Hadir pula Sekda Gianyar I Ketut Wirata. Dalam "
                     "arahannya, Ketut menegaskan kesiapan anggaran.")
    assert {p.key for p in x.persons} == {"i ketut darmasena", "i ketut wirata"}


def test_a_post_addressed_politely_is_no_name() -> None:
    found = _persons("MUARA ENIM, WARTASUMSEL.ID - Kapolres Muara Enim AKBP Dedi Kurniawan "
                     "mengatakan, \"Kegiatan ini kami gagas bersama Ibu Bupati Muara Enim dan "
                     "Bapak Dandim,\" Senin (3/6/2024).")
    assert found == {"dedi kurniawan"}


def test_a_run_ending_with_a_province_is_no_person() -> None:
    found = _persons("PALU, WARTATADULAKO.ID - Kapolda Sulteng Irjen Pol Bagus Hermawan tiba di "
                     "Palu, Senin (3/6/2024). Ia disambut tarian adat dan dikalungi selendang oleh "
                     "Duta Budaya Sulteng. Sementara Pemda Sulawesi Tengah menyiapkan jamuan.")
    assert found == {"bagus hermawan"}


def test_an_adat_title_after_a_name_is_no_other_person() -> None:
    found = _persons("PARIAMAN, WARTAPIAMAN.ID - Rapat dipimpin Bupati Padang Pariaman, Ir. "
                     "Syafrudin Malin, MM, Dt. Rajo Nan Gadang, didampingi Asisten I Hendra "
                     "Saputra Dt. Bandaro Sati, Senin (3/6/2024).")
    assert found == {"syafrudin malin", "hendra saputra"}


def test_a_headline_quote_after_a_title_and_colon_is_no_holder() -> None:
    found = _persons("MAROS, WARTAMAROS.ID - KPU Maros menggelar rapat pleno, Senin (3/6/2024).\n"
                     "Baca Juga:\nKetua Bawaslu: Sebaiknya Kampanye Diawasi Sejak Awal\n"
                     "Rapat dibuka Ketua KPU Maros Darmawan Saleh.\n"
                     "Bupati : Harapan Baru di Tengah Musim Hujan\n")
    assert found == {"darmawan saleh"}


def test_a_number_written_out_before_its_figure_is_no_aged_name() -> None:
    found = _persons("KOLAKA, WARTASULTRA.ID - Bawaslu Kolaka menggelar sosialisasi di Sembilan "
                     "(9) kecamatan, Senin (3/6/2024). Kegiatan dibuka Ketua Bawaslu Kolaka Darmin "
                     "Laode. Seorang warga, Hartini (45), ikut hadir.")
    assert found == {"darmin laode", "hartini"}


def test_a_name_after_a_represented_body_is_a_person() -> None:
    found = _persons("PARINGIN, WARTAKALSEL.ID - Rapat dihadiri Bupati Balangan Ahmad Fauzi, "
                     "Sekda Balangan, Sutrisno, Perwakilan BPK Kalsel, Rusmadi, Perwakilan "
                     "Basarnas Banjarmasin M Yusran serta Perwakilan Korem 123 Jaya, Senin "
                     "(3/6/2024).")
    assert found == {"ahmad fauzi", "sutrisno", "rusmadi", "m yusran"}


def test_a_representative_after_the_place_of_a_body_is_a_person() -> None:
    found = _persons("TOBELO, WARTAHALUT.ID - Rapat dihadiri Perwakilan Imigrasi Tobelo, Ganesa "
                     "Wirawan dan Perwakilan Kodim Tobelo, Serka Budiman, Senin (3/6/2024).")
    assert "ganesa wirawan" in found


def test_roles_joined_by_a_slash_are_no_name() -> None:
    found = _persons("BANJARBARU, WARTAKALSEL.ID - Rapat dihadiri Ketua DPRD Kalsel Rahmanto Hadiwiyono "
                     "dan Bupati/Walikota se-Kalsel, Senin (3/6/2024).")
    assert found == {"rahmanto hadiwiyono"}
