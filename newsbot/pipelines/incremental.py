"""Across runs: skip articles already written unchanged, re-emit changed ones as updates."""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from newsbot.pipelines.drops import AlreadyWritten, Unchanged
from newsbot.profiles import crawl_profile
from newsbot.signals import record_written
from newsbot.stores.seen import BaseSeenStore, RedisSeenStore, store_for


class IncrementalPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.store: BaseSeenStore | None = store_for(crawler)
        # On a shared frontier SharedFrontier stores each record itself, before it releases
        # the request's lease; storing it here too would only write the same row twice.
        if self.store is not None and not isinstance(self.store, RedisSeenStore):
            # Stored once every feed has the record (newsbot.extensions.feeds announces it), so a crawl
            # killed in between, or a feed that could not be written, writes it again on resume.
            crawler.signals.connect(self.item_scraped, signal=record_written)
        if self.store is not None:
            crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if self.store is None or not isinstance(item, dict) or "articleId" not in item:
            return item
        seen = self.store.get(self._key(item))
        if seen is None:
            return item
        if seen.job == self.store.job:
            raise AlreadyWritten(item["url"], "written earlier in this job")
        if not self.store.changed(item, seen):
            raise Unchanged(item["url"], f"unchanged since {seen.first_written}")
        item["metadata"]["update"] = True
        item["metadata"]["firstWritten"] = seen.first_written
        return item

    def item_scraped(self, item: Any) -> None:
        if self.store is not None and isinstance(item, dict) and "articleId" in item:
            self.store.add(item, self._key(item))

    def _key(self, item: dict[str, Any]) -> str:
        return crawl_profile(self.crawler, item["url"]).article_key(item["url"], item["articleId"])

    def spider_closed(self) -> None:
        if self.store is not None:
            self.store.close()
