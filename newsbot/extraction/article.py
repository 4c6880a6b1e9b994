"""One page in, one record out: the single code path behind the crawl and ``newsbot.extract``."""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit

import htmldate
import lxml.html
from lxml import etree
from trafilatura import metadata as trafilatura_metadata

from newsbot.discovery.urls import ArticleUrl, absolute_url, canonical_url, section_name
from newsbot.errors import EmptyBody, NoHeadline, NotAnArticle
from newsbot.extraction.html import block_lines, parse_html, text_of, wrap_text_runs
from newsbot.extraction.images import Photo, read_photos
from newsbot.extraction.kind import PageEvidence, article_probability, count_markup, microdata_types
from newsbot.extraction.kind import model as kind_model
from newsbot.extraction.meta import PageMeta, json_ld_authors, read_meta, site_name
from newsbot.extraction.story import generic_story_lines, long_paragraphs, story_lines
from newsbot.profiles import GENERIC, Layout, SiteProfile, profile_for_url
from newsbot.profiles.base import Selector
from newsbot.text.body import clean_body
from newsbot.text.bylines import (
    Author,
    credited_names,
    first_email,
    is_desk,
    is_handle,
    is_plain_name,
    loose_byline,
    merged_authors,
    names_alone,
    parse_byline,
    romanised_name,
    without_label,
)
from newsbot.text.captions import CaptionMatcher
from newsbot.text.dates import (
    FoundDate,
    byline_date,
    is_date_line,
    is_labelled_date_line,
    iso_date,
    labelled_dates,
    parse_date,
    to_iso,
    url_date,
    utc_now,
)
from newsbot.text.language import detect_language
from newsbot.text.normalise import clean_text, fingerprint, link_key
from newsbot.text.titles import site_names, strip_site_suffix
from newsbot.version import __version__


class _QuietDiscards(logging.Filter):
    # trafilatura warns "discarding data" for every text it finds too short; newsbot then reads
    # the container itself or drops the page with its own single log line.
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_QuietDiscards())

#: Below this many characters of story text a page is a front, a video or a stub, not an article.
MIN_BODY_CHARS = 150
# A trail's first link, the front page, as the languages of news pages name it.
_BREADCRUMB_ROOTS = frozenset(
    {"home", "main", "homepage", "home page", "startseite", "start", "accueil", "inicio", "início", "página inicial",
     "portada", "beranda", "главная", "главная страница", "홈", "ホーム", "トップ", "首页"}
)  # fmt: skip
# A story quotes the odd link; a front page or index is link titles through and through.
_MAX_LINK_SHARE = 0.5
_STORY_PARAGRAPHS = 3
_SHORT_LINE_CHARS = 160
_CRUMB_TRAIL = re.compile(r"^(?:Home|HOME|홈)\s*[>›»]\s*(?P<trail>.+)$")
_MAX_CRUMB_CHARS = 40
_MAX_CRUMBS = 6


@dataclass
class Extraction:
    record: dict[str, Any]
    #: The layout version that matched, or ``generic``.
    layout: str
    #: stats key suffix -> count: what was cut from the tree and removed from the text.
    removed: Counter[str]
    #: Kinds of leftover the crawl monitor's leak detector found; None when it did not look.
    leaks: frozenset[str] | None = None
    #: What the page-kind model weighed, on a page no layout describes (None inside a layout).
    evidence: PageEvidence | None = None
    #: The model's probability that the page is an article (None inside a layout).
    probability: float | None = None


def extract(html: str | bytes, url: str, *, profile: SiteProfile | None = None) -> dict[str, Any]:
    """The record ``scrapy crawl`` would write for this page.

    The site profile is the one whose hosts include the URL's host (a page of any other site
    gets the generic profile); a crawl passes its spider's profile instead. Raises
    :class:`newsbot.errors.NotAnArticle` (with a ``reason``) for a page that is no article.
    """
    return extract_article(html, url, profile=profile).record


