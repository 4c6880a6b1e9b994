"""Is the page an article? The page's own signals, weighed by a model fitted on real pages.

A news crawler fed a sitemap meets listings, product, service, forum and documentation pages;
each of them has text that an extractor will happily call a story. The signals here are the
page's own and hold in any language: what its structured data and Open Graph type declare, the
shape of its URL, whether it is dated and signed, and the shape of the text left as its story
(length, paragraphs, sentences, links). No site is named.

The weights are a logistic model fitted on the tuning halves of the development sets by
``python -m bench.train_kind`` and shipped as ``kind_model.json``; the threshold was chosen there
so that almost no article of the tuning halves is refused. Figures on the check halves: README.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from lxml import etree

from newsbot.discovery.urls import names_a_page
from newsbot.extraction.meta import ARTICLE_TYPES

# schema.org types a page declares when it is no article: a shop, a forum thread, a contact or
# results page, a listing of things, a course or an event.
NON_ARTICLE_TYPES = frozenset(
    {"Product", "ProductGroup", "Offer", "AggregateOffer", "IndividualProduct", "QAPage", "DiscussionForumPosting",
     "ContactPage", "CollectionPage", "SearchResultsPage", "ProfilePage", "Service", "SoftwareApplication",
     "MobileApplication", "WebApplication", "Course", "Event", "JobPosting", "RealEstateListing", "Store"}
)  # fmt: skip
_URL_DAY = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d|[a-z]{3})/")
# The words of the web's own conventions for a URL's folders (not any site's): where a page of
# documentation, a forum thread, a shop's or a service's page, or a listing lives.
_URL_FOLDERS = {
    "url_docs": frozenset({"docs", "doc", "documentation", "manual", "reference", "api", "wiki", "kb", "help",
                           "support", "learn", "tutorial", "tutorials", "howto"}),
    "url_forum": frozenset({"forum", "forums", "thread", "threads", "topic", "topics", "t", "questions", "q",
                            "community", "discussion", "discussions", "discuss", "comments", "r",
                            "viewtopic.php", "showthread.php"}),
    "url_shop": frozenset({"product", "products", "shop", "store", "item", "items", "collections", "collection",
                           "category", "categories", "tag", "tags", "buy", "pricing", "services", "service",
                           "solutions"}),
}  # fmt: skip
_SLUG_WORD = re.compile(r"[^\W_]+")
# A sentence ends in punctuation, in the scripts of news pages; a label, a price or a link title does not.
_SENTENCE_END = re.compile(r"[.!?…。！？」』\"”’)»]$")
_LONG = 80


@dataclass(frozen=True)
class PageEvidence:
    """What the extraction saw of a page, for the judgement of its kind."""

    url: str
    json_ld_types: frozenset[str]
    og_type: str
    dated: bool
    signed: bool
    paragraphs: tuple[str, ...]
    #: Characters of body paragraphs that are the text of a link on the page.
    body_link_chars: int
    #: Characters of the page's text, and of its links' text.
    page_chars: int
    page_link_chars: int
    #: What the page's markup holds, counted by :func:`count_markup`.
    markup: dict[str, int]


# What the markup holds says something of a page's kind. Many <time>s are a forum's posts or a
# listing's teasers; many <article>s and linked headings are teasers; inputs and buttons are a
# shop or a service; <pre> and <code> are documentation; avatars and links to members' pages are
# a forum's posters.
_COUNTED = {
    "a": "member_links",
    "img": "avatars",
    "time": "times",
    "article": "articles",
    "h2": "headings",
    "h3": "headings",
    "input": "inputs",
    "button": "inputs",
    "select": "inputs",
    "pre": "code",
    "code": "code",
}
_MARKUP_COUNTS = ("times", "articles", "headings", "linked_headings", "inputs", "code", "member_links", "avatars")
# A link to a member's page: forums and communities link every post to its poster.
_MEMBER_PAGE = re.compile(r"/(?:u|users?|members?|profiles?)/", re.IGNORECASE)
_ITEMTYPES = etree.XPath("//@itemtype")
# A price: a currency sign beside a number, either way round.
_PRICE = re.compile(r"[$€£¥₩₹]\s?\d|\d(?:[.,]\d\d)?\s?(?:€|zł|kr|Kč|руб)")


def count_markup(tree: etree._Element, text: str) -> dict[str, int]:
    """The page's counts for :class:`PageEvidence`; ``text`` is the page's visible text."""
    counts = dict.fromkeys(_MARKUP_COUNTS, 0)
    # One walk, the tags filtered in C: a tenth of the time of an XPath count per kind.
    for element in tree.iter(*_COUNTED):
        tag = element.tag
        if (
            (tag == "input" and element.get("type") == "hidden")
            or (tag == "a" and not _MEMBER_PAGE.search(element.get("href") or ""))
            or (tag == "img" and "avatar" not in f"{element.get('class')} {element.get('src')}".lower())
        ):
            continue
        counts[_COUNTED[tag]] += 1
        if tag in ("h2", "h3") and element.find(".//a") is not None:
            counts["linked_headings"] += 1
    counts["prices"] = len(_PRICE.findall(text))
    return counts


def microdata_types(tree: etree._Element) -> frozenset[str]:
    """The schema.org types the page's microdata declares (``itemtype`` URLs' last parts)."""
    found = _ITEMTYPES(tree)
    return (
        frozenset(str(url).rstrip("/").rsplit("/", 1)[-1] for url in found) if isinstance(found, list) else frozenset()
    )


def signals(evidence: PageEvidence) -> dict[str, float]:
    """The model's inputs, each a number in a small range."""
    parts = urlsplit(evidence.url)
    path = parts.path
    segments = [segment for segment in path.split("/") if segment]
    slug = re.sub(r"\.\w{2,5}$", "", segments[-1]) if segments else ""
    words = {segment.lower() for segment in segments}
    paragraphs = evidence.paragraphs
    chars = sum(len(p) for p in paragraphs)
    count = len(paragraphs)
    og = evidence.og_type.lower()
    ld_article = bool(evidence.json_ld_types & ARTICLE_TYPES)
    url_day = bool(_URL_DAY.search(path.lower()))
    return {
        # Any one way of saying "article": a page may use one and not the others.
        "declared": float(ld_article or og.startswith("article") or url_day or evidence.signed),
        "ld_article": float(ld_article),
        "ld_person": float("Person" in evidence.json_ld_types),
        "ld_other": float(bool(evidence.json_ld_types & NON_ARTICLE_TYPES)),
        "og_article": float(og.startswith("article")),
        "og_product": float("product" in og),
        "og_website": float(og == "website"),
        "dated": float(evidence.dated),
        "signed": float(evidence.signed),
        "url_day": float(url_day),
        "url_depth": min(len(segments), 6) / 6,
        "url_slug_words": min(len(_SLUG_WORD.findall(slug)), 12) / 12,
        # The site's front page: "/?p=2895" (WordPress's plain links) is a post, not the front.
        "url_root": float(not segments and not names_a_page(parts.query)),
        # A whole segment is the word: a story's slug of many words ("forum-rules-change") is none.
        **{name: float(not words.isdisjoint(folders)) for name, folders in _URL_FOLDERS.items()},
        "body_chars": math.log1p(chars) / 10,
        "paragraphs": math.log1p(count) / 5,
        "mean_paragraph": math.log1p(chars / count) / 7 if count else 0.0,
        "sentences": sum(bool(_SENTENCE_END.search(p)) for p in paragraphs) / count if count else 0.0,
        "long_paragraphs": sum(len(p) >= _LONG for p in paragraphs) / count if count else 0.0,
        "body_links": evidence.body_link_chars / chars if chars else 0.0,
        "page_links": evidence.page_link_chars / evidence.page_chars if evidence.page_chars else 0.0,
        "story_share": min(chars / evidence.page_chars, 1.0) if evidence.page_chars else 0.0,
        **{name: math.log1p(count) / 4 for name, count in evidence.markup.items() if name != "linked_headings"},
        "linked_headings": evidence.markup["linked_headings"] / evidence.markup["headings"]
        if evidence.markup.get("headings")
        else 0.0,
    }


@dataclass(frozen=True)
class KindModel:
    weights: dict[str, float]
    bias: float
    #: Below this probability a page is no article.
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        score = self.bias + sum(weight * values.get(name, 0.0) for name, weight in self.weights.items())
        return 1 / (1 + math.exp(-max(min(score, 50.0), -50.0)))


@cache
def model() -> KindModel:
    data = json.loads(resources.files("newsbot.extraction").joinpath("kind_model.json").read_text(encoding="utf-8"))
    return KindModel(weights=data["weights"], bias=data["bias"], threshold=data["threshold"])


def article_probability(evidence: PageEvidence) -> float:
    """How likely the page is an article, by the shipped model: 0 to 1."""
    return model().probability(signals(evidence))
