"""URLs: article URLs by the shapes a site profile declares, and one canonical form per page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string, url_query_cleaner

from newsbot.text.dates import date_from_parts

_HOST = re.compile(r"^(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$|^[0-9a-fA-F:.]+$")


@dataclass(frozen=True)
class ArticlePath:
    """One shape of a site's article URLs, matched on the path so any host (a mirror, a test
    server) works. Named groups: ``id`` (required); ``y``, ``m``, ``d``, ``section``, ``sub``,
    ``slug`` where the path holds them."""

    era: str
    pattern: re.Pattern[str]


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
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- read to check it: ":99999", ":8o8o" and ":-1" raise only when read
    except ValueError:  # "http://[", a port out of range and other URLs no browser would follow
        return None
    return parts


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


def match_article_path(
    url: str, paths: tuple[ArticlePath, ...], not_sections: frozenset[str] = frozenset()
) -> ArticleUrl | None:
    """What an article URL says about its article (by the first of ``paths`` its path
    matches), or ``None`` for any other URL. ``not_sections``: first path segments that are
    site furniture, not sections (``/search/...``)."""
    parts = _split(url)
    if parts is None or parts.scheme not in ("http", "https", ""):
        return None
    for path in paths:
        match = path.pattern.match(parts.path)
        if match is None:
            continue
        groups = match.groupdict()
        section = groups.get("section") or ""
        if section.lower() in not_sections:
            return None
        day = date_from_parts(groups["y"], groups["m"], groups["d"]) if groups.get("y") else None
        return ArticleUrl(
            url=urlunsplit((parts.scheme, parts.netloc.lower(), parts.path, "", "")),
            era=path.era,
            article_id=groups["id"],
            section=section,
            subsection=groups.get("sub"),
            slug=groups.get("slug") or "",
            date=day,
        )
    return None


def canonical_url(url: str) -> str:
    """One URL per page: no fragment, no tracking parameters, the query sorted.

    (An article URL a profile recognises keeps no query at all: see :func:`match_article_path`.)
    """
    if _split(url) is None:
        return url
    cleaned = url_query_cleaner(url, _TRACKING_PARAMS, remove=True, keep_fragments=False)
    return canonicalize_url(cleaned, keep_fragments=False)


# Parameters that say how a reader came, not which page: campaigns', ad and social networks'
# click ids, Google's search-result id (srsltid), and the JoongAng site's search word.
_TRACKING_PARAMS = (
    "detailWord", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
    "fbclid", "gclid", "cloc", "ref", "srsltid",
)  # fmt: skip


def names_a_page(query: str) -> bool:
    """A URL's query says which page it is ("p=2895" of WordPress's plain links, "id=58354"),
    not only how the reader came (tracking parameters)."""
    return any(name not in _TRACKING_PARAMS for name, _ in parse_qsl(query, keep_blank_values=True))


def section_name(token: str, overrides: dict[str, str] | None = None) -> str:
    """A URL section token as people read it: ``socialAffairs`` -> ``Social Affairs``."""
    if overrides and token in overrides:
        return overrides[token]
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", token).replace("-", " ").replace("_", " ").split()
    return " ".join(word[:1].upper() + word[1:] for word in words)


def host_allowed(
    url: str, domains: list[str] | tuple[str, ...], ports: Mapping[str, frozenset[int]] | None = None
) -> bool:
    """The URL's host is one of ``domains`` or below one, on a port ``ports`` gives that
    domain (without ``ports``, or for a domain it does not name, the web's own: 80 and 443)."""
    parts = _split(url)
    host = (parts.hostname or "").lower() if parts is not None else ""
    domain = next((domain for domain in domains if host == domain or host.endswith("." + domain)), None)
    if not host or domain is None or parts is None:
        return False
    return ports is None or port_of(parts) in ports.get(domain, WEB_PORTS)


WEB_PORTS = frozenset({80, 443})


def port_of(parts: SplitResult) -> int | None:
    return parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def start_ports(start_urls: list[str]) -> dict[str, frozenset[int]]:
    """The ports each start URL's host may be crawled on: the one a start URL names, or the
    web's two when it names a default one (a site moves from http to https). Another port of
    the same host is another server, and off the site."""
    ports: dict[str, set[int]] = {}
    for url in start_urls:
        if (parts := _split(url)) is None or not parts.hostname:
            continue
        port = port_of(parts)
        ports.setdefault(parts.hostname.lower(), set()).update(WEB_PORTS if port in WEB_PORTS else {port or 0})
    return {host: frozenset(found) for host, found in ports.items()}
