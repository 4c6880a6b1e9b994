from __future__ import annotations

import gzip

import pytest

from newsbot.discovery.feeds import NotAFeed, UnsafeFeed, inflate, looks_like_feed, read_feed
from newsbot.discovery.listing import page_number, read_listing, same_listing
from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.extraction.html import parse_html
from newsbot.profiles import JOONGANG, JOONGANG_ILBO
from tests.conftest import FIXTURES

SITE = FixtureSite(FIXTURES)


def body(name: str) -> bytes:
    return next(page for page in SITE.pages if page.name == f"discovery/{name}").body()


def test_rss_items_with_dates() -> None:
    feed = read_feed(body("rss-joins"))
    assert feed.kind == "rss"
    assert len(feed.entries) == 4
    assert all(entry.date is not None and entry.date.utcoffset() is not None for entry in feed.entries)


def test_sitemap_index_points_to_sitemaps() -> None:
    feed = read_feed(body("sitemap-index"))
    assert feed.kind == "sitemapindex"
    assert [url.rsplit("/", 1)[-1] for url in feed.more] == ["sitemap-articles.xml", "sitemap-news.xml"]


def test_news_sitemap_keeps_publication_date() -> None:
    feed = read_feed(body("sitemap-news"))
    dated = {entry.url.rsplit("/", 1)[-1]: entry.date for entry in feed.entries}
    assert dated["2045871"] is not None and dated["2045871"].isoformat() == "2024-06-12T08:30:00+09:00"


def test_atom_feed() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
    <link rel="next" href="https://example.com/atom?page=2"/>
    <entry><title>T</title><link href="https://example.com/news/2025-01-02/national/politics/S/2300001"/>
    <published>2025-01-02T10:00:00+09:00</published></entry></feed>"""
    feed = read_feed(atom)
    assert feed.kind == "feed"
    assert feed.entries[0].url.endswith("/2300001")
    assert feed.more == ["https://example.com/atom?page=2"]


@pytest.mark.parametrize(
    "document",
    [
        b"<html><body>not a feed</body></html>",
        b"<?xml version='1.0'?><rss><channel><item>",
        b"",
    ],
)
def test_not_a_feed(document: bytes) -> None:
    with pytest.raises(NotAFeed):
        read_feed(document)


def test_entity_declarations_are_refused() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
    <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title>
    <link>https://example.com/news/2025-01-02/national/politics/S/2300001</link></item></channel></rss>"""
    with pytest.raises(UnsafeFeed):
        read_feed(bomb)


def test_feed_sniffing() -> None:
    assert looks_like_feed(body("rss-joins"))
    assert looks_like_feed(b"  <urlset xmlns='x'></urlset>")
    assert not looks_like_feed(b"<!DOCTYPE html><html></html>")


def test_listing_cards_dates_and_next_page() -> None:
    page = next(page for page in SITE.pages if page.name == "discovery/all-articles")
    listing = read_listing(parse_html(page.body()), page.url, JOONGANG)
    assert len(listing.entries) == 8
    assert all(entry.date is not None for entry in listing.entries)
    assert listing.next_pages == ["https://koreajoongangdaily.joins.com/section/allArticles?page=2"]


def test_listing_without_cards_still_finds_article_links() -> None:
    html = (
        b"<html><body><ul><li><a href='/news/2025-01-02/national/politics/S/2300001'>A story</a></li>"
        b"<li><a href='/section/national'>National</a></li></ul><a rel='next' href='?page=3'>Next</a></body></html>"
    )
    listing = read_listing(parse_html(html), "http://127.0.0.1:9/section/x?page=2", JOONGANG)
    assert [entry.url for entry in listing.entries] == [
        "http://127.0.0.1:9/news/2025-01-02/national/politics/S/2300001"
    ]
    assert listing.next_pages == ["http://127.0.0.1:9/section/x?page=3"]


