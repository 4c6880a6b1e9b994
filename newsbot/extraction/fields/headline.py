"""``headline``: the story's title as the page shows it."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from lxml import etree

from newsbot.extraction.fields.page import host_of
from newsbot.extraction.meta import PageMeta, site_name
from newsbot.profiles import Layout, SiteProfile
from newsbot.profiles.base import Selector
from newsbot.text.normalise import clean_text, fingerprint
from newsbot.text.titles import site_names, strip_site_suffix


def title_variants(meta: PageMeta) -> list[str]:
    """The page's own titles, as they stand: a body line repeating one is no story."""
    return [title for title in (meta.title, meta.get("og:title", "twitter:title")) if title]


def read_headline(tree: etree._Element, layout: Layout, meta: PageMeta, profile: SiteProfile, url: str) -> str | None:
    """The headline as the page shows it: the layout's headline element, or on a site no profile
    describes the first ``<h1>`` that says what the page's titles say (the site's name after it
    cut, as from a title); else the first title, without the site's name."""
    names = site_names([site_name(meta)], host_of(url))
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
        for element in headline_elements(tree, layout):
            if (heading := _headline_text(element)) and fingerprint(heading) not in not_headlines:
                return heading
        return titles[0] if titles else None
    # A site no profile describes: its first <h1> is often the logo or a section name. The
    # first <h1> that says what a title says is the headline, else the first title.
    headings = [heading for element in layout.xpaths["headline"](tree) if (heading := _headline_text(element))]
    headings = [heading for heading in headings if fingerprint(heading) not in not_headlines]
    for heading in headings:
        if _same_words(heading, titles):
            return strip_site_suffix(heading, names)
    # Else the <h1> that shares most of its words with a title, when it shares enough: the page
    # shows its own wording, the titles an SEO variant ("How Machine Learning Personalizes ..."
    # over "Using Machine Learning To Personalize ...").
    scored = [(max(_shared(heading, title) for title in titles), heading) for heading in headings]
    best = max(scored, default=(0.0, ""), key=lambda pair: pair[0])
    return strip_site_suffix(best[1], names) if best[0] >= SHARED else titles[0]


# What a headline element may hold that is not the headline's: the post's time ("Dec 18 2025
# Preparing a transition") and a heading nested in it (a "Posted on ... by ..." line set as <h3>).
_NOT_HEADLINE_TAGS = frozenset({"time", "h2", "h3", "h4", "h5", "h6"})


def _headline_text(element: etree._Element) -> str:
    """The headline element's text, with a space where it breaks its line: a headline set as
    "WEEKEND<br>CODING<br>AGENT" reads "WEEKEND CODING AGENT", not "WEEKENDCODING AGENT".
    A ``<time>`` or a heading inside it is left out."""
    parts: list[str] = []
    # A stack, not recursion (as html.block_lines): a tail is read after the node's descendants.
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append(node.tail or "")
            continue
        if node is not element:
            stack.append((node, True))
            if node.tag in _NOT_HEADLINE_TAGS:
                continue
        if isinstance(node.tag, str):  # a comment holds no text of the page's
            parts.append(" " if node.tag == "br" else node.text or "")
        stack.extend((child, False) for child in reversed(node))
    return clean_text("".join(parts))


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
