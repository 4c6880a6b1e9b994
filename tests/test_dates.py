from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from newsbot.text.dates import (
    byline_date,
    is_date_line,
    iso_date,
    labelled_dates,
    parse_bound,
    parse_date,
    to_iso,
    url_date,
)

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize(
    ("text", "iso", "raw"),
    [
        ("Published: 13 Oct. 2021, 19:01", "2021-10-13T19:01:00+09:00", "13 Oct. 2021, 19:01"),
        ("02 May 2022", "2022-05-02T00:00:00+09:00", "02 May 2022"),
        ("Updated: 06 Sept. 2021, 07:00", "2021-09-06T07:00:00+09:00", "06 Sept. 2021, 07:00"),
        ("12 June 2024, 11:05", "2024-06-12T11:05:00+09:00", "12 June 2024, 11:05"),
        ("Published May 14, 2025 - 6:36 p.m.", "2025-05-14T18:36:00+09:00", "May 14, 2025 - 6:36 p.m."),
        ("Sept. 8, 2025 - 12:05 a.m.", "2025-09-08T00:05:00+09:00", "Sept. 8, 2025 - 12:05 a.m."),
        ("Nov. 3, 2025 - 12:30 p.m.", "2025-11-03T12:30:00+09:00", "Nov. 3, 2025 - 12:30 p.m."),
        ("2025.10.01 17:23", "2025-10-01T17:23:00+09:00", "2025.10.01 17:23"),
        ("2021-10-13T10:01:00Z", "2021-10-13T10:01:00+00:00", "2021-10-13T10:01:00Z"),
        ("2021-10-13T19:01:00", "2021-10-13T19:01:00+09:00", "2021-10-13T19:01:00"),
    ],
)
def test_parse_date(text: str, iso: str, raw: str) -> None:
    found = parse_date(text, SEOUL)
    assert found is not None
    assert to_iso(found.value) == iso
    assert found.raw == raw


@pytest.mark.parametrize("text", ["", "no date here", "31 Feb. 2021", "Published: soon", "13 Foo. 2021"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_labelled_dates_split_published_and_modified() -> None:
    published, modified = labelled_dates("Published May 14, 2025 - 6:36 p.m. Modified May 14, 2025 - 8:06 p.m.", SEOUL)
    assert published is not None and modified is not None
    assert to_iso(published.value) == "2025-05-14T18:36:00+09:00"
    assert to_iso(modified.value) == "2025-05-14T20:06:00+09:00"


def test_updated_alone_is_a_modification() -> None:
    published, modified = labelled_dates("Updated: 13 Oct. 2021, 20:05", SEOUL)
    assert published is None
    assert modified is not None and modified.raw == "13 Oct. 2021, 20:05"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 13 Oct. 2021, 19:01", True),
        ("Published: 01 Oct. 2025, 17:23 Updated: 01 Oct. 2025, 20:11", True),
        ("Published May 14, 2025 - 6:36 p.m. | Modified May 14, 2025 - 8:06 p.m.", True),
        ("The summit on 13 Oct. 2021 ended without a statement.", False),
        ("President Moon Jae-in visited Washington in May.", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_bounds_cover_whole_days() -> None:
    assert to_iso(parse_bound("2025-10-01", tz=SEOUL)) == "2025-10-01T00:00:00+09:00"
    assert parse_bound("2025-10-31", end_of_day=True).isoformat().startswith("2025-10-31T23:59:59.999999")


def test_bad_bound_says_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="yesterday"):
        parse_bound("yesterday")


def test_without_a_timezone_a_date_stays_without_an_offset() -> None:
    found = parse_date("Published: 13 Oct. 2021, 19:01")
    assert found is not None and to_iso(found.value) == "2021-10-13T19:01:00"
    assert to_iso(parse_bound("2025-10-01")) == "2025-10-01T00:00:00+00:00"  # a bound needs one: UTC


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("입력 2021.01.25 15:00", "2021-01-25T15:00:00+09:00", None),
        ("입력 2021.01.25 15:00 수정 2021.01.26 09:12", "2021-01-25T15:00:00+09:00", "2021-01-26T09:12:00+09:00"),
        ("업데이트 2020.12.01 07:30", None, "2020-12-01T07:30:00+09:00"),
        ("기사입력 :[ 2018-08-25 15:24 ]", "2018-08-25T15:24:00+09:00", None),
        ("[입력시간 : 2018-08-25 15:24]", "2018-08-25T15:24:00+09:00", None),
        ("기사수정 2018-08-26 10:00", None, "2018-08-26T10:00:00+09:00"),
        ("최종 수정 2018-08-26 10:00", None, "2018-08-26T10:00:00+09:00"),
    ],
)
def test_korean_date_lines(line: str, published: str | None, modified: str | None) -> None:
    first, last = labelled_dates(line, SEOUL)
    assert (to_iso(first.value) if first else None, to_iso(last.value) if last else None) == (published, modified)
    assert is_date_line(line)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        # US newspaper templates print the time first, with the zone.
        ("Published 11:11 PM EST Nov 19, 2019", "2019-11-19T23:11:00-05:00"),
        ("Updated: Sat 8:31 PM, Feb 17, 2018", "2018-02-17T20:31:00+09:00"),
        ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00"),
        ("19 Nov 2019 05:44 GMT", "2019-11-19T05:44:00+00:00"),
        ("2025-10-01 17:23 KST", "2025-10-01T17:23:00+09:00"),
        # A zone that names no single offset belongs to the date but leaves the site's time.
        ("May 14, 2025 - 6:36 p.m. ET", "2025-05-14T18:36:00+09:00"),
        ("Nov 19, 2019 at 3:00 PM IST", "2019-11-19T15:00:00+09:00"),
    ],
)
def test_printed_zones_give_the_offset(line: str, iso: str) -> None:
    found = parse_date(line, SEOUL)
    assert found is not None and to_iso(found.value) == iso
    assert is_date_line(line)