def extract_article(
    html: str | bytes,
    url: str,
    *,
    profile: SiteProfile | None = None,
    content_type: str | None = None,
    min_body_chars: int = MIN_BODY_CHARS,
    downloaded: datetime | None = None,
    min_article_probability: float | None = None,
) -> Extraction:
    """The record and what was cut; ``min_article_probability`` overrides the page-kind model's
    threshold (0 judges no page by its kind)."""
    profile = profile or profile_for_url(url)
    tree = parse_html(html, content_type)
    meta = read_meta(tree)
    layout, container = _match_layout(tree, profile)
    removed: Counter[str] = Counter()
    # A number in a URL is an article id only where the site's profile says how its URLs read.
    url_info = profile.article_url(url)
    page_url = _canonical(url, meta, url_info, profile)
    url_info = profile.article_url(page_url) or url_info
    language = profile.language or meta.language

    headline = _headline(tree, layout, meta, profile, page_url)
    if not headline:
        raise NoHeadline("no headline in the page, its meta tags or its title")
    published, modified = _dates(tree, layout, meta, profile.tz, profile_hosts=bool(profile.hosts))
    if published is None and (day := _url_day(page_url, url_info, profile)) is not None:
        published = FoundDate(day.replace(tzinfo=profile.tz), day.date().isoformat(), has_time=False)
    if published is None and container is None:
        published = _searched_date(tree)
    breadcrumbs = _breadcrumbs(tree, layout, meta, url_info, profile, page_url)
    photos = read_photos(tree, layout, page_url, profile.default_image)
    page_authors = _page_authors(tree, layout, language, meta, page_url, undescribed=not profile.layouts)
    # Last of all, the byline trafilatura's author search finds on a page no profile describes,
    # read on the page as it came: after the cuts for the story it found fewer (readability's
    # tuning half 0.71 -> 0.69). Not evidence that the page is signed: the page-kind model was
    # fitted without it, and with it took three pages that are no articles for articles.
    searched_authors: list[Author] = []
    if not page_authors and not profile.layouts:
        searched_authors = _writers(_trafilatura_authors(tree), _site_fingerprints(meta, page_url))

    # Everything is read; now cut what is not story text, and hand the rest to trafilatura.
    list_links: frozenset[str] = frozenset()
    page_link_chars = 0
    page_text, markup, declared_types = "", {}, frozenset[str]()
    if container is not None:
        removed["captions/pruned"] += sum(1 for caption in photos.captions if caption)
        _drop(photos.elements)
        removed.update(_prune(layout.prune_xpaths, container, guard_story=False))
        wrap_text_runs(container)
        link_texts, _, _ = _link_keys(container)
        # Inside a known story container, recall matters most (subheads, lists, one-line quotes).
        lines = _story_lines(container, page_url)
    else:
        # No layout of the page's own site describes it: start from what trafilatura keeps of
        # the page and take away only what is proven no story. Only the site's own chrome
        # classes are cut from the markup, never an element that holds story paragraphs.
        removed.update(_prune(profile.site_chrome_xpaths, tree, guard_story=True))
        wrap_text_runs(tree)
        link_texts, list_links, page_link_chars = _link_keys(tree)
        # Every field is read: what trafilatura would only copy and throw away goes first.
        etree.strip_elements(tree, *_NO_STORY_TAGS, with_tail=False)
        page_text = str(_PAGE_TEXT(tree))
        markup = count_markup(tree, page_text)
        # Microdata types join JSON-LD's: a shop declares its Product either way.
        declared_types = meta.json_ld_types | microdata_types(tree)
        lines = generic_story_lines(tree, page_url, len(page_text)) or block_lines(tree)
    body = clean_body(
        lines,
        headline=headline,
        titles=[*_title_variants(meta), page_url, url],
        captions=CaptionMatcher(photos.captions + photos.alt_texts),
        chrome=profile.chrome_rules_for(language),
        language=language,
        credit_captions=profile.credit_captions,
        list_links=list_links,
    )
    removed.update(body.removed)
    article_body = "\n".join(body.paragraphs)
    if len(article_body) < min_body_chars:
        if container is None and page_link_chars > _MAX_LINK_SHARE * len(page_text):
            # Nothing is story text and most of the page is links: a section front, not an
            # article whose story went missing.
            raise NotAnArticle("no story text, and the page is mostly link titles: a section front or an index")
        raise EmptyBody(f"{len(article_body)} characters of story text (fewer than {min_body_chars})")
    link_chars = sum(len(line) for line in body.paragraphs if link_key(line) in link_texts)
    if link_chars > _MAX_LINK_SHARE * len(article_body):
        raise NotAnArticle("the text is mostly link titles: a section front or an index")
    evidence = probability = None
    if container is None and url_info is None:
        # Neither a layout nor the profile's article URL shapes vouch for the page: its own
        # signals say whether it is an article at all.
        evidence = PageEvidence(
            url=page_url,
            json_ld_types=declared_types,
            og_type=meta.get("og:type") or "",
            dated=published is not None,
            signed=bool(page_authors or body.authors),
            paragraphs=tuple(body.paragraphs),
            body_link_chars=link_chars,
            page_chars=len(page_text),
            page_link_chars=page_link_chars,
            markup=markup,
        )
        probability = article_probability(evidence)
        threshold = kind_model().threshold if min_article_probability is None else min_article_probability
        if probability < threshold:
            raise NotAnArticle(f"no article by its own signals (probability {probability:.2f} < {threshold:.2f})")

    # A desk's credit in the body ("By JERUSALEM POST STAFF") leaves it as a byline does, naming no writer.
    story_authors = [author for author in body.authors if not is_desk(author.name)]
    authors = merged_authors(story_authors, page_authors, both=bool(profile.layouts)) or searched_authors
    record: dict[str, Any] = {
        "url": page_url,
        "articleId": url_info.article_id if url_info else _fallback_id(page_url),
        "headline": headline,
        "authors": [author.as_record() for author in authors],
        "breadcrumbs": [{"name": name} for name in breadcrumbs],
        "articleBody": article_body,
        "images": [photo.as_record() for photo in photos.photos],
        "metadata": {
            "dateDownloaded": to_iso(downloaded or utc_now()),
            "newsbotVersion": __version__,
            "layout": layout.name,
            "site": profile.name if profile is not GENERIC else _host(page_url),
        },
    }
    # What the story's words say, when they say it clearly; else what the page or profile declares.
    if page_language := detect_language(article_body) or meta.language or profile.language:
        record["inLanguage"] = page_language
    if breadcrumbs:
        record["section"] = breadcrumbs[0]
    if description := meta.get("og:description", "description", "twitter:description"):
        record["description"] = description
    if published is not None:
        record["datePublished"], record["datePublishedRaw"] = published.iso(), published.raw
    if modified is not None:
        record["dateModified"], record["dateModifiedRaw"] = modified.iso(), modified.raw
    if main_image := _main_image(meta, page_url, profile, photos.photos):
        record["mainImage"] = main_image
    return Extraction(record, layout.name, +removed, evidence=evidence, probability=probability)


