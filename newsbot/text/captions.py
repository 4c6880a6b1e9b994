"""Photo captions: split the credit, and recognise a caption printed again in the body."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsbot.text.normalise import clean_text, fingerprint

# The group's captions end in an upper-case agency or owner credit: [YONHAP], [NEWS1],
# [JOONGANG ILBO], [KOREAN EMBASSY TO THE UNITED STATES], [SCREEN CAPTURE], [AP/YONHAP].
_CREDIT = re.compile(r"\s*\[(?P<credit>[^\[\]a-z]*[A-Z][^\[\]a-z]*)\]\s*$")
# A credit written in title case: a few capitalised words, "/" or "&" between agencies.
_TITLE_CREDIT = re.compile(r"\s*\[(?P<credit>[A-Z][\w.&'’-]*(?:[ /&]+[A-Z0-9][\w.&'’-]*){0,7})\]\s*$")
# Credits read only in text known to be a caption: bracketed with Hangul ("[중앙포토]",
# "[사진 청와대]"), or unbracketed after the sentence as one word, with where it came from
# before "=" ("... 있다. 연합뉴스", "... 있다. 로이터=연합뉴스", "... 있다. 뉴스1"), or a credit
# label ("사진=...", "그래픽=차준홍 기자 e-mail"). No outlet is named: any one word counts.
_CAPTION_CREDIT = re.compile(
    r"\s*(?:\[(?P<bracketed>[^\[\]]*[가-힣][^\[\]]{0,30})\]"
    r"|(?<=[.!?다\]])\s+(?P<bare>(?:[A-Za-z가-힣]{1,10}=)?[A-Za-z가-힣][A-Za-z가-힣0-9]{1,9}"
    r"|(?:사진|그래픽|자료|영상)\s*=\s*[^=]{1,60}?))\s*$"
)
# Prefixes some CMS versions print before a caption paragraph.
_PREFIX = re.compile(r"^\s*(?:▲|△|■|\[(?:photo|PHOTO|Photo)\]|(?:photo|PHOTO|Photo)\s*[:：-])\s*")
# A caption is a sentence or two; a long paragraph with a trailing credit is still body text.
_MAX_CAPTION_WORDS = 45
# A photo's credit printed on a line of its own under a picture: a picture agency's name (they
# license photos and write no stories; a wire's name alone is a byline), or any short credit
# after a label ("Photo: AFP", "Foto: dpa", "Image: Jane Doe/Facebook", "© Jane Doe").
_PICTURE_AGENCY = (
    r"(?:Getty\s*Images|Shutterstock(?:\.com)?|iStock(?:photo)?|Alamy(?:\s+Stock\s+Photo)?|Unsplash|Pexels"
    r"|picture[ -]alliance|IMAGO(?:\s+images)?|WireImage|Corbis|NurPhoto|SOPA\s+Images)"
)
_PHOTO_LABEL = r"(?:photos?|fotos?|bild(?:er)?|image|credit|photograph|photo\s+credit)\s*[:：]\s*|©\s*"
_PHOTO_CREDIT = re.compile(
    rf"^(?:{_PHOTO_LABEL})?(?:[^.!?:]{{1,80}}?\s*(?:/|\bvia\b)\s*)?{_PICTURE_AGENCY}(?:\s*/\s*[\w .&-]{{1,30}})?\s*$"
    rf"|^(?:{_PHOTO_LABEL})[^.!?]{{1,80}}$",
    re.IGNORECASE,
)
_MAX_CREDIT_WORDS = 12
# Twelve words are under this many characters: a cheaper test first, on every line of a body.
_MAX_CREDIT_CHARS = 160


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None


def strip_prefix(text: str) -> str:
    """Remove a leading ``▲`` or ``[Photo]`` marker."""
    return _PREFIX.sub("", text, count=1)


def split_credit(caption: str, *, title_case: bool = False) -> Caption:
    """``"Suh Hoon shakes hands. [YONHAP]"`` -> text and credit ``YONHAP``.

    With ``title_case`` (for text known to be a caption) a ``[Screen Capture]`` or
    ``[Samsung Electronics]`` credit is split too, and so is a one-word credit printed after the
    last sentence; in body text only the site's upper-case credits count, since a bracket in
    prose is usually an editor's insertion.
    """
    caption = strip_prefix(clean_text(caption))
    match = _CREDIT.search(caption) or (_TITLE_CREDIT.search(caption) if title_case else None)
    if match is not None and any(ch.isalpha() for ch in match["credit"]):
        return Caption(caption[: match.start()].rstrip(), clean_text(match["credit"]))
    if not title_case:
        return Caption(caption, None)
    if (found := _CAPTION_CREDIT.search(caption)) is not None:
        return Caption(caption[: found.start()].rstrip(), clean_text(found["bracketed"] or found["bare"]))
    return Caption(caption, None)


def has_credit(line: str) -> bool:
    """True for a caption-shaped line: short, ending in an upper-case bracketed credit."""
    return split_credit(line).credit is not None and len(line.split()) <= _MAX_CAPTION_WORDS


def is_photo_credit(line: str) -> bool:
    """A line that is a photo's credit alone: "STR/AFP via Getty Images", "Photo: Shutterstock"."""
    return (
        len(line) <= _MAX_CREDIT_CHARS
        and _PHOTO_CREDIT.match(line) is not None
        and len(line.split()) <= _MAX_CREDIT_WORDS
    )


class CaptionMatcher:
    """Recognises body lines that repeat one of the page's captions."""

    def __init__(self, captions: Iterable[str]) -> None:
        self._keys: set[str] = set()
        for caption in captions:
            parts = split_credit(caption)
            for variant in (caption, parts.text):
                key = fingerprint(strip_prefix(variant))
                if key:
                    self._keys.add(key)

    def __bool__(self) -> bool:
        return bool(self._keys)

    def matches(self, line: str) -> bool:
        """The line is a caption, with or without its credit or prefix, once or printed twice."""
        key = fingerprint(strip_prefix(line))
        if not key:
            return False
        if key in self._keys:
            return True
        # alt text and caption glued together in one text run: "X [CREDIT] X [CREDIT]".
        half = len(key) // 2
        return key[:half].strip() == key[half:].strip() and key[:half].strip() in self._keys
