"""newsbot: news pages of the JoongAng family and any news site to clean, normalised JSON Lines."""

from __future__ import annotations

from newsbot.errors import EmptyBody, EmptyPage, NewsbotError, NoHeadline, NotAnArticle, TooDeep, TooManyElements
from newsbot.extraction.article import extract
from newsbot.version import __version__

__all__ = [
    "EmptyBody",
    "EmptyPage",
    "NewsbotError",
    "NoHeadline",
    "NotAnArticle",
    "TooDeep",
    "TooManyElements",
    "__version__",
    "extract",
]
