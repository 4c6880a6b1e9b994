"""Retries that back off: exponential delays, and the server's ``Retry-After`` honoured.

Scrapy's RetryMiddleware re-sends a failed request at once, which hammers a server that just
said it is overloaded (503) or that the client is too fast (429).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor, task

logger = logging.getLogger(__name__)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff(attempt: int, base: float, cap: float) -> float:
    """Delay before retry number ``attempt`` (1, 2, ...): base, 2 x base, 4 x base ... up to cap."""
    return float(min(cap, base * 2 ** max(0, attempt - 1)))


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("NEWSBOT_RETRY_BACKOFF", 1.0)
        self.cap = settings.getfloat("NEWSBOT_RETRY_MAX_DELAY", 60.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    async def _wait(self, retry: Request, asked: float | None) -> Request:
        attempt = int(retry.meta.get("retry_times", 1))
        delay = min(self.cap, asked) if asked is not None else backoff(attempt, self.base, self.cap)
        if delay > 0:
            logger.debug("newsbot: retry %d of %s in %.1f s", attempt, retry.url, delay)
            await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))
        return retry

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        header = response.headers.get("Retry-After")
        return await self._wait(retry, retry_after(header.decode("latin-1") if header else None))

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        return await self._wait(retry, None) if retry is not None else None
