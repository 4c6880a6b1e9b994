"""``mainImage``: the image the page declares for the article, with its caption and credit
when the story prints it (the story's photos themselves are ``newsbot.extraction.images``)."""

from __future__ import annotations

from typing import Any

from newsbot.discovery.urls import absolute_url
from newsbot.extraction.images import Photo
from newsbot.extraction.meta import PageMeta
from newsbot.profiles import SiteProfile


def read_main_image(meta: PageMeta, url: str, profile: SiteProfile, photos: list[Photo]) -> dict[str, str] | None:
    """The image the page declares for the article (``og:image``, then JSON-LD's ``image``), with
    the caption and credit the story prints under it when it is one of the story's photos; a page
    that declares none (or only the site's default picture) leads with its first story photo."""
    for candidate in (meta.get("og:image", "twitter:image"), *_json_ld_images(meta.json_ld.get("image"))):
        declared = absolute_url(candidate or "", url)
        if declared and not profile.default_image.search(declared):
            photo = next((photo for photo in photos if _same_image(photo.url, declared)), None)
            return photo.as_record() if photo is not None else {"url": declared}
    return photos[0].as_record() if photos else None


def _json_ld_images(value: Any) -> list[str]:
    """The URLs a JSON-LD ``image`` gives: a URL, an ``ImageObject``, or a list of either."""
    items = value if isinstance(value, list) else [value]
    urls = [item.get("url") or item.get("contentUrl") if isinstance(item, dict) else item for item in items]
    return [found for found in urls if isinstance(found, str) and found.strip()]


def _same_image(one: str, other: str) -> bool:
    # A declared image is often the story photo at another size: the same file, other parameters.
    return one.split("?", 1)[0].rstrip("/") == other.split("?", 1)[0].rstrip("/")
