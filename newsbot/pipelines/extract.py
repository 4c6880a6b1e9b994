"""Page -> record, through the same function as ``newsbot.extract``.

Extraction is CPU-bound and trafilatura holds the GIL, so with ``NEWSBOT_WORKERS`` above 0
pages are extracted in a pool of that many processes while the crawl goes on; 0 extracts in
the crawl's own process. What a worker runs is in ``newsbot.extraction.worker``.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.forkserver
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy.crawler import Crawler

from newsbot.errors import NotAnArticle
from newsbot.extraction.article import MIN_BODY_CHARS, Extraction
from newsbot.extraction.worker import exit_with_crawl, extract_page, worker_context
from newsbot.items import Page
from newsbot.pipelines.drops import ExtractionFailed, NewsbotDrop, drop_for
from newsbot.profiles import crawl_profile
from newsbot.signals import record_checked

logger = logging.getLogger(__name__)
#: Pools a page may be sent to: the one it waited on, and a new one if that one broke.
_POOLS_PER_PAGE = 2


async def _result(future: Future[Extraction]) -> Extraction:
    """Wait for a pool future without blocking the reactor: the worker's manager thread hands
    the outcome to the running loop with call_soon_threadsafe, which wakes it at once."""
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[Extraction] = loop.create_future()

    def settle(finished: Future[Extraction]) -> None:
        if waiter.done():
            return
        error = finished.exception()
        if error is not None:
            waiter.set_exception(error)
        else:
            waiter.set_result(finished.result())

    future.add_done_callback(lambda finished: loop.call_soon_threadsafe(settle, finished))
    return await waiter


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats
        settings = crawler.settings
        self.min_body_chars = settings.getint("NEWSBOT_MIN_BODY_CHARS", MIN_BODY_CHARS)
        self.check_leaks = settings.getbool("NEWSBOT_MONITOR_ENABLED", True)
        workers = settings.get("NEWSBOT_WORKERS")
        self.workers = os.cpu_count() or 1 if workers in (None, "") else int(workers)
        self._pool: Executor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def _executor(self) -> Executor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=worker_context(),
                initializer=exit_with_crawl,
                initargs=(os.getpid(),),
            )
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
        # A worker died (out of memory, killed): every page waiting on that pool fails with it.
        # Each goes to a new pool; a page that breaks a second pool is the cause, and is dropped.
        for _ in range(_POOLS_PER_PAGE):
            pool = self._executor()
            try:
                return await _result(pool.submit(extract_page, *args))
            except BrokenProcessPool:
                self._replace(pool)
        raise ExtractionFailed(item.url, f"its extraction worker died {_POOLS_PER_PAGE} times")

    def _replace(self, broken: Executor) -> None:
        """Retire a broken pool once, however many pages learn of it (they all do)."""
        if self._pool is not broken:
            return
        logger.error("newsbot: an extraction worker died; the pages it held go to a new pool")
        self.stats.inc_value("newsbot/workers/restarts")
        broken.shutdown(wait=False, cancel_futures=True)
        self._pool = None

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
        if self.workers >= 1 and worker_context().get_start_method() == "forkserver":
            multiprocessing.forkserver.ensure_running()

    def close_spider(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
