"""What a crawl asked for: articles in [since, until], each once, at most ``limit``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.defer import Deferred

from newsbot.pipelines.drops import DuplicateArticle, OutOfRange, OverLimit
from newsbot.profiles import crawl_profile
from newsbot.text.dates import aware, parse_iso


class ScopePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.seen: set[str] = set()
        self.passed = 0
        self._closing: Deferred[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or "articleId" not in item:
            return item
        spider = self.crawler.spider
        since: datetime | None = getattr(spider, "since", None)
        until: datetime | None = getattr(spider, "until", None)
        limit: int | None = getattr(spider, "limit", None)
        url = item["url"]
        profile = crawl_profile(self.crawler, url)
        published = parse_iso(item.get("datePublished") or "", None)
        if published is not None:
            published = aware(published, profile.tz)  # a date the page gave without an offset
        if published is not None and (
            (since is not None and published < since) or (until is not None and published > until)
        ):
            raise OutOfRange(url, f"published {item['datePublished']}")
        # Two URLs, one story: a redirect, the old and new domain, a listing and a feed link.
        key = profile.article_key(url, item["articleId"])
        if key in self.seen:
            raise DuplicateArticle(url, f"article {key} already written")
        if limit is not None and self.passed >= limit:
            raise OverLimit(url, f"limit of {limit} records reached")
        self.seen.add(key)
        self.passed += 1
        if limit is not None and self.passed == limit and self.crawler.engine is not None:
            # Requests still in flight are dropped as over_limit; the feed gets exactly `limit`.
            self._closing = deferred_from_coro(self.crawler.engine.close_spider_async(reason="limit_reached"))
        return item
