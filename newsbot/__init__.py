"""newsbot: Korea JoongAng Daily-style news pages to clean, normalised JSON Lines."""

from __future__ import annotations

__version__ = "0.1.0"

from newsbot.errors import EmptyBody, EmptyPage, NewsbotError, NoHeadline, NotAnArticle, TooDeep, TooManyElements
from newsbot.extraction.article import extract

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
