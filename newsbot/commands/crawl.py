"""``scrapy crawl`` that checks a spider's arguments first and exits non-zero on a failed crawl.

Scrapy's own ``crawl`` exits 0 whatever happened to the pages, and opens (with ``-O``, empties)
its feeds before the spider can look at its arguments. A scheduler or a shell script needs to
know when a crawl was stopped for bad arguments, unreachable start URLs, a breached quality
rule, a missing output or an interruption, and a typo must not wipe yesterday's file.
"""

from __future__ import annotations

import argparse
import logging

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from newsbot.monitor import QUALITY_REASON

logger = logging.getLogger(__name__)

#: finish_reason -> exit code. "shutdown" is Scrapy's reason for Ctrl-C and SIGTERM: the crawl
#: did not finish, and a resume with the same JOBDIR picks it up.
FAILED = {
    "bad_argument": 2,
    "start_urls_unreachable": 3,
    QUALITY_REASON: 4,
    "no_output": 5,
    "shutdown": 130,
}


class Command(ScrapyCrawl):
    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and (error := self._argument_error(args[0], opts.spargs)) is not None:
            logger.error("newsbot: bad spider argument: %s", error)
            self.exitcode = FAILED["bad_argument"]
            return
        super().run(args, opts)
        stats = getattr(getattr(self, "crawler", None), "stats", None)
        reason = stats.get_value("finish_reason") if stats is not None else None
        if reason in FAILED and self.exitcode == 0:
            self.exitcode = FAILED[reason]

    def _argument_error(self, name: str, arguments: dict[str, str]) -> str | None:
        assert self.crawler_process is not None  # set by scrapy.cmdline before run()
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            raise UsageError(f"Spider not found: {name}") from None
        check = getattr(spidercls, "check_arguments", None)
        return check(arguments) if callable(check) else None
