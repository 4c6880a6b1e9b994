"""Spider contracts for ``scrapy check``: a page of each way in, read as the crawl reads it.

Each site profile names pages of its site to check (``SiteProfile.checks``); the site's spider
gets callbacks whose docstrings hold the contracts (``newsbot.spiders.sites``). Run against the
saved pages, ``scrapy check -s NEWSBOT_REPLAY=fixtures`` fails when a layout or a listing no
longer reads as it did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy.contracts import Contract
from scrapy.exceptions import ContractFail

from newsbot.errors import NotAnArticle
from newsbot.extraction.article import extract_article
from newsbot.items import Page


class RecordContract(Contract):
    """``@record layout=2021-moka headline articleBody``: each page the callback hands on gives a
    record with these fields filled (``name=value``: equal to it; ``layout`` is the layout that
    matched)."""

    name = "record"

    def __init__(self, method: Callable[..., Any], *args: Any) -> None:
        super().__init__(method, *args)
        # The contract is built from the spider's bound callback: its spider reads the page.
        self.spider: Any = getattr(method, "__self__", None)

    def post_process(self, output: list[Any]) -> None:
        spider = self.spider
        pages = [item for item in output if isinstance(item, Page)]
        if not pages:
            raise ContractFail("no page was handed to the pipelines")
        for page in pages:
            try:
                extraction = extract_article(page.body, page.url, profile=spider.profile_for(page.url),
                                             content_type=page.content_type)  # fmt: skip
            except NotAnArticle as error:
                raise ContractFail(f"{page.url}: no record ({error.reason}: {error})") from None
            record = {**extraction.record, "layout": extraction.layout}
            for expectation in self.args:
                name, _, value = expectation.partition("=")
                if value and record.get(name) != value:
                    raise ContractFail(f"{page.url}: {name} is {record.get(name)!r}, not {value!r}")
                if not value and not record.get(name):
                    raise ContractFail(f"{page.url}: no {name}")
