"""Dates as pages print them, turned into datetimes in the site's own time.

A site profile names its timezone (an IANA name, so daylight saving is right where a site has
it); a date printed without an offset is read in it. With no timezone (a site nobody has
described) such a date stays naive and is written without an offset: an invented offset would
be wrong more often than not. Korea has kept UTC+09:00 without daylight saving since 1988.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
# Month names of the other languages news pages are written in, where they differ from English:
# German, Dutch, French, Spanish, Portuguese, Italian, Indonesian, and Russian (genitive, as a
# date prints it: "24 февраля 2018").
_MONTHS |= {
    name: number
    for number, names in enumerate(
        (
            "januar jänner januari janvier enero janeiro gennaio janv ene gen января",
            "februar februari février fevrier febrero fevereiro febbraio févr fevr fév fev febr февраля",
            "märz maerz mrz maart mars marzo março marco mär mrt maret марта",
            "apr avril abril aprile april апреля",
            "mai mei mayo maio maggio mag мая",
            "juni juin junio junho giugno giu juni июня",
            "juli juillet julio julho luglio juil lug июля",
            "august augustus août aout agosto ago agustus agu ags августа",
            "september septembre septiembre setembro settembre set sep сентября",
            "oktober octobre octubre outubro ottobre okt out ott октября",
            "november novembre noviembre novembro nop ноября",
            "dezember december décembre decembre diciembre dezembro dicembre desember dez déc dic des декабря",
        ),
        start=1,
    )
    for name in names.split()
}


# Zone abbreviations pages print after a time ("11:11 PM EST"), where each means one offset.
# Vague or ambiguous ones (ET: EST or EDT; IST: India or Ireland; CST: also China) belong to
# the date but give no offset: none beats a wrong one.
ZONE_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "KST": 9, "JST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}  # fmt: skip
_VAGUE_ZONES = ("ET", "CT", "MT", "PT", "CST", "IST")
# Any other capitals after a time are a zone the table does not know ("11:28 AMT", Armenia):
# part of the stamp, no offset.
_ZONE_NAMES = "|".join(sorted([*ZONE_HOURS, *_VAGUE_ZONES], key=len, reverse=True))
_ZONE = rf"(?:\s*(?P<zone>{_ZONE_NAMES}|[A-Z]{{3,4}})(?![\w]))?"
_MON = r"(?P<mon>[^\W\d_]{3,10})\.?"
# 19:01, 6:36 p.m., and French 19h01; German adds "Uhr".
_CLOCK = (
    r"(?P<H>\d{1,2})(?::|h(?=\d{2}))(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?:\s*(?P<ampm>[aApP])\.?\s?[mM]\.?(?![\w]))?(?:\s*Uhr\b)?"
)
# What stands between a date and its time: "at", and its words in the other languages.
_AT = r"\bat\b|às|à|a las|alle|um|om|pukul|в"
_TIME = rf"(?:\s*(?:,|-|–|—|{_AT})?\s*{_CLOCK}{_ZONE})?"
# "18th": the ordinal US pages print ("Monday, November 18th, 2019").
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE_FORMS = (
    # 13 Oct. 2021, 19:01 · 02 May 2022 · 13 Sept. 2021
    # 25. September 2018 · 5 de outubro de 2018 · 24 февраля 2018 г.
    rf"(?P<d>\d{{1,2}})(?:\.|{_ORDINAL})\s*(?:de\s+)?{_MON},?\s+(?:de\s+)?(?P<y>\d{{4}})(?:\s*г\.)?",
    # May 14, 2025 - 6:36 p.m. · November 18th, 2019 at 11:08 a.m.
    rf"{_MON}\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})",
    # 2025-10-01 17:23 · 2025.10.01
    r"(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\.?(?![\d])",
    # 25.09.2018: day first wherever dots separate the parts (slashes are ambiguous: 05/10/2018
    # is May in the US and October elsewhere, and is not read)
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.])",
)
# The time first: "11:11 PM EST Nov 19, 2019" (US newspaper templates).
_TIME_FIRST = [rf"{_CLOCK}{_ZONE}\s*,?\s+{form}" for form in _DATE_FORMS[:2]]
_COMPILED = [re.compile(form + _TIME) for form in _DATE_FORMS] + [re.compile(form) for form in _TIME_FIRST]
# Labels of date lines, per language: English, German, French, Spanish, Portuguese, Italian,
# Dutch, Indonesian, Russian, and Korean (입력/등록/승인/기사입력/입력시간 = published,
# 수정/업데이트/기사수정/수정시간 = modified); a label may end in its "on" ("publiziert am").
_LABEL = re.compile(
    r"(?P<label>Published|Updated|Modified|Posted|Input|Last updated|Last modified|Date"
    r"|Veröffentlicht|Publiziert|Zuletzt aktualisiert|Aktualisiert|Publié|Mis à jour|Publicado|Actualizado"
    r"|Atualizado|Pubblicato|Aggiornato|Gepubliceerd|Bijgewerkt|Diterbitkan|Diperbarui|Опубликовано|Обновлено"
    r"|기사\s*입력|입력\s*시간|기사\s*수정|수정\s*시간|입력|등록|승인|수정|업데이트|최종\s*수정)"
    r"(?:\s+(?:on|am|le|el|em|il|op|pada)(?!\w))?\s*:?\s*",
    re.IGNORECASE,
)
# "Tue., Nov. 19, 2019": a weekday beside a date is part of the date line (in the languages of
# the month names; other languages' abbreviations are English words: "Do", "So").
_WEEKDAY = re.compile(
    r"\b(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
    r"|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu"
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)(?!\w)",
    re.IGNORECASE,
)
_PUBLISHED_LABELS = {
    "published", "posted", "input", "date", "veröffentlicht", "publiziert", "publié", "publicado", "pubblicato",
    "gepubliceerd", "diterbitkan", "опубликовано", "입력", "등록", "승인", "기사입력", "입력시간",
}  # fmt: skip


@dataclass(frozen=True)
class FoundDate:
    value: datetime
    raw: str
    #: The source gave a time of day, not only a date.
    has_time: bool = True
    #: The source knew the year alone and wrote its first of January: the page is dated (a
    #: signal of its kind), but the record gets no day it does not know.
    year_only: bool = False

    def iso(self) -> str:
        """As a record writes it: a timestamp with seconds (and its offset, if any), or a day
        alone when the source gave no time: a date is a date, not midnight."""
        return to_iso(self.value) if self.has_time else self.value.date().isoformat()

    @property
    def precision(self) -> int:
        """2: time and offset, 1: time of day, 0: a date alone. Of a page's dates the most precise wins."""
        if not self.has_time:
            return 0
        return 2 if self.value.tzinfo is not None else 1


