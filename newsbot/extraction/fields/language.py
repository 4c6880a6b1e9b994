"""``inLanguage``: the language the story is written in."""

from __future__ import annotations

from newsbot.extraction.meta import PageMeta
from newsbot.profiles import SiteProfile
from newsbot.text.language import detect_language


def read_language(body: str, meta: PageMeta, profile: SiteProfile) -> str | None:
    """What the story's own words say, when they say it clearly; else what the page declares
    (``<html lang>``, ``og:locale``, ``Content-Language``, JSON-LD), else the site profile's language.
    The words first: a template declares the site's usual language on pages in others too."""
    return detect_language(body) or meta.language or profile.language
