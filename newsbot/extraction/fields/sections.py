"""``breadcrumbs`` and ``section``: where the page files the story."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from lxml import etree

from newsbot.discovery.urls import ArticleUrl, absolute_url, section_name
from newsbot.extraction.fields.headline import headline_elements
from newsbot.extraction.fields.page import host_of, short_lines
from newsbot.extraction.html import text_of
from newsbot.extraction.meta import PageMeta, site_name
from newsbot.profiles import Layout, SiteProfile
from newsbot.text.normalise import clean_text

# A trail's first link, the front page, as the languages of news pages name it.
_BREADCRUMB_ROOTS = frozenset(
    {"home", "main", "homepage", "home page", "startseite", "start", "accueil", "inicio", "início", "página inicial",
     "portada", "beranda", "главная", "главная страница", "홈", "ホーム", "トップ", "首页"}
)  # fmt: skip

_CRUMB_TRAIL = re.compile(r"^(?:Home|HOME|홈)\s*[>›»]\s*(?P<trail>.+)$")


_MAX_CRUMB_CHARS = 40

_MAX_CRUMBS = 6


def read_breadcrumbs(
    tree: etree._Element,
    layout: Layout,
    meta: PageMeta,
    url_info: ArticleUrl | None,
    profile: SiteProfile,
    base_url: str,
) -> list[str]:
    """The trail the page files the story under, its front page and the site's name left out;
    ``section`` is its first crumb."""
    names: list[str] = []
    roots = _BREADCRUMB_ROOTS | {name.lower() for name in (*profile.site_names, site_name(meta) or "")}
    sites = [*profile.site_names, site_name(meta) or "", _domain_label(host_of(base_url))]
    for source in ([text_of(element) for element in layout.xpaths["breadcrumbs"](tree)], meta.json_ld_breadcrumbs):
        for name in source:
            # A trail's last link is often the story itself: a crumb is a short label.
            if name and name.lower() not in roots and name not in names and len(name) <= _MAX_CRUMB_CHARS:
                names.append(name)
        if names and _names_the_site(names[0], sites):
            # The front page under the site's own name: "derStandard.at", "MDR.DE", "rbb|24".
            names = names[1:]
        if names:
            break
    if names:
        return names[:_MAX_CRUMBS]
    if profile.hosts:
        # Markup unknown: a short text line "Home > National > Diplomacy" is a trail all the same.
        for text in short_lines(tree):
            if match := _CRUMB_TRAIL.match(text):
                crumbs = [clean_text(part) for part in re.split(r"\s*[>›»]\s*", match["trail"]) if clean_text(part)]
                if crumbs and all(len(crumb) <= _MAX_CRUMB_CHARS for crumb in crumbs):
                    return crumbs
        if crumbs := _header_sections(tree, layout, profile, base_url):
            return crumbs
        if url_info is not None and url_info.section:
            tokens = [url_info.section] + ([url_info.subsection] if url_info.subsection else [])
            return [section_name(token, dict(profile.section_names)) for token in tokens]
    # The page's own section tag, where its URL and markup name none.
    section = next(iter(meta.sections()), "")
    return [section] if section and len(section) <= _MAX_CRUMB_CHARS else []


def _names_the_site(crumb: str, sites: list[str]) -> bool:
    """A trail's first crumb that is a host name ("www.focus.de", "MDR.DE") or spells the site's
    name or its domain ("EL PAÍS: el periódico global", "Público" on publico.es), accents and
    punctuation aside."""
    if "." in crumb and " " not in crumb.strip():
        return True
    key = _folded(crumb)
    folded = [site for site in map(_folded, sites) if site]
    return any(key == site or key.startswith(site) or (len(site) >= 4 and site in key) for site in folded)


# The labels before a country's top-level domain that are no name: "bbc.co.uk", "abc.net.au".
_SECOND_LEVELS = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go"})


def _domain_label(host: str) -> str:
    """The label a host's domain is registered under: "derstandard" of www.derstandard.at,
    "osu" of teaching.resources.osu.edu (a subdomain's word is no name of the site's)."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVELS:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else ""


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


# A section's address: one or two words of path ("/politics", "/society/education").
_SECTION_PATH = re.compile(r"^/[A-Za-z][\w-]*(?:/[A-Za-z][\w-]*)?/?$")

# Header parts whose links are no section: the writers, the dates, layers behind buttons.
_NOT_SECTION_PARTS = ("byline", "date", "time", "reporter", "layer", "share", "source", "epaper")


def _header_sections(tree: etree._Element, layout: Layout, profile: SiteProfile, base_url: str) -> list[str]:
    """The section links of the story's header ("사회 > 교육" above the headline, whatever the
    template calls them): links to the site's own section addresses in the element that holds
    the headline, not in its byline or date parts."""
    headline = next(headline_elements(tree, layout), None)
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
    host = host_of(base_url)
    names: list[str] = []
    for anchor in scope.iter("a"):
        url = absolute_url(anchor.get("href") or "", base_url)
        if url is None or host_of(url) != host or profile.article_url(url) is not None:
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
