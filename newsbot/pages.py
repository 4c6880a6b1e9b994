"""newsbot's extraction as a web-poet page object: ``ArticlePage`` returns Zyte's ``Article``.

A scrapy-poet project asks for it in a callback (``async def parse(self, response, page:
ArticlePage)``, then ``await page.to_item()``) or asks for ``Article`` on the JoongAng hosts,
for which it is registered with ``handle_urls``. Any other URL is read as ``scrapy crawl news``
reads it: with the profile of its host, or the generic one. Each field is the record's
(``newsbot.zyte.to_article``); the metadata carries the probability that the page is an article
(1.0 where a profile's layout vouches for it). Needs the ``poet`` extra.
"""

from __future__ import annotations

from functools import cached_property

try:
    from web_poet import WebPage, field, handle_urls
    from zyte_common_items import Article, ArticleMetadata, Author, Breadcrumb, Image
except ImportError as missing:  # one line, not a chain of import errors
    raise ImportError(
        f"newsbot.pages needs web-poet and zyte-common-items: pip install 'newsbot[poet]' ({missing})"
    ) from None

from newsbot.extraction.article import Extraction, extract_article
from newsbot.profiles import PROFILES
from newsbot.zyte import to_article

#: The hosts whose Article requests this page object answers: every described site's, from its profile.
HOSTS = sorted({host for profile in PROFILES.values() for host in profile.hosts})


@handle_urls(HOSTS)
class ArticlePage(WebPage[Article]):
    """One article page read by newsbot; each field is a field of its record."""

    @cached_property
    def _extraction(self) -> Extraction:
        content_type = self.response.headers.get("Content-Type")
        return extract_article(bytes(self.response.body), str(self.response.url), content_type=content_type)

    @cached_property
    def _article(self) -> Article:
        probability = self._extraction.probability
        return to_article(self._extraction.record, str(self.response.url), 1.0 if probability is None else probability)

    @field
    def url(self) -> str:
        return self._article.url

    @field
    def canonicalUrl(self) -> str | None:
        return self._article.canonicalUrl

    @field
    def headline(self) -> str | None:
        return self._article.headline

    @field
    def datePublished(self) -> str | None:
        return self._article.datePublished

    @field
    def datePublishedRaw(self) -> str | None:
        return self._article.datePublishedRaw

    @field
    def dateModified(self) -> str | None:
        return self._article.dateModified

    @field
    def dateModifiedRaw(self) -> str | None:
        return self._article.dateModifiedRaw

    @field
    def authors(self) -> list[Author] | None:
        return self._article.authors

    @field
    def breadcrumbs(self) -> list[Breadcrumb] | None:
        return self._article.breadcrumbs

    @field
    def inLanguage(self) -> str | None:
        return self._article.inLanguage

    @field
    def mainImage(self) -> Image | None:
        return self._article.mainImage

    @field
    def images(self) -> list[Image] | None:
        return self._article.images

    @field
    def description(self) -> str | None:
        return self._article.description

    @field
    def articleBody(self) -> str | None:
        return self._article.articleBody

    @field
    def metadata(self) -> ArticleMetadata | None:
        return self._article.metadata