def _build(match: re.Match[str], tz: tzinfo | None) -> datetime | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else _MONTHS.get((groups.get("mon") or "").lower())
    if month is None:
        return None
    hour, minute = int(groups["H"] or 0), int(groups["M"] or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if (zone := groups.get("zone")) in ZONE_HOURS:
        tz = timezone(timedelta(hours=ZONE_HOURS[zone]))
    try:
        return datetime(int(groups["y"]), month, int(groups["d"]), hour, minute, int(groups["S"] or 0), tzinfo=tz)
    except ValueError:
        return None


def _found(match: re.Match[str], value: datetime) -> FoundDate:
    return FoundDate(value, match.group(0).strip(" ,-–—"), has_time=match.group("H") is not None)


def _first_match(text: str, start: int = 0, tz: tzinfo | None = None) -> tuple[re.Match[str], datetime] | None:
    best: tuple[re.Match[str], datetime] | None = None
    for pattern in _COMPILED:
        for match in pattern.finditer(text, start):
            value = _build(match, tz)
            if value is not None:
                if best is None or match.start() < best[0].start():
                    best = (match, value)
                break
    return best


def parse_date(text: str, tz: tzinfo | None = None) -> FoundDate | None:
    """The first date in ``text``, in ``tz`` unless the text carries an offset."""
    text = text.strip()
    if (iso := iso_date(text, tz)) is not None:
        return iso
    found = _first_match(text, tz=tz)
    return _found(*found) if found is not None else None


def parse_iso(text: str, tz: tzinfo | None = None) -> datetime | None:
    """An ISO 8601 timestamp (as in meta tags and JSON-LD); a naive one is read in ``tz``."""
    found = iso_date(text, tz)
    return found.value if found is not None else None


_ISO_TIME = re.compile(r"\d[T ]\d{1,2}:\d{2}")


def iso_date(text: str, tz: tzinfo | None = None) -> FoundDate | None:
    """An ISO 8601 date or timestamp with what it said: a date alone is less precise than a time."""
    raw = text.strip()
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None and tz is not None:
        value = value.replace(tzinfo=tz)
    return FoundDate(value, raw, has_time=_ISO_TIME.search(raw) is not None)


def labelled_dates(text: str, tz: tzinfo | None = None) -> tuple[FoundDate | None, FoundDate | None]:
    """(published, modified) from a date line such as ``Published: 13 Oct. 2021, 19:01 Updated: ...``.

    An unlabelled date counts as the publication date.
    """
    published: FoundDate | None = None
    modified: FoundDate | None = None
    position = 0
    while (found := _first_match(text, position, tz)) is not None:
        match, value = found
        before = text[position : match.start()]
        labels = list(_LABEL.finditer(before))
        label = "".join(labels[-1]["label"].lower().split()) if labels else "published"
        date_found = _found(match, value)
        if label in _PUBLISHED_LABELS:
            published = published or date_found
        else:
            modified = modified or date_found
        position = match.end()
    return published, modified


# A date line is short: "Published May 14, 2025 - 6:36 p.m. Modified May 14, 2025 - 8:06 p.m."
# Longer lines are story text, and not searched for dates in every pattern.
MAX_DATE_LINE_CHARS = 120


def _date_line_dates(line: str) -> list[re.Match[str]]:
    """The dates of a line that holds nothing but labelled dates; empty for any other line."""
    if len(line) > MAX_DATE_LINE_CHARS:
        return []
    dates = []
    rest = line
    while (found := _first_match(rest)) is not None:
        match, _ = found
        dates.append(match)
        rest = rest[: match.start()] + " " + rest[match.end() :]
    if not dates or re.sub(r"[\s|,:·•/()\[\]\-–—]+", "", _WEEKDAY.sub(" ", _LABEL.sub(" ", rest))):
        return []
    return dates


def is_date_line(line: str) -> bool:
    """True when a line holds nothing but labelled dates, the way a dateline or stamp does."""
    return bool(_date_line_dates(line))


def is_labelled_date_line(line: str) -> bool:
    """A date line with its label ("Published ...", "기사입력 :[ ... ]"): a stamp wherever it stands."""
    return is_date_line(line) and _LABEL.search(line) is not None


def is_stamp_line(line: str) -> bool:
    """A date line that is a page's stamp: it carries a label or a time of day.

    "29 November 2018 | 20 January 2019" (an exhibition's dates) is story text.
    """
    dates = _date_line_dates(line)
    return bool(dates) and (_LABEL.search(line) is not None or dates[0].group("H") is not None)


# The date a byline carries after the name: "By Louis Jacobson on Monday, November 18th, 2019
# at 11:04 a.m.", "Written by Rachael Link, MS, RD on November 14, 2019", or, where the name is
# a link of its own, the text after it: "on November 14, 2019".
_BYLINE_DATE = re.compile(
    r"^(?:(?:(?:written|posted|published)\s+)?by\s+\D{2,80}?\s+)?on\s+(?P<date>\S.*)$", re.IGNORECASE
)


def byline_date(line: str, tz: tzinfo | None = None) -> FoundDate | None:
    """The publication date of a byline line that ends in "on <date>", and nothing else."""
    if len(line) > MAX_DATE_LINE_CHARS or (match := _BYLINE_DATE.match(line)) is None:
        return None
    if not is_date_line(match["date"]) or _LABEL.search(match["date"]):
        return None  # "on Updated: ..." is no byline's date
    return labelled_dates(match["date"], tz)[0]


# What joins a name to the date after it: "by Jeff Foust | Monday, November 18, 2019".
_BEFORE_DATE = re.compile(r"(?:[\s|,:·•\-–—]+|\b(?:on|am|le|el|em|il|op|pada)\b)*$", re.IGNORECASE)
_TRAILING_WEEKDAY = re.compile(rf"(?:{_WEEKDAY.pattern})\W*$", re.IGNORECASE)


def text_before_date(text: str) -> str:
    """``text`` up to its first date, without the weekday and joining words before that date:
    ``By Louis Jacobson on Monday, November 18th, 2019`` -> ``By Louis Jacobson``."""
    found = _first_match(text)
    if found is None:
        return text
    head = text[: found[0].start()]
    while True:
        trimmed = _BEFORE_DATE.sub("", head)
        trimmed = _TRAILING_WEEKDAY.sub("", trimmed)
        if trimmed == head:
            return head.strip()
        head = trimmed


# A date in a URL's path as news sites write it: /2019/11/19/, /2019/nov/18/, /2023/october/03/.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2]|[a-z]{3,9})/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$)", re.IGNORECASE
)


