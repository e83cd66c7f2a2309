"""Indonesian dates as the news writes them, resolved against the publication date.
Every sentence is invented for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.ingest.article import make_article
from kg.nlp.dates import DateMention, find_dates

FRIDAY = date(2024, 3, 15)  # a Friday


def one(text: str, published: date | None = FRIDAY) -> DateMention:
    """Find the one date of a text, checking its offsets."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


@pytest.mark.parametrize("text, written, value", [
    ("Acara digelar Jumat 12 Januari 2024 di Lahat.", "Jumat 12 Januari 2024", date(2024, 1, 12)),
    ("Acara digelar Jumat, 12 Januari 2024 di Lahat.", "Jumat, 12 Januari 2024",
     date(2024, 1, 12)),
    ("Acara digelar pada 12 Des 2023 di Lahat.", "12 Des 2023", date(2023, 12, 12)),
    ("Acara digelar Jum'at 12 Januari 2024.", "Jum'at 12 Januari 2024", date(2024, 1, 12)),
    ("Rapat berlangsung Senin (20/11/2023) di aula.", "Senin (20/11/2023)", date(2023, 11, 20)),
    ("Rapat berlangsung Sabtu, (9/3/2024) di aula.", "Sabtu, (9/3/2024)", date(2024, 3, 9)),
    ("Surat itu bertanggal 17/8/23.", "17/8/23", date(2023, 8, 17)),
])
def test_day_dates(text: str, written: str, value: date) -> None:
    d = one(text)
    assert (d.text, d.value, d.precision, d.weekday_mismatch) == (written, value, "day", False)


def test_a_date_without_its_year_takes_the_publication_year() -> None:
    d = one("Pelantikan digelar Rabu (3/7) di Pendopo.", published=date(2024, 7, 5))
    assert (d.text, d.value) == ("Rabu (3/7)", date(2024, 7, 3))


def test_a_date_without_year_or_publication_stays_unresolved() -> None:
    d = one("Pelantikan digelar Rabu (3/7) di Pendopo.", published=None)
    assert (d.value, d.precision) == (None, "day")


def test_a_date_without_year_before_new_year() -> None:
    d = one("Rapat digelar Kamis (28/12) di Pendopo.", published=date(2024, 1, 5))
    assert d.value == date(2023, 12, 28)


def test_a_wrong_weekday_is_flagged_not_corrected() -> None:
    d = one("Acara digelar Jumat 13 Januari 2024.")  # 13 Jan 2024 was a Saturday
    assert (d.value, d.weekday_mismatch) == (date(2024, 1, 13), True)


def test_an_impossible_day_has_no_value() -> None:
    d = one("Acara digelar Senin (31/2/2024).")
    assert (d.text, d.value, d.precision) == ("Senin (31/2/2024)", None, "day")


def test_a_slash_number_that_is_no_month_is_no_date() -> None:
    assert find_dates("Nomor surat 12/45 sudah terbit.", FRIDAY) == []


@pytest.mark.parametrize("published, value", [
    (FRIDAY, date(2024, 3, 14)),          # the Thursday before a Friday
    (date(2024, 3, 14), date(2024, 3, 14)),  # published on a Thursday: that day
    (None, None),                          # nothing to resolve against
])
def test_a_weekday_alone_resolves_to_the_last_such_day(published: date | None,
                                                        value: date | None) -> None:
    d = one("Apel digelar pada Kamis pagi di lapangan.", published)
    assert (d.text, d.value, d.precision) == ("pada Kamis", value, "weekday")


def test_a_month_and_year() -> None:
    d = one("Ia menjabat sejak Juni 2024.")
    assert (d.text, d.value, d.precision, d.month) == ("Juni 2024", None, "month", (2024, 6))


def test_overlapping_forms_give_one_mention_per_date_in_text_order() -> None:
    text = "Rapat Senin (11/3/2024) dilanjutkan Rabu 13 Maret 2024, lalu ditutup pada Jumat."
    found = find_dates(text, FRIDAY)
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("Senin (11/3/2024)", date(2024, 3, 11), "day"),
        ("Rabu 13 Maret 2024", date(2024, 3, 13), "day"),
        ("pada Jumat", date(2024, 3, 15), "weekday"),
    ]


def test_no_date_in_plain_text() -> None:
    assert find_dates("Bupati Lahat menyapa warga di pasar.", FRIDAY) == []


# --- dates of events --------------------------------------------------------------------------

def test_two_dates_for_one_event_are_both_kept() -> None:
    text = ("Pemerintah Kabupaten Lahat menggelar apel siaga bencana pada Jumat 12 Januari 2024. "
            "Dalam keterangan tertulis disebutkan apel itu digelar Kamis 11 Januari 2024.")
    x = extract(make_article("uji", text, "test", {"published": "2024-01-13"}))
    (event,) = x.events
    assert event.dates == (date(2024, 1, 11), date(2024, 1, 12))
    assert event.date_text == ("Jumat 12 Januari 2024", "Kamis 11 Januari 2024")


def test_an_undated_report_is_reported_on_its_last_full_date() -> None:
    text = ("Rapat koordinasi digelar Senin (4/3/2024). Hasilnya diumumkan Rabu (6/3/2024) di "
            "kantor bupati.")
    x = extract(make_article("uji", text, "test", {}))
    assert x.reported == date(2024, 3, 6)
