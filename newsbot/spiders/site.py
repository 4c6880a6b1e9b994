"""The crawl of one site profile: find its articles and hand their pages to the pipelines.

Start URLs may be article pages, section listings, RSS/Atom feeds or sitemaps: each response
is recognised by its content, not by where it was listed. One spider per profile is made from
this class (``newsbot.spiders.sites``); the profile says what an article URL looks like, where
a crawl starts and in which timezone the site prints its dates.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Self
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DontCloseSpider,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsbot.discovery.feeds import GZIP_MAGIC, Entry, NotAFeed, UnsafeFeed, inflate, looks_like_feed, read_feed
from newsbot.discovery.listing import read_listing
from newsbot.discovery.urls import ArticleUrl, absolute_url, canonical_url, host_allowed, start_ports
from newsbot.errors import EmptyPage
from newsbot.extensions.shutdown import ShutdownCancelled
from newsbot.extraction.html import parse_html
from newsbot.items import Page
from newsbot.profiles import GENERIC, SiteProfile, profile_for_url
from newsbot.spiders.arguments import CrawlArguments
from newsbot.stores.frontier import release
from newsbot.stores.seen import store_for
from newsbot.text.dates import aware

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Request meta key: an article request, counted against `limit` while it is in flight.
_ARTICLE = "newsbot_article"


class SiteSpider(scrapy.Spider):
    """Crawl a site profile's articles: ``scrapy crawl <profile> [-a ARGUMENT=VALUE ...]``.

    Arguments:
      start_urls  comma-separated article pages, section listings, feeds or sitemaps
                  (default: the profile's own ways in)
      since       skip articles published before this date or ISO 8601 timestamp
      until       skip articles published after it (a date includes its whole day)
      limit       write at most this many records

    ``scrapy crawl -h`` lists the exit codes.
    """

    #: Set by each profile's spider class (``newsbot.spiders.sites``).
    profile: SiteProfile = GENERIC
    #: Pages come from the start URLs (a spider reading archives has none).
    needs_start_urls = True

    def profile_for(self, url: str) -> SiteProfile:
        """The profile the pipelines read a page of this crawl with: the spider's own, or for the
        generic spider the profile of the page's site (a Daily page reached through a feed given
        to ``news`` is read as ``joongang`` reads it, as ``warc`` does)."""
        return profile_for_url(url) if self.profile is GENERIC else self.profile

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        # HTTP errors reach the callbacks, which count and log each once (instead of Scrapy's
        # "Ignoring response" line plus newsbot's own).
        settings.set("HTTPERROR_ALLOW_ALL", True, priority="spider")
        if settings.get("NEWSBOT_REDIS_URL"):
            # A shared frontier dedupes in Redis, across every worker.
            settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="spider")
        else:
            # newsbot dedupes by article id and discovery URL itself (below). Scrapy's fingerprint
            # filter would also drop, on a resumed crawl, requests that were in flight when it
            # died. dont_filter is no substitute: it also lets a request go off-site.
            settings.set("DUPEFILTER_CLASS", "scrapy.dupefilters.BaseDupeFilter", priority="spider")

    def __init__(
        self,
        start_urls: str | Iterable[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: str | int | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        # Scrapyd passes _job and any other -d arguments as keyword arguments: accept them.
        super().__init__(*args, **kwargs)
        self.argument_error: str | None = self._unknown_arguments(kwargs)
        self.since: datetime | None = None
        self.until: datetime | None = None
        self.limit: int | None = None
        try:
            arguments = self._parse_arguments(start_urls, since, until, limit)
        except ValueError as error:
            self.argument_error = self.argument_error or str(error)
            arguments = CrawlArguments.parse(None, None, None, None, self.profile.start_urls, self.profile.tz)
        self.start_urls = list(arguments.start_urls)
        self.since, self.until, self.limit = arguments.since, arguments.until, arguments.limit
        hosts = {urlsplit(url).hostname or "" for url in self.start_urls} | set(self.profile.hosts)
        # Only the site and the hosts the user pointed at are followed (OffsiteMiddleware).
        self.allowed_domains = sorted(host for host in hosts if host)
        # ... and on the ports the start URLs name (the web's two for the site's own hosts).
        self.allowed_ports = start_ports(self.start_urls)
        # SiteProfile.article_key -> the first URL asked for it.
        self.requested: dict[str, str] = {}
        # With `limit`: article requests out (or their pages in the pipelines), and those held
        # back until a record more is wanted. Scheduling stops at the limit, not after it.
        self.in_flight = 0
        self.waiting: deque[scrapy.Request] = deque()
        self.discovery_urls: set[str] = set()
        # Responses that reached a callback, and requests that failed outright.
        self.responses = 0
        self.failures = 0

    #: The ``-a`` arguments this spider takes (Scrapyd adds its own, such as ``_job``).
    arguments: tuple[str, ...] = ("start_urls", "since", "until", "limit")

    @classmethod
    def _unknown_arguments(cls, arguments: dict[str, Any]) -> str | None:
        unknown = sorted(name for name in arguments if name not in cls.arguments and not name.startswith("_"))
        if not unknown:
            return None
        return f"unknown argument {', '.join(unknown)} (this spider takes {', '.join(cls.arguments)})"

    @classmethod
    def check_arguments(cls, arguments: dict[str, str]) -> str | None:
        """What is wrong with these spider arguments, or None; checked before any output is opened."""
        if (unknown := cls._unknown_arguments(arguments)) is not None:
            return unknown
        try:
            cls._parse_arguments(
                arguments.get("start_urls"), arguments.get("since"), arguments.get("until"), arguments.get("limit")
            )
        except ValueError as error:
            return str(error)
        return None

    @classmethod
    def _parse_arguments(
        cls, start_urls: str | Iterable[str] | None, since: str | None, until: str | None, limit: str | int | None
    ) -> CrawlArguments:
        """The arguments as values, in the site's timezone; ``ValueError`` says what is wrong."""
        arguments = CrawlArguments.parse(start_urls, since, until, limit, cls.profile.start_urls, cls.profile.tz)
        if not arguments.start_urls and cls.needs_start_urls:
            raise ValueError(f"the {cls.name} spider knows no site of its own: give -a start_urls=URL[,URL...]")
        return arguments

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        for name in _SIZE_LOGGERS:
            logging.getLogger(name).addFilter(_quiet_size_warnings)
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_robots_error_in_one_line)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(spider.on_item_done, signal=signal)
        return spider

    def on_idle(self) -> None:
        # A crawl that reached nothing at all is a failed job, not a quiet success.
        if self.responses == 0 and self.failures > 0:
            logger.error("newsbot: none of the start URLs could be fetched: %s", ", ".join(self.start_urls))
            raise CloseSpider("start_urls_unreachable")
        # Pages were dropped (duplicates, empty, out of range): the limit wants more articles.
        released = False
        while self.waiting and self._room_for_more():
            self.in_flight += 1
            self.crawler.engine.crawl(self.waiting.popleft())
            released = True
        if released:
            raise DontCloseSpider

    def on_item_done(self, response: Response | None = None, **_: Any) -> None:
        if isinstance(response, Response):
            self._article_done(response.meta)

    def _article_done(self, meta: dict[str, Any]) -> None:
        if meta.get(_ARTICLE):
            self.in_flight = max(0, self.in_flight - 1)

    def _room_for_more(self) -> bool:
        if self.limit is None:
            return True
        written: int = self.crawler.stats.get_value("item_scraped_count", 0)
        return written + self.in_flight < self.limit

    async def start(self) -> AsyncIterator[Any]:
        if self.argument_error is not None:
            logger.error("newsbot: bad spider argument: %s", self.argument_error)
            raise CloseSpider("bad_argument")
        self._check_output()
        for url in self.start_urls:
            if self.profile_for(url).article_url(url) is not None:
                request = self._article_request(Entry(url), source="start_urls")
                if request is not None:
                    yield request
            elif (request := self._discovery_request(url)) is not None:
                yield request

    def _check_output(self) -> None:
        settings = self.crawler.settings
        if default := settings.get("NEWSBOT_DEFAULT_FEED"):
            logger.info("newsbot: no feed configured; records go to %s", default)
        if settings.getbool("NEWSBOT_FEEDS_APPENDED"):
            logger.info("newsbot: resuming the job in %s: feeds are appended to, not overwritten", settings["JOBDIR"])
        if not settings.getdict("FEEDS") and settings.getbool("NEWSBOT_REQUIRE_OUTPUT", True):
            logger.error(
                "newsbot: no feed and no log file: the records would go nowhere; give -O FILE (or -o FILE), "
                "or set NEWSBOT_REQUIRE_OUTPUT=False when a pipeline of your own stores them"
            )
            raise CloseSpider("no_output")

    # Discovery -----------------------------------------------------------------------------

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request | Page]:
        """A listing, a feed or a sitemap: which one is told by the body."""
        if self._http_error("newsbot/discovery/failed", response):
            return
        self.responses += 1
        site = self.profile_for(response.url)
        if site.article_url(response.url) is not None:
            yield from self._page(response, source=None)
            return
        if site.any_page_is_an_article and self._is_html(response) and not looks_like_feed(response.body):
            # A profile that cannot tell article URLs reads listings not at all: an HTML start
            # URL is an article page (feeds and sitemaps list the rest).
            self.crawler.stats.inc_value("newsbot/discovery/article_start_url")
            yield from self._page(response, source=None)
            return
        if (unpacked := self._unpacked(response)) is not None:
            yield from self._discover(unpacked)
        # Its links are queued by now: a shared frontier may forget this page.
        release(self.crawler, response.request)

    def _unpacked(self, response: Response) -> Response | None:
        """The response with its body inflated when it is a gzip file (``sitemap.xml.gz``, as the
        sitemap protocol allows, served without a Content-Encoding); None when it cannot be."""
        if not response.body.startswith(GZIP_MAGIC):
            return response
        try:
            return response.replace(body=inflate(response.body, self.crawler.settings.getint("DOWNLOAD_MAXSIZE")))
        except UnsafeFeed as error:
            self._count("newsbot/discovery/unsafe_xml", response.url, str(error))
        except NotAFeed as error:
            self._count("newsbot/discovery/unreadable", response.url, str(error))
        return None

    def _discover(self, response: Response) -> Iterator[scrapy.Request | Page]:
        if looks_like_feed(response.body):
            yield from self._parse_feed(response)
        elif self._is_html(response):
            yield from self._parse_listing(response)
        else:
            self._count("newsbot/discovery/unreadable", response.url, "neither HTML nor a feed")

    def _parse_feed(self, response: Response) -> Iterator[Any]:
        try:
            feed = read_feed(response.body)
        except UnsafeFeed as error:
            self._count("newsbot/discovery/unsafe_xml", response.url, str(error))
            return
        except NotAFeed as error:
            self._count("newsbot/discovery/unreadable", response.url, str(error))
            return
        self.crawler.stats.inc_value(f"newsbot/discovery/{feed.kind}")
        for url in feed.more:
            if (request := self._discovery_request(response.urljoin(url))) is not None:
                yield request
        yield from self._follow_entries(response, feed.entries)

    def _parse_listing(self, response: Response) -> Iterator[Any]:
        try:
            # The bytes, as for an article page: parse_html's decoding survives a wrong charset.
            tree = parse_html(response.body, _content_type(response) or None)
        except EmptyPage as error:
            self._count("newsbot/discovery/unreadable", response.url, str(error))
            return
        listing = read_listing(tree, response.url, self.profile_for(response.url))
        self.crawler.stats.inc_value("newsbot/discovery/listing")
        yield from self._follow_entries(response, listing.entries)
        dated = [aware(entry.date, self.profile.tz) for entry in listing.entries if entry.date is not None]
        # Listings run newest first: once a whole page is older than `since`, stop paging.
        if self.since is not None and dated and max(dated) + timedelta(days=1) <= self.since:
            return
        # Enough articles are waiting to reach the limit: further pages would only add more.
        if self.limit is not None and len(self.waiting) >= self.limit:
            return
        for url in listing.next_pages:
            if (request := self._discovery_request(url)) is not None:
                yield request

    def _web_url(self, href: str, base: str) -> str | None:
        """``href`` made absolute, or None, counted as a bad link, when it is no http(s) address a
        browser would follow (a port out of range or not a number, file://, ftp://)."""
        if (url := absolute_url(href, base)) is None:
            self._count("newsbot/skipped/bad_link", href, "not an http(s) address a browser would follow")
        return url

    def _discovery_request(self, url: str) -> scrapy.Request | None:
        if (web := self._web_url(url, url)) is None:
            return None
        url = canonical_url(web)
        if url in self.discovery_urls or not self._allowed(url):
            return None  # a listing that links back to an earlier page, or to another site
        self.discovery_urls.add(url)
        return scrapy.Request(url, callback=self.parse, errback=self.on_discovery_error)

    def allows(self, url: str) -> bool:
        """The URL is on the crawl's site: a host and a port it was pointed at."""
        return host_allowed(url, self.allowed_domains, self.allowed_ports)

    def _allowed(self, url: str) -> bool:
        # OffsiteDownloaderMiddleware checks again, redirects included; this keeps the queue clean.
        if self.allows(url):
            return True
        self.crawler.stats.inc_value("newsbot/skipped/offsite")
        return False

    def _follow_entries(self, response: Response, entries: list[Entry]) -> Iterator[scrapy.Request]:
        for entry in entries:
            # One bad link is one skip; the rest go on.
            if (url := self._web_url(entry.url, response.url)) is None:
                continue
            request = self._article_request(replace(entry, url=url), source=response.url)
            if request is not None:
                yield request

    def _article_url(self, url: str) -> ArticleUrl | None:
        # The news spider asks the page's own site: a Daily or Ilbo section given to it is a
        # listing, as it is to their own spiders.
        site = self.profile_for(url)
        if (info := site.article_url(url)) is not None:
            return info
        if not site.any_page_is_an_article:
            return None
        canonical = canonical_url(url)
        return ArticleUrl(canonical, "any", canonical, "", None, "", None)

    def _article_request(self, entry: Entry, source: str) -> scrapy.Request | None:
        info = self._article_url(entry.url)
        if info is None or not self._allowed(info.url):
            return None
        key = self.profile_for(info.url).article_key(info.url, info.article_id)
        if (first := self.requested.get(key)) is not None:
            self.crawler.stats.inc_value("newsbot/discovery/duplicate_links")
            if first != info.url:  # another URL of an article already asked for: worth a line
                logger.info("newsbot: <%s> is article %s again, first seen as <%s>: fetched once", info.url, key, first)
            return None
        store = store_for(self.crawler)
        if store is not None and store.written_in_this_job(key):
            self.crawler.stats.inc_value("newsbot/skipped/already_written")
            return None
        day = entry.date or info.date
        if day is not None and not self._in_range(day):
            self.crawler.stats.inc_value("newsbot/skipped/out_of_range")
            return None
        self.requested[key] = info.url
        request = scrapy.Request(
            info.url,
            callback=self.parse_article,
            errback=self.on_article_error,
            cb_kwargs={"listed": entry.date, "source": source},
            meta={_ARTICLE: True},
        )
        if not self._room_for_more():
            self.waiting.append(request)
            return None
        self.in_flight += 1
        return request

    def _in_range(self, day: datetime) -> bool:
        # A listing or URL date is a calendar day: keep the story if any part of that day is in range.
        start = aware(day, self.profile.tz).replace(hour=0, minute=0, second=0, microsecond=0)
        end = start + timedelta(days=1)
        return not ((self.since and end <= self.since) or (self.until and start > self.until))

    # Articles ------------------------------------------------------------------------------

    def parse_article(
        self, response: Response, listed: datetime | None = None, source: str | None = None
    ) -> Iterator[Page]:
        if self._http_error("newsbot/dropped", response):
            self._article_done(response.meta)
            return
        self.responses += 1
        yield from self._page(response, source, listed)

    def _http_error(self, prefix: str, response: Response) -> bool:
        if response.status < 400:
            return False
        release(self.crawler, response.request)
        self.failures += 1
        self._count(f"{prefix}/http_{response.status}", response.url, f"HTTP {response.status}")
        return True

    def _page(self, response: Response, source: str | None, listed: datetime | None = None) -> Iterator[Page]:
        if not self._is_html(response):
            self._article_done(response.meta)
            release(self.crawler, response.request)
            self._count("newsbot/dropped/not_html", response.url, _content_type(response) or "no type")
            return
        # The raw bytes: Scrapy trusts the HTTP charset, which this site sometimes gets wrong.
        yield Page(response.url, response.body, _content_type(response) or None, listed, source)

    @staticmethod
    def _is_html(response: Response) -> bool:
        if not isinstance(response, TextResponse):
            return False
        content_type = _content_type(response).lower()
        if content_type:
            return any(kind in content_type for kind in HTML_TYPES)
        return b"<html" in response.body[:2048].lower()

    # Failures: counted, logged once --------------------------------------------------------

    def on_article_error(self, failure: Failure) -> None:
        if (request := getattr(failure, "request", None)) is not None:
            self._article_done(request.meta)
        self._failure("newsbot/dropped", failure)

    def on_discovery_error(self, failure: Failure) -> None:
        self._failure("newsbot/discovery/failed", failure)

    def _failure(self, prefix: str, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        if isinstance(failure.value, ShutdownCancelled):
            # Not fetched because the crawl is stopping: no drop, and a shared frontier keeps
            # its lease, so the request goes back to the queue for a resume or another worker.
            logger.debug("newsbot: %s", failure.value)
            return
        self.failures += 1
        release(self.crawler, request)
        url = request.url if request is not None else "?"
        detail = f"{type(failure.value).__name__}: {failure.value}"
        self._count(f"{prefix}/{failure_reason(failure.value)}", url, detail)

    def _count(self, key: str, url: str, detail: str) -> None:
        self.crawler.stats.inc_value(key)
        logger.warning("newsbot: %s <%s>: %s", key.rsplit("/", 1)[-1], url, detail)


# Scrapy warns of a body over DOWNLOAD_MAXSIZE (by its Content-Length, or inflated) before the
# spider's errback logs the page as too_large: one line is enough.
_SIZE_LOGGERS = ("scrapy.core.downloader.handlers.http11", "scrapy.downloadermiddlewares.httpcompression")


def _quiet_size_warnings(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    return "download max size" not in message and "DOWNLOAD_MAXSIZE" not in message


def _robots_error_in_one_line(record: logging.LogRecord) -> bool:
    """A robots.txt that cannot be fetched is one warning line, not a traceback: Scrapy then
    reads the site as if it allowed everything, and a page that fails too is logged on its own."""
    if record.exc_info and record.levelno >= logging.ERROR:
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
    return True


def _content_type(response: Response) -> str:
    return (response.headers.get("Content-Type") or b"").decode("latin-1")


_FAILURES: tuple[tuple[type[BaseException], str], ...] = (
    (DownloadTimeoutError, "timeout"),
    (TimeoutError, "timeout"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (CannotResolveHostError, "dns_error"),
    (DownloadCancelledError, "too_large"),
    (ResponseDataLossError, "truncated"),
    (DownloadFailedError, "connection_lost"),
)


def failure_reason(error: BaseException | None) -> str:
    """The stats key suffix of a request that produced no response to parse."""
    if isinstance(error, HttpError):  # only when a user's settings switch HTTPERROR_ALLOW_ALL off
        return f"http_{error.response.status}"
    if isinstance(error, IgnoreRequest):
        text = str(error)
        if "DOWNLOAD_MAXSIZE" in text:  # a compressed body that inflates past it: a gzip bomb
            return "too_large"
        return "redirect_loop" if "redirections" in text else "offsite" if "offsite" in text else "ignored"
    return next((reason for kind, reason in _FAILURES if isinstance(error, kind)), "download_error")
