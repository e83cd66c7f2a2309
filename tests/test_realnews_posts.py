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