def test_a_listing_s_numbered_pages_are_followed_whatever_their_markup() -> None:
    html = (
        b"<html><body><ul id='story_list'><li><a href='/article/25000001'>A story</a></li></ul>"
        b"<ul class='pagination'><li><a href='javascript:void(0);'>1</a></li><li><a href='?page=2'>2</a></li>"
        b"<li><a href='/politics?page=3'>3</a></li><li><a href='/society?page=2'>other section</a></li>"
        b"<li><a href='/politics?page=2&amp;sort=old'>another order</a></li></ul></body></html>"
    )
    listing = read_listing(parse_html(html), "https://www.joongang.co.kr/politics", JOONGANG_ILBO)
    assert listing.next_pages == [
        "https://www.joongang.co.kr/politics?page=2",
        "https://www.joongang.co.kr/politics?page=3",
    ]
    # From page 3, pages 1 and 2 are behind: only a higher number is followed.
    listing = read_listing(parse_html(html), "https://www.joongang.co.kr/politics?page=3", JOONGANG_ILBO)
    assert listing.next_pages == []


@pytest.mark.parametrize(
    ("url", "listing", "number", "same"),
    [
        ("https://www.joongang.co.kr/politics?page=2", "https://www.joongang.co.kr/politics", 2, True),
        ("https://www.joongang.co.kr/politics/nk?page=2", "https://www.joongang.co.kr/politics", 2, False),
        (
            "https://news.joins.com/politics/list/2?filter=OnlyJoongang",
            "https://news.joins.com/politics/list/1?filter=OnlyJoongang",
            2,
            True,
        ),
        (
            "https://news.joins.com/politics/list/2?filter=All",
            "https://news.joins.com/politics/list/1?filter=OnlyJoongang",
            2,
            False,
        ),
        ("https://example.com/news/page/3/", "https://example.com/news/", 3, True),
        ("https://example.com/?p=123", "https://example.com/", None, False),  # WordPress: a post
        (
            "https://www.joongang.co.kr/politics?page=2&cloc=joongang-section",
            "https://www.joongang.co.kr/politics",
            2,
            True,
        ),
        ("https://www.joongang.co.kr/politics/list?page=2", "https://www.joongang.co.kr/politics", 2, True),
        ("https://www.joongang.co.kr/article/25012345", "https://www.joongang.co.kr/politics", None, False),
    ],
)
def test_page_numbers_of_listing_urls(url: str, listing: str, number: int | None, same: bool) -> None:
    assert page_number(url) == number
    assert same_listing(url, listing) is same


def test_listing_links_no_browser_would_follow_are_passed_over() -> None:
    html = (
        b"<html><body><a href='http://['>broken</a><a href='javascript:void(0)'>menu</a>"
        b"<a href=' /news/2025-01-02/national/politics/S/2300001 '>A story</a>"
        b"<a rel='next' href='mailto:desk@example.com'>Next</a></body></html>"
    )
    listing = read_listing(parse_html(html), "http://127.0.0.1:9/section/x", JOONGANG)
    assert [entry.url for entry in listing.entries] == [
        "http://127.0.0.1:9/news/2025-01-02/national/politics/S/2300001"
    ]
    assert listing.next_pages == []


def test_a_gzip_sitemap_inflates_within_the_download_limit() -> None:
    sitemap = b"<urlset><url><loc>https://example.com/a</loc></url></urlset>"
    assert inflate(gzip.compress(sitemap), max_size=1000) == sitemap
    assert inflate(gzip.compress(sitemap), max_size=0) == sitemap  # 0: no limit, as DOWNLOAD_MAXSIZE
    with pytest.raises(UnsafeFeed, match="inflating past"):
        inflate(gzip.compress(b" " * 5000), max_size=1000)
    with pytest.raises(NotAFeed, match="damaged gzip"):
        inflate(b"\x1f\x8b\x08garbage", max_size=1000)