# Elements that never hold story text; trafilatura drops them too, after copying the tree.
_NO_STORY_TAGS = ("head", "script", "style", "noscript", "svg", "iframe", "template")


def _link_keys(scope: etree._Element) -> tuple[frozenset[str], frozenset[str], int]:
    """Keys of the texts of links, of list items that are nothing but one link, and the
    characters of all links' texts.

    One pass over the anchors with a cheap key (white space folded, case folded): a page has
    hundreds of links and this runs on every page.
    """
    links: set[str] = set()
    list_links: set[str] = set()
    chars = 0
    for anchor in scope.iter("a"):
        if not (key := link_key("".join(map(str, anchor.itertext())))):
            continue
        chars += len(key)
        links.add(key)
        item = anchor.getparent()
        if (
            item is not None
            and item.tag == "li"
            and len(item) == 1
            and link_key("".join(map(str, item.itertext()))) == key
        ):
            list_links.add(key)
    return frozenset(links), frozenset(list_links), chars


# The page's text, white space folded in C; the story is a share of it.
_PAGE_TEXT = etree.XPath("normalize-space(/html/body)")


def _main_image(meta: PageMeta, url: str, profile: SiteProfile, photos: list[Photo]) -> dict[str, str] | None:
    """The image the page declares for the article (``og:image``, then JSON-LD's ``image``), with
    the caption and credit the story prints under it when it is one of the story's photos; a page
    that declares none (or only the site's default picture) leads with its first story photo."""
    for candidate in (meta.get("og:image", "twitter:image"), *_json_ld_images(meta.json_ld.get("image"))):
        declared = absolute_url(candidate or "", url)
        if declared and not profile.default_image.search(declared):
            photo = next((photo for photo in photos if _same_image(photo.url, declared)), None)
            return photo.as_record() if photo is not None else {"url": declared}
    return photos[0].as_record() if photos else None


def _json_ld_images(value: Any) -> list[str]:
    """The URLs a JSON-LD ``image`` gives: a URL, an ``ImageObject``, or a list of either."""
    items = value if isinstance(value, list) else [value]
    urls = [item.get("url") or item.get("contentUrl") if isinstance(item, dict) else item for item in items]
    return [found for found in urls if isinstance(found, str) and found.strip()]


def _same_image(one: str, other: str) -> bool:
    # A declared image is often the story photo at another size: the same file, other parameters.
    return one.split("?", 1)[0].rstrip("/") == other.split("?", 1)[0].rstrip("/")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _match_layout(tree: etree._Element, profile: SiteProfile) -> tuple[Layout, etree._Element | None]:
    for layout in profile.layouts:
        if found := layout.xpaths["body"](tree):
            return layout, found[0]
    return profile.generic, None


def _prune(xpaths: dict[str, Selector], scope: etree._Element, *, guard_story: bool) -> Counter[str]:
    """Cut chrome selectors from ``scope``; count what went, by kind.

    Inside a layout's story container the selectors are the layout's own. On a whole page,
    ``guard_story`` keeps any element that holds the story: a class name is not proof.
    """
    removed: Counter[str] = Counter()
    for kind, xpath in xpaths.items():
        elements = _outermost([el for el in xpath(scope) if not (guard_story and _holds_story(el))])
        removed[f"chrome/pruned/{kind}"] += len(elements)
        _drop(elements)
    return removed


def _holds_story(element: etree._Element) -> bool:
    # A class-name guess ("commentary", "shared-layout") must never take the story with it.
    return element.tag in ("html", "body", "article", "main") or len(long_paragraphs(element)) >= _STORY_PARAGRAPHS


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen = set(elements)
    return [el for el in elements if not any(parent in chosen for parent in el.iterancestors())]


