"""newsbot's crawl-health rules as a Spidermon monitor suite, for projects that run Spidermon.

newsbot's own monitor (``newsbot.extensions.monitor``) stays on and counts the figures into the
stats (``newsbot/monitor/<figure>``); this suite reads those stats when the spider closes and
judges the same rules, with the same settings (``NEWSBOT_MONITOR_MAX_*``,
``NEWSBOT_MONITOR_MIN_ARTICLES``), each rule one Spidermon test::

    SPIDERMON_ENABLED = True
    EXTENSIONS = {"spidermon.contrib.scrapy.extensions.Spidermon": 500}
    SPIDERMON_SPIDER_CLOSE_MONITORS = ("newsbot.monitors.CrawlHealthMonitorSuite",)

Needs the ``spidermon`` extra (``pip install 'newsbot[spidermon]'``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    from spidermon import Monitor, MonitorSuite, monitors
except ImportError as missing:  # one line, not a chain of import errors
    raise ImportError(f"newsbot.monitors needs Spidermon: pip install 'newsbot[spidermon]' ({missing})") from None

from newsbot.extensions.monitor import RULES, Rule, outcomes, thresholds

_PREFIX = "newsbot/monitor/"


@monitors.name("newsbot crawl health")
class CrawlHealthMonitor(Monitor):  # type: ignore[misc]
    """One test per crawl-health rule; a rule is judged once enough article pages were seen."""

    def _check(self, rule: Rule) -> None:
        stats: dict[str, Any] = dict(self.data.stats)
        settings = self.data.crawler.settings
        counts = {key.removeprefix(_PREFIX): value for key, value in stats.items() if key.startswith(_PREFIX)}
        if counts.get("seen", 0) < (minimum := settings.getint("NEWSBOT_MONITOR_MIN_ARTICLES", 20)):
            self.skipTest(f"fewer than {minimum} article pages seen")
        outcome = next(found for found in outcomes(counts, thresholds(settings)) if found.rule is rule)
        self.assertFalse(
            outcome.breached,
            msg=f"{outcome.count} of {outcome.among} {rule.meaning} ({outcome.share:.0%} > {outcome.threshold:.0%}, "
            f"{rule.setting})",
        )


def _rule_test(rule: Rule) -> Callable[[CrawlHealthMonitor], None]:
    def test(self: CrawlHealthMonitor) -> None:
        self._check(rule)

    named: Callable[[CrawlHealthMonitor], None] = monitors.name(rule.name)(test)
    return named


for _rule in RULES:
    setattr(CrawlHealthMonitor, f"test_{_rule.name}", _rule_test(_rule))


class CrawlHealthMonitorSuite(MonitorSuite):  # type: ignore[misc]
    """The suite to name in ``SPIDERMON_SPIDER_CLOSE_MONITORS``."""

    monitors = [CrawlHealthMonitor]  # noqa: RUF012 (Spidermon's own attribute)
