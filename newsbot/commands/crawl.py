"""``scrapy crawl`` that exits non-zero when newsbot closed the crawl as failed.

Scrapy's own ``crawl`` exits 0 whatever happened to the pages; a scheduler or a shell script
needs to know when a crawl was stopped for bad arguments, unreachable start URLs or a
breached quality rule.
"""

from __future__ import annotations

import argparse
import logging

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

from newsbot.monitor import QUALITY_REASON

logger = logging.getLogger(__name__)

#: finish_reason -> exit code.
FAILED = {"bad_argument": 2, "start_urls_unreachable": 3, QUALITY_REASON: 4}


class Command(ScrapyCrawl):
    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        stats = getattr(getattr(self, "crawler", None), "stats", None)
        reason = stats.get_value("finish_reason") if stats is not None else None
        if reason in FAILED and self.exitcode == 0:
            self.exitcode = FAILED[reason]
