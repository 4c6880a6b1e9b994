"""``scrapy crawl`` that checks a spider's arguments first and exits non-zero on a failed crawl.

Scrapy's own ``crawl`` exits 0 whatever happened to the pages, and opens (with ``-O``, empties)
its feeds before the spider can look at its arguments. A scheduler or a shell script needs to
know when a crawl was stopped for bad arguments, unreachable start URLs, a breached quality
rule, a missing output, a feed that could not be written or an interruption, and a typo must not wipe yesterday's file.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import logging
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from scrapy import Spider
from scrapy.commands import ScrapyHelpFormatter
from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings

from newsbot import settings as project_settings
from newsbot.extensions.feeds import FEED_ERROR
from newsbot.extensions.monitor import QUALITY_REASON
from newsbot.feedcheck import feed_error
from newsbot.stores import jobdir

logger = logging.getLogger(__name__)

#: finish_reason -> exit code. "shutdown" is Scrapy's reason for Ctrl-C and SIGTERM: the crawl
#: did not finish, and a resume with the same JOBDIR picks it up.
FAILED = {
    "bad_argument": 2,
    "start_urls_unreachable": 3,
    QUALITY_REASON: 4,
    "no_output": 5,
    FEED_ERROR: 6,
    "shutdown": 130,
}
#: Exit code of a crawl that never started because its shared frontier's Redis cannot be reached.
REDIS_UNREACHABLE = 7

_ARGUMENTS = (
    "Arguments (-a NAME=VALUE):",
    "  start_urls   comma-separated article pages, section listings, feeds or sitemaps",
    "               (default: the site's own ways in; needed by the news spider)",
    "  since        skip articles published before this date (YYYY-MM-DD, the site's time) or timestamp",
    "  until        skip articles published after it (a date includes its whole day)",
    "  limit        write at most this many records",
    "  warc         the warc spider only: the archives to read, comma-separated",
)
#: What each exit code means, for ``scrapy crawl -h``; the codes themselves are FAILED's.
_MEANINGS = {
    "bad_argument": "a bad argument or newsbot setting, or a feed that cannot be written; nothing started",
    "start_urls_unreachable": "no start URL could be fetched",
    QUALITY_REASON: "a crawl-health rule was breached",
    "no_output": "no feed and no log file, the records would go nowhere",
    FEED_ERROR: "a feed could not be written (a full disk)",
    "shutdown": "stopped by Ctrl-C or SIGTERM; the same command with its JOBDIR resumes",
}


class _KeepLines(ScrapyHelpFormatter):
    """Scrapy's help layout, with the description's lines kept as written (it is a table)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


class Command(ScrapyCrawl):
    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.formatter_class = _KeepLines

    def long_desc(self) -> str:
        from newsbot.spiders.archive import WarcSpider
        from newsbot.spiders.sites import SPIDERS

        lines = ["Run a spider. newsbot's spiders:", ""]
        for name, spider in [*SPIDERS.items(), (WarcSpider.name, WarcSpider)]:
            summary = (spider.__doc__ or "").strip().splitlines()[0]
            lines.append(f"  {name:<14} {summary}")
        codes = [
            (0, "done (pages that failed one by one are counted in the stats)"),
            *((code, f"{reason}: {_MEANINGS[reason]}") for reason, code in FAILED.items()),
            (REDIS_UNREACHABLE, "the shared frontier's Redis (NEWSBOT_REDIS_URL) cannot be reached"),
        ]
        lines += ["", *_ARGUMENTS, "", "Exit codes:", *(f"  {code:<4} {meaning}" for code, meaning in sorted(codes))]
        return "\n".join(lines)

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None  # set by scrapy.cmdline before run()
        if (error := _setting_error(self.settings)) is not None:
            logger.error("newsbot: bad setting: %s", error)
            self.exitcode = FAILED["bad_argument"]
            return
        if (error := feed_error(self.settings)) is not None:
            logger.error("newsbot: the feed cannot be written: %s", error)
            self.exitcode = FAILED["bad_argument"]
            return
        if len(args) == 1 and (error := self._argument_error(args[0], opts.spargs)) is not None:
            logger.error("newsbot: bad spider argument: %s", error)
            self.exitcode = FAILED["bad_argument"]
            return
        if (error := _redis_error(self.settings.get("NEWSBOT_REDIS_URL"))) is not None:
            logger.error("newsbot: the shared frontier's Redis cannot be reached: %s", error)
            self.exitcode = REDIS_UNREACHABLE
            return
        if jobdir_setting := self.settings.get("JOBDIR"):
            try:
                # Held until the process ends: a second crawl on this JOBDIR is refused.
                self._jobdir_lock = jobdir.lock(Path(jobdir_setting))
            except jobdir.JobdirError as error:
                logger.error("newsbot: %s", error)
                self.exitcode = FAILED["bad_argument"]
                return
            if (mended := jobdir.mend_queue(Path(jobdir_setting))) is not None:
                logger.warning("newsbot: %s", mended)
        super().run(args, opts)
        stats = getattr(getattr(self, "crawler", None), "stats", None)
        reason = stats.get_value("finish_reason") if stats is not None else None
        if reason in FAILED and self.exitcode == 0:
            self.exitcode = FAILED[reason]
        elif reason is None and stats is not None and stats.get_value("start_time") is not None and self.exitcode == 0:
            # Started and never closed: a second Ctrl-C or SIGTERM forced the stop mid-way.
            logger.error("newsbot: the crawl was forced to stop before it closed; the same command resumes it")
            self.exitcode = FAILED["shutdown"]

    def _argument_error(self, name: str, arguments: dict[str, str]) -> str | None:
        assert self.crawler_process is not None  # set by scrapy.cmdline before run()
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            raise UsageError(f"Spider not found: {name}") from None
        check = getattr(spidercls, "check_arguments", None)
        return check(arguments) if callable(check) else None


