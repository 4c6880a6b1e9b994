"""RSS, Atom, XML sitemaps and Google News sitemaps: the links they hold, with their dates."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime

from lxml import etree

from newsbot.text.dates import parse_iso


@dataclass(frozen=True)
class Entry:
    url: str
    #: When the feed says the article was published, if it says (naive when it gives no offset).
    date: datetime | None = None


@dataclass
class Feed:
    kind: str
    entries: list[Entry] = field(default_factory=list)
    #: Child sitemaps of a sitemap index, and feed pages that continue this one.
    more: list[str] = field(default_factory=list)


class NotAFeed(ValueError):
    """The document is not RSS, Atom or a sitemap (or not well-formed XML)."""


class UnsafeFeed(NotAFeed):
    """The document declares entities (a feed has no need of them, an expansion attack does), or
    it is a gzip file that inflates past the download limit."""


# No DTDs, no entity expansion, no network: a feed is data, never instructions to the parser.
def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


_FEED_ROOTS = {"rss", "feed", "urlset", "sitemapindex", "RDF"}


#: The first bytes of a gzip file: a sitemap may be one (``sitemap.xml.gz``).
GZIP_MAGIC = b"\x1f\x8b"


def inflate(body: bytes, max_size: int) -> bytes:
    """A gzip file's content, of at most ``max_size`` bytes (0: no limit).

    Raises UnsafeFeed when it inflates past that (a gzip bomb is a few KB that inflate to
    gigabytes), NotAFeed when it is no gzip stream. A cut file gives what it holds.
    """
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # with the gzip header
    try:
        content = inflater.decompress(body, max_size + 1 if max_size else 0)
    except zlib.error as error:
        raise NotAFeed(f"a damaged gzip file ({error})") from None
    if max_size and len(content) > max_size:
        raise UnsafeFeed(f"a gzip file inflating past {max_size} bytes (DOWNLOAD_MAXSIZE)")
    return content


def looks_like_feed(body: bytes) -> bool:
    """A cheap sniff of the first bytes, before parsing."""
    head = body[:512].lstrip().lower()
    return head.startswith(b"<?xml") or any(head.startswith(b"<" + root.lower().encode()) for root in _FEED_ROOTS)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child_text(element: etree._Element, *names: str) -> str | None:
    for child in element.iter():
        if _local(child) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    # A date without an offset stays naive: the crawl reads it in its site's timezone.
    value = parse_iso(text, None)
    if value is not None:
        return value
    try:
        return parsedate_to_datetime(text)  # RSS uses RFC 822 dates
    except (TypeError, ValueError):
        return None


def read_feed(body: bytes) -> Feed:
    # Refused before parsing, so a billion-laughs document costs a substring search.
    if b"<!ENTITY" in body[:65536].upper():
        raise UnsafeFeed("the document declares XML entities; refused")
    try:
        root = etree.fromstring(body, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise NotAFeed(f"not well-formed XML: {error}") from None
    if root is None:
        raise NotAFeed("empty document")
    kind = _local(root)
    feed = Feed(kind)
    if kind == "sitemapindex":
        feed.more = [loc for sitemap in root if (loc := _child_text(sitemap, "loc"))]
    elif kind == "urlset":
        for url in root:
            if loc := _child_text(url, "loc"):
                # news:publication_date says when the story ran; lastmod only when the file changed.
                date = _date(_child_text(url, "publication_date")) or _date(_child_text(url, "lastmod"))
                feed.entries.append(Entry(loc, date))
    elif kind in ("rss", "RDF"):
        for item in root.iter():
            if _local(item) == "item" and (link := _child_text(item, "link", "guid")):
                date = _date(_child_text(item, "pubDate", "date"))
                feed.entries.append(Entry(link, date))
    elif kind == "feed":
        for entry in root:
            if _local(entry) != "entry":
                continue
            links = [el for el in entry if _local(el) == "link" and el.get("rel", "alternate") == "alternate"]
            if links and (href := links[0].get("href")):
                date = _date(_child_text(entry, "published")) or _date(_child_text(entry, "updated"))
                feed.entries.append(Entry(href, date))
        feed.more = [el.get("href") or "" for el in root if _local(el) == "link" and el.get("rel") == "next"]
    else:
        raise NotAFeed(f"unknown XML document <{kind}>")
    return feed
