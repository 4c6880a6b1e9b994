"""The story's lines as trafilatura reads them, from a story container or from a whole page."""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import NamedTuple

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from newsbot.extraction.html import block_lines, text_of
from newsbot.text.normalise import clean_text

# trafilatura marks list items "- "; a record's paragraphs carry no markup.
_LIST_MARK = re.compile(r"^- (?=\S)")
# What a PHP server prints into the page when a plugin fails ("Warning: Use of undefined constant
# comments ... in /homepages/15/.../get-recent-comments.php on line 928"): a whole line of it is
# no story's. Old WordPress sites print dozens, and a reading of them outgrew a short post's.
_SERVER_ERROR = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable )?Fatal error|Parse error): "
    r".+ in (?:/|[A-Za-z]:\\)\S+\.php on line \d+",
)
# A paragraph of a story, not a caption or a link: over this many characters.
_LONG_PARAGRAPH_CHARS = 80
_LONG_PARAGRAPHS = etree.XPath("descendant-or-self::p[string-length(normalize-space(.)) > $chars]")
# On real pages trafilatura's first reading sometimes keeps one block of a story told in several
# (a body split by ads into sections, a teaser chosen over the text). When what it kept is under
# this share of the story's long paragraphs, the next, wider reading is tried, and its text is
# taken when it is this many times longer. The gain was fitted on the tuning halves among 1.25,
# 1.5, 1.75, 2, 2.5: 1.25 to 2 within one page of each other, 2.5 below them; 1.5 also took a
# wider reading's chrome on two pages of the check halves (a WSJ story among them), 2 on none.
_RESCUE_COVER = 0.3
_RESCUE_GAIN = 2.0
# The same when it keeps under this share of the page's whole text. 0.15 is the widest trigger
# that lowers no tuning half (0.2 lowered readability's); 0.10 and 0 tie with it there.
_RESCUE_SHARE = 0.15
# The same when it keeps under this share of the text of its own story's container (the
# smallest element holding every story paragraph it kept): lists, tables and boxes of the story
# cut inside it. Fitted on the tuning halves: 0.35 rescues two of their three stories cut so,
# 0.5 to 0.9 all three and lower no page; 0.5 reads again the fewest pages (20 of 1,135 more).
# With the gain at 2 as well as at 2.5, 0.5 and 0.8 give the same records.
_RESCUE_HOME = 0.5
# A story split into sibling containers (``_story_parts``): at most this many parts besides the
# one trafilatura kept, each holding at least this many long paragraphs. Both bounds keep page
# builders' repeated widgets out; the three pages they let through of the development and
# outside sets (Wired, The New Yorker) are stories in two or three parts.
_MAX_PARTS = 3
_PART_PARAGRAPHS = 3
_SAME_CLASS = etree.XPath("//*[name() = $tag and @class = $cls]")


def long_paragraphs(scope: etree._Element) -> list[etree._Element]:
    """The ``<p>`` elements in ``scope`` (itself included) long enough to be story paragraphs."""
    found = _LONG_PARAGRAPHS(scope, chars=_LONG_PARAGRAPH_CHARS)
    return [p for p in found if isinstance(p, etree._Element)] if isinstance(found, list) else []


def unwrap_noscript_story(tree: etree._Element) -> None:
    """Keep the story a page prints only for readers without scripts: where the long paragraphs
    inside ``<noscript>`` elements outweigh those outside them, each ``<noscript>`` holding one
    loses its tag and keeps its elements.

    ``<noscript>`` holds a tracking pixel or an "enable JavaScript" notice as a rule, and newsbot
    strips it before reading the story. Some templates render the story from a script and print
    it in ``<noscript>`` alone (Blogger's, on every blog it hosts; Discourse's forum threads):
    stripped, the story was gone and the archive's links were read instead.
    """
    inside = {element: found for element in tree.iter("noscript") if (found := long_paragraphs(element))}
    hidden = sum(len(text_of(p)) for found in inside.values() for p in found)
    if not hidden or hidden <= sum(len(text_of(p)) for p in long_paragraphs(tree)) - hidden:
        return
    for element in inside:
        if isinstance(element, lxml.html.HtmlElement):
            element.drop_tag()


def story_lines(
    tree: etree._Element,
    url: str,
    *,
    favor_recall: bool = False,
    favor_precision: bool = False,
    fast: bool = False,
) -> list[str]:
    """trafilatura's text of ``tree``, one line per paragraph; empty when it found none.

    trafilatura copies the tree it is given, so ``tree`` is not changed. Its ``deduplicate``
    cache stays off: it is process-wide and depends on the order of pages. ``fast`` skips its
    comparison with readability and jusText.
    """
    options = copy.copy(_options(favor_recall, favor_precision, fast))
    options.url = options.source = url
    document = trafilatura.bare_extraction(tree, options=options)
    text = getattr(document, "text", None)
    if not isinstance(text, str) or not text.strip():
        return []
    return [_LIST_MARK.sub("", line) for line in text.splitlines() if not _SERVER_ERROR.fullmatch(line.strip())]