def _drop(elements: list[etree._Element]) -> None:
    for element in elements:
        parent = element.getparent()
        if parent is None:
            continue
        # Keep the tail: text after the element is story text in <br> layouts (as drop_tree does).
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def _canonical(url: str, meta: PageMeta, url_info: ArticleUrl | None, profile: SiteProfile) -> str:
    candidates = [c for c in (meta.canonical, meta.get("og:url")) if c]
    if profile.article_paths:
        # The page's own canonical link wins when it names the same article (it may be the new domain).
        for candidate in candidates:
            info = profile.article_url(candidate)
            if info is not None and (url_info is None or info.article_id == url_info.article_id):
                return info.url
        return url_info.url if url_info is not None else canonical_url(url)
    # Any other site: its canonical link, when it is an absolute link on the same site.
    for candidate in candidates:
        absolute = absolute_url(candidate, url)
        if absolute and _same_site(absolute, url):
            return canonical_url(absolute) if "?" not in candidate else absolute
    return canonical_url(url)


def _same_site(one: str, other: str) -> bool:
    first, second = _host(one).removeprefix("www."), _host(other).removeprefix("www.")
    return bool(first) and (first == second or first.endswith("." + second) or second.endswith("." + first))


def _title_variants(meta: PageMeta) -> list[str]:
    """The page's own titles, as they stand: a body line repeating one is no story."""
    return [title for title in (meta.title, meta.get("og:title", "twitter:title")) if title]


def _headline(tree: etree._Element, layout: Layout, meta: PageMeta, profile: SiteProfile, url: str) -> str | None:
    names = site_names([site_name(meta)], _host(url))
    titles = []
    for raw in (meta.get("og:title", "twitter:title"), meta.json_ld.get("headline"), meta.title):
        if isinstance(raw, str) and clean_text(raw):
            title = clean_text(raw)
            for suffix in profile.title_suffixes:
                title = title.removesuffix(suffix)
            titles.append(strip_site_suffix(title, names))
    # An <h1> that says only the site's name (a logo; "Silicon Exposed" over <title> "Silicon
    # Exposed: <story>") is no headline, on any site.
    not_headlines = {fingerprint(name) for name in (*_title_site_names(meta, names), *profile.site_names)}
    if profile.layouts or not titles:
        for element in _headline_elements(tree, layout):
            if (heading := text_of(element)) and fingerprint(heading) not in not_headlines:
                return heading
        return titles[0] if titles else None
    # A site no profile describes: its first <h1> is often the logo or a section name. The
    # first <h1> that says what a title says is the headline, else the first title.
    for element in layout.xpaths["headline"](tree):
        heading = text_of(element)
        if heading and fingerprint(heading) not in not_headlines and _same_words(heading, titles):
            return heading
    return titles[0]


_TITLE_PARTS = " :|-–—·»/"


def _headline_elements(tree: etree._Element, layout: Layout) -> Iterator[etree._Element]:
    """The layout's headline elements, its alternatives in their order, not the page's:
    "h1.headline" before any other <h1>, such as a section header's title above the story."""
    for alternative in layout.headline:
        yield from _one_selector(alternative)(tree)


@functools.cache
def _one_selector(css: str) -> Selector:
    """One CSS alternative, compiled once per process."""
    return Selector((css,))


def _title_site_names(meta: PageMeta, names: list[str]) -> list[str]:
    """The site's names: as its meta tags give them, and what ``<title>`` adds around the
    article's own title (``og:title``, JSON-LD ``headline``) on either side, when shorter."""
    found = list(names)
    page_title = clean_text(meta.title or "")
    for own in (meta.get("og:title", "twitter:title"), meta.json_ld.get("headline")):
        own = clean_text(own) if isinstance(own, str) else ""
        if own and own != page_title and own in page_title:
            before, _, after = page_title.partition(own)
            # The name is the shorter side: an og:title that is the site's name ("Robomow")
            # leaves the story's title around it.
            parts = (before.strip(_TITLE_PARTS), after.strip(_TITLE_PARTS))
            found += [part for part in parts if part and len(part) < len(own)]
    return found


def _same_words(heading: str, titles: list[str]) -> bool:
    """``heading`` says what one of ``titles`` says: the same words, or one holding the other
    (a title with the site's name) when the shorter is more than a word (not "Opinion")."""
    key = fingerprint(heading)
    for title in titles:
        shorter, longer = sorted((key, fingerprint(title)), key=len)
        if shorter and shorter in longer and (shorter == longer or " " in shorter):
            return True
    return False


def _url_day(url: str, url_info: ArticleUrl | None, profile: SiteProfile) -> datetime | None:
    """The day the article's URL names: as its profile reads the site's URLs, or on a site no
    profile describes, a /yyyy/mm/dd/ path (WordPress and most news CMSs)."""
    if url_info is not None:
        return url_info.date
    return None if profile.article_paths else url_date(urlsplit(url).path)


