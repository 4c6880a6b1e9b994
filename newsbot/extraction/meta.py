"""What the page says about itself in ``<head>``: Open Graph, article times, JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from newsbot.extraction.html import text_of
from newsbot.profiles.base import Selector
from newsbot.text.normalise import clean_text

_META = Selector(("meta[content]",))
_CANONICAL = Selector(("link[rel=canonical][href]",))
_JSON_LD = Selector(("script[type='application/ld+json']",))
_TITLE = Selector(("title",))
_ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
}


@dataclass
class PageMeta:
    #: ``property`` or ``name`` -> first content, keys lower-case (``og:title``, ``description``).
    tags: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    title: str | None = None
    language: str | None = None
    #: The first schema.org article object of the page's JSON-LD, if any.
    json_ld: dict[str, Any] = field(default_factory=dict)

    def get(self, *names: str) -> str | None:
        for name in names:
            if value := self.tags.get(name):
                return value
        return None


def read_meta(tree: etree._Element) -> PageMeta:
    meta = PageMeta()
    for element in _META(tree):
        name = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = clean_text(element.get("content") or "")
        if name and content and name not in meta.tags:
            meta.tags[name] = content
    canonical = _CANONICAL(tree)
    meta.canonical = (canonical[0].get("href") or "").strip() or None if canonical else None
    titles = _TITLE(tree)
    meta.title = text_of(titles[0]) or None if titles else None
    lang = (tree.get("lang") or "").strip().lower()
    meta.language = lang.split("-")[0] or None
    meta.json_ld = next(_json_ld_articles(tree), {})
    return meta


def _json_ld_articles(tree: etree._Element) -> Iterator[dict[str, Any]]:
    for script in _JSON_LD(tree):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block is the page's problem; the other sources remain
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kind = node.get("@type")
                kinds = set(kind) if isinstance(kind, list) else {kind}
                if kinds & _ARTICLE_TYPES:
                    yield node
                stack.extend(node.get("@graph", []))


def json_ld_authors(article: dict[str, Any]) -> list[str]:
    authors = article.get("author") or []
    if not isinstance(authors, list):
        authors = [authors]
    names = []
    for author in authors:
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and clean_text(name):
            names.append(clean_text(name))
    return names
