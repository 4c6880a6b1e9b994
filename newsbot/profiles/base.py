"""The shape of a site profile and its layout versions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from functools import cache, cached_property
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import cssselect
import cssselect.parser
from lxml import etree
from lxml.cssselect import CSSSelector

from newsbot.discovery.urls import ArticlePath, ArticleUrl, canonical_url, match_article_path
from newsbot.text.chrome import ChromeRules
from newsbot.text.chrome_words import rules_for


class Selector:
    """CSS alternatives compiled once into one XPath union; selects elements in document order.

    Paths are ``descendant-or-self``: called on an element, a selector stays inside it.

    Each XPath walks the whole tree, and a page is asked a score of them; most name a class or
    id that the page does not have at all (another layout's, another site's widgets). The
    classes and ids of a tree are read once (:func:`_names_in`), and only the alternatives
    whose names the tree has are evaluated: the same elements, without the walks that find none.
    """

    def __init__(self, selectors: tuple[str, ...]) -> None:
        self.css = selectors
        paths = [CSSSelector(selector).path for selector in selectors]
        self._xpath = etree.XPath(" | ".join(paths)) if selectors else None
        self._paths = paths
        self._needs = [_required_names(selector) for selector in selectors]
        self._unions: dict[tuple[int, ...], etree.XPath] = {}

    def __call__(self, node: etree._Element) -> list[etree._Element]:
        if self._xpath is None or not isinstance(node.tag, str):
            return []  # nothing to select, or a comment / processing instruction
        names = _names_in(node)
        possible = tuple(index for index, needs in enumerate(self._needs) if needs <= names)
        if not possible:
            return []
        found = (self._xpath if len(possible) == len(self._paths) else self._union(possible))(node)
        return [el for el in found if isinstance(el, etree._Element)] if isinstance(found, list) else []

    def _union(self, alternatives: tuple[int, ...]) -> etree.XPath:
        if (xpath := self._unions.get(alternatives)) is None:
            xpath = self._unions[alternatives] = etree.XPath(" | ".join(self._paths[i] for i in alternatives))
        return xpath

    def __bool__(self) -> bool:
        return self._xpath is not None


def _required_names(selector: str) -> frozenset[str]:
    """Classes (``.x``) and ids (``#x``) every element the selector matches, or one of its
    ancestors or siblings, must carry: the page has them all or the selector matches nothing.
    Names under ``:not()``, ``:is()``, ``:has()`` and the like are not required, and are left out."""
    names: set[str] = set()

    def walk(part: object) -> None:
        if isinstance(part, cssselect.parser.Class):
            names.add("." + part.class_name)
        elif isinstance(part, cssselect.parser.Hash):
            names.add("#" + part.id)
        elif isinstance(part, cssselect.parser.CombinedSelector):
            walk(part.subselector)
        inner = getattr(part, "selector", None)
        if inner is not None:
            walk(inner)

    for parsed in cssselect.parse(selector):
        walk(parsed.parsed_tree)
    return frozenset(names)


_CLASSES = etree.XPath("//@class", smart_strings=False)
_IDS = etree.XPath("//@id", smart_strings=False)
# XPath's normalize-space splits on these only: a class attribute's tokens as CSS selectors see them.
_XML_SPACE = str.maketrans("\t\n\r", "   ")
#: The tree last read: its root, and its class and id names.
_last_names: tuple[etree._Element, frozenset[str]] | None = None


def _strings(found: object) -> list[str]:
    return [str(value) for value in found] if isinstance(found, list) else []


def _names_in(node: etree._Element) -> frozenset[str]:
    """Every ``.class`` and ``#id`` of the tree ``node`` is in, read once a tree.

    Extraction only ever removes elements from a tree it has started to select in, so names
    read at the start may be more than the tree has later, never fewer: skipping on them is safe.
    """
    global _last_names
    root = node.getroottree().getroot()
    last = _last_names
    if last is not None and last[0] is root:
        return last[1]
    names = {"." + token for value in _strings(_CLASSES(root)) for token in value.translate(_XML_SPACE).split(" ")}
    names.update("#" + value for value in _strings(_IDS(root)))
    found = frozenset(names)
    _last_names = (root, found)
    return found


def _compile(selectors: tuple[str, ...]) -> Selector:
    return Selector(selectors)


#: Matches nothing: a profile without a default share image.
NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class Layout:
    """One version of the article template. Selectors are CSS, alternatives in order."""

    name: str
    #: When the template was in use, for people reading the profile.
    in_use: str
    #: The element holding the story; a page matches this layout when it is found.
    body: tuple[str, ...]
    headline: tuple[str, ...] = ()
    #: Elements whose text holds "Published: ..." / "Updated: ..." lines.
    dates: tuple[str, ...] = ()
    #: Links or items of the breadcrumb trail.
    breadcrumbs: tuple[str, ...] = ()
    #: A photo block: it holds one image and its caption element.
    photos: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    #: Elements holding the writers' names, where the layout has one outside the body text.
    bylines: tuple[str, ...] = ()
    #: Elements that may hold a byline among other words (a class name such as ``.byline``:
    #: "by Madeline Fry | November 18, 2019"), read only before the story: after it, related
    #: stories and comments print their own.
    byline_blocks: tuple[str, ...] = ()
    #: What to cut from the tree before text extraction, by kind (counted in stats per kind).
    prune: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def xpaths(self) -> dict[str, Selector]:
        fields = ("body", "headline", "dates", "breadcrumbs", "photos", "captions", "bylines", "byline_blocks")
        return {name: _compile(getattr(self, name)) for name in fields}

    @cached_property
    def prune_xpaths(self) -> dict[str, Selector]:
        return {kind: _compile(selectors) for kind, selectors in self.prune.items()}


# eq=False: a profile is one object, hashed by identity (its rule caches are keyed on it).
@dataclass(frozen=True, eq=False)
class SiteProfile:
    """What a site's pages look like and where a crawl of it starts, declared as data."""

    name: str
    #: Hosts of the site itself (``newsbot.extract`` picks the profile by them); a crawl also
    #: follows the hosts of its start URLs.
    hosts: tuple[str, ...]
    #: Used when no layout matches: any template of this style of site.
    generic: Layout
    #: The name of the site's spider (``scrapy crawl <spider>``); the profile's name when empty.
    spider_name: str = ""
    #: One line for ``scrapy crawl <spider> -h`` and the README.
    description: str = ""
    #: Two-letter code; empty when the page must say (the generic profile).
    language: str = ""
    #: IANA name of the time the site prints its dates in; None: a date without an offset stays
    #: without one.
    timezone: str | None = None
    #: Where a crawl starts when given no start URLs.
    start_urls: tuple[str, ...] = ()
    #: The shapes of the site's article URLs. None declared (the generic profile): any page a
    #: feed or sitemap lists, or a start URL that is HTML, is taken for an article.
    article_paths: tuple[ArticlePath, ...] = ()
    #: First path segments that look like a section but are site furniture (``/search/...``).
    not_sections: frozenset[str] = frozenset()
    #: Newest first: a page takes the first layout whose body selector matches.
    layouts: tuple[Layout, ...] = ()
    #: The names the site calls itself by: never a breadcrumb or a section.
    site_names: tuple[str, ...] = ()
    #: ``<title>`` suffixes to strip when the headline comes from the title (besides the generic
    #: rule: a trailing separator and the site's name).
    title_suffixes: tuple[str, ...] = ()
    #: The share image used when a story has no photo: not a photo of the story.
    default_image: re.Pattern[str] = NEVER
    #: Chrome text rules for this site, added to those of its language (kind -> regexes).
    chrome_text: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The site's widget texts, literally: a line made only of these (glued together) is chrome.
    chrome_fragments: tuple[str, ...] = ()
    #: Widget text that no story of this site holds, anywhere in a line (lower case): what the
    #: crawl monitor's leak check looks for. Short labels ("Close", "구독") are chrome as a line
    #: of their own but words of a story inside one, so they belong above, not here.
    leak_fragments: tuple[str, ...] = ()
    #: Lines that close the byline before them, such as "with the Korea JoongAng Daily" (regexes).
    byline_continuations: tuple[str, ...] = ()
    #: The site's captions end in an upper-case credit ("[YONHAP]"): a short line that does is a
    #: caption even where its markup was not recognised.
    credit_captions: bool = False
    #: Site chrome selectors (kind -> CSS) that are safe to cut from a page of this site even
    #: when no layout matched: they are the site's own, not guesses.
    site_chrome: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Pages of the site for ``scrapy check`` (run on the saved pages), by kind: ``article``
    #: pages (``LAYOUT URL``: the layout they must match) and ``listing`` pages.
    checks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: URL section tokens whose reading is not their camel-case split.
    section_names: Mapping[str, str] = field(default_factory=dict)
    #: Listing pages: links to the next page of cards.
    next_page: tuple[str, ...] = ("a[rel=next]",)
    #: Listing cards with a date, to skip out-of-range articles before downloading them.
    listing_card: tuple[str, ...] = ()
    listing_card_link: str = "a"
    listing_card_date: str = "time"

    @property
    def spider(self) -> str:
        return self.spider_name or self.name

    def article_url(self, url: str) -> ArticleUrl | None:
        """What ``url`` says about its article, when it has the shape of one of the site's."""
        return match_article_path(url, self.article_paths, self.not_sections)

    @property
    def any_page_is_an_article(self) -> bool:
        """A profile that cannot tell article URLs: feed entries and HTML start URLs are articles."""
        return not self.article_paths

    def article_key(self, url: str, article_id: str) -> str:
        """What makes two pages one article: on the site's own hosts its id (an old and a new
        URL of one story share it); on any other host serving such pages (a mirror, a local
        server) the canonical URL, since a number there proves nothing."""
        host = (urlsplit(url).hostname or "").lower()
        if host in self.hosts or host.removeprefix("www.") in self.hosts:
            return article_id
        # An article URL of the site's shape is canonical as its path; anything else is made so
        # (w3lib's canonical form costs a tenth of a millisecond, twice per record).
        info = self.article_url(url)
        return info.url if info is not None else canonical_url(url)

    @cached_property
    def tz(self) -> tzinfo | None:
        return ZoneInfo(self.timezone) if self.timezone else None

    @cached_property
    def chrome_rules(self) -> ChromeRules:
        """The chrome text rules of the profile's language and the site's own, compiled once."""
        return self.chrome_rules_for(self.language or None)

    def chrome_rules_for(self, language: str | None) -> ChromeRules:
        """The rules for a page in ``language`` (the generic profile reads it from the page)."""
        return _chrome_rules(self, language)

    @cached_property
    def site_chrome_xpaths(self) -> dict[str, Selector]:
        return {kind: _compile(selectors) for kind, selectors in self.site_chrome.items()}

    @cached_property
    def xpaths(self) -> dict[str, Selector]:
        return {
            "next_page": _compile(self.next_page),
            "card": _compile(self.listing_card),
            # Evaluated with a card as context: descendant-or-self stays inside the card.
            "card_link": _compile((self.listing_card_link,)),
            "card_date": _compile((self.listing_card_date,)),
        }


@cache
def _chrome_rules(profile: SiteProfile, language: str | None) -> ChromeRules:
    return ChromeRules(
        *rules_for(language),
        profile.chrome_text,
        fragments=profile.chrome_fragments,
        continuations=profile.byline_continuations,
    )