def _dates(
    tree: etree._Element, layout: Layout, meta: PageMeta, tz: tzinfo | None, *, profile_hosts: bool = True
) -> tuple[FoundDate | None, FoundDate | None]:
    """(published, modified): of the page's sources for each, the most precise wins.

    Sources in order: the layout's date elements, ``article:*_time`` and JSON-LD, and only when
    none gave a publication date, any short line of the page that is a date line. A date
    alone loses to a timestamp; a timestamp with an offset to one without. On a page of a site
    no profile describes, a publication date its meta tags or JSON-LD declare wins outright: the
    generic layout's ``<time>`` elements may be anyone's. Measured (``python -m bench``): wcxb's
    publication day right on 0.832 -> 0.841 of its tuning half, 0.796 -> 0.851 of its check half;
    readability's instant 0.23 -> 0.46 and 0.42 -> 0.58.
    """
    published: list[FoundDate] = []
    modified: list[FoundDate] = []
    structured = _structured_dates(meta, tz)
    if not profile_hosts and structured[0]:
        # A page of an undescribed site: what it declares for the article beats any <time> of
        # the page, which may date a related story or a comment.
        published, modified = structured
        structured = ([], [])
    for element in [] if published else layout.xpaths["dates"](tree):
        stamp = element.get("datetime") or element.get("content")
        if stamp and (found := iso_date(stamp, tz)) is not None:
            prop = (element.get("itemprop") or "").lower()
            (modified if prop == "datemodified" else published).append(found)
            continue
        found_published, found_modified = labelled_dates(text_of(element), tz)
        published += [found_published] if found_published else []
        modified += [found_modified] if found_modified else []
    published, modified = _plausible(published + structured[0]), _plausible(modified + structured[1])
    if not published:
        # A layout no version describes: any short element that is a date line (on a page of
        # an undescribed site, any short element whose class or id speaks of a date).
        # Last, a labelled stamp printed as loose text beside other markup, in no element of
        # its own ("기사입력 :[ 2018-08-25 15:24 ]" after the headline's <dl>).
        # Then a byline's date ("By X on November 18th, 2019 at 11:04 a.m.").
        lines = _short_lines(tree) if profile_hosts else _dated_lines(tree)
        stamps = (text for text in _short_texts(tree) if is_labelled_date_line(text))
        for text in itertools.chain((text for text in lines if is_date_line(text)), stamps):
            found_published, found_modified = labelled_dates(text, tz)
            if found_published:
                published.append(found_published)
                modified += [found_modified] if found_modified else []
                break
        else:
            bylined = (found for text in _short_texts(tree) if (found := byline_date(text, tz)) is not None)
            published += itertools.islice(bylined, 1)
    first, last = _most_precise(published), _most_precise(modified)
    if last is not None and first is not None and _not_after(last.value, first.value):
        last = None  # a "modified" stamp equal to publication says nothing
    return first, last


