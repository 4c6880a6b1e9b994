"""One line in a Scrapy project's settings wires newsbot in: ``ADDONS = {"newsbot.addon.Newsbot": 0}``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings

from newsbot.stores.seen import is_resumed

PIPELINES = {
    "newsbot.pipelines.extract.ExtractPipeline": 300,
    "newsbot.pipelines.scope.ScopePipeline": 400,
    "newsbot.pipelines.incremental.IncrementalPipeline": 500,
    "newsbot.pipelines.validate.ValidatePipeline": 900,
}
# Last before the download handlers: replayed responses still pass retry, redirect, robots.txt.
DOWNLOADER_MIDDLEWARES = {
    # Retries back off and honour Retry-After instead of re-sending at once.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsbot.downloadermiddlewares.retry.BackoffRetryMiddleware": 550,
    # Sees a redirect before RedirectMiddleware (600) follows it.
    "newsbot.downloadermiddlewares.offsite.OffsiteRedirectMiddleware": 610,
    "newsbot.downloadermiddlewares.replay.ReplayMiddleware": 990,
}
EXTENSIONS = {
    # Scrapy's feed exports, where only a record in every feed counts as written.
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newsbot.extensions.feeds.FeedExporter": 0,
    "newsbot.extensions.summary.CrawlSummary": 500,
    "newsbot.extensions.shutdown.QuickShutdown": 505,
    "newsbot.extensions.summary.CrawlProgress": 506,
    "newsbot.extensions.monitor.CrawlMonitor": 510,
    "newsbot.stores.frontier.SharedFrontier": 520,  # inactive unless NEWSBOT_REDIS_URL is set
    "newsbot.extensions.collector.CollectorTuning": 530,
}


class Newsbot:
    def update_settings(self, settings: BaseSettings) -> None:
        for name, components in (
            ("ITEM_PIPELINES", PIPELINES),
            ("DOWNLOADER_MIDDLEWARES", DOWNLOADER_MIDDLEWARES),
            ("EXTENSIONS", EXTENSIONS),
        ):
            for path, order in components.items():
                settings[name].set(path, order, priority="addon")
        settings.set("LOG_FORMATTER", "newsbot.logformatter.NewsbotLogFormatter", priority="addon")
        for name in ("jsonlines", "jsonl", "jl"):
            settings["FEED_EXPORTERS"].set(name, "newsbot.exporters.JsonLinesExporter", priority="addon")
        settings["FEED_EXPORTERS"].set("csv", "newsbot.exporters.CsvExporter", priority="addon")
        settings["FEED_EXPORTERS"].set("parquet", "newsbot.exporters.ParquetExporter", priority="addon")
        settings["FEED_EXPORTERS"].set("zyte_article", "newsbot.exporters.ZyteArticleExporter", priority="addon")
        # Records are UTF-8 JSON: Hangul and curly quotes stay readable, not \\u-escaped.
        settings.set("FEED_EXPORT_ENCODING", "utf-8", priority="addon")
        # Scrapy starts CONCURRENT_ITEMS tasks for every response, however few items it yields. An
        # article page yields one record; the default of 100 cost the crawl process about 1 ms a
        # page, a fifth of its work, which a process pool of extraction workers then waits on.
        settings.set("CONCURRENT_ITEMS", 8, priority="addon")
        # The spider logs each failed page once; Scrapy's "Gave up retrying" would be a second line.
        settings.set("RETRY_GIVE_UP_LOG_LEVEL", "DEBUG", priority="addon")
        if redis_url := settings.get("NEWSBOT_REDIS_URL"):
            # One setting switches a crawl to the shared frontier: queue, dupefilter, seen-store.
            for name, value in {
                "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
                "SCHEDULER_QUEUE_CLASS": "newsbot.stores.redis_queue.ReliableQueue",
                "SCHEDULER_QUEUE_KEY": "newsbot:%(spider)s:requests",
                "SCHEDULER_DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
                "SCHEDULER_DUPEFILTER_KEY": "newsbot:%(spider)s:dupefilter",
                "SCHEDULER_PERSIST": True,
                "REDIS_URL": redis_url,
            }.items():
                settings.set(name, value, priority="addon")
            # A Redis restart or a blip in the network is waited for, not a crash: each command
            # is retried with exponential backoff, about a minute in all. Your REDIS_PARAMS win.
            settings.set("REDIS_PARAMS", {**redis_retry(), **settings.getdict("REDIS_PARAMS")}, priority="addon")
        _keep_records(settings)
        # Both open local ports, which a crawl on a shared host or in CI must not do.
        settings.set("TELNETCONSOLE_ENABLED", False, priority="addon")
        settings.set("REMOTE_CONTROL_ENABLED", False, priority="addon")


def _keep_records(settings: BaseSettings) -> None:
    """No path loses records through the feed settings.

    - A resumed job (its JOBDIR ran before) appends to its feeds: ``-O`` would empty the file
      while the seen-store skips every article already in it.
    - A crawl with a log file and no feed (Scrapyd's default: ``items_dir`` empty) writes its
      records as JSON Lines in a ``records`` folder beside the log: ``<job>.log`` ->
      ``records/<job>.jsonl``. Not in the log's own folder: Scrapyd deletes all but the newest
      ``jobs_to_keep`` files there, and records would go with old logs; it removes no folder.
      Without either, the spider closes at once (``no_output``) rather than extract pages for nobody.
    """
    feeds = settings.getdict("FEEDS")
    priority = settings.getpriority("FEEDS") or 0
    if feeds and is_resumed(settings.get("JOBDIR")):
        appended = {uri: {**dict(options), "overwrite": False} for uri, options in feeds.items()}
        if any(dict(options).get("overwrite") for options in feeds.values()):
            settings.set("FEEDS", appended, priority=priority)
            settings.set("NEWSBOT_FEEDS_APPENDED", True, priority="addon")
    elif not feeds and (log_file := settings.get("LOG_FILE")):
        log = Path(log_file)
        default = str(log.parent / "records" / log.with_suffix(".jsonl").name)
        settings.set("FEEDS", {default: {"format": "jsonlines"}}, priority="addon")
        settings.set("NEWSBOT_DEFAULT_FEED", default, priority="addon")


def redis_retry() -> dict[str, Any]:
    """Client parameters: retry on a lost connection with exponential backoff (0.5 s doubling, at
    most 8 s a wait, 10 tries: about a minute of outage)."""
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError, TimeoutError
    from redis.retry import Retry

    return {
        "retry": Retry(ExponentialBackoff(cap=8, base=0.5), retries=10),
        "retry_on_error": [ConnectionError, TimeoutError],
        "socket_connect_timeout": 5,
        "health_check_interval": 30,
    }
