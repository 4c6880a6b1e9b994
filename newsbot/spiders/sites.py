"""One spider per site profile, made from the profile registry: adding a site adds its spider.

``scrapy list`` shows each profile's spider by the profile's ``spider`` name (the generic
profile's is ``news``: any news site, from its feeds and sitemaps).
"""

from __future__ import annotations

from newsbot.profiles import PROFILES, SiteProfile
from newsbot.spiders.site import SiteSpider


def spider_class(profile: SiteProfile) -> type[SiteSpider]:
    """The spider that crawls ``profile``'s site."""
    class_name = "".join(part.title() for part in profile.spider.split("_")) + "Spider"
    doc = f"{profile.description or profile.name}\n\n{SiteSpider.__doc__}"
    # __module__ is this module's: Scrapy's spider loader lists classes defined in the module it walks.
    return type(
        class_name, (SiteSpider,), {"name": profile.spider, "profile": profile, "__doc__": doc, "__module__": __name__}
    )


SPIDERS: dict[str, type[SiteSpider]] = {profile.spider: spider_class(profile) for profile in PROFILES.values()}
globals().update({spider.__name__: spider for spider in SPIDERS.values()})

__all__ = ["SPIDERS", "spider_class"]