@cache
def _options(favor_recall: bool, favor_precision: bool, fast: bool) -> Extractor:
    # Built once per mode: trafilatura reads its configuration anew for each set of options,
    # a few per cent of a small page's extraction. Each call gets a copy with its own URL.
    return Extractor(
        output_format="python",
        fast=fast,
        precision=favor_precision,
        recall=favor_recall,
        comments=False,
        tables=True,
        dedup=False,
        with_metadata=False,
    )


class GenericStory(NamedTuple):
    """The story of a page no layout describes, and the part of the page it comes from."""

    lines: list[str]
    #: ``story_scope``'s element; None when the lines kept no long paragraph of the page.
    scope: etree._Element | None


def generic_story(tree: etree._Element, url: str, page_chars: int = 0) -> GenericStory:
    """The story's lines (``generic_story_lines``, else every text block of the page) and its
    scope, from one reading of the page's long paragraphs."""
    paragraphs = [(p, text_of(p)) for p in long_paragraphs(tree)]
    lines = generic_story_lines(tree, url, paragraphs, page_chars) or block_lines(tree)
    return GenericStory(lines, story_scope(tree, _kept_paragraphs(paragraphs, lines)))


def generic_story_lines(
    tree: etree._Element, url: str, paragraphs: list[tuple[etree._Element, str]], page_chars: int = 0
) -> list[str]:
    """The story of a page no layout describes: trafilatura's precision mode, widened when short.

    Precision mode without its fallback comparison keeps the story on most pages at the least
    cost. Where it keeps under a third of the story's long paragraphs, under ``_RESCUE_SHARE``
    of the page's text (``page_chars``: guides and lists whose story is not in ``<p>``), or
    under ``_RESCUE_HOME`` of the text of the container its story paragraphs sit in (lists and
    tables of the story cut), wider readings are tried in turn, each taken when it is
    ``_RESCUE_GAIN`` times longer: precision mode with its comparison with readability and
    jusText, trafilatura's default reading with that comparison, then recall mode. Chosen on the
    tuning halves of the three development sets (``python -m bench``): the default reading
    rescues guides and lists that precision mode's comparison cuts, and going to it straight
    lost the stories that comparison finds (aeb's tuning half 0.9794 -> 0.9769; on one news page
    precision's comparison scores 0.99 and the default reading 0.76). The paragraphs of the
    page's other ``<article>`` elements (related posts, teasers) are not the story's: counting
    them once made recall take them all.
    """
    lines = story_lines(tree, url, favor_precision=True, fast=True)
    first = kept_now = _kept_paragraphs(paragraphs, lines)
    story_chars = _story_paragraph_chars(paragraphs, first)
    short = _chars(lines) < _RESCUE_SHARE * page_chars
    short = short or _chars(lines) < _RESCUE_HOME * _home_chars(first)
    for wider in ({"favor_precision": True}, {}, {"favor_recall": True}):
        kept = _chars(lines)
        if kept >= _RESCUE_COVER * story_chars and not short:
            break
        widened = story_lines(tree, url, **wider)
        if _chars(widened) > _RESCUE_GAIN * kept:
            lines, short = widened, False
            kept_now = _kept_paragraphs(paragraphs, lines)
    if parts := _story_parts(tree, kept_now):
        # The parts as one story, read as trafilatura read the part it kept: a related-stories
        # list closing the last part goes as it would have gone from the first.
        joined = story_lines(_assembled(parts), url, favor_precision=True, fast=True)
        if _chars(joined) > _chars(lines):
            lines = joined
    return lines


