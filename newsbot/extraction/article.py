"""One page in, one record out: the single code path behind the crawl and ``newsbot.extract``.

The conductor: it matches the layout, asks each field's reader in ``newsbot.extraction.fields``
(headline, dates, sections, photos and the main image, authors, language) and the story's
readers for the body, and decides whether the page is an article at all."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import lxml.html
from lxml import etree

from newsbot.discovery.urls import ArticleUrl, absolute_url, canonical_url
from newsbot.errors import EmptyBody, NoHeadline, NotAnArticle
from newsbot.extraction.fields.authors import read_page_authors
from newsbot.extraction.fields.dates import read_dates
from newsbot.extraction.fields.headline import read_headline, title_variants
from newsbot.extraction.fields.images import photos_in, read_main_image, read_photos
from newsbot.extraction.fields.language import read_language
from newsbot.extraction.fields.page import host_of
from newsbot.extraction.fields.sections import read_breadcrumbs
from newsbot.extraction.html import (
    block_lines,
    drop_empty_inline,
    keep_sentence_spans,
    parse_html,
    unlink_heading_anchors,
    unlink_prose_links,
    wrap_text_runs,
)
from newsbot.extraction.kind import PageEvidence, article_probability, count_markup, microdata_types
from newsbot.extraction.kind import model as kind_model
from newsbot.extraction.meta import PageMeta, read_meta
from newsbot.extraction.scripted import declared_story, scripted_story, story_scripts
from newsbot.extraction.story import generic_story, long_paragraphs, story_lines, unwrap_noscript_story
from newsbot.profiles import GENERIC, Layout, SiteProfile, profile_for_url
from newsbot.profiles.base import Selector
from newsbot.text.body import CleanBody, clean_body
from newsbot.text.bylines import (
    is_no_person,
    merged_authors,
)
from newsbot.text.captions import CaptionMatcher
from newsbot.text.dates import (
    to_iso,
    utc_now,
)
from newsbot.text.normalise import fingerprint, link_key
from newsbot.version import __version__


class _QuietDiscards(logging.Filter):
    # trafilatura warns "discarding data" for every text it finds too short; newsbot then reads
    # the container itself or drops the page with its own single log line.
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_QuietDiscards())

#: Below this many characters of story text a page is a front, a video or a stub, not an article.
MIN_BODY_CHARS = 150
# A story quotes the odd link; a front page or index is link titles through and through.
_MAX_LINK_SHARE = 0.5
_STORY_PARAGRAPHS = 3


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

    heading = read_headline(tree, layout, meta, profile, page_url)
    if heading is None:
        raise NoHeadline("no headline in the page, its meta tags or its title")
    headline = heading.text
    published, modified = read_dates(tree, layout, meta, profile, page_url, url_info, search=container is None)
    breadcrumbs = read_breadcrumbs(tree, layout, meta, url_info, profile, page_url)
    photos = read_photos(tree, layout, page_url, profile.default_image)
    page_authors = read_page_authors(
        tree, layout, language, meta, page_url, undescribed=not profile.layouts, fetched_url=url
    )

    # Everything is read; now cut what is not story text, and hand the rest to trafilatura.
    list_links: frozenset[str] = frozenset()
    page_link_chars = 0
    page_text, markup, declared_types = "", {}, frozenset[str]()
    scripts: list[etree._Element] = []
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
        unwrap_noscript_story(tree)
        scripts = story_scripts(tree)
        etree.strip_elements(tree, *_NO_STORY_TAGS, with_tail=False)
        page_text = str(_PAGE_TEXT(tree))
        markup = count_markup(tree, page_text)
        # Microdata types join JSON-LD's: a shop declares its Product either way.
        declared_types = meta.json_ld_types | microdata_types(tree)
        unlink_heading_anchors(tree)
        unlink_prose_links(tree)
        keep_sentence_spans(tree)
        drop_empty_inline(tree)
        lines, scope = generic_story(tree, page_url, len(page_text))
        if scope is not None:
            # Photos outside the story's part of the page illustrate teasers, menus and avatars.
            photos = replace(photos, photos=photos_in(photos.photos, scope))

    def cleaned(lines: list[str], list_links: frozenset[str] = frozenset()) -> CleanBody:
        return clean_body(
            lines,
            headline=headline,
            titles=[*title_variants(meta), heading.printed, page_url, url],
            captions=CaptionMatcher(photos.captions + photos.alt_texts),
            chrome=profile.chrome_rules_for(language),
            language=language,
            credit_captions=profile.credit_captions,
            list_links=list_links,
        )

    body = cleaned(lines, list_links)
    if sum(map(len, body.paragraphs)) < min_body_chars and (page := scripted_story(scripts)) is not None:
        # No story in the HTML, and one in a script for the page's code to render.
        body = cleaned(story_lines(page, page_url, favor_precision=True, fast=True))
    if sum(map(len, body.paragraphs)) < min_body_chars and (declared := declared_story(meta.json_ld)):
        # Neither the HTML nor a script's markup holds the story; the structured data says it.
        body = cleaned(declared)
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
            signed=bool(page_authors.named or body.authors),
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

    # A desk's or an organisation's credit in the body ("By JERUSALEM POST STAFF") leaves it as a
    # byline does, naming no writer.
    story_authors = [author for author in body.authors if not is_no_person(author.name)]
    authors = merged_authors(story_authors, page_authors.named, both=bool(profile.layouts)) or page_authors.searched
    record: dict[str, Any] = {
        "url": page_url,
        "articleId": url_info.article_id if url_info else _fallback_id(page_url),
        "headline": headline,
        "authors": [author.as_record() for author in authors],
        "breadcrumbs": [{"name": name} for name in breadcrumbs],
        "articleBody": article_body,
        "images": [photo.as_record() for photo in photos.photos],
        "metadata": {
            "dateDownloaded": to_iso((downloaded or utc_now()).replace(microsecond=0)),
            "newsbotVersion": __version__,
            "layout": layout.name,
            "site": profile.name if profile is not GENERIC else host_of(page_url),
        },
    }
    if page_language := read_language(article_body, meta, profile):
        record["inLanguage"] = page_language
    if breadcrumbs:
        record["section"] = breadcrumbs[0]
    if description := meta.get("og:description", "description", "twitter:description"):
        record["description"] = description
    if published is not None and not published.year_only:
        record["datePublished"], record["datePublishedRaw"] = published.iso(), published.raw
    if modified is not None:
        record["dateModified"], record["dateModifiedRaw"] = modified.iso(), modified.raw
    if main_image := read_main_image(meta, page_url, profile, photos.photos):
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
    first, second = host_of(one).removeprefix("www."), host_of(other).removeprefix("www.")
    return bool(first) and (first == second or first.endswith("." + second) or second.endswith("." + first))


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
