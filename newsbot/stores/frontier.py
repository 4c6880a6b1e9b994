"""Several crawlers, one frontier: the Redis side of ``NEWSBOT_REDIS_URL``.

scrapy-redis shares the request queue and the fingerprint dupefilter. Its queues pop for
good, so a worker killed mid-crawl would take the requests it was working on with it; the
queue here leases them instead. A popped request stays in a lease set until the worker has
finished with it (its record written or dropped, its links queued); leases a dead worker
left behind expire after ``NEWSBOT_REDIS_LEASE`` seconds and go back to the queue. Which
articles were written lives in Redis too, so a request served twice writes one record.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from twisted.internet import task

from newsbot.profiles import crawl_profile
from newsbot.signals import record_written
from newsbot.stores.seen import store_for

if TYPE_CHECKING:
    from newsbot.stores.redis_queue import ReliableQueue

logger = logging.getLogger(__name__)


def shared_queue(crawler: Crawler) -> ReliableQueue | None:
    # Imported by Scrapy only for a shared frontier: not imported, no crawl of this process has one.
    module = sys.modules.get("newsbot.stores.redis_queue")
    if module is None:
        return None
    engine = crawler.engine
    slot = getattr(engine, "_slot", None) if engine is not None else None
    queue = getattr(getattr(slot, "scheduler", None), "queue", None)
    return queue if isinstance(queue, module.ReliableQueue) else None


def release(crawler: Crawler, request: Request | None) -> None:
    """This worker is done with ``request``: its lease goes (no-op without a shared frontier)."""
    queue = shared_queue(crawler)
    if queue is not None:
        queue.release(request)


class SharedFrontier:
    """Releases leases when records are done, hands back expired ones, and ends the worker
    once the shared queue has been empty (and nobody holds a lease) for NEWSBOT_IDLE_SECONDS."""

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("NEWSBOT_REDIS_URL"):
            # An option that is off is no warning (Scrapy warns of a NotConfigured with a message).
            logger.info("newsbot: the crawl keeps its own frontier (NEWSBOT_REDIS_URL is not set)")
            raise NotConfigured
        self.crawler = crawler
        self.idle_seconds = crawler.settings.getfloat("NEWSBOT_IDLE_SECONDS", 30)
        # The redis extra: imported only by a crawl on a shared frontier.
        from newsbot.stores.redis_queue import ReliableQueue

        ReliableQueue.lease_seconds = self.lease_seconds = crawler.settings.getfloat("NEWSBOT_REDIS_LEASE", 600)
        self.empty_since: float | None = None
        self.janitor = task.LoopingCall(self.requeue)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedFrontier:
        extension = cls(crawler)
        crawler.signals.connect(extension.written, signal=record_written)
        crawler.signals.connect(extension.done, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.janitor.start(max(1.0, min(60.0, self.lease_seconds / 2)), now=False)

    def spider_closed(self, spider: Spider) -> None:
        if self.janitor.running:
            self.janitor.stop()

    def written(self, item: Any, response: Response | None = None) -> None:
        # Every feed has the record (newsbot.extensions.feeds announced it); the store learns of it
        # before the lease goes, so a worker killed in between leaves the article to be
        # written again rather than lost.
        store = store_for(self.crawler)
        if store is not None and isinstance(item, dict) and "articleId" in item:
            store.add(item, crawl_profile(self.crawler, item["url"]).article_key(item["url"], item["articleId"]))
        self.done(item, response)

    def done(self, item: Any, response: Response | None = None) -> None:
        release(self.crawler, getattr(response, "request", None))

    def requeue(self) -> None:
        queue = shared_queue(self.crawler)
        if queue is not None and (back := queue.requeue_expired()):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newsbot/shared/requeued", back)
            logger.warning("newsbot: %d requests left by a stopped worker are back in the shared queue", back)

    def spider_idle(self, spider: Spider) -> None:
        queue = shared_queue(self.crawler)
        if queue is None:
            return
        self.requeue()
        if len(queue) or queue.leased():
            self.empty_since = None  # work left, or a worker busy that may queue more
            raise DontCloseSpider
        now = time.monotonic()
        self.empty_since = self.empty_since or now
        if now - self.empty_since < self.idle_seconds:
            raise DontCloseSpider
        logger.info("newsbot: the shared queue has been empty for %.0f s: this worker stops", now - self.empty_since)
