"""``datePublished`` and ``dateModified``: every source of the page's dates, in a measured order."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone, tzinfo
from urllib.parse import urlsplit

import htmldate
from lxml import etree

from newsbot.discovery.urls import ArticleUrl
from newsbot.extraction.fields.page import dated_lines, short_lines, short_texts
from newsbot.extraction.html import text_of
from newsbot.extraction.meta import PageMeta
from newsbot.profiles import Layout, SiteProfile
from newsbot.text.dates import (
    FoundDate,
    byline_date,
    is_date_line,
    is_labelled_date_line,
    iso_date,
    labelled_dates,
    parse_date,
    url_date,
)

_Candidates = tuple[list[FoundDate], list[FoundDate]]


@dataclass(frozen=True)
class _DatedPage:
    """What the date sources read: the parsed page and what is known of its site."""

    tree: etree._Element
    layout: Layout
    meta: PageMeta
    profile: SiteProfile
    url: str
    url_info: ArticleUrl | None

    @property
    def tz(self) -> tzinfo | None:
        return self.profile.tz


def _declared(page: _DatedPage) -> _Candidates:
    """What the page's meta tags and JSON-LD declare."""
    return structured_dates(page.meta, page.tz)


def _layout_elements(page: _DatedPage) -> _Candidates:
    """The layout's date elements: a machine-readable stamp, else a labelled date line."""
    published: list[FoundDate] = []
    modified: list[FoundDate] = []
    for element in page.layout.xpaths["dates"](page.tree):
        stamp = element.get("datetime") or element.get("content")
        if stamp and (found := iso_date(stamp, page.tz)) is not None:
            prop = (element.get("itemprop") or "").lower()
            (modified if prop == "datemodified" else published).append(found)
            continue
        found_published, found_modified = labelled_dates(text_of(element), page.tz)
        published += [found_published] if found_published else []
        modified += [found_modified] if found_modified else []
    return _plausible(published), _plausible(modified)


def _date_line(page: _DatedPage) -> _Candidates:
    """The first short element of the page that is a date line (on an undescribed site, one whose
    class or id speaks of a date); else a labelled stamp printed as loose text beside other markup,
    in no element of its own ("기사입력 :[ 2018-08-25 15:24 ]" after the headline's <dl>)."""
    lines = short_lines(page.tree) if page.profile.hosts else dated_lines(page.tree)
    stamps = (text for text in short_texts(page.tree) if is_labelled_date_line(text))
    for text in itertools.chain((text for text in lines if is_date_line(text)), stamps):
        found_published, found_modified = labelled_dates(text, page.tz)
        if found_published:
            return [found_published], [found_modified] if found_modified else []
    return [], []


def _byline_date(page: _DatedPage) -> _Candidates:
    """The date a byline prints after the name ("By X on November 18th, 2019 at 11:04 a.m.")."""
    bylined = (found for text in short_texts(page.tree) if (found := byline_date(text, page.tz)) is not None)
    return list(itertools.islice(bylined, 1)), []


def _url_day(page: _DatedPage) -> _Candidates:
    """The day the article's URL names: as its profile reads the site's URLs, or on a site no
    profile describes, a /yyyy/mm/dd/ path (WordPress and most news CMSs)."""
    if page.url_info is not None:
        day = page.url_info.date
    else:
        day = None if page.profile.article_paths else url_date(urlsplit(page.url).path)
    return ([FoundDate(day.replace(tzinfo=page.tz), day.date().isoformat(), has_time=False)] if day else []), []


