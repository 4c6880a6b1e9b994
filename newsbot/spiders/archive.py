"""``scrapy crawl warc -a warc=PATH[,PATH...]``: web archives through the same pipelines.

Each record is read with the profile of its URL's host. Every HTML response record whose URL
is an article of its site (any HTML page, on a host no profile describes) becomes a page for
the extraction pipelines, exactly as if it had been downloaded; its record says which archive
and offset it came from. A truncated or corrupt record is counted and the rest of the file
is still read where the format allows.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from scrapy.exceptions import CloseSpider

from newsbot.items import Page
from newsbot.profiles import SiteProfile, profile_for_url
from newsbot.spiders.site import HTML_TYPES, SiteSpider
from newsbot.text.dates import parse_iso

logger = logging.getLogger(__name__)


class _BadRecord(Exception):
    """A record whose payload is incomplete or damaged; the records after it are still read."""


def _paths(warc: str | None) -> list[Path]:
    return [Path(path.strip()) for path in (warc or "").split(",") if path.strip()]


def _warc_error(warc: str | None) -> str | None:
    try:
        import warcio  # noqa: F401  (the warc extra)
    except ImportError:
        return "the warc spider needs warcio: pip install 'newsbot[warc]'"
    paths = _paths(warc)
    if not paths:
        return "give the archives to read: -a warc=PATH[,PATH...]"
    missing = [str(path) for path in paths if not path.is_file()]
    return f"no such WARC file: {', '.join(missing)}" if missing else None


class WarcSpider(SiteSpider):
    """Web archives instead of the network: scrapy crawl warc -a warc=PATH[,PATH...]

    Arguments: ``warc`` (the archives, comma-separated), and ``since``, ``until``, ``limit`` as
    for a site's spider. Exit codes as for a site's spider.
    """

    arguments = (*SiteSpider.arguments, "warc")

    name = "warc"
    needs_start_urls = False

    def profile_for(self, url: str) -> SiteProfile:
        # An archive holds any site: each page is read as its own host's.
        return profile_for_url(url)

    def __init__(self, warc: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warc_paths = _paths(warc)
        if self.argument_error is None:
            self.argument_error = _warc_error(warc)

    @classmethod
    def check_arguments(cls, arguments: dict[str, str]) -> str | None:
        return super().check_arguments(arguments) or _warc_error(arguments.get("warc"))

    async def start(self) -> AsyncIterator[Any]:
        if self.argument_error is not None:
            logger.error("newsbot: bad spider argument: %s", self.argument_error)
            raise CloseSpider("bad_argument")
        for path in self.warc_paths:
            for page in self._pages(path):
                yield page

    def _pages(self, path: Path) -> Iterator[Page]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        stats = self.crawler.stats
        assert stats is not None
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            try:
                for record in records:
                    if record.rec_type != "response":
                        continue
                    try:
                        page = self._page_of(record)
                    except _BadRecord as error:
                        stats.inc_value("newsbot/warc/corrupt")
                        logger.warning("newsbot: skipped a corrupt WARC record in %s: %s", path, error)
                        continue
                    if page is None:
                        stats.inc_value("newsbot/warc/skipped")
                        continue
                    # Asked only after the body is read: asking first consumes the record.
                    page.source = f"{path.name}#{records.get_record_offset()}"
                    self.responses += 1
                    stats.inc_value("newsbot/warc/pages")
                    yield page
            except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
                # Compressed members cannot be resynchronised after damage: count it, keep the rest.
                stats.inc_value("newsbot/warc/corrupt")
                logger.warning("newsbot: corrupt WARC record in %s after offset %s: %s", path, records.offset, error)
                return
            if records.offset < path.stat().st_size:
                # A file cut inside a record's first bytes ends the iteration without an error.
                stats.inc_value("newsbot/warc/corrupt")
                logger.warning("newsbot: %s ends in a cut record after offset %s", path, records.offset)

    def _page_of(self, record: Any) -> Page | None:
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        http = record.http_headers
        if http is None or not http.get_statuscode().startswith("2"):
            return None
        # Every payload is read and checked, skipped or not: a file cut short inside a record
        # that is skipped is still a cut file.
        body = record.content_stream().read()
        if not _complete(record, body):
            raise _BadRecord(f"the record of {url} is cut short or does not match its digest")
        profile = profile_for_url(url)
        if not profile.any_page_is_an_article and profile.article_url(url) is None:
            return None  # a listing, a feed, a search page of a site whose article URLs are known
        content_type = http.get_header("Content-Type") or ""
        if content_type and not any(kind in content_type.lower() for kind in HTML_TYPES):
            return None
        captured = parse_iso(record.rec_headers.get_header("WARC-Date") or "")
        return Page(url, body, content_type or None, downloaded=captured)


def _complete(record: Any, body: bytes) -> bool:
    """The payload is all there: its digest, or else its HTTP Content-Length, agrees."""
    digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
    algorithm, _, value = digest.partition(":")
    if algorithm.lower() == "sha1" and value:
        return base64.b32encode(hashlib.sha1(body).digest()).decode() == value.upper()
    length = record.http_headers.get_header("Content-Length")
    return not (length and length.isdigit()) or len(body) >= int(length)
