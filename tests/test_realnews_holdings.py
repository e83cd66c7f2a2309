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
            "Daerah Provinsi Kariwa, Oktovianus Yarangga. Acara berlangsung tertutup. Adapun "
            "ke-12 nama tersebut, di antaranya Benyamin Wonda, Salmon Kogoya, dan Yuliana "
            "Rumbiak. Lalu, Nikodemus Tabuni, Fransina Mirin, dan Arnold Wenda.")
    members = _members(text)
    assert members == {"benyamin wonda", "salmon kogoya", "yuliana rumbiak", "nikodemus tabuni",
                       "fransina mirin", "arnold wenda"}


def test_names_listed_for_an_event_pointed_back_to_are_no_members() -> None:
    members = _members(
        "MURAWA, KABARTIMUR.ID - Rapat paripurna dihadiri anggota DPRD Kabupaten Murawa, Senin "
        "(4/3/2024). Kegiatan itu juga diikuti Hasbi Lamuda, Rosmini dan Teguh Parinduri.")
    assert members == set()
