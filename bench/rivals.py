"""The crawls newsbot is measured against, on the same local server in the same run.

- ``bare``: the framework's ceiling. A plain Scrapy spider that follows the listing, fetches
  every article and yields its URL; no extraction at all.
- ``trafilatura``: the spider a user writes in ten minutes, calling
  ``trafilatura.extract(with_metadata=True)`` in its callback.

Both run with ``scrapy runspider`` outside the project (no newsbot settings, add-on or
pipelines), with the same politeness-off settings as the newsbot crawl they are compared with.
"""

from __future__ import annotations

BARE = """
import scrapy


class Bare(scrapy.Spider):
    name = "bare"

    def __init__(self, start=None, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            yield scrapy.Request(url, callback=self.parse if "/bench/list" in url else self.article)

    def article(self, response):
        yield {"url": response.url}
"""

TRAFILATURA = """
import scrapy
import trafilatura


class Naive(scrapy.Spider):
    name = "naive"

    def __init__(self, start=None, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            yield scrapy.Request(url, callback=self.parse if "/bench/list" in url else self.article)

    def article(self, response):
        text = trafilatura.extract(response.text, url=response.url, with_metadata=True)
        yield {"url": response.url, "text": text}
"""

RIVALS = {"bare": BARE, "trafilatura": TRAFILATURA}