def _searched_date(tree: etree._Element) -> FoundDate | None:
    """The publication day htmldate finds where the page declares none: its search of the whole
    page for the original date (scripts, attributes, text patterns in many languages).

    Its quick search first, its extensive one only where that finds nothing: on the wcxb pages
    that reach here, the same days right (66 of 94) as the extensive search alone, at a third of
    its time (8.7 ms a page against 26.5).
    """
    found = htmldate.find_date(tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    found = found or htmldate.find_date(tree, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    return FoundDate(datetime.strptime(found, "%Y-%m-%d"), found, has_time=False) if isinstance(found, str) else None


def _structured_dates(meta: PageMeta, tz: tzinfo | None) -> tuple[list[FoundDate], list[FoundDate]]:
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
    # max() keeps the first of equals: the earlier source wins a tie.
    return max(found, key=lambda date: date.precision) if found else None


def _not_after(later: datetime, earlier: datetime) -> bool:
    if (later.tzinfo is None) != (earlier.tzinfo is None):
        later, earlier = later.replace(tzinfo=None), earlier.replace(tzinfo=None)
    return later <= earlier


# libxml2 measures every element's text in C; only the short ones reach clean_text. Twice the
# limit: normalize-space() keeps the no-break and zero-width spaces clean_text removes.
_SHORT_CANDIDATES = etree.XPath(
    "/html/body//*[not(self::script or self::style)][string-length(normalize-space(.)) < $limit]"
)


_DATED = etree.XPath(
    "/html/body//*[contains(@class, 'date') or contains(@class, 'time') or contains(@id, 'date')]"
    "[string-length(normalize-space(.)) < $limit]"
)


_SHORT_TEXTS = etree.XPath(
    "/html/body//text()[not(parent::script or parent::style)][string-length(normalize-space(.)) < $limit]"
)


def _short_texts(tree: etree._Element) -> Iterator[str]:
    found = _SHORT_TEXTS(tree, limit=_SHORT_LINE_CHARS)
    for node in found if isinstance(found, list) else ():
        if text := clean_text(str(node)):
            yield text


def _dated_lines(tree: etree._Element) -> Iterator[str]:
    found = _DATED(tree, limit=2 * _SHORT_LINE_CHARS)
    for element in found if isinstance(found, list) else ():
        if isinstance(element, etree._Element) and (text := text_of(element)) and len(text) < _SHORT_LINE_CHARS:
            yield text


def _short_lines(tree: etree._Element) -> Iterator[str]:
    """Texts of the body's elements whose whole text is one short line: where date lines and
    trails sit."""
    candidates = _SHORT_CANDIDATES(tree, limit=2 * _SHORT_LINE_CHARS)
    for element in candidates if isinstance(candidates, list) else ():
        if isinstance(element, etree._Element) and isinstance(element.tag, str):
            text = text_of(element)
            if text and len(text) < _SHORT_LINE_CHARS:
                yield text


def _breadcrumbs(
    tree: etree._Element,
    layout: Layout,
    meta: PageMeta,
    url_info: ArticleUrl | None,
    profile: SiteProfile,
    base_url: str,
) -> list[str]:
    names: list[str] = []
    roots = _BREADCRUMB_ROOTS | {name.lower() for name in (*profile.site_names, site_name(meta) or "")}
    for source in ([text_of(element) for element in layout.xpaths["breadcrumbs"](tree)], meta.json_ld_breadcrumbs):
        for name in source:
            # A trail's last link is often the story itself: a crumb is a short label.
            if name and name.lower() not in roots and name not in names and len(name) <= _MAX_CRUMB_CHARS:
                names.append(name)
        if names:
            break
    if names:
        return names[:_MAX_CRUMBS]
    if profile.hosts:
        # Markup unknown: a short text line "Home > National > Diplomacy" is a trail all the same.
        for text in _short_lines(tree):
            if match := _CRUMB_TRAIL.match(text):
                crumbs = [clean_text(part) for part in re.split(r"\s*[>›»]\s*", match["trail"]) if clean_text(part)]
                if crumbs and all(len(crumb) <= _MAX_CRUMB_CHARS for crumb in crumbs):
                    return crumbs
        if crumbs := _header_sections(tree, layout, profile, base_url):
            return crumbs
        if url_info is not None and url_info.section:
            tokens = [url_info.section] + ([url_info.subsection] if url_info.subsection else [])
            return [section_name(token, dict(profile.section_names)) for token in tokens]
    # The page's own section tag, where its URL and markup name none: the meta tag, else the
    # JSON-LD article's articleSection (a name, or a list whose first is the main one).
    declared = meta.json_ld.get("articleSection")
    if isinstance(declared, list):
        declared = next((name for name in declared if isinstance(name, str) and clean_text(name)), None)
    section = meta.get("article:section") or (clean_text(declared) if isinstance(declared, str) else "")
    return [section] if section and len(section) <= _MAX_CRUMB_CHARS else []


# A section's address: one or two words of path ("/politics", "/society/education").
_SECTION_PATH = re.compile(r"^/[A-Za-z][\w-]*(?:/[A-Za-z][\w-]*)?/?$")
# Header parts whose links are no section: the writers, the dates, layers behind buttons.
_NOT_SECTION_PARTS = ("byline", "date", "time", "reporter", "layer", "share", "source", "epaper")


def _header_sections(tree: etree._Element, layout: Layout, profile: SiteProfile, base_url: str) -> list[str]:
    """The section links of the story's header ("사회 > 교육" above the headline, whatever the
    template calls them): links to the site's own section addresses in the element that holds
    the headline, not in its byline or date parts."""
    headline = next(_headline_elements(tree, layout), None)
    if headline is None:
        headline = next(tree.iter("h1"), None)  # an element is falsy when it has no children
    if headline is None:
        return []
    scope = headline.getparent()
    for _ in range(3):  # the headline's header: <header>, or a block whose class says so
        if scope is None or scope.tag == "header" or "head" in (scope.get("class") or "").lower():
            break
        scope = scope.getparent()
    if scope is None or scope.tag in ("body", "html"):
        return []
    host = _host(base_url)
    names: list[str] = []
    for anchor in scope.iter("a"):
        url = absolute_url(anchor.get("href") or "", base_url)
        if url is None or _host(url) != host or profile.article_url(url) is not None:
            continue
        parts = urlsplit(url)
        if not _SECTION_PATH.match(parts.path) or parts.query or _inside_part(anchor, scope):
            continue
        name = text_of(anchor)
        if name and len(name) <= _MAX_CRUMB_CHARS and name not in names:
            names.append(name)
    # More section links than a trail holds: the site's menu (a masthead whose <h1> is the
    # logo), not where this story sits.
    return names if len(names) <= _HEADER_TRAIL_LINKS else []


# A trail is a section and a sub-section or two; a menu names every section.
_HEADER_TRAIL_LINKS = 3


def _inside_part(element: etree._Element, scope: etree._Element) -> bool:
    """The element (or one of its ancestors below ``scope``) is a byline, date or layer part."""
    node: etree._Element | None = element
    while node is not None and node is not scope:
        marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(part in marks for part in _NOT_SECTION_PARTS):
            return True
        node = node.getparent()
    return False


def _page_authors(
    tree: etree._Element, layout: Layout, language: str | None, meta: PageMeta, url: str, *, undescribed: bool
) -> list[Author]:
    """The writers the page names outside its body text, by trust: the layout's byline elements
    (one may name several, and several one each: a Korean header prints one link per reporter),
    else the meta tags and JSON-LD, else a byline block before the story ("by Madeline Fry |
    November 18, 2019 12:01 PM"). Read before the story is cut, which may take them.

    On a site no profile describes (``undescribed``), an author element (``rel=author``,
    ``itemprop=author``) before the story's first paragraph may hold the names alone, unless
    they are the site's: such names after it are more often a related story's or a commenter's.
    """
    bylines, blocks = layout.xpaths["bylines"](tree), layout.xpaths["byline_blocks"](tree)
    site = _site_fingerprints(meta, url)
    before = set(_before_story(tree, [*bylines, *blocks])) if undescribed or blocks else set()
    found: list[Author] = []
    for element in bylines:
        text = text_of(element)
        authors = parse_byline(text, language)
        if authors is None and undescribed and element in before:
            authors = [author for author in names_alone(text) or () if fingerprint(author.name) not in site]
        if authors and len(authors) == 1 and not authors[0].email and (email := _email_of(element)):
            authors = [replace(authors[0], email=email)]
        for author in authors or ():
            if is_desk(author.name):
                continue
            # The same writer twice (the header's link, the closing "홍길동 기자 e-mail"): once,
            # with the e-mail either prints.
            same = next((index for index, known in enumerate(found) if known.name == author.name), None)
            if same is None:
                found.append(author)
            elif author.email and not found[same].email:
                found[same] = replace(found[same], email=author.email)
    if found or (found := _meta_authors(meta, site)):
        return found
    for element in blocks:
        if element not in before:
            continue
        for part in _BYLINE_PARTS.split(_spaced_text(element)):
            authors = parse_byline(part, language) or loose_byline(part) or names_alone(part) or []
            if authors := _writers(authors, site):
                return authors
    if undescribed:
        # Last, any short element before the story that begins as a byline does ("By", "Written
        # by", "Por", "Von", ...): AP's, PolitiFact's and Healthline's bylines carry no class
        # or rel that says so. The innermost such element: its parent may add "Associated Press".
        for element in _innermost(_before_story(tree, _byline_like(tree))):
            authors = loose_byline(_spaced_text(element)) or []
            if authors := _writers(authors, site):
                return authors
    return []


def _email_of(element: etree._Element) -> str | None:
    """The e-mail printed with one writer's byline element: its one ``mailto:`` link
    (``<a href="mailto:...">홍길동 기자</a>``), else an address right after it, before the next
    writer's link (``<a>홍길동 기자</a> <span class="email">hong@...</span>``), also after the
    wrapper that holds the link alone (``<span class="name"><a>...</a></span> <span>e-mail``)."""
    links = {
        href.split(":", 1)[1].split("?", 1)[0].strip()
        for node in element.iter("a")
        if (href := node.get("href") or "").lower().startswith("mailto:")
    }
    if len(links) == 1 and "@" in (link := links.pop()):
        return link
    node: etree._Element | None = element
    for _ in range(3):
        if node is None:
            break
        after = node.tail or ""
        following = node.getnext()
        if following is not None and following.tag != "a" and next(following.iter("a"), None) is None:
            after += " " + text_of(following)
        if email := first_email(after):
            return email
        node = node.getparent()
        # Only an inline wrapper of this one link: what follows a block, or a wrapper of other
        # writers' links, is not this writer's ("Contact: desk@...").
        if node is None or node.tag not in _INLINE_WRAPPERS or sum(1 for _ in node.iter("a")) > 1:
            break
    return None


_INLINE_WRAPPERS = frozenset({"span", "strong", "em", "b", "i"})


def _site_fingerprints(meta: PageMeta, url: str) -> set[str]:
    """The site's name, as its meta tags give it and as its host spells it ("LinkNaija")."""
    return {fingerprint(name) for name in (site_name(meta), _host(url).removeprefix("www.").split(".")[0]) if name}


def _trafilatura_authors(tree: etree._Element) -> list[Author]:
    """The writers trafilatura's author search finds (its byline XPaths, less comments and
    related boxes), each kept only when it is a plain name: that search also returns roles,
    credentials and labels ("Digital Security Expert", "Written By"). Measured on the development
    sets (tuning / check halves): wcxb recall 0.531 -> 0.595 / 0.529 -> 0.597, precision 0.936 ->
    0.920 / 0.906 -> 0.902; readability recall 0.619 -> 0.714 / 0.579 -> 0.684, precision 0.839 ->
    0.857 / 0.880 -> 0.897."""
    found = trafilatura_metadata.extract_author(tree) or ""
    names = [without_label(name) for name in found.split(";")]
    names = [name for name in names if name and is_plain_name(name)]
    return [Author(romanised_name(name), name) for name in names if not _only_after_story(tree, name)]


def _only_after_story(tree: etree._Element, name: str) -> bool:
    """The page prints ``name`` only after the story's last paragraph: a related story's writer
    or a commenter's, as newsbot's own reading holds. On the development sets it raised wcxb's
    precision on the check half (0.897 -> 0.902, recall unchanged) and cost recall on the tuning
    half (0.601 -> 0.595); readability's figures did not move."""
    paragraphs = long_paragraphs(tree)
    if not paragraphs:
        return False
    surname = name.split()[-1]
    for element in tree.iter():
        if element is paragraphs[-1]:
            return True
        if isinstance(element.tag, str) and surname in (element.text or ""):
            return False
    return True


# Text that begins as a byline does, in any of the languages loose_byline reads: its element
# holds the byline ("By" before the writer's link, the names after it). libxml2 keeps the text
# nodes whose first two letters, lower-cased, begin one of the words; Python's pattern decides.
_BYLINE_START = re.compile(
    r"^\s*(?:written by|posted by|by|por|escrito por|publicado por|von|par|di|door|oleh|text|texto|автор)(?::|\s|$)",
    re.IGNORECASE,
)
_BYLINE_HEADS = "|by|wr|po|es|pu|vo|pa|di|do|ol|te|ав|"
_BYLINE_STARTS = etree.XPath(
    "/html/body//text()[not(parent::script or parent::style)][string-length(.) < $limit][contains("
    f"'{_BYLINE_HEADS}', concat('|', translate(substring(normalize-space(.), 1, 2), "
    "'ABCDEFGHIJKLMNOPQRSTUVWXYZА', 'abcdefghijklmnopqrstuvwxyzа'), '|'))]"
)


def _byline_like(tree: etree._Element) -> list[etree._Element]:
    """The short elements whose own text begins as a byline does, in document order."""
    found = _BYLINE_STARTS(tree, limit=_SHORT_LINE_CHARS)
    elements: dict[etree._Element, None] = {}
    for node in found if isinstance(found, list) else ():
        if not isinstance(node, etree._ElementUnicodeResult) or not _BYLINE_START.match(node):
            continue
        parent = node.getparent()
        if parent is not None and node.is_tail:
            parent = parent.getparent()
        if parent is not None and len(_spaced_text(parent)) < _SHORT_LINE_CHARS:
            elements[parent] = None
    return list(elements)


def _writers(authors: list[Author], site: set[str]) -> list[Author]:
    """``authors`` without the site's own name and without desks."""
    return [author for author in authors if fingerprint(author.name) not in site and not is_desk(author.name)]


def _spaced_text(element: etree._Element) -> str:
    """The element's text with a space between its text nodes: "by Jeff Foust<br><span>Monday,
    November 18, 2019</span>" reads "by Jeff Foust Monday, ...", not "FoustMonday"."""
    return clean_text(" ".join(str(part) for part in element.itertext()))


def _innermost(elements: list[etree._Element]) -> list[etree._Element]:
    """``elements`` without those that hold another of them."""
    chosen = set(elements)
    return [element for element in elements if not any(inner in chosen for inner in element.iterdescendants())]


# Where a byline block's parts meet: "by Madeline Fry | November 18, 2019 12:01 PM | Print".
_BYLINE_PARTS = re.compile(r"\s+[|·•]\s+")


def _before_story(tree: etree._Element, elements: list[etree._Element]) -> list[etree._Element]:
    """The ``elements`` that come before the page's first story paragraph, in document order.

    The first story paragraph is the first long one after the page's first ``<h1>`` when one
    follows it: a cookie or privacy notice printed above the headline is no story (PolitiFact)."""
    paragraphs = long_paragraphs(tree) if elements else []
    if not paragraphs:
        return elements
    long = set(paragraphs)
    headline = next(tree.iter("h1"), None)
    after_headline = headline is None
    before = set()
    for element in tree.iter():  # document order: stop at the first story paragraph
        if element is headline:
            after_headline = True
        elif after_headline and element in long:
            break
        before.add(element)
    else:  # no long paragraph after the headline: the story begins at the first
        before = set(itertools.takewhile(lambda element: element is not paragraphs[0], tree.iter()))
    return [element for element in elements if element in before]


def _meta_authors(meta: PageMeta, site: set[str]) -> list[Author]:
    """Writers the meta tags and JSON-LD credit: the names of each credit, not the site's own
    name nor a desk's, nor a user name."""
    credits = json_ld_authors(meta)
    if not credits and (author := meta.get("author", "article:author")):
        credits = [author]
    names = [name for credit in credits if not credit.startswith("http") for name in credited_names(credit)]
    return [
        Author(romanised_name(name), name)
        for name in names
        if not is_handle(name) and not is_desk(name) and fingerprint(name) not in site
    ]


def _story_lines(container: etree._Element, url: str) -> list[str]:
    # Inside <article>, trafilatura's own reading takes the container as the body, subheads
    # included, so its comparison with readability and jusText (a third of its time) is skipped:
    # the same records on every fixture and evaluation page.
    wrapper = lxml.html.document_fromstring("<html><body><article></article></body></html>")
    article = wrapper.find("body/article")
    assert article is not None  # the parser keeps this literal's <article> in its <body>
    article.append(container)
    return story_lines(wrapper, url, favor_recall=True, fast=True) or block_lines(wrapper)


def _fallback_id(url: str) -> str:
    return hashlib.sha1(fingerprint(url).encode()).hexdigest()[:16]
