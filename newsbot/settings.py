"""Settings of the newsbot Scrapy project (``scrapy.cfg`` and the egg's entry point name it)."""

from __future__ import annotations

from newsbot.version import __version__

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
# `scrapy crawl` exits non-zero when newsbot closed the crawl as failed (see newsbot.commands).
COMMANDS_MODULE = "newsbot.commands"

ADDONS = {"newsbot.addon.Newsbot": 0}

# Polite by default: the live site is someone's newsroom.
USER_AGENT = f"newsbot/{__version__} (news archive crawler; Scrapy)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30
LOG_LEVEL = "INFO"
RETRY_TIMES = 2

# The add-on (ADDONS above) sets FEED_EXPORT_ENCODING = "utf-8" and turns the telnet console and
# remote control off, for this project as for any other that enables it.

# newsbot's own settings, with their defaults (README documents each).
NEWSBOT_REPLAY = None
NEWSBOT_MIN_BODY_CHARS = 150
NEWSBOT_WORKERS = None  # extraction processes; default: the number of cores; 0 = in the crawl process
NEWSBOT_EXTRACTION_TIMEOUT = 60  # seconds a worker may spend on one page; 0 = no limit
NEWSBOT_SEEN_STORE = None  # default: JOBDIR/newsbot-seen.sqlite when JOBDIR is set
NEWSBOT_REDIS_URL = None  # redis://host:port/db: share the frontier with other crawlers
NEWSBOT_IDLE_SECONDS = 30  # with NEWSBOT_REDIS_URL: stop once the shared queue was empty this long
NEWSBOT_REDIS_LEASE = 600  # with NEWSBOT_REDIS_URL: seconds before a dead worker's requests return
NEWSBOT_RETRY_BACKOFF = 1.0
NEWSBOT_RETRY_MAX_DELAY = 60.0
NEWSBOT_REPORT = None  # default: <feed>.report.json next to the first local feed
NEWSBOT_MONITOR_ENABLED = True
NEWSBOT_MONITOR_FAIL = False
NEWSBOT_MONITOR_MIN_ARTICLES = 20
NEWSBOT_MONITOR_SHORT_CHARS = 300
NEWSBOT_MONITOR_MAX_GENERIC = 0.5
NEWSBOT_MONITOR_MAX_LEAKS = 0.05
NEWSBOT_MONITOR_MAX_NO_DATE = 0.2
NEWSBOT_MONITOR_MAX_NO_AUTHORS = 0.5
NEWSBOT_MONITOR_MAX_SHORT = 0.2
NEWSBOT_MONITOR_MAX_NO_HEADLINE = 0.05
# With the three of newsbot.commands.crawl._DEFAULTS_IN_CODE, every NEWSBOT_ setting is above:
# `scrapy crawl` refuses a name it does not know (a typo).

# scrapy check: the @record contract reads each checked page as the crawl does (newsbot/contracts.py).
SPIDER_CONTRACTS = {"newsbot.contracts.RecordContract": 10}

# -O articles.parquet and -O articles.csv: Scrapy checks a feed's format against this setting
# before the add-on is loaded, so a project names the formats here (the add-on sets the same).
FEED_EXPORTERS = {
    "csv": "newsbot.exporters.CsvExporter",
    "parquet": "newsbot.exporters.ParquetExporter",
    "zyte_article": "newsbot.exporters.ZyteArticleExporter",
}