def url_date(path: str) -> datetime | None:
    """The calendar day a URL path names as /yyyy/mm/dd/ (naive; none when it names no day).
    A folder of letters is a month only when it is a month's name (/2023/report/12/ is none)."""
    for match in _URL_DATE.finditer(path):
        month = match["m"] if match["m"].isdigit() else str(_MONTHS.get(match["m"].lower(), 0))
        if (day := date_from_parts(match["y"], month, match["d"])) is not None:
            return day
    return None


def date_from_parts(year: str, month: str, day: str) -> datetime | None:
    """The calendar day a URL path names (naive: the site's profile knows its timezone)."""
    try:
        return datetime(int(year), int(month), int(day))
    except ValueError:
        return None


def to_iso(value: datetime) -> str:
    """ISO 8601 with seconds and the offset the page meant, and the fraction of a second the
    page gave (``2015-03-27T13:07:55.096+00:00``): without it the instant is not the page's."""
    if not value.microsecond:
        return value.isoformat(timespec="seconds")
    return value.isoformat(timespec="milliseconds" if not value.microsecond % 1000 else "microseconds")


def aware(value: datetime, tz: tzinfo | None) -> datetime:
    """``value`` with an offset to compare by: a naive one is read in ``tz`` (UTC when none)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=tz or UTC)


def parse_bound(text: str, *, end_of_day: bool = False, tz: tzinfo | None = None) -> datetime:
    """A ``since``/``until`` argument: a date (in the site's time, ``tz``; UTC for a site with
    none) or an ISO timestamp. ``until=2025-10-31`` includes the whole of that day.
    """
    text = text.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        value = parse_iso(text, tz or UTC)
        if value is None:
            raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD or an ISO 8601 timestamp)") from None
        return value
    start = datetime(day.year, day.month, day.day, tzinfo=tz or UTC)
    return start + timedelta(days=1, microseconds=-1) if end_of_day else start


def utc_now() -> datetime:
    """Now, to the second: the times newsbot itself stamps (download, first written) carry no fraction."""
    return datetime.now(UTC).replace(microsecond=0)
