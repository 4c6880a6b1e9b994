"""newsbot's record and Zyte's standard ``Article`` item (zyte-common-items), both ways.

The record's field names already follow Zyte's (and schema.org's). What ``Article`` has no room
for stays behind: ``articleId``, ``section``, the caption and credit of images, and newsbot's
own metadata (layout, site, source, update, firstWritten). What the record has no room for
stays behind the other way: ``articleBodyHtml``, videos, audios, validation messages.
Needs the ``poet`` extra (``pip install 'newsbot[poet]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zyte_common_items import Article

NO_POET = "Zyte's Article items need zyte-common-items: pip install 'newsbot[poet]'"

#: Fields whose value is the same text in both.
_SAME = ("headline", "datePublished", "datePublishedRaw", "dateModified", "dateModifiedRaw", "inLanguage",
         "description", "articleBody")  # fmt: skip


def missing_poet() -> str | None:
    try:
        import zyte_common_items  # noqa: F401
    except ImportError:
        return NO_POET
    return None


def to_article(record: dict[str, Any], url: str | None = None, probability: float | None = None) -> Article:
    """The ``Article`` of a record; ``url`` is the address asked for (the record's own, its
    canonical URL, by default), ``probability`` that the page is an article."""
    from zyte_common_items import Article, ArticleMetadata, Author, Breadcrumb, Image

    metadata = record.get("metadata", {})
    main_image = record.get("mainImage")
    return Article(
        url=url or record["url"],
        canonicalUrl=record["url"],
        **{name: record[name] for name in _SAME if record.get(name) is not None},
        authors=[
            Author(name=author.get("name"), nameRaw=author.get("nameRaw"), email=author.get("email"))
            for author in record.get("authors", [])
        ]
        or None,
        breadcrumbs=[
            Breadcrumb(name=crumb.get("name"), url=crumb.get("url")) for crumb in record.get("breadcrumbs", [])
        ]
        or None,
        mainImage=Image(url=main_image["url"]) if main_image else None,
        images=[Image(url=image["url"]) for image in record.get("images", [])] or None,
        metadata=ArticleMetadata(dateDownloaded=metadata.get("dateDownloaded"), probability=probability),
    )


def from_article(article: Article) -> dict[str, Any]:
    """A record holding what an ``Article`` says, in newsbot's shape (no ``articleId``, which
    only a site profile gives)."""
    record: dict[str, Any] = {"url": article.canonicalUrl or article.url}
    for name in _SAME:
        if (value := getattr(article, name)) is not None:
            record[name] = value
    record["authors"] = [
        {key: value for key in ("name", "nameRaw", "email") if (value := getattr(author, key))}
        for author in article.authors or []
    ]
    record["breadcrumbs"] = [
        {key: value for key in ("name", "url") if (value := getattr(crumb, key))} for crumb in article.breadcrumbs or []
    ]
    record["images"] = [{"url": image.url} for image in article.images or []]
    if article.mainImage is not None:
        record["mainImage"] = {"url": article.mainImage.url}
    downloaded = article.metadata.dateDownloaded if article.metadata else None
    record["metadata"] = {"dateDownloaded": downloaded} if downloaded else {}
    return record