def _setting_error(settings: BaseSettings) -> str | None:
    """What is wrong with newsbot's settings, checked before the crawl (and its feeds) start."""
    if (unknown := _unknown_setting(settings)) is not None:
        return unknown
    replay = settings.get("NEWSBOT_REPLAY")
    if replay and not Path(replay).is_dir():
        return f"NEWSBOT_REPLAY={replay}: no such folder of saved pages"
    for name in ("NEWSBOT_WORKERS", "NEWSBOT_MIN_BODY_CHARS", "NEWSBOT_IDLE_SECONDS", "NEWSBOT_REDIS_LEASE"):
        value = settings.get(name)
        if value not in (None, "") and not str(value).strip().isdigit():
            return f"{name}={value}: a whole number is needed"
    if settings.get("NEWSBOT_REDIS_URL") and (missing := _missing_redis()) is not None:
        return f"NEWSBOT_REDIS_URL needs {missing}: pip install 'newsbot[redis]'"
    timeout = settings.get("NEWSBOT_EXTRACTION_TIMEOUT")
    if timeout not in (None, "") and not _seconds(timeout):
        return f"NEWSBOT_EXTRACTION_TIMEOUT={timeout}: a number of seconds (0 for no limit) is needed"
    return None


#: Settings whose defaults live where they are read, so that a command (``scrapy extract``)
#: may give its own below the project's priority.
_DEFAULTS_IN_CODE = frozenset({"NEWSBOT_GC_THRESHOLD", "NEWSBOT_PROGRESS_INTERVAL", "NEWSBOT_REQUIRE_OUTPUT"})
#: Set by the add-on for the crawl's own use, never by a user.
_INTERNAL_SETTINGS = frozenset({"NEWSBOT_FEEDS_APPENDED", "NEWSBOT_DEFAULT_FEED"})


def _unknown_setting(settings: BaseSettings) -> str | None:
    """A NEWSBOT_ name that is none of newsbot's settings: a typo would otherwise be ignored."""
    documented = {name for name in vars(project_settings) if name.startswith("NEWSBOT_")}
    known = documented | _DEFAULTS_IN_CODE | _INTERNAL_SETTINGS
    for name in sorted(settings):
        if name.startswith("NEWSBOT_") and name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            return f"{name}: no such setting" + (f" (did you mean {close[0]}?)" if close else "")
    return None


def _missing_redis() -> str | None:
    for module in ("redis", "scrapy_redis"):
        try:
            importlib.import_module(module)
        except ImportError:
            return module.replace("_", "-")
    return None


def _seconds(value: object) -> bool:
    try:
        return float(str(value)) >= 0
    except ValueError:
        return False


def _redis_error(url: str | None) -> str | None:
    """What is wrong with the shared frontier's Redis, or None when it answers (or none is set)."""
    if not url:
        return None
    import redis  # only crawls on a shared frontier need it

    try:
        redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5).ping()
    except (redis.RedisError, ValueError, OSError) as error:
        return f"{_without_password(url)}: {error}"
    return None


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
