"""Section listings: article links (with the card's date where there is one) and the next page."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from newsbot.discovery.feeds import Entry
from newsbot.discovery.urls import absolute_url
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
        if url := absolute_url(anchor.get("href") or "", base_url):
            listing.next_pages.append(url)
    return listing
