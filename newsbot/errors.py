"""newsbot's own errors: a page that cannot become a record says why, in ``reason``."""

from __future__ import annotations


class NewsbotError(Exception):
    """Base of every error newsbot raises on purpose."""


class NotAnArticle(NewsbotError):
    """The page cannot become a record. ``reason`` is the stats key suffix it is counted under."""

    reason = "not_article"

    def __init__(self, message: str) -> None:
        super().__init__(message)


class EmptyPage(NotAnArticle):
    """No HTML to read: an empty, binary or non-HTML body."""

    reason = "empty_page"


class TooDeep(NotAnArticle):
    """Elements nested deeper than even the lenient parser reads (2048 levels): no story is."""

    reason = "too_deep"


class TooManyElements(NotAnArticle):
    """More tags than any news page has: reading it would cost a worker hundreds of megabytes."""

    reason = "too_many_elements"


class NoHeadline(NotAnArticle):
    reason = "no_headline"


class EmptyBody(NotAnArticle):
    """The page has no story text once chrome is removed (a section front, a video page)."""

    reason = "empty_body"
