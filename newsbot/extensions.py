"""Crawl-level bookkeeping: drop reasons into stats, and one summary line at the close."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

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
        self.stats.inc_value("newsbot/records")

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        reason = exception.reason if isinstance(exception, NewsbotDrop) else type(exception).__name__
        self.stats.inc_value(f"newsbot/dropped/{reason}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        logger.info("newsbot: %s", summary_line(self.stats.get_stats(), reason))


def _group(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix) :]: value for key, value in sorted(stats.items()) if key.startswith(prefix)}


def summary_line(stats: dict[str, Any], reason: str) -> str:
    dropped = _group(stats, "newsbot/dropped/")
    chrome = sum(_group(stats, "newsbot/chrome/").values())
    captions = stats.get("newsbot/captions/removed", 0) + stats.get("newsbot/captions/pruned", 0)
    dropped_text = ", ".join(f"{name}={count}" for name, count in dropped.items()) or "none"
    return (
        f"{stats.get('newsbot/records', 0)} records written; dropped: {dropped_text}; "
        f"generic path: {stats.get('newsbot/layout/generic', 0)}; captions removed: {captions}; "
        f"chrome removed: {chrome}; finish reason: {reason}"
    )
