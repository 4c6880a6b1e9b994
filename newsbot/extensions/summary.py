"""Crawl-level bookkeeping: drop reasons into stats, and one summary line at the close."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from scrapy.utils.asyncio import create_looping_call

import newsbot
from newsbot.pipelines.drops import NewsbotDrop
from newsbot.signals import record_written

logger = logging.getLogger(__name__)


class CrawlSummary:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlSummary:
        assert crawler.stats is not None
        extension = cls(crawler.stats)
        crawler.signals.connect(extension.item_scraped, signal=record_written)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        # Which copy of newsbot runs (an installed package, a Scrapyd egg) is worth one line.
        logger.info("newsbot %s from %s", newsbot.__version__, Path(newsbot.__file__).parent)

    def item_scraped(self, item: Any) -> None:
        # newsbot's records only: a project's own spiders may yield other items beside them.
        if isinstance(item, dict) and "articleId" in item:
            self.stats.inc_value("newsbot/records")

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        reason = exception.reason if isinstance(exception, NewsbotDrop) else type(exception).__name__
        self.stats.inc_value(f"newsbot/dropped/{reason}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        logger.info("newsbot: %s", summary_line(self.stats.get_stats(), reason))


class CrawlProgress:
    """One line every ``NEWSBOT_PROGRESS_INTERVAL`` seconds (10; 0 turns it off) while a crawl
    runs: pages fetched, records written, pages dropped, pages/s, and how far ``limit`` is.

    Scrapy's own stats line comes every minute, so a short crawl said nothing until its end.
    """

    def __init__(self, crawler: Crawler, interval: float) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self.interval = interval
        self.task: Any = None
        self.started = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        interval = crawler.settings.getfloat("NEWSBOT_PROGRESS_INTERVAL", 10.0)
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.task = create_looping_call(self.log)
        self.task.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()

    def log(self) -> None:
        logger.info("newsbot: %s", self.line(time.monotonic() - self.started))

    def line(self, seconds: float) -> str:
        stats = self.stats.get_stats()
        pages = stats.get("response_received_count", 0)
        dropped = sum(_group(stats, "newsbot/dropped/").values())
        line = (
            f"{pages} pages fetched, {_records(stats.get('newsbot/records', 0))} written, {dropped} dropped, "
            f"{pages / seconds if seconds > 0 else 0.0:.1f} pages/s"
        )
        limit = getattr(self.crawler.spider, "limit", None)
        if isinstance(limit, int) and limit > 0:
            line += f", limit {stats.get('newsbot/records', 0)}/{limit}"
        return line


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"


def _group(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix) :]: value for key, value in sorted(stats.items()) if key.startswith(prefix)}


def summary_line(stats: dict[str, Any], reason: str) -> str:
    dropped = _group(stats, "newsbot/dropped/")
    chrome = sum(_group(stats, "newsbot/chrome/").values())
    captions = stats.get("newsbot/captions/removed", 0) + stats.get("newsbot/captions/pruned", 0)
    dropped_text = ", ".join(f"{name}={count}" for name, count in dropped.items()) or "none"
    return (
        f"{_records(stats.get('newsbot/records', 0))} written; dropped: {dropped_text}; "
        f"generic path: {stats.get('newsbot/layout/generic', 0)}; captions removed: {captions}; "
        f"chrome removed: {chrome}; finish reason: {reason}"
    )