def test_a_weekday_belongs_to_the_date_line() -> None:
    assert is_date_line("Tue., Nov. 19, 2019") and is_date_line("Published Wednesday, May 14, 2025 - 6:36 p.m.")
    assert not is_date_line("Saturday is Nov. 19, 2019")


def test_a_time_in_prose_is_no_date_line() -> None:
    assert not is_date_line("The meeting began at 11:11 PM EST Nov 19, 2019 and ran late.")
    assert parse_date("He arrived at 9:30 PM Tuesday") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        # PolitiFact prints ordinals, and the time after "at".
        ("Published: Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08:00+09:00"),
        ("1st May 2020", "2020-05-01T00:00:00+09:00"),
        # A zone the table does not know (Armenia) is part of the stamp and gives no offset.
        ("November 20, 2019 - 11:28 AMT", "2019-11-20T11:28:00+09:00"),
    ],
)
def test_ordinals_and_unknown_zones_belong_to_the_date(line: str, iso: str) -> None:
    found = parse_date(line, SEOUL)
    assert found is not None and to_iso(found.value) == iso
    assert is_date_line(line)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", "2019-11-18T11:04:00"),
        ("Written by Rachael Link, MS, RD on November 14, 2019", "2019-11-14T00:00:00"),
        ("on November 14, 2019", "2019-11-14T00:00:00"),  # the text after the name's link
        ("on November 14, 2019 the council voted", None),  # prose
        ("Sold on May 1, 2019", None),
        ("on Updated: May 1, 2019", None),
    ],
)
def test_a_byline_that_ends_in_its_date(line: str, iso: str | None) -> None:
    found = byline_date(line)
    assert (to_iso(found.value) if found else None) == iso


@pytest.mark.parametrize(
    ("path", "day"),
    [
        ("/2019/11/19/scientists-use-hawaii-telescope/", "2019-11-19"),
        ("/west-virginia/statements/2019/nov/18/david-mckinley/", "2019-11-18"),
        ("/knowledge-centre/blog/2023/october/03/how-many-wine-types/", "2023-10-03"),
        ("/archive/2021/reports/12/2023/may/04/story", "2023-05-04"),  # a folder of words is no month
        ("/news/2019/11/", None),  # a month names no day
        ("/2019/02/30/story", None),
        ("/2019/13/01/story", None),
        ("/item/20191115/", None),
    ],
)
def test_url_date(path: str, day: str | None) -> None:
    found = url_date(path)
    assert (found.date().isoformat() if found else None) == day


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("publiziert am 25. September 2018", "2018-09-25T00:00:00", None),
        ("Veröffentlicht am Montag, 25.09.2018 um 14:30 Uhr", "2018-09-25T14:30:00", None),
        ("Aktualisiert: 25.09.2018", None, "2018-09-25T00:00:00"),
        ("Publié le 13 octobre 2021 à 19h01", "2021-10-13T19:01:00", None),
        ("Mis à jour le lundi 13 octobre 2021, 19:01", None, "2021-10-13T19:01:00"),
        ("Publicado el 5 de octubre de 2018 a las 10:00", "2018-10-05T10:00:00", None),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00", None),
        ("Pubblicato il 13 ottobre 2021", "2021-10-13T00:00:00", None),
        ("Diterbitkan 27 Oktober 2015", "2015-10-27T00:00:00", None),
        ("24 февраля 2018 г.", "2018-02-24T00:00:00", None),
        ("Published on May 1, 2019", "2019-05-01T00:00:00", None),
    ],
)
def test_date_lines_in_the_languages_of_news_pages(line: str, published: str | None, modified: str | None) -> None:
    found = labelled_dates(line)
    assert [to_iso(date.value) if date else None for date in found] == [published, modified]
    assert is_date_line(line)


@pytest.mark.parametrize(
    "text",
    [
        "05/10/2018",  # May in the US, October elsewhere: not guessed
        "version 10.10.2019 released",
        "1a etapa: 10 de março – Interlagos",
    ],
)
def test_what_is_no_date_line_in_any_language(text: str) -> None:
    assert not is_date_line(text)


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("2015-03-27T13:07:55.096Z", "2015-03-27T13:07:55.096+00:00"),  # the page's instant, to the millisecond
        ("2023-06-07T20:54:26.829123+02:00", "2023-06-07T20:54:26.829123+02:00"),
        ("2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02+00:00"),  # no fraction to keep
    ],
)
def test_a_declared_instant_keeps_its_fraction_of_a_second(stamp: str, iso: str) -> None:
    found = iso_date(stamp)
    assert found is not None and found.iso() == iso
