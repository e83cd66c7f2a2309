"""The word lists: what the shipped files hold, and that the loader refuses malformed ones."""

from __future__ import annotations

import ast
import shutil
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

import kg.lexicons as lexicons
from kg.lexicons import CARRY_SLOTS, PLACE_LEVELS, LexiconError, Role, load
from kg.nlp.names import is_degree
from kg.vocab import EventKind, Kind

PACKAGE = Path(lexicons.__file__).resolve().parent.parent


def test_every_list_loads_and_is_filled() -> None:
    lex = load()
    for name in lex.__dataclass_fields__:
        assert getattr(lex, name), f"{name} is empty"
    assert load() is lex  # read once


def test_months_and_weekdays_cover_the_calendar() -> None:
    lex = load()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
    assert lex.months["Agustus"] == lex.months["Agt"] == 8
    assert lex.weekdays["Jumat"] == lex.weekdays["Jum'at"] == 5


@pytest.mark.parametrize("form, role", [
    ("Kapolres", Role("Kepala", "Polres {place}")),
    ("Kajari", Role("Kepala", "Kejari {place}")),
    ("Dandim", Role("Komandan", "Kodim {place}")),
    ("Sekda", Role("Sekretaris Daerah", "Pemerintah {area}")),
    ("Bupati", Role("Bupati", "Pemerintah Kabupaten {place}")),
    ("Wali Kota", Role("Wali Kota", "Pemerintah Kota {place}")),
    ("Camat", Role("Camat", "Kecamatan {place}")),
    ("Kades", Role("Kepala Desa", "Desa {place}")),
    ("Ketua", Role("Ketua", None)),
])
def test_roles_name_the_institution_they_carry(form: str, role: Role) -> None:
    assert load().roles[form] == role


def test_carried_institutions_have_at_most_one_slot() -> None:
    for form, role in load().roles.items():
        if role.carries:
            assert sum(role.carries.count(s) for s in CARRY_SLOTS) <= 1, form


def test_carried_institutions_are_known_bodies_or_places() -> None:
    lex = load()
    known = set(lex.acronyms) | lex.org_heads | set(lex.place_levels) | set(lex.home_levels)
    for form, role in lex.roles.items():
        if role.carries:
            base = role.carries.split(" {")[0]
            assert base in known or base.split(" ")[0] in known, (form, role.carries)


def test_qualifiers_acronyms_and_collectives() -> None:
    lex = load()
    assert {lex.qualifiers[f] for f in ("Pj", "Penjabat", "Plt", "Pelaksana Tugas", "Plh")} == \
        {"Pj", "Plt", "Plh"}
    fulls, scope = lex.acronyms["Bawaslu"]
    assert "Badan Pengawas Pemilu" in fulls and scope == "regional"
    assert lex.acronyms["KPK"][1] == "national"
    assert lex.collectives["ASN"] == "Aparatur Sipil Negara"
    assert "ASN" not in lex.acronyms  # a collective, not an institution
    assert {"para", "seluruh"} <= lex.quantifiers


def test_kinds_and_levels_are_the_checked_ones() -> None:
    lex = load()
    assert {kind for kind, _ in lex.events.values()} <= set(EventKind)
    assert set(lex.place_levels.values()) <= PLACE_LEVELS
    assert lex.events["sertijab"] == ("Inauguration", "Serah terima jabatan")
    assert lex.presence["diwakili"] == "represented"
    assert lex.speech["ujarnya"] == "tag"


def test_the_grammar_s_small_words_are_read_by_set() -> None:
    lex = load()
    assert lex.glue["pair"] == {"dan", "-", "–", "&"}  # "A - B", not "A, B"
    assert {",", "dan"} <= lex.glue["list"] <= lex.glue["hosts"]
    assert {"oleh", "resmi"} <= lex.fillers["host"] & lex.fillers["passive"]
    assert lex.anaphora == {Kind.PERSON: {"ia", "dia", "beliau"}, Kind.EVENT: {"acara", "kegiatan"},
                            Kind.COLLECTIVE: {"mereka", "tersebut", "itu"}}
    assert "Utara" in lex.place_words["direction"] and "di" in lex.place_words["at"]
    assert lex.links["digantikan"] == "replaced-by"
    assert (lex.name_parts["bin"], lex.name_parts["I"]) == ("inner", "leading")
    assert lex.numerals["iv"] == lex.numerals["empat"] == 4
    assert "BACA JUGA" in lex.noise["link"] and "Foto" in lex.noise["label"]
    assert lex.national == {"RI", "Republik Indonesia"}


