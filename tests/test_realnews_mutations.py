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
