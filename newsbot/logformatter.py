"""Log a dropped page as one short line naming its URL and reason, not the whole page."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure

from newsbot.pipelines.drops import NewsbotDrop, OverLimit


class NewsbotLogFormatter(LogFormatter):
    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        if isinstance(exception, NewsbotDrop):
            return {
                # Pages still in flight when the limit was reached are expected, not a problem.
                "level": logging.DEBUG if isinstance(exception, OverLimit) else logging.WARNING,
                "msg": "newsbot: dropped <%(url)s>: %(reason)s",
                "args": {"url": exception.url, "reason": str(exception)},
            }
        return super().dropped(item, exception, response, spider)
