"""What the page says about itself in ``<head>``: Open Graph, article times, JSON-LD."""

from __future__ import annotations

import html
import itertools
import json
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from newsbot.extraction.html import text_of
from newsbot.profiles.base import Selector
from newsbot.text.bylines import agency
from newsbot.text.normalise import clean_text

_META = Selector(("meta[content]",))
_CANONICAL = Selector(("link[rel=canonical][href]",))
_JSON_LD = Selector(("script[type='application/ld+json']",))
_TITLE = Selector(("title",))
# schema.org's Article and the kinds of it a news page declares: NewsArticle and every subtype
# of it, blog posts, reports and satire. Not TechArticle (documentation declares it) nor
# SocialMediaPosting (forum and social posts): the page-kind model reads these as articles.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SatiricalArticle",
    }
)
# The schema.org types whose object tells of the page's own writing, read for its fields: the
# article types above and the rest of schema.org's Article tree, a social post (Tumblr's),
# scholarly and technical articles. The page-kind model's signal stays the article types it
# was fitted with: a TechArticle is as often a documentation page.
_WRITING_TYPES = ARTICLE_TYPES | {
    "SocialMediaPosting", "ScholarlyArticle", "MedicalScholarlyArticle", "TechArticle", "APIReference",
    "AdvertiserContentArticle",
}  # fmt: skip


@dataclass
class PageMeta:
    #: ``property`` or ``name`` -> every content in page order, keys lower-case (``og:title``,
    #: ``description``): most tags count once, some once per value (one ``citation_author`` per writer).
    tags: dict[str, list[str]] = field(default_factory=dict)
    canonical: str | None = None
    title: str | None = None
    language: str | None = None
    #: The first schema.org article object of the page's JSON-LD, else its first other writing
    #: (a social post, a scholarly or technical article), if any.
    json_ld: dict[str, Any] = field(default_factory=dict)
    #: The JSON-LD ``WebPage`` object: where a graph (WordPress SEO plugins) gives the page's
    #: dates when no article object does, or when the article object does not parse.
    json_ld_page: dict[str, Any] = field(default_factory=dict)
    #: Names of the JSON-LD ``BreadcrumbList``, in order.
    json_ld_breadcrumbs: list[str] = field(default_factory=list)
    #: JSON-LD nodes by ``@id``: a graph names its author or publisher by reference.
    json_ld_ids: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Every ``@type`` the page's JSON-LD declares.
    json_ld_types: frozenset[str] = frozenset()

    def resolve(self, node: Any) -> Any:
        """``node`` itself, or the node its ``{"@id": ...}`` reference stands for."""
        if isinstance(node, dict) and "name" not in node and isinstance(ref := node.get("@id"), str):
            return self.json_ld_ids.get(ref, node)
        return node

    def every(self, *names: str) -> list[str]:
        """Every content of the first of ``names`` the page gives text in, not only addresses
        (``article:author`` is a profile's address on most sites)."""
        for name in names:
            if values := [value for value in self.tags.get(name, ()) if not value.startswith("http")]:
                return values
        return []

    def get(self, *names: str) -> str | None:
        """The first content of the first of ``names`` the page has."""
        for name in names:
            if values := self.tags.get(name):
                return values[0]
        return None

    def sections(self) -> list[str]:
        """The sections the page declares, the main one first: its ``article:section`` tag, then
        JSON-LD's ``articleSection`` (a name, or a list whose first is the main one)."""
        declared = self.json_ld.get("articleSection")
        names = declared if isinstance(declared, list) else [declared]
        tagged = self.get("article:section")
        return [*([tagged] if tagged else []), *(clean_text(n) for n in names if isinstance(n, str) and clean_text(n))]


# The properties by which a microdata item is the page's own work, not another work it holds
# (a blog's post is held as its ``blogPost``, on the post's own page too).
_MAIN_ITEM_PROPS = frozenset({"mainentity", "mainentityofpage", "blogpost"})


def _of_another_work(element: etree._Element) -> bool:
    """A microdata ``<meta itemprop>`` of an item that is itself a property of another item (a
    reference's ``citation``, a ``review``, a ``comment``): it tells of that work, not of the
    page. A scholarly page lists its 60 references' authors so, a thread its comments' dates."""
    if element.get("property") or element.get("name") or not element.get("itemprop"):
        return False
    item = next((parent for parent in element.iterancestors() if parent.get("itemscope") is not None), None)
    held_as = (item.get("itemprop") or "").lower().split() if item is not None else []
    return bool(held_as) and _MAIN_ITEM_PROPS.isdisjoint(held_as)


def read_meta(tree: etree._Element) -> PageMeta:
    meta = PageMeta()
    for element in _META(tree):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = clean_text(element.get("content") or "")
        if name and content and not _of_another_work(element):
            meta.tags.setdefault(name, []).append(content)
    canonical = _CANONICAL(tree)
    meta.canonical = (canonical[0].get("href") or "").strip() or None if canonical else None
    titles = _TITLE(tree)
    meta.title = text_of(titles[0]) or None if titles else None
    objects = list(itertools.islice(_json_ld_objects(tree), _MAX_JSON_LD_OBJECTS))
    meta.json_ld_types = frozenset(kind for kinds, _ in objects for kind in kinds)
    articles = [node for kinds, node in objects if kinds & ARTICLE_TYPES]
    meta.json_ld = (articles or [node for kinds, node in objects if kinds & _WRITING_TYPES] or [{}])[0]
    meta.json_ld_page = next((node for kinds, node in objects if "WebPage" in kinds), {})
    meta.json_ld_ids = {node["@id"]: node for _, node in objects if isinstance(node.get("@id"), str) and len(node) > 1}
    trail = next((node for kinds, node in objects if "BreadcrumbList" in kinds), {})
    meta.json_ld_breadcrumbs = _trail_names(trail)
    meta.language = _language(tree, meta)
    return meta


