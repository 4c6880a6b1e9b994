"""``scrapy extract URL``: the record of one article URL, exactly as a crawl writes it.

The URL is crawled by the spider of its site's profile (``news`` for a site no profile names;
``--spider`` picks another, such as a site's spider for a local copy of it) through the same
downloader middlewares and pipelines as ``scrapy crawl``; with ``-s NEWSBOT_REPLAY=fixtures`` it
comes from the saved pages. The record is printed as the one JSON line a feed would hold; a page
that gives no record prints its drop reason instead, and the command exits 1. A feed, sitemap or
listing is no article: that is said, and the command exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from scrapy import signals
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.serialize import ScrapyJSONEncoder

from newsbot.profiles import profile_for_url

# Stats the spider counts when it reads the start URL for its links, and what that page is.
_DISCOVERY_KINDS = {
    "newsbot/discovery/rss": "an RSS feed",
    "newsbot/discovery/RDF": "an RSS feed",
    "newsbot/discovery/feed": "an Atom feed",
    "newsbot/discovery/urlset": "a sitemap",
    "newsbot/discovery/sitemapindex": "a sitemap index",
    "newsbot/discovery/listing": "a listing",
}


class Command(ScrapyCommand):
    requires_project = True
    # No feed: the record is printed.
    default_settings = {"NEWSBOT_REQUIRE_OUTPUT": False, "NEWSBOT_PROGRESS_INTERVAL": 0}  # noqa: RUF012 (Scrapy's own attribute)

    def syntax(self) -> str:
        return "[options] <url>"

    def short_desc(self) -> str:
        return "Print the record newsbot writes for one article URL, or why it writes none"

    def long_desc(self) -> str:
        return str(__doc__)

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--spider", help="the spider to read the page with (default: by the URL's host)")

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if not opts.loglevel:  # quiet unless something goes wrong; -L INFO shows the crawl
            self.settings.set("LOG_LEVEL", "WARNING", priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one URL")
        assert self.crawler_process is not None  # set by scrapy.cmdline before run()
        url = args[0]
        name = opts.spider or profile_for_url(url).spider
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            raise UsageError(f"Spider not found: {name}") from None
        profile = getattr(spidercls, "profile", None)
        if profile is not None and not profile.any_page_is_an_article and profile.article_url(url) is None:
            raise UsageError(
                f"{url} is no article URL of the {name} spider's site (a listing or a feed is crawled with crawl)"
            )
        crawler = self.crawler_process.create_crawler(spidercls)
        records: list[dict[str, Any]] = []
        drops: list[str] = []

        def scraped(item: Any, **_: Any) -> None:
            if isinstance(item, dict):
                records.append(item)

        def dropped(exception: BaseException, **_: Any) -> None:
            drops.append(str(getattr(exception, "reason", None) or exception))

        crawler.signals.connect(scraped, signal=signals.item_scraped)
        crawler.signals.connect(dropped, signal=signals.item_dropped)
        # limit=1: a feed given by mistake fetches one entry, not the whole feed.
        self.crawler_process.crawl(crawler, start_urls=url, limit="1")
        self.crawler_process.start()
        stats = crawler.stats.get_stats() if crawler.stats is not None else {}
        if kind := next((kind for key, kind in _DISCOVERY_KINDS.items() if key in stats), None):
            # Read for its links, not as an article: its first entry's record would pass for its own.
            print(
                f"no record: {url} is {kind}, not an article page; crawl it with scrapy crawl",
                file=sys.stderr,
            )
            self.exitcode = 2
            return
        if records:
            print(json.dumps(records[0], cls=ScrapyJSONEncoder, ensure_ascii=False))
            return
        failed = (
            key.rsplit("/", 1)[-1] for key in stats if key.startswith(("newsbot/dropped/", "newsbot/discovery/failed/"))
        )
        reason = drops[0] if drops else next(failed, None)
        print(f"no record: {reason or stats.get('finish_reason', 'unknown')}", file=sys.stderr)
        self.exitcode = 1
