"""Page -> record, through the same function as ``newsbot.extract``."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler

from newsbot.errors import NotAnArticle
from newsbot.extraction.article import MIN_BODY_CHARS, extract_article
from newsbot.items import Page
from newsbot.pipelines.drops import ExtractionFailed, drop_for
from newsbot.profiles import JOONGANG, SiteProfile

logger = logging.getLogger(__name__)


class ExtractPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.min_body_chars = crawler.settings.getint("NEWSBOT_MIN_BODY_CHARS", MIN_BODY_CHARS)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def _profile(self) -> SiteProfile:
        spider: Spider | None = self.crawler.spider
        profile = getattr(spider, "profile", None)
        return profile if isinstance(profile, SiteProfile) else JOONGANG

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item  # not ours: a user's spider may yield its own items too
        try:
            extraction = extract_article(
                item.body,
                item.url,
                profile=self._profile(),
                content_type=item.content_type,
                min_body_chars=self.min_body_chars,
            )
        except NotAnArticle as error:
            raise drop_for(error, item.url) from None
        except Exception as error:  # one bad page must never stop the crawl
            logger.exception("extraction failed on %s", item.url)
            raise ExtractionFailed(item.url, f"{type(error).__name__}: {error}") from None
        self.stats.inc_value(f"newsbot/layout/{extraction.layout}")
        for key, count in extraction.removed.items():
            self.stats.inc_value(f"newsbot/{key}", count)
        record = extraction.record
        if item.source:
            record["metadata"]["source"] = item.source
        if item.listed_date is not None and "datePublished" not in record:
            record["metadata"]["listedDate"] = item.listed_date.isoformat(timespec="seconds")
        return record