_LANGUAGE = re.compile(r"^([a-z]{2})(?:[-_]|$)")


def _language(tree: etree._Element, meta: PageMeta) -> str | None:
    """The page's two-letter language: ``<html lang>``, ``og:locale``, ``content-language``, JSON-LD."""
    candidates = [
        tree.get("lang"),
        tree.get("xml:lang"),
        meta.get("og:locale", "content-language", "language", "dc.language"),
        meta.json_ld.get("inLanguage") if isinstance(meta.json_ld.get("inLanguage"), str) else None,
    ]
    for candidate in candidates:
        if candidate and (match := _LANGUAGE.match(candidate.strip().lower())):
            return match[1]
    return None


def site_name(meta: PageMeta) -> str | None:
    """The site's name as the page gives it: ``og:site_name``, JSON-LD publisher, application name."""
    publisher = meta.resolve(meta.json_ld.get("publisher"))
    name = publisher.get("name") if isinstance(publisher, dict) else None
    for candidate in (meta.get("og:site_name", "application-name", "twitter:site"), name):
        if isinstance(candidate, str) and clean_text(candidate):
            return clean_text(candidate).lstrip("@")
    return None


def _trail_names(trail: dict[str, Any]) -> list[str]:
    items = trail.get("itemListElement") or []
    names = []
    for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i.get("position"))):
        target = item.get("item")
        name = item.get("name") or (target.get("name") if isinstance(target, dict) else None)
        if isinstance(name, str) and clean_text(name):
            names.append(clean_text(name))
    return names


def _position(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


# A news page's structured data is tens of objects (a graph of article, page, site, people,
# images, crumbs); a block of a million is a broken or hostile page, and its first objects
# are all that is read.
_MAX_JSON_LD_OBJECTS = 10_000


# A block some pages wrap as XHTML or old browsers wanted script text: ``<![CDATA[ {...} ]]>``,
# ``//<![CDATA[``, ``/*<![CDATA[*/``, ``<!-- {...} -->``.
_WRAPPER_START = re.compile(r"^\s*(?:(?://|/\*)\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*/)?")
_WRAPPER_END = re.compile(r"(?:(?://|/\*)\s*)?(?:\]\]>|-->)(?:\s*\*/)?\s*$")
# Slips of JSON written by hand in templates: a comma before a closing bracket, a line commented
# out in JavaScript's way.
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")
_COMMENT_LINE = re.compile(r"^\s*//.*$", re.MULTILINE)
_LENIENT = json.JSONDecoder(strict=False)


def _json_of(text: str) -> Any:
    """The JSON a script holds, unwrapped, its slips of hand-writing mended; None when it holds
    none. A block broken past that (or nested past Python's recursion limit) is the page's
    problem; the other sources remain."""
    unwrapped = _WRAPPER_END.sub("", _WRAPPER_START.sub("", text, count=1), count=1)
    for attempt in (text, unwrapped):
        try:
            # strict=False: CMSs print articleBody with raw line breaks inside the string.
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    # Without those slips, the first value: a stray bracket may follow the object.
    mended = _TRAILING_COMMA.sub(r"\1", _COMMENT_LINE.sub("", unwrapped)).strip()
    try:
        return _LENIENT.raw_decode(mended)[0]
    except (ValueError, RecursionError):
        return None


def _json_ld_objects(tree: etree._Element) -> Iterator[tuple[set[str], dict[str, Any]]]:
    for script in _JSON_LD(tree):
        data = _json_of(script.text or "")
        if data is None:
            continue
        stack = deque([data])
        while stack:
            node = stack.popleft()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                yield _types(node), node
                graph = node.get("@graph", [])
                stack.extend(graph if isinstance(graph, list) else [graph])
                # A page may declare its article as its main entity ({"@type": "WebPage",
                # "mainEntity": {"@type": "NewsArticle", ...}}); the main entities of other
                # kinds (a FAQ's questions, a profile's person) say nothing of an article.
                main = node.get("mainEntity")
                for entity in main if isinstance(main, list) else [main]:
                    if isinstance(entity, dict) and _types(entity) & _WRITING_TYPES:
                        stack.append(entity)


def _person_name(node: dict[str, Any]) -> Any:
    """A JSON-LD author's name: its ``name``, else its given and family names (schema.org
    allows either: ``{"givenName": "Anna Giulia", "familyName": "Fink"}``)."""
    if "name" in node:
        return node["name"]
    parts = [node.get(key) for key in ("givenName", "familyName")]
    return " ".join(part for part in parts if isinstance(part, str) and part.strip()) or None


def json_ld_authors(meta: PageMeta) -> list[str]:
    """The article's authors as JSON-LD names them, by value or by ``@id`` reference. An
    ``Organization`` is an author only when it is a wire service: a site that credits itself
    ("RT", "CNN Staff") names no author."""
    authors = meta.json_ld.get("author") or []
    if not isinstance(authors, list):
        authors = [authors]
    names = []
    for author in map(meta.resolve, authors):
        name = _person_name(author) if isinstance(author, dict) else author
        # JSON-LD is script text, which HTML parsing leaves escaped: "Maria &amp; Katerina".
        if not isinstance(name, str) or not (name := clean_text(html.unescape(name))):
            continue
        if isinstance(author, dict) and "Organization" in str(author.get("@type")) and agency(name) is None:
            continue
        names.append(name)
    return names


def _types(node: dict[str, Any]) -> set[str]:
    """A JSON-LD node's types: its ``@type``, one or a list."""
    kind = node.get("@type")
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
