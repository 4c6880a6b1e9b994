"""One DropItem class per reason: Scrapy then counts ``item_dropped_reasons_count/<Class>``,
and newsbot counts ``newsbot/dropped/<reason>``."""

from __future__ import annotations

from typing import ClassVar

from scrapy.exceptions import DropItem

from newsbot.errors import NotAnArticle


class NewsbotDrop(DropItem):
    reason: ClassVar[str] = "dropped"

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"{self.reason}: {detail}")
        self.url = url
        self.detail = detail


class NotArticle(NewsbotDrop):
    reason = "not_article"


class EmptyPage(NewsbotDrop):
    reason = "empty_page"


class NoHeadline(NewsbotDrop):
    reason = "no_headline"


class EmptyBody(NewsbotDrop):
    reason = "empty_body"


class TooDeep(NewsbotDrop):
    reason = "too_deep"


class TooManyElements(NewsbotDrop):
    reason = "too_many_elements"


class ExtractionFailed(NewsbotDrop):
    """A bug or a page newsbot did not foresee: the crawl goes on, the page is counted."""

    reason = "extraction_error"


class ExtractionTimedOut(NewsbotDrop):
    """A page kept its extraction worker busy past ``NEWSBOT_EXTRACTION_TIMEOUT``."""

    reason = "extraction_timeout"


class OutOfRange(NewsbotDrop):
    reason = "out_of_range"


class DuplicateArticle(NewsbotDrop):
    reason = "duplicate"


class OverLimit(NewsbotDrop):
    reason = "over_limit"


class AlreadyWritten(NewsbotDrop):
    """A resumed job met an article it wrote before it was stopped."""

    reason = "already_written"


class Unchanged(NewsbotDrop):
    """An earlier crawl wrote this article, and neither its body nor dateModified changed."""

    reason = "unchanged"


class InvalidRecord(NewsbotDrop):
    reason = "invalid_record"


_BY_REASON = {cls.reason: cls for cls in (NotArticle, EmptyPage, NoHeadline, EmptyBody, TooDeep, TooManyElements)}


def drop_for(error: NotAnArticle, url: str) -> NewsbotDrop:
    """The drop that stands for an extraction error."""
    return _BY_REASON.get(error.reason, NotArticle)(url, str(error))
