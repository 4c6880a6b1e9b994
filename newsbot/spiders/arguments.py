"""A crawl's arguments (``-a start_urls=... -a since=... -a until=... -a limit=...``), checked.

One function reads them for the spider and for the ``crawl`` command, which checks them before
Scrapy opens (and, with ``-O``, empties) any feed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from urllib.parse import urlsplit

from newsbot.text.dates import parse_bound


@dataclass(frozen=True)
class CrawlArguments:
    start_urls: tuple[str, ...]
    since: datetime | None
    until: datetime | None
    limit: int | None

    @classmethod
    def parse(
        cls,
        start_urls: str | Iterable[str] | None,
        since: str | None,
        until: str | None,
        limit: str | int | None,
        default_start_urls: Iterable[str] = (),
        tz: tzinfo | None = None,
    ) -> CrawlArguments:
        """The arguments as values; ``ValueError`` says what is wrong with one. A bare date is a
        day in ``tz``, the site's time (UTC for a site of no known timezone)."""
        urls = start_urls.split(",") if isinstance(start_urls, str) else list(start_urls or ())
        cleaned = tuple(url.strip() for url in urls if url.strip()) or tuple(default_start_urls)
        bad = [url for url in cleaned if urlsplit(url).scheme not in ("http", "https")]
        if bad:
            raise ValueError(f"start URLs must be http(s) URLs: {', '.join(bad)}")
        first = parse_bound(since, tz=tz) if since else None
        last = parse_bound(until, end_of_day=True, tz=tz) if until else None
        if first and last and first > last:
            raise ValueError(f"since ({since}) is after until ({until})")
        return cls(cleaned, first, last, _limit(limit))


def _limit(limit: str | int | None) -> int | None:
    if limit in (None, ""):
        return None
    try:
        value = int(limit)
    except ValueError:
        raise ValueError(f"limit must be a whole number, not {limit!r}") from None
    if value < 1:
        raise ValueError(f"limit must be a positive number, not {limit!r}")
    return value
