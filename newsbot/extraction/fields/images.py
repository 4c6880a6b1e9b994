"""``images`` and ``mainImage``: the story's photos with the caption and credit printed under
them (read from the caption element, never from ``alt``), and the image the page declares for
the article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from newsbot.discovery.urls import absolute_url
from newsbot.extraction.html import innermost, text_of
from newsbot.extraction.meta import PageMeta
from newsbot.profiles import SiteProfile
from newsbot.profiles.base import Layout, Selector
from newsbot.text.captions import split_credit
from newsbot.text.normalise import clean_text

_IMG = Selector(("img",))
# Shorter alt texts ("Korea JoongAng Daily", "photo") could equal a line of prose by chance.
_MIN_ALT_WORDS = 6
# Japanese and Chinese write no spaces between words: there a word is about two characters of
# Han or kana (a Japanese caption repeated from its alt text was one "word" long, and stayed).
_UNSPACED_LETTER = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SRC_ATTRIBUTES = ("src", "data-src", "data-original", "data-lazy-src")
# A caption is a sentence or two. A class-name guess ("[class*=caption]") can match a page's
# <body class="captions"> or a story wrapper: such an element is no caption.
_MAX_CAPTION_CHARS = 600
_NEVER_CAPTIONS = frozenset({"html", "body", "article", "main"})


@dataclass(frozen=True)
class Photo:
    url: str
    caption: str | None
    credit: str | None
    #: The photo's block (or its caption) in the page: where it sits against the story.
    element: etree._Element | None = field(default=None, compare=False, repr=False)

    def as_record(self) -> dict[str, str]:
        record = {"url": self.url}
        if self.caption:
            record["caption"] = self.caption
        if self.credit:
            record["credit"] = self.credit
        return record


@dataclass
class Photos:
    photos: list[Photo]
    #: Every caption text as printed, credit included, to find its repeats in the body.
    captions: list[str]
    #: Photo blocks and caption elements, to cut from the tree before text extraction.
    elements: list[etree._Element]
    #: Long ``alt`` texts: never a caption's source, but the CMS prints them as body text too.
    alt_texts: list[str] = field(default_factory=list)


def _image_url(block: etree._Element, base_url: str) -> str | None:
    for img in _IMG(block):
        for attribute in _SRC_ATTRIBUTES:
            src = (img.get(attribute) or "").strip()
            if src and not src.startswith("data:") and (url := absolute_url(src, base_url)):
                return url
    return None


def _is_caption(element: etree._Element) -> bool:
    return element.tag not in _NEVER_CAPTIONS and len(text_of(element)) <= _MAX_CAPTION_CHARS


def read_photos(tree: etree._Element, layout: Layout, base_url: str, default_image: re.Pattern[str]) -> Photos:
    layout_captions = layout.xpaths["captions"]

    def captions_xpath(scope: etree._Element) -> list[etree._Element]:
        return [el for el in layout_captions(scope) if _is_caption(el)]

    # A block without an image is a caption or a wrapper that merely has "photo" in its class.
    blocks = innermost(
        [block for block in layout.xpaths["photos"](tree) if block.tag not in _NEVER_CAPTIONS and _IMG(block)]
    )
    found = Photos([], [], [])
    seen_urls: set[str] = set()
    used_captions: set[etree._Element] = set()

    def add(url: str | None, caption_element: etree._Element | None, where: etree._Element) -> None:
        caption_text = text_of(caption_element) if caption_element is not None else ""
        if caption_text:
            found.captions.append(caption_text)
        if url is None or url in seen_urls or default_image.search(url):
            return
        seen_urls.add(url)
        parts = split_credit(caption_text, title_case=True)
        found.photos.append(Photo(url, parts.text or None, parts.credit, where))

    for block in blocks:
        inside = captions_xpath(block)
        caption = inside[0] if inside else None
        following = block.getnext()
        if caption is None and following is not None and following in captions_xpath(following):
            caption = following
        if caption is not None:
            used_captions.add(caption)
            found.elements.append(caption)
        found.elements.append(block)
        add(_image_url(block, base_url), caption, block)

    # Captions outside any photo block: the photo is the nearest image before them.
    inside_blocks = {node for block in blocks for node in block.iter()}
    for caption in captions_xpath(tree):
        if caption in used_captions or caption in inside_blocks:
            continue
        url = None
        for candidate in (caption.getprevious(), caption.getparent()):
            if candidate is not None and (url := _image_url(candidate, base_url)):
                break
        found.elements.append(caption)
        add(url, caption, caption)
    alts = (clean_text(img.get("alt") or "") for img in _IMG(tree))
    found.alt_texts = [alt for alt in alts if _words(alt) >= _MIN_ALT_WORDS]
    return found


def photos_in(photos: list[Photo], scope: etree._Element) -> list[Photo]:
    """The ``photos`` inside ``scope``, the story's part of the page: the rest illustrate teasers
    of other stories, the site's menus and its authors' avatars."""
    return [photo for photo in photos if photo.element is None or _within(photo.element, scope)]


def _within(element: etree._Element, scope: etree._Element) -> bool:
    return element is scope or any(ancestor is scope for ancestor in element.iterancestors())


def _words(text: str) -> int:
    return len(text.split()) + len(_UNSPACED_LETTER.findall(text)) // 2


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
