"""Any news site nobody has described: no layouts, no site strings, no assumed timezone.

What a page of such a site gives is read from markup every site shares (``<h1>``, ``<time>``,
``<figure>``/``<figcaption>``, ``rel=author``, schema.org ``itemprop``) and from its meta tags;
the story is what trafilatura keeps, less what is proven to be no story.
"""

from __future__ import annotations

from newsbot.profiles.base import Layout, SiteProfile

ANY_TEMPLATE = Layout(
    name="generic",
    in_use="any news page",
    body=(),
    headline=("h1",),
    dates=("time", "[itemprop=datePublished]", "[itemprop=dateModified]"),
    breadcrumbs=("nav[aria-label*=readcrumb] a", ".breadcrumb a", ".breadcrumbs a", "[itemprop=itemListElement] a"),
    photos=("figure",),
    captions=("figcaption",),
    bylines=("[rel=author]", "[itemprop=author]"),
    byline_blocks=(".byline", ".author", ".author-name", ".byline__author", ".article-byline"),
)

GENERIC = SiteProfile(
    name="generic",
    spider_name="news",
    description="Any news site, from its feeds, sitemaps and article pages: scrapy crawl news -a start_urls=...",
    hosts=(),
    generic=ANY_TEMPLATE,
)