def _searched(page: _DatedPage) -> _Candidates:
    """The publication day htmldate finds: its search of the whole page for the original date
    (scripts, attributes, text patterns in many languages).

    Its quick search first, its extensive one only where that finds nothing: on the wcxb pages
    that reach here, the same days right (66 of 94) as the extensive search alone, at a third of
    its time (8.7 ms a page against 26.5).
    """
    tree = page.tree
    found = htmldate.find_date(tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    found = found or htmldate.find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    if not isinstance(found, str):
        return [], []
    day = datetime.strptime(found, "%Y-%m-%d")
    return [FoundDate(day, found, has_time=False, year_only=found.endswith(_YEAR_ONLY))], []


# The first of January is the day htmldate writes for a year alone: the page's copyright line
# ("© 2025") or a lone year in its text, where it finds nothing finer. That is no publication
# day: 84 records of the development and outside pages had one, 55 of them articles, none the
# article's day (47 of those have none in the gold). The page-kind model was fitted with such
# pages counted as dated, and they still are.
_YEAR_ONLY = "-01-01"


_Source = Callable[[_DatedPage], _Candidates]

#: The order of the sources, in stages: the first stage that gives a publication date gives it,
#: the most precise of that stage's candidates (a timestamp with an offset beats one without,
#: which beats a date alone; the earlier source wins a tie). A modification date is the most
#: precise of every stage read so far. On a site a profile describes, its layout's date
#: elements and what the page declares are one stage; htmldate's search is the last resort on a
#: page whose story container no layout found.
DESCRIBED: tuple[tuple[_Source, ...], ...] = (
    (_layout_elements, _declared),
    (_date_line,),
    (_byline_date,),
    (_url_day,),
    (_searched,),
)
#: On a page of an undescribed site, what it declares for the article comes first: the generic
#: layout's ``<time>`` elements may date a related story or a comment (wcxb's publication day
#: right on 0.832 -> 0.841 of its tuning half, 0.796 -> 0.851 of its check half; readability's
#: instant 0.23 -> 0.46 and 0.42 -> 0.58). Then, after the URL, htmldate's search of the whole
#: page (wcxb's day 0.72 -> 0.84 and 0.68 -> 0.85 with the above). Measured alone, each right
#: where it answers, wcxb tuning / check: declared 0.895 / 0.894, date line 0.907 / 0.842,
#: <time> elements 0.847 / 0.720, URL 1.000 / 1.000 (14 and 15 pages), htmldate 0.864 / 0.844;
#: of the 120 orders of the first five, none read both halves better than this one.
UNDESCRIBED: tuple[tuple[_Source, ...], ...] = (
    (_declared,),
    (_layout_elements,),
    (_date_line,),
    (_byline_date,),
    (_url_day,),
    (_searched,),
)


def read_dates(
    tree: etree._Element,
    layout: Layout,
    meta: PageMeta,
    profile: SiteProfile,
    url: str,
    url_info: ArticleUrl | None,
    *,
    search: bool = True,
) -> tuple[FoundDate | None, FoundDate | None]:
    """(published, modified): the sources of the page's dates in their order (``DESCRIBED``
    on a site a profile describes, else ``UNDESCRIBED``). ``search`` = False leaves out
    htmldate's search of the whole page (inside a layout's story container the page is known)."""
    page = _DatedPage(tree, layout, meta, profile, url, url_info)
    read: dict[_Source, _Candidates] = {}

    def candidates(source: _Source) -> _Candidates:
        # Each source reads the page once: the stages, the URL's day and the local offset share it.
        if source not in read:
            read[source] = source(page)
        return read[source]

    published: list[FoundDate] = []
    modified: list[FoundDate] = []
    for stage in DESCRIBED if profile.hosts else UNDESCRIBED:
        for source in stage:
            if source is _searched and not search:
                continue
            found_published, found_modified = candidates(source)
            published += found_published
            modified += found_modified
        if published:
            break
    first, last = _most_precise(published), _most_precise(modified)
    first = _within_url_day(first, candidates(_url_day)[0])
    if first is not None and page.tz is None and first.precision == 2 and not first.value.utcoffset():
        # The <time> elements, whichever stage gave the date, print the page's local time (the
        # declared dates are the first stage, always read). The date line was read for it too at
        # first: it gave one more page its day, at 2.4 ms a page.
        times = [] if _layout_elements in read else list(itertools.chain(*candidates(_layout_elements)))
        first = _in_local_time(first, [*published, *modified, *times])
    if last is not None and first is not None and _not_after(last.value, first.value):
        last = None  # a "modified" stamp equal to publication says nothing
    return first, last


# A publishing system names an article's URL after its first publication day, once. A date
# more than this far from it is no first publication: a republished page's new stamp, a
# template's site-wide date, another item's (Squarespace's 2019 stamp on a post of 2017). Within
# it a day or so apart is the same moment read in another zone (a UTC stamp past midnight).
_URL_DAY_SLACK = timedelta(days=7)


def _within_url_day(found: FoundDate | None, url_days: list[FoundDate]) -> FoundDate | None:
    """``found``, unless the URL names a day more than ``_URL_DAY_SLACK`` away: that day.

    Of the development, Fundus and trafilatura's pages (1,607 with a gold day), 11 have a URL
    day their first source disagrees with: 8 by a day or less (zones; left as they are), 3 by
    years, each time the URL right (one page on a tuning half, two on the check halves); any
    slack from 7 to 700 days gives the same records."""
    if found is None or not url_days:
        return found
    url_day = url_days[0]
    if abs(found.value.replace(tzinfo=None) - url_day.value.replace(tzinfo=None)) > _URL_DAY_SLACK:
        return url_day
    return found


# The offsets of the world's zones: whole hours up to 14, and the few others (India's +05:30,
# Nepal's +05:45, Iran's, Newfoundland's, central Australia's, ...).
_MAX_OFFSET = timedelta(hours=14)
_SAME_DAYS = timedelta(days=2)
_ODD_OFFSETS = frozenset(
    timedelta(minutes=sign * minutes)
    for sign in (1, -1)
    for minutes in (150, 210, 270, 330, 345, 390, 525, 570, 630, 765)
)


def _in_local_time(stamp: FoundDate, readings: list[FoundDate]) -> FoundDate:
    """``stamp``, a UTC instant, at the offset the page prints its times in, where the page says
    it: the same moment elsewhere with an offset ("03:05:00Z" beside a ``<time>`` of
    "19:05:00-08:00"), or a UTC stamp of the page read beside the local clock time a ``<time>``
    or a declared date gives without one, to the same second, or minute where it has none
    ("05:30:59Z" and "23:30:59" the day before: -06:00). The instant is the page's; its day is
    the local one the page shows ("published Nov 8" in Minnesota, not Nov 9). A page's other
    offsets alone say nothing of this stamp's (tried before: 6 wcxb days flipped, 4 of them away
    from the gold).

    It writes 87 records of trafilatura's pages, 45 of the development sets and 34 of Fundus's
    at another offset, the instant unchanged (readability's and Fundus's instant figures do not
    move). Of trafilatura's, 7 change their day, 3 to the gold and 4 with none: day 0.8610 ->
    0.8690 on the check half, no day lost. wcxb: one page right and one wrong on the check
    half, one wrong on the tuning half; on both wrong ones wcxb's gold is the UTC day of the
    meta stamp where the page prints the local one ("July 4, 2025" under a stamp of 00:04 UTC
    on July 5).
    """
    # An offset read from another season's moment may be the other side of a change of clocks.
    utc = [
        reading
        for reading in readings
        if reading.precision == 2 and not reading.value.utcoffset() and abs(reading.value - stamp.value) <= _SAME_DAYS
    ]
    for reading in readings:
        offset = _offset_shown(reading, utc)
        if offset:
            return replace(stamp, value=stamp.value.astimezone(timezone(offset)))
    return stamp


def _offset_shown(reading: FoundDate, utc: list[FoundDate]) -> timedelta | None:
    """The offset ``reading`` shows of a moment one of the ``utc`` stamps gives, if it shows one."""
    if not reading.has_time:
        return None
    offset = reading.value.utcoffset()
    if offset is not None:
        return offset if any(other.value == reading.value for other in utc) else None
    clock = reading.value.replace(microsecond=0)
    for other in utc:
        moment = other.value.replace(tzinfo=None, microsecond=0)
        if not clock.second:
            moment = moment.replace(second=0)  # a clock time printed to the minute
        elif clock.second != moment.second:
            continue
        difference = clock - moment
        if abs(difference) <= _MAX_OFFSET and (not difference % timedelta(hours=1) or difference in _ODD_OFFSETS):
            return difference
    return None


def structured_dates(meta: PageMeta, tz: tzinfo | None) -> tuple[list[FoundDate], list[FoundDate]]:
    """(published, modified) as the page's meta tags and JSON-LD declare them."""
    found: tuple[list[FoundDate], list[FoundDate]] = ([], [])
    for name, found_list in zip(("published", "modified"), found, strict=True):
        key = f"date{name.title()}"
        for raw in (meta.get(*_META_DATES[name]), meta.json_ld.get(key) or meta.json_ld_page.get(key)):
            # Machine-readable, as a rule; some CMSs print a date there ("01:38:07 PM IST Nov 20, 2019").
            if isinstance(raw, str) and (date := iso_date(raw, tz) or parse_date(raw, tz)) is not None:
                found_list.append(date)
    return _plausible(found[0]), _plausible(found[1])


# Meta tags that carry the dates, by name or property as pages spell them (the first found
# counts): Open Graph, the NYT's article:published, Reuters' og:article:*, Dublin Core, Parse.ly.
_META_DATES = {
    "published": (
        "article:published_time", "og:article:published_time", "og:published_time", "article:published",
        "datepublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "dc.date.issued",
        "dcterms.created", "dc.date", "date",
    ),
    "modified": (
        "article:modified_time", "og:article:modified_time", "og:modified_time", "article:modified",
        "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
    ),
}  # fmt: skip

# Templates fill an empty date with the zero value of their language: Go's 0001-01-01, the
# Unix epoch. No news page was published before the first newspapers.
_FIRST_NEWS_YEAR = 1600

_EPOCH = datetime(1970, 1, 1)


def _plausible(found: list[FoundDate]) -> list[FoundDate]:
    return [date for date in found if date.value.year >= _FIRST_NEWS_YEAR and date.value.replace(tzinfo=None) != _EPOCH]


def _most_precise(found: list[FoundDate]) -> FoundDate | None:
    """The most precise of ``found``; of equals, the first (the earlier source). A stamp in UTC
    that reads the same clock time as another with an offset is that local time labelled UTC
    by a formatter that knew no zone ("20:00:27Z" in the meta tags, "20:00:27+02:00" in JSON-LD
    and the ``<time>``): the one with the offset is taken. It changes 5 pages of 4 sites of the
    outside and development pages, the 2 with a gold instant to it."""
    best = max(found, key=lambda date: date.precision) if found else None
    if best is None or best.precision < 2 or best.value.utcoffset():
        return best
    clock = best.value.replace(tzinfo=None)
    return next(
        (
            other
            for other in found
            if other.precision == 2 and other.value.utcoffset() and other.value.replace(tzinfo=None) == clock
        ),
        best,
    )


def _not_after(later: datetime, earlier: datetime) -> bool:
    if (later.tzinfo is None) != (earlier.tzinfo is None):
        later, earlier = later.replace(tzinfo=None), earlier.replace(tzinfo=None)
    return later <= earlier
