"""Page -> record, through the same function as ``newsbot.extract``.

Extraction is CPU-bound and trafilatura holds the GIL, so with ``NEWSBOT_WORKERS`` above 0
pages are extracted in a pool of that many processes while the crawl goes on; 0 extracts in
the crawl's own process. What a worker runs is in ``newsbot.extraction.worker``, how pages
reach the workers in ``newsbot.extraction.pool``.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from scrapy.crawler import Crawler

from newsbot.errors import NotAnArticle
from newsbot.extraction.article import MIN_BODY_CHARS, Extraction
from newsbot.extraction.pool import ExtractionTimeout, WorkerDied, WorkerPool
from newsbot.extraction.worker import extract_page, start_fork_server
from newsbot.items import Page
from newsbot.pipelines.drops import ExtractionFailed, ExtractionTimedOut, NewsbotDrop, drop_for
from newsbot.profiles import crawl_profile
from newsbot.signals import record_checked

logger = logging.getLogger(__name__)
#: Workers a page may be given to: a page whose worker dies goes to one more; if that one dies
#: too, the page is the likely cause, and is dropped.
_WORKERS_PER_PAGE = 2


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats
        settings = crawler.settings
        self.min_body_chars = settings.getint("NEWSBOT_MIN_BODY_CHARS", MIN_BODY_CHARS)
        self.check_leaks = settings.getbool("NEWSBOT_MONITOR_ENABLED", True)
        # A page that spins its worker (a pattern or the parser on hostile markup) is dropped after
        # this long, instead of holding a worker for the rest of the crawl. Workers only: a page
        # extracted in the crawl's own process cannot be stopped.
        self.timeout = settings.getfloat("NEWSBOT_EXTRACTION_TIMEOUT", 60) or None
        workers = settings.get("NEWSBOT_WORKERS")
        self.workers = os.cpu_count() or 1 if workers in (None, "") else int(workers)
        self._pool: WorkerPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def _workers(self) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(self.workers, on_death=self._worker_died, timeout=self.timeout)
            logger.info("newsbot: extracting in %d worker processes", self.workers)
        return self._pool

    async def _extract(self, item: Page) -> Extraction:
        args = (
            item.body,
            item.url,
            crawl_profile(self.crawler, item.url).name,
            item.content_type,
            self.min_body_chars,
            item.downloaded,
            self.check_leaks,
        )
        if self.workers < 1:
            return extract_page(*args)
        for _ in range(_WORKERS_PER_PAGE):
            try:
                extraction: Extraction = await self._workers().run(*args)
            except WorkerDied:
                continue
            except ExtractionTimeout as error:  # a second try would only take as long again
                raise ExtractionTimedOut(item.url, str(error)) from None
            return extraction
        raise ExtractionFailed(item.url, f"its extraction worker died {_WORKERS_PER_PAGE} times")

    def _worker_died(self) -> None:
        logger.error("newsbot: an extraction worker died; the page it held goes to a new worker")
        self.stats.inc_value("newsbot/workers/restarts")

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item  # not ours: a user's spider may yield its own items too
        try:
            extraction = await self._extract(item)
        except NotAnArticle as error:
            raise drop_for(error, item.url) from None
        except NewsbotDrop:
            raise
        except Exception as error:  # one bad page must never stop the crawl
            logger.exception("extraction failed on %s", item.url)
            raise ExtractionFailed(item.url, f"{type(error).__name__}: {error}") from None
        self.stats.inc_value(f"newsbot/layout/{extraction.layout}")
        for key, count in extraction.removed.items():
            self.stats.inc_value(f"newsbot/{key}", count)
        record = extraction.record
        if extraction.leaks is not None:
            self.crawler.signals.send_catch_log(signal=record_checked, url=record["url"], leaks=extraction.leaks)
        if item.source:
            record["metadata"]["source"] = item.source
        if item.listed_date is not None and "datePublished" not in record:
            record["metadata"]["listedDate"] = item.listed_date.isoformat(timespec="seconds")
        return record

    def open_spider(self) -> None:
        # The fork server imports the worker module while the first listings are fetched; the
        # workers themselves are forked from it when the first page arrives.
        if self.workers >= 1:
            start_fork_server()

    def close_spider(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
