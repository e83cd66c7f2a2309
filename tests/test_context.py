"""What the grammar reads a sentence with: the short names an article defines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.context import _DEFINED_SHORT, defined_shorts


def _spans(matches: object) -> list[tuple[object, ...]]:
    return [(*m.group(1, 2), *m.span()) for m in matches]  # type: ignore[attr-defined]


def test_short_forms_read_around_their_parentheses_as_in_the_whole_text() -> None:
    text = ("Bupati Kutai Kartanegara (Kukar) hadir, bersama Kota Baru (KB)(Ab) dan Ab-cd Ef (Gh).\n"
            "(Kukar) lagi; A (Bc) Dd Ee (Ff), x\n(Yz)")
    assert _spans(defined_shorts(text)) == _spans(_DEFINED_SHORT.finditer(text))


@given(st.text(alphabet="AaBbKk -'’()(),.\n1é_", max_size=60))
def test_short_forms_as_finditer_gives_them(text: str) -> None:
    assert _spans(defined_shorts(text)) == _spans(_DEFINED_SHORT.finditer(text))
