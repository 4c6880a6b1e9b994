"""Saved pages, replayed: the fixture site offline, and on a local server for tests.

A saved page is a folder holding ``meta.json`` (its URL, status and headers), ``body.*``
(the bytes as served) and, for an article, ``expected.json`` (its record, for review).
With ``NEWSBOT_REPLAY=fixtures`` the downloader answers every request from that folder
instead of the network, so the crawl runs the same spider and pipelines offline.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from newsbot.profiles import PROFILES

logger = logging.getLogger(__name__)


def _path_key(url: str) -> str:
    """Path and query: what identifies a page on any host of the site."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass(frozen=True)
class SavedPage:
    name: str
    folder: Path
    url: str
    status: int
    headers: dict[str, str]

    @property
    def body_path(self) -> Path:
        found = sorted(self.folder.glob("body.*"))
        if not found:
            raise FileNotFoundError(f"{self.folder} has no body.* file")
        return found[0]

    @property
    def expected_path(self) -> Path:
        return self.folder / "expected.json"

    def body(self) -> bytes:
        return self.body_path.read_bytes()

    def expected_record(self) -> dict[str, Any]:
        """The reviewed record of an article page (``expected.json``)."""
        record: dict[str, Any] = json.loads(self.expected_path.read_text(encoding="utf-8"))
        return record

    @property
    def key(self) -> str:
        return _path_key(self.url)


class FixtureSite:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        if not self.root.is_dir():
            raise FileNotFoundError(f"no fixture folder at {self.root}")
        self.pages: list[SavedPage] = []
        for meta_path in sorted(self.root.rglob("meta.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            self.pages.append(
                SavedPage(
                    name=str(meta_path.parent.relative_to(self.root)),
                    folder=meta_path.parent,
                    url=meta["url"],
                    status=int(meta.get("status", 200)),
                    headers=dict(meta.get("headers", {})),
                )
            )
        self._by_key: dict[str, SavedPage] = {}
        for page in self.pages:
            if page.key in self._by_key:
                # One server serves every host of the fixture site, so paths must not collide.
                raise ValueError(f"{page.name} and {self._by_key[page.key].name} share the path {page.key}")
            self._by_key[page.key] = page

    def find(self, url: str) -> SavedPage | None:
        return self._by_key.get(_path_key(url))

    @property
    def articles(self) -> list[SavedPage]:
        return [page for page in self.pages if page.expected_path.exists()]


#: The hosts of every profile's site: a fixture site may hold pages of several.
ALL_HOSTS = tuple(host for profile in PROFILES.values() for host in profile.hosts)


def site_origins(hosts: tuple[str, ...] = ALL_HOSTS) -> list[str]:
    # Longest first, so "https://www.example.com" is not half-rewritten by a shorter origin.
    origins = [f"{scheme}{host}" for host in hosts for scheme in ("https://", "http://")]
    return sorted(origins, key=len, reverse=True)


def relocate(body: bytes, origin: str, hosts: tuple[str, ...] = ALL_HOSTS) -> bytes:
    """Point the site's absolute links at ``origin`` (a local server replaying the site)."""
    for site_origin in site_origins(hosts):
        body = body.replace(site_origin.encode(), origin.encode())
    return body


class ReplayMiddleware:
    """Downloader middleware: answer every request from saved pages (unknown URLs get a 404)."""

    def __init__(self, site: FixtureSite) -> None:
        self.site = site

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        root = crawler.settings.get("NEWSBOT_REPLAY")
        if not root:
            # An option that is off is no warning (Scrapy warns of a NotConfigured with a message).
            logger.debug("newsbot: pages come from the network (NEWSBOT_REPLAY is not set)")
            raise NotConfigured
        site = FixtureSite(root)
        logger.info("newsbot: replaying %d saved pages from %s; no request leaves this machine", len(site.pages), root)
        return cls(site)

    def process_request(self, request: Request) -> Response:
        page = self.site.find(request.url)
        if page is None:
            return Response(request.url, status=404, request=request, body=b"not in the fixture site")
        body = page.body()
        headers = Headers(page.headers)
        response_class: Any = responsetypes.from_args(headers=headers, url=request.url, body=body)
        response: Response = response_class(
            url=request.url, status=page.status, headers=headers, body=body, request=request
        )
        return response
