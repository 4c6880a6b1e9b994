"""What the spider hands to the pipelines. The record they return is a dict that follows
``newsbot/schema/article.schema.json``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Page:
    """A downloaded article page, before extraction."""

    url: str
    #: The body as downloaded: extraction decodes it (mis-declared charsets included).
    body: bytes | str
    content_type: str | None = None
    #: When a listing, feed or sitemap said the article ran, if one did.
    listed_date: datetime | None = None
    #: Where the page came from, for people reading a record's metadata.
    source: str | None = None
    #: When the page was fetched, if not just now (an archived capture).
    downloaded: datetime | None = None