def _story_parts(tree: etree._Element, kept: list[etree._Element]) -> list[etree._Element]:
    """The parts, in order, of a story split into sibling containers, the one holding the
    paragraphs trafilatura ``kept`` among them; empty when the story it kept is whole.

    Some sites cut a long story into chunks, each in its own container of the same class with an
    ad or a newsletter box between them (Wired and The New Yorker on the development and outside
    pages); every trafilatura mode keeps the first chunk alone. A part is another element of the
    same tag and class as the smallest element holding every kept story paragraph, in the same
    ``<article>`` and under a common ancestor with one headline, holding at least
    ``_PART_PARAGRAPHS`` long paragraphs and none kept. A class repeated more than ``_MAX_PARTS``
    more times is a page builder's widget (Elementor's, a Q&A site's answers), not a split story:
    with no bound on parts, 7 development pages of 6 sites lost up to 0.10.
    """
    home = _home(kept)
    if home is None or home.tag in ("html", "body") or not (home_class := home.get("class")):
        return []
    article = _article_of(home)
    # The same class found by libxml2: a page has thousands of elements, a story a few parts.
    found = _SAME_CLASS(tree, tag=home.tag, cls=home_class)
    peers = (
        [element for element in found if isinstance(element, etree._Element) and _article_of(element) is article]
        if isinstance(found, list)
        else []
    )
    if len(peers) - 1 > _MAX_PARTS:
        return []
    parts = [peer for peer in peers if peer is home or _is_story_part(peer, home)]
    return parts if len(parts) > 1 else []


def _assembled(parts: list[etree._Element]) -> lxml.html.HtmlElement:
    """A page holding copies of ``parts`` in one ``<article>``, for trafilatura to read as one.

    Each part's own attributes go: trafilatura looks for the story's container by class before
    it looks at ``<article>``, and would find the first part alone again.
    """
    page = lxml.html.Element("html")
    article = etree.SubElement(etree.SubElement(page, "body"), "article")
    for part in parts:
        chunk = copy.deepcopy(part)
        chunk.attrib.clear()
        chunk.tail = None
        article.append(chunk)
    return page


def _is_story_part(peer: etree._Element, home: etree._Element) -> bool:
    """Whether ``peer``, of the same class as the story's container ``home``, is another part of
    the story: neither inside the other, holding long paragraphs, under one headline with it."""
    around_home = {home, *home.iterancestors()}
    if peer in around_home or home in set(peer.iterancestors()) or len(long_paragraphs(peer)) < _PART_PARAGRAPHS:
        return False
    common: etree._Element | None = peer
    while common is not None and common not in around_home:
        common = common.getparent()
    return common is not None and sum(1 for _ in common.iter("h1")) <= 1


def _chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines)


def _article_of(element: etree._Element) -> etree._Element | None:
    return next(element.iterancestors("article"), None)


def _kept_paragraphs(paragraphs: list[tuple[etree._Element, str]], lines: list[str]) -> list[etree._Element]:
    """The page's long ``paragraphs`` (each with its text) that ``lines`` kept."""
    texts = {clean_text(line) for line in lines if len(line) > _LONG_PARAGRAPH_CHARS}
    return [p for p, text in paragraphs if text in texts]


def _story_paragraph_chars(paragraphs: list[tuple[etree._Element, str]], kept: list[etree._Element]) -> int:
    """Characters of the page's long ``paragraphs`` that may belong to the story the ``kept`` ones
    come from.

    Where the kept paragraphs sit in an ``<article>``, a paragraph of another ``<article>`` (not
    that one and not one around it) is another composition and is not counted; a paragraph
    outside every ``<article>`` still is, as is every paragraph when the kept ones sit in none.
    """
    homes = [home for p in kept if (home := _article_of(p)) is not None]
    allowed = {article for home in homes for article in (home, *home.iterancestors("article"))}
    return sum(
        len(text) for p, text in paragraphs if not allowed or (home := _article_of(p)) is None or home in allowed
    )


def _home(kept: list[etree._Element]) -> etree._Element | None:
    """The smallest element holding every ``kept`` paragraph: the story's container as precision
    mode found it; None when it kept no paragraph of the page."""
    if not kept:
        return None
    home: etree._Element | None = kept[0]
    for paragraph in kept[1:]:
        around = {paragraph, *paragraph.iterancestors()}
        while home is not None and home not in around:
            home = home.getparent()
    return home


def story_scope(tree: etree._Element, kept: list[etree._Element]) -> etree._Element | None:
    """The part of the page the story comes from: the ``<article>`` around the long paragraphs
    it ``kept``, else the smallest element holding them and the headline (the lead photo sits
    between the two), else the parent of the one holding them; None when it kept none."""
    home = _home(kept)
    if home is None:
        return None
    article = home if home.tag == "article" else _article_of(home)
    if article is not None:
        return article
    headline = next(tree.iter("h1"), None)
    with_headline = _home([*kept, headline]) if headline is not None else None
    if with_headline is not None and with_headline.tag not in ("body", "html"):
        return with_headline
    parent = home.getparent()
    return parent if parent is not None else home


def _home_chars(kept: list[etree._Element]) -> int:
    """Characters of the story's container as precision mode found it (``_home``); 0 when none."""
    home = _home(kept)
    return len(text_of(home)) if home is not None else 0
