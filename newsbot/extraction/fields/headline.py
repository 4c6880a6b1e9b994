"""``headline``: the story's title as the page shows it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from newsbot.discovery.urls import absolute_url
from newsbot.extraction.fields.page import host_of
from newsbot.extraction.html import text_of
from newsbot.extraction.meta import PageMeta, site_name
from newsbot.profiles import Layout, SiteProfile
from newsbot.profiles.base import Selector
from newsbot.text.normalise import LETTER, clean_text, fingerprint
from newsbot.text.titles import section_keys, site_names, strip_site_prefix, strip_site_suffix


def title_variants(meta: PageMeta) -> list[str]:
    """The page's own titles, as they stand: a body line repeating one is no story."""
    return [title for title in (meta.title, meta.get("og:title", "twitter:title")) if title]


class Headline(NamedTuple):
    """The headline, and the headline element's whole text (``printed``), kicker included: a
    body line that repeats either is no story."""

    text: str
    printed: str


def read_headline(
    tree: etree._Element, layout: Layout, meta: PageMeta, profile: SiteProfile, url: str
) -> Headline | None:
    """The headline as the page shows it: the layout's headline element, or on a site no profile
    describes the first ``<h1>`` that says what the page's titles say (the site's name after it
    cut, as from a title); else the first title, without the site's name."""
    # On a site no profile describes, its headings; a masthead among them names the site.
    elements = [] if profile.layouts else layout.xpaths["headline"](tree)
    shown = [(element, text) for element in elements if (text := _headline_text(element))]
    mastheads = {text for element, text in shown if _is_masthead(element, text, url)}
    names = site_names([site_name(meta)], host_of(url))
    # A masthead's words after a title's separator are the site's name; before it they may be
    # the story's own ("Offshore-Windenergie – Sauberer Strom vom Meer | Stiftung
    # OFFSHORE-WINDENERGIE"), so a title's leading part is cut only for the names the meta tags
    # and host give.
    suffix_names = site_names([site_name(meta), *mastheads], host_of(url))
    sections = _section_keys(meta, url)
    titles = []
    for raw in (meta.get("og:title", "twitter:title"), meta.json_ld.get("headline"), meta.title):
        if isinstance(raw, str) and clean_text(raw):
            title = clean_text(raw)
            for suffix in profile.title_suffixes:
                title = title.removesuffix(suffix)
            titles.append(strip_site_prefix(strip_site_suffix(title, suffix_names, sections), names))
    # An <h1> that says only the site's name (a logo; "Silicon Exposed" over <title> "Silicon
    # Exposed: <story>") is no headline, on any site.
    not_headlines = {fingerprint(name) for name in (*_title_site_names(meta, names), *profile.site_names)}
    if profile.layouts or not titles:
        for element in headline_elements(tree, layout):
            if (printed := _headline_text(element)) and fingerprint(printed) not in not_headlines:
                return Headline(_without_kicker(element, printed, titles), printed)
        return Headline(titles[0], titles[0]) if titles else None
    # A site no profile describes: its first <h1> is often the logo or a section name. The
    # <h1> that says what a title says is the headline, the titles in their order: og:title and
    # JSON-LD's name the article, where <title> may name its section ("News - Eawag" over an
    # <h1> "News" before the story's); else the first title.
    headings = [
        Headline(_without_kicker(element, text, titles), text)
        for element, text in shown
        if text not in mastheads and fingerprint(text) not in not_headlines
    ]
    for title in titles:
        for heading in headings:
            if _same_words(heading.text, [title]):
                return Headline(strip_site_suffix(heading.text, suffix_names, sections), heading.printed)
    # Else the <h1> that shares most of its words with a title, when it shares enough: the page
    # shows its own wording, the titles an SEO variant ("How Machine Learning Personalizes ..."
    # over "Using Machine Learning To Personalize ...").
    scored = [(max(_shared(heading.text, title) for title in titles), heading) for heading in headings]
    best = max(scored, default=None, key=lambda pair: pair[0])
    if best is not None and best[0] >= SHARED:
        return Headline(strip_site_suffix(best[1].text, suffix_names, sections), best[1].printed)
    return Headline(titles[0], titles[0])


def _section_keys(meta: PageMeta, url: str) -> list[str]:
    """The sections the page files itself under, as a title's trail would name them: its URL's
    folders (not the last part, the story's own slug, nor a date's or an id's), the sections it
    declares and its JSON-LD trail."""
    folders = [part for part in urlsplit(url).path.split("/") if part][:-1]
    named = (folder for folder in folders if not any(char.isdigit() for char in folder))
    return section_keys([*named, *meta.sections(), *meta.json_ld_breadcrumbs])


# The addresses of a site's front page.
_FRONT_PAGE_PATHS = frozenset({"", "/", "/index.html", "/index.php"})


def _is_masthead(element: etree._Element, printed: str, url: str) -> bool:
    """A heading that is one link to the site's front page is its masthead (a blog's name, a
    logo's words: "Archive of Our Own beta", "POLITICO"), no story's headline. Of the 135 such
    ``<h1>`` of the development and outside pages' articles, none was the gold headline."""
    links = list(element.iter("a"))
    if len(links) != 1 or _headline_text(links[0]) != printed:
        return False
    target = absolute_url(links[0].get("href") or "", url)
    if target is None:
        return False
    parts = urlsplit(target)
    same_host = host_of(target).removeprefix("www.") == host_of(url).removeprefix("www.")
    return same_host and parts.path in _FRONT_PAGE_PATHS and not parts.query


