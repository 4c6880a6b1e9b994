"""Article URLs of every era of the site, recognised by path so any host (a mirror, a test
server) works, and canonicalised so one article has one URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string, url_query_cleaner

from newsbot.text.dates import date_from_parts

_SEGMENT = r"[A-Za-z][A-Za-z0-9_-]*"
_HOST = re.compile(r"^(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$|^[0-9a-fA-F:.]+$")
# Era names double as documentation of the path shapes.
_ARTICLE_PATHS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        # 2020 – spring 2023: /2021/10/13/national/diplomacy/Some-Slug/20211013183600363.html
        "dated-html",
        re.compile(
            rf"^/(?P<y>\d{{4}})/(?P<m>\d{{2}})/(?P<d>\d{{2}})/(?P<section>{_SEGMENT})"
            rf"(?:/(?P<sub>{_SEGMENT}))?/(?P<slug>[^/]+)/(?P<id>\d+)\.html?$"
        ),
    ),
    (
        # mid 2023 – 2026: /news/2025-10-01/national/socialAffairs/Some-Slug/2412936
        "news",
        re.compile(
            rf"^/news/(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})/(?P<section>{_SEGMENT})"
            rf"(?:/(?P<sub>{_SEGMENT}))?/(?P<slug>[^/]+)/(?P<id>\d+)/?$"
        ),
    ),
    (
        # 2025 –, new domain: /national/some-lowercase-slug/20250514 (8-digit id)
        "section-slug-id",
        re.compile(
            rf"^/(?P<section>{_SEGMENT})(?:/(?P<sub>{_SEGMENT}))?/(?P<slug>[a-z0-9][a-z0-9-]*)/(?P<id>\d{{6,}})/?$"
        ),
    ),
)
# Paths that look like /<word>/<word>/<digits> but are site furniture, not stories.
_NOT_SECTIONS = frozenset({"section", "search", "xmls", "resources", "data", "tag", "tags", "reporter", "author"})


@dataclass(frozen=True)
class ArticleUrl:
    url: str
    era: str
    article_id: str
    section: str
    subsection: str | None
    slug: str
    date: datetime | None


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # "http://[" and other URLs no browser would follow
        return None


def absolute_url(href: str, base: str) -> str | None:
    """``href`` made absolute and safe (percent-encoded), or ``None`` if it is no web address."""
    if not href.strip():
        return None  # urljoin would answer the base itself
    try:
        url = safe_url_string(urljoin(base, href.strip()))
    except ValueError:
        return None
    parts = _split(url)
    if parts is None or parts.scheme not in ("http", "https") or not _HOST.match(parts.hostname or ""):
        return None
    return url


def parse_article_url(url: str) -> ArticleUrl | None:
    """What an article URL says about its article, or ``None`` for any other URL."""
    parts = _split(url)
    if parts is None:
        return None
    if parts.scheme not in ("http", "https", ""):
        return None
    for era, pattern in _ARTICLE_PATHS:
        match = pattern.match(parts.path)
        if match is None:
            continue
        groups = match.groupdict()
        if groups["section"].lower() in _NOT_SECTIONS:
            return None
        day = date_from_parts(groups["y"], groups["m"], groups["d"]) if groups.get("y") else None
        return ArticleUrl(
            url=canonical_url(url),
            era=era,
            article_id=groups["id"],
            section=groups["section"],
            subsection=groups.get("sub"),
            slug=groups["slug"],
            date=day,
        )
    return None


def is_article_url(url: str) -> bool:
    return parse_article_url(url) is not None


def canonical_url(url: str) -> str:
    """One URL per page: no fragment, no tracking parameters; an article URL keeps no query.

    An article's identity is its path: ``?detailWord=...`` (the word-lookup feature) and
    campaign parameters only change what is highlighted.
    """
    parts = _split(url)
    if parts is None:
        return url
    path_only = urlunsplit((parts.scheme, parts.netloc.lower(), parts.path, "", ""))
    if any(pattern.match(parts.path) for _, pattern in _ARTICLE_PATHS):
        return path_only
    cleaned = url_query_cleaner(url, _TRACKING_PARAMS, remove=True, keep_fragments=False)
    return canonicalize_url(cleaned, keep_fragments=False)


_TRACKING_PARAMS = (
    "detailWord", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
    "fbclid", "gclid", "cloc", "ref",
)  # fmt: skip


def section_name(token: str, overrides: dict[str, str] | None = None) -> str:
    """A URL section token as people read it: ``socialAffairs`` -> ``Social Affairs``."""
    if overrides and token in overrides:
        return overrides[token]
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", token).replace("-", " ").replace("_", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words)


def host_allowed(url: str, domains: list[str] | tuple[str, ...]) -> bool:
    """The URL's host is one of ``domains`` or below one; the port does not matter."""
    parts = _split(url)
    host = (parts.hostname or "").lower() if parts is not None else ""
    return bool(host) and any(host == domain or host.endswith("." + domain) for domain in domains)
