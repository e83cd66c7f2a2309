"""Person names as written: honorifics, ranks and degrees split off the bare name."""

from __future__ import annotations

import pytest

from kg.nlp.names import is_degree, is_prefix, person, strip_degrees, strip_prefixes
from kg.nlp.tokens import tokenize
from kg.records import Name


def read(written: str) -> Name | None:
    """Read a name written alone."""
    return person(written, tokenize(written))


@pytest.mark.parametrize("written, bare, prefixes, suffixes", [
    ("dr. H. Wulan Permatasari, M.Kes", "Wulan Permatasari", ("dr", "H"), ("M.Kes",)),
    ("AKBP Yoga Pratama, S.H., M.H.", "Yoga Pratama", ("AKBP",), ("S.H", "M.H")),
    ("Kombes Pol Agus Wibisono", "Agus Wibisono", ("Kombes", "Pol"), ()),
    ("Letkol Inf Hasan Basri", "Hasan Basri", ("Letkol", "Inf"), ()),
    ("Mayjen TNI Hasan Basri", "Hasan Basri", ("Mayjen", "TNI"), ()),
    ("Maria Ulfa, SH MH", "Maria Ulfa", (), ("SH", "MH")),
    ("Yusuf Effendi, S.IP", "Yusuf Effendi", (), ("S.IP",)),
    ("Prof. Dr. Ir. Bambang Sutejo, M.Sc., Ph.D.", "Bambang Sutejo", ("Prof", "Dr", "Ir"),
     ("M.Sc", "Ph.D")),
    ("Rini Andayani CGAA", "Rini Andayani", (), ("CGAA",)),
    ("Andi Tenri Abeng, S.Sos", "Andi Tenri Abeng", (), ("S.Sos",)),
    ("Drs. Muh. Faisal", "Muh. Faisal", ("Drs",), ()),
])
def test_titles_and_degrees_are_split_off(written: str, bare: str, prefixes: tuple,
                                          suffixes: tuple) -> None:
    name = read(written)
    assert name == Name(bare, written, prefixes, suffixes)


def test_the_written_form_drops_a_trailing_comma() -> None:
    name = read("Yoga Pratama, S.H.,")
    assert name is not None
    assert (name.name, name.written) == ("Yoga Pratama", "Yoga Pratama, S.H.")


def test_a_name_typed_twice_in_a_row_is_read_once() -> None:
    assert read("AKBP Rudi Hartawan Rudi Hartawan") == Name(
        "Rudi Hartawan", "AKBP Rudi Hartawan Rudi Hartawan", ("AKBP",), ())
    assert read("Sani Sani") == Name("Sani", "Sani Sani", (), ())
    assert read("Rudi Hartawan Rudi") == Name("Rudi Hartawan Rudi", "Rudi Hartawan Rudi", (), ())


def test_lower_case_words_are_no_name() -> None:
    assert read("kepala dinas") is None
    assert read("Yoga pratama") is None


def test_degrees_alone_leave_no_name() -> None:
    assert read("S.H., M.H.") is None


@pytest.mark.parametrize("word", ["S.H.", "SH", "M.Si", "M.Si.", "S.I.K", "MM", "S.Pd", "CGAA",
                                  "Ph.D"])
def test_degrees(word: str) -> None:
    assert is_degree(word)


@pytest.mark.parametrize("word", ["Budi", "S", "Lahat", "Ketua", "AKBP"])
def test_not_degrees(word: str) -> None:
    assert not is_degree(word)


@pytest.mark.parametrize("word", ["AKBP", "Kombes", "Letkol", "Pol", "Inf", "TNI", "Dr", "dr",
                                  "Hj", "H", "Ibu", "Bapak"])
def test_prefixes(word: str) -> None:
    assert is_prefix(word)


@pytest.mark.parametrize("word", ["Budi", "Kepala", "Lahat", "SH"])
def test_not_prefixes(word: str) -> None:
    assert not is_prefix(word)


def test_strip_degrees_keeps_the_name_tokens() -> None:
    tokens = tokenize("Yoga Pratama, S.H., M.H.")
    core, suffixes = strip_degrees(tokens)
    assert [t.text for t in core] == ["Yoga", "Pratama"]
    assert suffixes == ["S.H", "M.H"]


def test_strip_prefixes_keeps_at_least_one_token() -> None:
    core, prefixes = strip_prefixes(tokenize("AKBP Kombes"))
    assert [t.text for t in core] == ["Kombes"]
    assert prefixes == ["AKBP"]
