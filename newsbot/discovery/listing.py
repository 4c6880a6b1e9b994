"""Section listings: article links (with the card's date where there is one) and the next page."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from newsbot.discovery.feeds import Entry
from newsbot.discovery.urls import is_article_url
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
        href = links[0].get("href") if links else None
        if not href:
            continue
        url = urljoin(base_url, href)
        dates = selectors["card_date"](card)
        found = parse_date(text_of(dates[0])) if dates else None
        if is_article_url(url) and url not in seen:
            seen.add(url)
            listing.entries.append(Entry(url, found.value if found else None))
    # Then any other link to an article, wherever the template puts it.
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href:
            continue
        url = urljoin(base_url, href.strip())
        if url not in seen and is_article_url(url):
            seen.add(url)
            listing.entries.append(Entry(url, None, text_of(anchor) or None))
    for anchor in selectors["next_page"](tree):
        if href := anchor.get("href"):
            listing.next_pages.append(urljoin(base_url, href.strip()))
    return listing
