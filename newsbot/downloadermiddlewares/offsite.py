"""Redirects off the crawl's hosts end the request, with the spider's errback told why.

Scrapy drops an off-site redirect target silently at scheduling time; newsbot wants it
counted and logged like any other page that does not become a record.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from newsbot.discovery.urls import host_allowed


class OffsiteRedirectMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteRedirectMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        domains = getattr(self.crawler.spider, "allowed_domains", None)
        if not (300 <= response.status < 400 and location and domains):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        allows = getattr(self.crawler.spider, "allows", None)
        if allows(target) if callable(allows) else host_allowed(target, domains):
            return response
        raise IgnoreRequest(f"offsite redirect to {target}")
