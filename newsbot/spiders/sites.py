"""One spider per site profile, made from the profile registry: adding a site adds its spider.

``scrapy list`` shows each profile's spider by the profile's ``spider`` name (the generic
profile's is ``news``: any news site, from its feeds and sitemaps).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from scrapy.http import Response

from newsbot.profiles import PROFILES, SiteProfile
from newsbot.spiders.site import SiteSpider


def spider_class(profile: SiteProfile) -> type[SiteSpider]:
    """The spider that crawls ``profile``'s site."""
    class_name = "".join(part.title() for part in profile.spider.split("_")) + "Spider"
    doc = f"{profile.description or profile.name}\n\n{SiteSpider.__doc__}"
    # __module__ is this module's: Scrapy's spider loader lists classes defined in the module it walks.
    namespace: dict[str, Any] = {"name": profile.spider, "profile": profile, "__doc__": doc, "__module__": __name__}
    namespace.update(_checks(profile))
    return type(class_name, (SiteSpider,), namespace)


def _checks(profile: SiteProfile) -> dict[str, Callable[..., Iterator[Any]]]:
    """Callbacks carrying the profile's ``scrapy check`` contracts, one per page to check."""
    methods: dict[str, Callable[..., Iterator[Any]]] = {}
    for check in profile.checks.get("article", ()):
        layout, url = check.split()

        def article(self: SiteSpider, response: Response) -> Iterator[Any]:
            return self.parse_article(response)

        article.__doc__ = f"""An article page of layout {layout}: one page, whose record is whole.

        @url {url}
        @returns items 1 1
        @returns requests 0 0
        @record layout={layout} headline articleBody datePublished authors
        """
        article.__name__ = "check_article_" + re.sub(r"\W", "_", layout)
        methods[article.__name__] = article
    for index, url in enumerate(profile.checks.get("listing", ())):

        def listing(self: SiteSpider, response: Response) -> Iterator[Any]:
            # Each check stands alone: links another check asked for count again.
            self.requested.clear()
            self.discovery_urls.clear()
            return self.parse(response)

        listing.__doc__ = f"""A listing, feed or sitemap: article links to follow.

        @url {url}
        @returns items 0 0
        @returns requests 2
        """
        listing.__name__ = f"check_listing_{index}"
        methods[listing.__name__] = listing
    return methods


SPIDERS: dict[str, type[SiteSpider]] = {profile.spider: spider_class(profile) for profile in PROFILES.values()}
globals().update({spider.__name__: spider for spider in SPIDERS.values()})

__all__ = ["SPIDERS", "spider_class"]
