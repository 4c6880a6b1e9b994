"""Crawl health: newsbot checks its own output while it runs.

Every record gets a second look (the leak detector) and every page outcome is counted. Once
enough article pages were seen, each rule compares a share with its threshold; a breach is
logged once as a warning with a few example URLs, and with ``NEWSBOT_MONITOR_FAIL`` it closes
the spider with ``finish_reason`` ``newsbot_quality``. At the close a report (figures, rules,
outcomes) goes to the log as a table and to a JSON file next to the feed.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.defer import Deferred

from newsbot.feedcheck import local_path
from newsbot.pipelines.drops import NewsbotDrop
from newsbot.profiles import crawl_profile
from newsbot.signals import record_checked, record_written
from newsbot.text.leaks import record_leaks
from newsbot.version import __version__

logger = logging.getLogger(__name__)

QUALITY_REASON = "newsbot_quality"
_EXAMPLES = 5
# Drops that say something about the page, not about the crawl's scope (duplicates, dates, limit).
_PAGE_FAILURES = {
    "empty_page", "no_headline", "empty_body", "not_article", "too_deep", "too_many_elements",
    "extraction_error", "extraction_timeout", "invalid_record",
}  # fmt: skip


# Hangul, kana and Han characters: one carries about what two Latin letters do.
_DENSE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")


def text_length(text: str) -> int:
    """Characters, each of a dense script counted twice: a short Korean story is not a stub."""
    return len(text) + len(_DENSE.findall(text))


@dataclass(frozen=True)
class Rule:
    name: str
    setting: str
    default: float
    #: Counter key of the pages the rule counts, and of the pages it counts them among.
    count: str
    among: str
    meaning: str


RULES = (
    # Judged among the records of sites a profile describes: on any other site (the news
    # spider's own ground) the generic reading is the design, not a sign of drift.
    Rule("generic_layout", "NEWSBOT_MONITOR_MAX_GENERIC", 0.5, "generic", "described",
         "records of described sites that no layout version matched (the template changed)"),
    Rule("leaks", "NEWSBOT_MONITOR_MAX_LEAKS", 0.05, "leaked", "records",
         "records whose body still holds a caption, byline, date line or chrome"),
    Rule("missing_date", "NEWSBOT_MONITOR_MAX_NO_DATE", 0.2, "no_date", "records",
         "records without datePublished"),
    Rule("missing_authors", "NEWSBOT_MONITOR_MAX_NO_AUTHORS", 0.5, "no_authors", "records",
         "records without authors (editorials and some agency copy have none)"),
    Rule("short_body", "NEWSBOT_MONITOR_MAX_SHORT", 0.2, "short", "seen",
         "article pages with an empty or very short body"),
    Rule("missing_headline", "NEWSBOT_MONITOR_MAX_NO_HEADLINE", 0.05, "no_headline", "seen",
         "article pages without a headline"),
)  # fmt: skip


@dataclass
class Outcome:
    rule: Rule
    threshold: float
    count: int
    among: int
    examples: list[str]

    @property
    def share(self) -> float:
        return self.count / self.among if self.among else 0.0

    @property
    def breached(self) -> bool:
        return self.among > 0 and self.share > self.threshold

    def as_dict(self, judged: bool) -> dict[str, Any]:
        return {
            "rule": self.rule.name,
            "setting": self.rule.setting,
            "meaning": self.rule.meaning,
            "threshold": self.threshold,
            "count": self.count,
            "among": self.among,
            "share": round(self.share, 4),
            "judged": judged,
            "breached": judged and self.breached,
            "examples": self.examples,
        }


def thresholds(settings: BaseSettings) -> dict[str, float]:
    """Each rule's limit, from its setting."""
    return {rule.name: settings.getfloat(rule.setting, rule.default) for rule in RULES}


def outcomes(
    counts: Mapping[str, int], limits: Mapping[str, float], examples: Mapping[str, list[str]] | None = None
) -> list[Outcome]:
    """Each rule against the counted figures (``newsbot/monitor/<figure>`` in the stats)."""
    return [
        Outcome(rule, limits[rule.name], counts.get(rule.count, 0), counts.get(rule.among, 0),
                (examples or {}).get(rule.count, []))
        for rule in RULES
    ]  # fmt: skip


@dataclass
class Figures:
    counts: Counter[str] = field(default_factory=Counter)
    leak_kinds: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, url: str | None = None) -> None:
        self.counts[key] += 1
        if url is not None:
            bucket = self.examples.setdefault(key, [])
            if len(bucket) < _EXAMPLES:
                bucket.append(url)


