"""Scrapy's feed exports, where a record counts as written only once its line is in every feed.

Scrapy's ``FeedExporter`` writes a record in an ``item_scraped`` handler. When the write fails
(a full disk, a lost mount) the error is logged as a traceback and every other handler of
the signal runs on: the crawl reports the record written, the seen-store marks it, and a
resume skips it for good. Here a failed write closes the crawl at once (``feed_error``), with
one error line, and only records that reached every feed are announced as
:data:`newsbot.signals.record_written`.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter as ScrapyFeedExporter
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro

from newsbot.signals import record_written

logger = logging.getLogger(__name__)

FEED_ERROR = "feed_error"


class FeedExporter(ScrapyFeedExporter):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        try:
            exporter = super().from_crawler(crawler)
        except NotConfigured:
            # No feed: a pipeline of the project stores the records (NEWSBOT_REQUIRE_OUTPUT off).
            # Every scraped record is then as written as it will get.
            crawler.signals.connect(_announce(crawler), signal=signals.item_scraped, weak=False)
            raise
        return exporter

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.failed = False

    def item_scraped(self, item: Any, spider: Spider, response: Response | None = None) -> None:
        if self.failed:
            return  # the crawl is closing; what is left is written by the resume
        try:
            super().item_scraped(item, spider)
        except OSError as error:
            self.failed = True
            self._fail(error)
            return
        self.crawler.signals.send_catch_log(signal=record_written, item=item, response=response)

    def _fail(self, error: OSError) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("newsbot/feed/error", str(error))
        logger.error(
            "newsbot: the feed cannot be written (%s); closing the crawl. Records written so far are "
            "whole; free the space and run the same command (with its JOBDIR) to write the rest",
            error,
        )
        if self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=FEED_ERROR))


def _announce(crawler: Crawler) -> Any:
    def announce(item: Any, response: Response | None = None) -> None:
        crawler.signals.send_catch_log(signal=record_written, item=item, response=response)

    return announce