def test_every_listed_degree_reads_as_a_degree() -> None:
    for form in load().degrees:
        assert is_degree(form), form


def test_titles_ranks_and_degrees_do_not_overlap() -> None:
    lex = load()
    assert not lex.honorifics & lex.ranks
    assert not lex.ranks & lex.degrees


# --- the loader refuses malformed files -----------------------------------------------------

@pytest.fixture()
def lexicon_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copy the shipped lists into a folder the loader reads instead of the package."""
    for entry in resources.files("kg.lexicons").iterdir():
        if entry.name.endswith(".tsv"):
            shutil.copyfile(str(entry), tmp_path / entry.name)
    monkeypatch.setattr(lexicons, "resources", SimpleNamespace(files=lambda package: tmp_path))
    return tmp_path


def fresh_load() -> lexicons.Lexicon:
    """Load the lists without the cache (which keeps the shipped ones for the other tests)."""
    return load.__wrapped__()


def append(folder: Path, name: str, line: str) -> None:
    """Add a row to a copied list."""
    with (folder / name).open("a", encoding="utf-8") as out:
        out.write(line + "\n")


def test_the_copy_loads_like_the_shipped_lists(lexicon_copy: Path) -> None:
    assert fresh_load() == load()


def test_extra_row_is_read(lexicon_copy: Path) -> None:
    append(lexicon_copy, "roles.tsv", "Kepala Uji\tKepala\tBalai Uji {place}\t-")
    assert fresh_load().roles["Kepala Uji"] == Role("Kepala", "Balai Uji {place}")


@pytest.mark.parametrize("name, line, message", [
    ("months.tsv", "Januari\t1", "listed twice"),
    ("months.tsv", "Bulanuji\t13", "outside"),
    ("months.tsv", "Bulanuji\tsatu", "months.tsv"),
    ("qualifiers.tsv", "Pgsuji\tPgs", "unknown qualifier"),
    ("roles.tsv", "Kepala Uji\tKepala\t{place} {area}\t-", "more than one slot"),
    ("roles.tsv", "Kepala Uji\tKepala\tPuskesmas", "empty or missing column"),
    ("events.tsv", "lombauji\tContest\tLomba", "unknown kind"),
    ("acronyms.tsv", "KPUJI\tKomisi Pengujian\tlocal", "unknown scope"),
    ("place_levels.tsv", "Dukuhuji\thamlet", "unknown level"),
    ("presence.tsv", "absenuji\tabsent", "unknown effect"),
    ("glue.tsv", "atauuji\tpair chain", "unknown joins \\['chain'\\]"),
    ("fillers.tsv", "terusuji\t ", "empty or missing column"),
    ("name_parts.tsv", "binuji\tinside", "unknown kind"),
    ("degrees.tsv", "", None),  # a blank line is skipped
])
def test_bad_rows_are_refused(lexicon_copy: Path, name: str, line: str,
                              message: str | None) -> None:
    append(lexicon_copy, name, line)
    if message is None:
        fresh_load()
        return
    with pytest.raises(LexiconError, match=message):
        fresh_load()


def test_an_empty_column_is_refused(lexicon_copy: Path) -> None:
    append(lexicon_copy, "collectives.tsv", "wargauji\t ")
    with pytest.raises(LexiconError, match="empty or missing column"):
        fresh_load()


def test_a_set_with_no_word_is_refused(lexicon_copy: Path) -> None:
    path = lexicon_copy / "anaphora.tsv"
    path.write_text("form\trefers\nia\tperson\nmereka\tcollective\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no form is for \\['event'\\]"):
        fresh_load()


def test_no_word_list_is_left_in_the_grammar() -> None:
    """The extractor's word sets are data: no literal set, tuple or list of words in extract/
    or nlp/ (marks such as {",", ":"} are the grammar's own)."""
    found = []
    for folder in ("extract", "nlp"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Set | ast.Tuple | ast.List):
                    words = [e.value for e in node.elts if isinstance(e, ast.Constant)
                             and isinstance(e.value, str) and e.value.replace("-", "").isalpha()]
                    if len(words) > 1:
                        found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {words}")
    assert not found


def test_a_wrong_header_is_refused(lexicon_copy: Path) -> None:
    path = lexicon_copy / "venues.tsv"
    path.write_text("name\nPendopo\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="header"):
        fresh_load()
