"""Section listings: article links (with the card's date where there is one) and the later pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from newsbot.discovery.feeds import Entry
from newsbot.discovery.urls import absolute_url, canonical_url
from newsbot.extraction.html import text_of
from newsbot.profiles.base import SiteProfile
from newsbot.text.dates import parse_date


@dataclass
class Listing:
    entries: list[Entry] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def read_listing(tree: etree._Element, base_url: str, profile: SiteProfile) -> Listing:
    listing = Listing()
    seen: set[str] = set()
    selectors = profile.xpaths
    # Cards first: they carry a date, which lets since/until skip a story before downloading it.
    for card in selectors["card"](tree):
        links = selectors["card_link"](card)
        url = absolute_url(links[0].get("href") or "", base_url) if links else None
        if url is None:
            continue
        dates = selectors["card_date"](card)
        found = parse_date(text_of(dates[0]), profile.tz) if dates else None
        if profile.article_url(url) is not None and url not in seen:
            seen.add(url)
            listing.entries.append(Entry(url, found.value if found else None))
    # Then any other link to an article, wherever the template puts it.
    for anchor in tree.iter("a"):
        url = absolute_url(anchor.get("href") or "", base_url)
        if url is not None and url not in seen and profile.article_url(url) is not None:
            seen.add(url)
            listing.entries.append(Entry(url))
    for anchor in selectors["next_page"](tree):
        if (url := absolute_url(anchor.get("href") or "", base_url)) and url not in listing.next_pages:
            listing.next_pages.append(url)
    # Then the listing's own numbered pages, whatever their markup: a link to this listing's
    # address with a higher page number ("?page=3", "/list/3"), relative or not.
    here = page_number(base_url)
    for anchor in tree.iter("a"):
        url = absolute_url(anchor.get("href") or "", base_url)
        if url is None or url in listing.next_pages:
            continue
        number = page_number(url)
        if number is not None and number > (here or 1) and same_listing(url, base_url):
            listing.next_pages.append(url)
    return listing


# Query parameters that number a listing's pages, as news CMSs name them ("p" is not one: on
# WordPress "?p=123" names a post).
_PAGE_PARAMS = frozenset({"page", "pg", "pgi", "pageno", "page_no", "pagenum", "pageindex", "paged", "cpage"})
# A path that ends in a page number: "/page/3", "/list/3", "/politics/3" does not count.
_PAGE_PATH = re.compile(r"/(?:page|list|p)/(?P<n>\d{1,5})/?$", re.IGNORECASE)


def page_number(url: str) -> int | None:
    """The page number a listing URL names, or None when it names none."""
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _PAGE_PARAMS and value.isdigit() and len(value) <= 5:
            return int(value)
    match = _PAGE_PATH.search(parts.path)
    return int(match["n"]) if match else None


def _listing_key(url: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """The URL without its page number or tracking parameters (``cloc``, ``utm_*``): host, path
    and the other query parameters."""
    parts = urlsplit(canonical_url(url))
    path = _PAGE_PATH.sub("", parts.path).rstrip("/") or "/"
    if path.lower().endswith(("/list", "/page")) and not _PAGE_PATH.search(parts.path):
        path = path.rsplit("/", 1)[0] or "/"  # "/list" before its first number is page 1's address
    query = tuple(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _PAGE_PARAMS)
    )
    return (parts.netloc.lower(), path, query)


def same_listing(url: str, base_url: str) -> bool:
    """``url`` is a page of the listing at ``base_url``: the same address but for the page number."""
    return _listing_key(url) == _listing_key(base_url)
