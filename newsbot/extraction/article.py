"""One page in, one record out: the single code path behind the crawl and ``newsbot.extract``."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from newsbot import __version__
from newsbot.discovery.urls import ArticleUrl, absolute_url, canonical_url, parse_article_url, section_name
from newsbot.errors import EmptyBody, NoHeadline, NotAnArticle
from newsbot.extraction.html import block_lines, parse_html, text_of, wrap_text_runs
from newsbot.extraction.images import read_photos
from newsbot.extraction.meta import PageMeta, json_ld_authors, read_meta
from newsbot.profiles import JOONGANG, Layout, SiteProfile
from newsbot.profiles.base import Selector
from newsbot.text.body import clean_body
from newsbot.text.bylines import Author, parse_byline, romanised_name
from newsbot.text.captions import CaptionMatcher
from newsbot.text.dates import FoundDate, is_date_line, labelled_dates, parse_iso, to_iso, utc_now
from newsbot.text.normalise import clean_text, fingerprint


class _QuietDiscards(logging.Filter):
    # trafilatura warns "discarding data" for every text it finds too short; newsbot then reads
    # the container itself or drops the page with its own single log line.
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_QuietDiscards())

#: Below this many characters of story text a page is a front, a video or a stub, not an article.
MIN_BODY_CHARS = 150
_BREADCRUMB_ROOTS = {"home", "main", "korea joongang daily", "홈"}
_ANCHORS = Selector(("a",))
_LIST_MARK = re.compile(r"^- (?=\S)")
# A story quotes the odd link; a front page or index is link titles through and through.
_MAX_LINK_SHARE = 0.5
_LONG_PARAGRAPHS = Selector(("p",))
_LONG_PARAGRAPH_CHARS = 80
_STORY_PARAGRAPHS = 3
_SHORT_LINE_CHARS = 160
_CRUMB_TRAIL = re.compile(r"^(?:Home|HOME|홈)\s*[>›»]\s*(?P<trail>.+)$")
_MAX_CRUMB_CHARS = 40


@dataclass
class Extraction:
    record: dict[str, Any]
    #: The layout version that matched, or ``generic``.
    layout: str
    #: stats key suffix -> count: what was cut from the tree and removed from the text.
    removed: Counter[str]
    #: Kinds of leftover the crawl monitor's leak detector found; None when it did not look.
    leaks: frozenset[str] | None = None


def extract(html: str | bytes, url: str, *, profile: SiteProfile = JOONGANG) -> dict[str, Any]:
    """The record ``scrapy crawl`` would write for this page.

    Raises :class:`newsbot.errors.NotAnArticle` (with a ``reason``) for a page that is no article.
    """
    return extract_article(html, url, profile=profile).record


def extract_article(
    html: str | bytes,
    url: str,
    *,
    profile: SiteProfile = JOONGANG,
    content_type: str | None = None,
    min_body_chars: int = MIN_BODY_CHARS,
    downloaded: datetime | None = None,
) -> Extraction:
    tree = parse_html(html, content_type)
    meta = read_meta(tree)
    layout, container = _match_layout(tree, profile)
    removed: Counter[str] = Counter()
    url_info = parse_article_url(url)
    page_url = _canonical(url, meta, url_info)
    url_info = parse_article_url(page_url) or url_info

    headline = _headline(tree, layout, meta, profile)
    if not headline:
        raise NoHeadline("no headline in the page, its meta tags or its title")
    published, modified = _dates(tree, layout, meta)
    breadcrumbs = _breadcrumbs(tree, layout, url_info, profile)
    photos = read_photos(tree, layout, page_url, profile.default_image)
    layout_authors = _layout_authors(tree, layout)

    # Everything is read; now cut what is not story text, and hand the rest to trafilatura.
    removed["captions/pruned"] += sum(1 for caption in photos.captions if caption)
    _drop(photos.elements)
    scope = container if container is not None else tree
    removed.update(_prune_chrome(layout, scope, guard_story=container is None))
    wrap_text_runs(scope)
    link_texts = {fingerprint(text_of(anchor)) for anchor in _ANCHORS(scope)}
    # Inside a known story container, recall matters most (subheads, lists, one-line quotes);
    # on a whole page of unknown markup, trafilatura's balanced default keeps sidebars out.
    lines = _story_lines(scope, page_url, favor_recall=container is not None)
    body = clean_body(
        lines,
        headline=headline,
        captions=CaptionMatcher(photos.captions + photos.alt_texts),
        chrome=profile.chrome_rules,
    )
    removed.update(body.removed)
    article_body = "\n".join(body.paragraphs)
    if len(article_body) < min_body_chars:
        raise EmptyBody(f"{len(article_body)} characters of story text (fewer than {min_body_chars})")
    link_chars = sum(len(line) for line in body.paragraphs if fingerprint(line) in link_texts)
    if link_chars > _MAX_LINK_SHARE * len(article_body):
        raise NotAnArticle("the text is mostly link titles: a section front or an index")

    authors = body.authors or layout_authors or _meta_authors(meta)
    record: dict[str, Any] = {
        "url": page_url,
        "articleId": url_info.article_id if url_info else _fallback_id(page_url),
        "headline": headline,
        "inLanguage": meta.language if meta.language and len(meta.language) == 2 else profile.language,
        "authors": [author.as_record() for author in authors],
        "breadcrumbs": [{"name": name} for name in breadcrumbs],
        "articleBody": article_body,
        "images": [photo.as_record() for photo in photos.photos],
        "metadata": {
            "dateDownloaded": to_iso(downloaded or utc_now()),
            "newsbotVersion": __version__,
            "layout": layout.name,
            "site": profile.name,
        },
    }
    if breadcrumbs:
        record["section"] = breadcrumbs[0]
    if description := meta.get("og:description", "description", "twitter:description"):
        record["description"] = description
    if published is None and url_info is not None and url_info.date is not None:
        published = FoundDate(url_info.date, url_info.date.date().isoformat())
    if published is not None:
        record["datePublished"], record["datePublishedRaw"] = to_iso(published.value), published.raw
    if modified is not None:
        record["dateModified"], record["dateModifiedRaw"] = to_iso(modified.value), modified.raw
    if photos.photos:
        record["mainImage"] = {"url": photos.photos[0].url}
    elif (og_image := absolute_url(meta.get("og:image") or "", page_url)) and not profile.default_image.search(
        og_image
    ):
        record["mainImage"] = {"url": og_image}
    return Extraction(record, layout.name, +removed)


def _match_layout(tree: etree._Element, profile: SiteProfile) -> tuple[Layout, etree._Element | None]:
    for layout in profile.layouts:
        if found := layout.xpaths["body"](tree):
            return layout, found[0]
    return profile.generic, None


def _prune_chrome(layout: Layout, scope: etree._Element, *, guard_story: bool) -> Counter[str]:
    """Cut the layout's chrome selectors from ``scope``; count what went, by kind.

    With a known layout the scope is the story container. Without one it is the whole page and
    the selectors are class-name guesses, so an element that holds the story is kept.
    """
    removed: Counter[str] = Counter()
    for kind in layout.prune:
        found = layout.xpaths[f"prune:{kind}"](scope)
        elements = _outermost([el for el in found if not (guard_story and _holds_story(el))])
        removed[f"chrome/pruned/{kind}"] += len(elements)
        _drop(elements)
    return removed


def _holds_story(element: etree._Element) -> bool:
    # A class-name guess ("commentary", "shared-layout") must never take the story with it.
    long_paragraphs = [p for p in _LONG_PARAGRAPHS(element) if len(text_of(p)) > _LONG_PARAGRAPH_CHARS]
    return element.tag in ("html", "body", "article", "main") or len(long_paragraphs) >= _STORY_PARAGRAPHS


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


def _first_text(tree: etree._Element, xpath: Selector) -> str | None:
    for element in xpath(tree):
        if text := text_of(element):
            return text
    return None


def _canonical(url: str, meta: PageMeta, url_info: ArticleUrl | None) -> str:
    # The page's own canonical link wins when it names the same article (it may be the new domain).
    for candidate in (meta.canonical, meta.get("og:url")):
        info = parse_article_url(candidate) if candidate else None
        if info is not None and (url_info is None or info.article_id == url_info.article_id):
            return info.url
    return canonical_url(url)


def _headline(tree: etree._Element, layout: Layout, meta: PageMeta, profile: SiteProfile) -> str | None:
    headline = _first_text(tree, layout.xpaths["headline"])
    if headline:
        return headline
    candidates = [meta.get("og:title", "twitter:title"), meta.json_ld.get("headline")]
    title = meta.title or ""
    for suffix in profile.title_suffixes:
        if title.endswith(suffix):
            title = title[: -len(suffix)]
    candidates.append(title)
    return next((clean_text(c) for c in candidates if isinstance(c, str) and clean_text(c)), None)


def _dates(tree: etree._Element, layout: Layout, meta: PageMeta) -> tuple[FoundDate | None, FoundDate | None]:
    published = modified = None
    for element in layout.xpaths["dates"](tree):
        text = text_of(element) or (element.get("datetime") or "")
        found_published, found_modified = labelled_dates(text)
        published, modified = published or found_published, modified or found_modified
    if published is None:
        # A layout no version describes: any short element that is a date line.
        for text in _short_lines(tree):
            if is_date_line(text):
                found_published, found_modified = labelled_dates(text)
                published, modified = published or found_published, modified or found_modified
                if published:
                    break
    for name, current in (("published", published), ("modified", modified)):
        if current is not None:
            continue
        raw = meta.get(f"article:{name}_time") or meta.json_ld.get(f"date{name.title()}")
        value = parse_iso(raw) if isinstance(raw, str) else None
        if value is not None and isinstance(raw, str):
            if name == "published":
                published = FoundDate(value, raw)
            else:
                modified = FoundDate(value, raw)
    if modified is not None and published is not None and modified.value <= published.value:
        modified = None  # a "modified" stamp equal to publication says nothing
    return published, modified


# libxml2 measures every element's text in C; only the short ones reach clean_text. Twice the
# limit: normalize-space() keeps the no-break and zero-width spaces clean_text removes.
_SHORT_CANDIDATES = etree.XPath(
    "/html/body//*[not(self::script or self::style)][string-length(normalize-space(.)) < $limit]"
)


def _short_lines(tree: etree._Element) -> Iterator[str]:
    """Texts of the body's elements whose whole text is one short line: where date lines and
    trails sit."""
    candidates = _SHORT_CANDIDATES(tree, limit=2 * _SHORT_LINE_CHARS)
    for element in candidates if isinstance(candidates, list) else ():
        if isinstance(element, etree._Element) and isinstance(element.tag, str):
            text = text_of(element)
            if text and len(text) < _SHORT_LINE_CHARS:
                yield text


def _breadcrumbs(tree: etree._Element, layout: Layout, url_info: ArticleUrl | None, profile: SiteProfile) -> list[str]:
    names: list[str] = []
    for element in layout.xpaths["breadcrumbs"](tree):
        name = text_of(element)
        if name and name.lower() not in _BREADCRUMB_ROOTS and name not in names:
            names.append(name)
    if names:
        return names
    # Markup unknown: a short text line "Home > National > Diplomacy" is a trail all the same.
    for text in _short_lines(tree):
        if match := _CRUMB_TRAIL.match(text):
            crumbs = [clean_text(part) for part in re.split(r"\s*[>›»]\s*", match["trail"]) if clean_text(part)]
            if crumbs and all(len(crumb) <= _MAX_CRUMB_CHARS for crumb in crumbs):
                return crumbs
    if url_info is None:
        return names
    tokens = [url_info.section] + ([url_info.subsection] if url_info.subsection else [])
    return [section_name(token, dict(profile.section_names)) for token in tokens]


def _layout_authors(tree: etree._Element, layout: Layout) -> list[Author]:
    for element in layout.xpaths["bylines"](tree):
        if authors := parse_byline(text_of(element)):
            return authors
    return []


def _meta_authors(meta: PageMeta) -> list[Author]:
    names = json_ld_authors(meta.json_ld)
    if not names and (author := meta.get("author", "article:author")):
        names = [author]
    return [Author(romanised_name(name), name) for name in names if not name.startswith("http")]


def _story_lines(root: etree._Element, url: str, *, favor_recall: bool) -> list[str]:
    if root.tag != "html":
        wrapper = lxml.html.document_fromstring("<html><body></body></html>")
        body = wrapper.find("body")
        assert body is not None  # the parser always builds <body> for this literal
        body.append(root)
        root = wrapper
    # deduplicate stays off: trafilatura's cache is process-wide and depends on page order.
    document = trafilatura.bare_extraction(
        root,
        url=url,
        include_comments=False,
        deduplicate=False,
        include_tables=True,
        with_metadata=False,
        favor_recall=favor_recall,
    )
    text = getattr(document, "text", None)
    if isinstance(text, str) and text.strip():
        # trafilatura marks list items "- "; a record's paragraphs carry no markup.
        return [_LIST_MARK.sub("", line) for line in text.splitlines()]
    # trafilatura judges very short stories too short; read the container the plain way.
    return block_lines(root)


def _fallback_id(url: str) -> str:
    return hashlib.sha1(fingerprint(url).encode()).hexdigest()[:16]