# What a headline element may hold that is not the headline's: the post's time ("Dec 18 2025
# Preparing a transition"), a heading nested in it (a "Posted on ... by ..." line set as <h3>),
# and the style sheet a CSS-in-JS library prints inside the element it styles (an <h1> that
# read ".css-umyvef{font-size:16px;...}" before its words).
_NO_TEXT_TAGS = frozenset({"style", "script"})
_NOT_HEADLINE_TAGS = frozenset({"time", "h2", "h3", "h4", "h5", "h6", *_NO_TEXT_TAGS})


# The classes that hide text from the eye and leave it to screen readers (Bootstrap's, HTML5
# Boilerplate's, WordPress's, Drupal's): a label such as "Headline:" or the site's name after
# the headline ("| FASSETTE.NET"), which the page does not show.
_SCREEN_READER_ONLY = re.compile(
    r"(?:^|\s)(?:sr-only|visually-?hidden|screen-reader-text|element-invisible)(?:\s|$)", re.IGNORECASE
)


def _headline_text(element: etree._Element) -> str:
    """The headline element's text as the page shows it (``_printed_text``); where all of it is
    for screen readers only (a hidden "Post navigation" heading), that text."""
    return _printed_text(element, shown_only=True) or _printed_text(element, shown_only=False)


def _printed_text(element: etree._Element, *, shown_only: bool) -> str:
    """The headline element's text, with a space where it breaks its line: a headline set as
    "WEEKEND<br>CODING<br>AGENT" reads "WEEKEND CODING AGENT", not "WEEKENDCODING AGENT", and
    one whose kicker is an element of its own, "<span>Nationale Demo</span>Der 9. Juli naht",
    reads "Nationale Demo Der 9. Juli naht". A ``<time>`` or a heading inside it is left out, and
    with ``shown_only`` the words hidden for screen readers."""
    parts: list[str | None] = []  # None: where an element opens or closes
    # A stack, not recursion (as html.block_lines): a tail is read after the node's descendants.
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts += [None, node.tail or ""]
            continue
        if node is not element:
            stack.append((node, True))
            if node.tag in _NOT_HEADLINE_TAGS or (shown_only and _for_screen_readers(node)):
                continue
            parts.append(None)
        if isinstance(node.tag, str):  # a comment holds no text of the page's
            parts.append(" " if node.tag == "br" else node.text or "")
        stack.extend((child, False) for child in reversed(node))
    text, at_boundary = "", False
    for part in parts:
        if part is None:
            at_boundary = True
            continue
        if part and text and at_boundary and _run_together(text[-1], part[0]):
            text += " "
        text += part
        at_boundary = at_boundary and not part
    return clean_text(text)


def _for_screen_readers(node: etree._Element) -> bool:
    """Words hidden for screen readers; a hidden separator (the ":" some sites put between kicker
    and headline for them) is kept, as the headline reads with it."""
    return bool(_SCREEN_READER_ONLY.search(node.get("class") or "")) and bool(LETTER.search(text_of(node)))


def _without_kicker(element: etree._Element, heading: str, titles: list[str]) -> str:
    """``heading`` without the kicker its element opens with, where the page's own titles say
    which words are the headline: "<span class=overline>Minderheit in Syrien</span> - <span>Drusen
    fordern ...</span>" is "Drusen fordern ..." when a title is that alone, and a title that
    joins kicker and headline with a separator ("Ausschuss zur Ahrtal-Flut: Zwei Rücktritte
    ...") is how the site writes the two on one line. A kicker is the heading's first child
    element, with no text before it."""
    children = (child for child in element if isinstance(child.tag, str) and child.tag not in _NO_TEXT_TAGS)
    first = next(children, None)
    if first is None or clean_text(element.text or ""):
        return heading
    kicker = _headline_text(first)
    rest = heading[len(kicker) :].lstrip(_TITLE_PARTS) if kicker and heading.startswith(kicker) else ""
    if not rest:
        return heading
    if fingerprint(rest) in {fingerprint(title) for title in titles}:
        return rest
    joined = (
        title for title in titles if title.startswith(kicker) and title[len(kicker) :].lstrip(_TITLE_PARTS) == rest
    )
    return next(joined, heading)


def _run_together(before: str, after: str) -> bool:
    """Two elements' texts that would run together unspaced: a word ending and a capital
    ("Demo|Der"), or a colon or a slash and a letter ("पकड़ा:|दो"). A lower-case letter after
    one is a word cut by markup ("<span>W</span>ords") and stays joined."""
    return (before.islower() and after.isupper()) or (before in ":;!?,/|" and after.isalnum())


# How much of its words an <h1> shares with a title to be the headline the page shows: fitted on
# the development sets' tuning halves (wcxb and readability), the headlines right at 0.30-0.35
# (358 of 418), 0.40 (357), 0.50 (352), 0.60 (352), 0.70 (345), without this reading 340.
SHARED = 0.35


def _shared(heading: str, title: str) -> float:
    """How much of their words two titles share (Dice's coefficient over their sets of words)."""
    one, other = set(fingerprint(heading).split()), set(fingerprint(title).split())
    return 2 * len(one & other) / (len(one) + len(other)) if one and other else 0.0


_TITLE_PARTS = " :|-–—·»/"


def headline_elements(tree: etree._Element, layout: Layout) -> Iterator[etree._Element]:
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