class CrawlMonitor:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("NEWSBOT_MONITOR_ENABLED", True):
            raise NotConfigured("NEWSBOT_MONITOR_ENABLED is off")
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self.min_articles = settings.getint("NEWSBOT_MONITOR_MIN_ARTICLES", 20)
        self.short_chars = settings.getint("NEWSBOT_MONITOR_SHORT_CHARS", 300)
        self.fail = settings.getbool("NEWSBOT_MONITOR_FAIL", False)
        self.thresholds = thresholds(settings)
        self.report_path = _report_path(settings.get("NEWSBOT_REPORT"), settings.getdict("FEEDS"))
        self.figures = Figures()
        self.warned: set[str] = set()
        self._closing: Deferred[None] | None = None
        # url -> leak kinds the extraction worker found, until the record is written or dropped.
        self._checked: dict[str, frozenset[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlMonitor:
        monitor = cls(crawler)
        crawler.signals.connect(monitor.record_checked, signal=record_checked)
        crawler.signals.connect(monitor.item_scraped, signal=record_written)
        crawler.signals.connect(monitor.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(monitor.spider_closed, signal=signals.spider_closed)
        return monitor

    # Counting ------------------------------------------------------------------------------

    def _count(self, key: str, url: str | None = None) -> None:
        self.figures.add(key, url)
        self.stats.inc_value(f"newsbot/monitor/{key}")

    def record_checked(self, url: str, leaks: frozenset[str]) -> None:
        self._checked[url] = leaks

    def item_scraped(self, item: Any) -> None:
        if not isinstance(item, dict) or "articleBody" not in item:
            return
        url = str(item.get("url"))
        leaks = self._checked.pop(url, None)
        self._count("seen")
        self._count("records")
        profile = crawl_profile(self.crawler, url)
        if profile.layouts:
            self._count("described")
            if item.get("metadata", {}).get("layout") == "generic":
                self._count("generic", url)
        if text_length(item["articleBody"]) < self.short_chars:
            self._count("short", url)
        if not item.get("datePublished"):
            self._count("no_date", url)
        if not item.get("authors"):
            self._count("no_authors", url)
        if leaks is None:  # a record the extraction pipeline did not check
            leaks = record_leaks(item, profile.leak_fragments)
        if leaks:
            self._count("leaked", url)
            for kind in sorted(leaks):
                self.figures.leak_kinds[kind] += 1
                self.stats.inc_value(f"newsbot/monitor/leak/{kind}")
        self._judge()

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        if isinstance(item, dict):
            self._checked.pop(str(item.get("url")), None)
        if not isinstance(exception, NewsbotDrop) or exception.reason not in _PAGE_FAILURES:
            return
        self._count("seen")
        if exception.reason in ("empty_body", "empty_page"):
            self._count("short", exception.url)
        elif exception.reason == "no_headline":
            self._count("no_headline", exception.url)
        self._judge()

    # Judging -------------------------------------------------------------------------------

    def outcomes(self) -> list[Outcome]:
        return outcomes(self.figures.counts, self.thresholds, self.figures.examples)

    @property
    def judged(self) -> bool:
        return self.figures.counts["seen"] >= self.min_articles

    def _judge(self) -> None:
        if not self.judged:
            return
        for outcome in self.outcomes():
            if not outcome.breached or outcome.rule.name in self.warned:
                continue
            self.warned.add(outcome.rule.name)
            self.stats.inc_value("newsbot/monitor/breaches")
            logger.warning(
                "newsbot: quality rule %s breached: %d of %d %s (%.0f%% > %.0f%%, %s); e.g. %s",
                outcome.rule.name,
                outcome.count,
                outcome.among,
                outcome.rule.meaning,
                outcome.share * 100,
                outcome.threshold * 100,
                outcome.rule.setting,
                ", ".join(outcome.examples[:3]) or "-",
            )
            if self.fail and self._closing is None and self.crawler.engine is not None:
                logger.error("newsbot: NEWSBOT_MONITOR_FAIL is on: closing the crawl")
                self._closing = deferred_from_coro(self.crawler.engine.close_spider_async(reason=QUALITY_REASON))

    # Report --------------------------------------------------------------------------------

    def report(self, reason: str) -> dict[str, Any]:
        judged = self.judged
        return {
            "newsbotVersion": __version__,
            "finishReason": reason,
            "judged": judged,
            "minArticles": self.min_articles,
            "figures": dict(sorted(self.figures.counts.items())),
            "leaks": dict(sorted(self.figures.leak_kinds.items())),
            "rules": [outcome.as_dict(judged) for outcome in self.outcomes()],
        }

    def spider_closed(self, spider: Spider, reason: str) -> None:
        report = self.report(reason)
        lines = [f"{'rule':<18} {'share':>7} {'limit':>7} {'count':>11}  outcome"]
        for rule in report["rules"]:
            outcome = "BREACHED" if rule["breached"] else ("ok" if rule["judged"] else "not judged")
            counted = f"{rule['count']}/{rule['among']}"
            lines.append(f"{rule['rule']:<18} {rule['share']:>7.1%} {rule['threshold']:>7.0%} {counted:>11}  {outcome}")
        if not report["judged"]:
            lines.append(f"(rules are judged once {self.min_articles} article pages were seen)")
        logger.info("newsbot: crawl health report\n%s", "\n".join(lines))
        if self.report_path is not None:
            try:
                self.report_path.parent.mkdir(parents=True, exist_ok=True)
                self.report_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            except OSError as error:  # the report is a copy of the log's; losing it stops nothing
                logger.error("newsbot: the crawl health report cannot be written to %s: %s", self.report_path, error)
            else:
                logger.info("newsbot: crawl health report written to %s", self.report_path)


def _report_path(setting: str | None, feeds: dict[str, Any]) -> Path | None:
    if setting:
        return Path(setting)
    # Next to the first feed written to a local file: articles.jsonl -> articles.report.json.
    for uri in feeds:
        if "%(" not in str(uri) and (path := local_path(str(uri))) is not None:
            return path.with_name(path.stem + ".report.json")
    return None
