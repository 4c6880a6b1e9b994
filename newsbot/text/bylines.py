"""Bylines: ``BY SARAH KIM [kim.sarah@joongang.co.kr]`` -> authors with e-mails."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbot.text.normalise import clean_text

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "BY NAME[, NAME][ AND NAME] [email, email]" and "By Name Staff Writer [email]".
_BYLINE = re.compile(r"^(?:BY|By|by)\s+(?P<names>[^\[\]()@]+?)\s*(?:[\[(](?P<emails>[^\])]*@[^\])]*)[\])])?\s*\.?$")
# Role words that follow a name in older bylines and are not part of it.
_ROLE = re.compile(
    r"\b(?:(?:Senior|Special|Chief|Staff|Contributing|Political|Economic|Culture|Sports)\s+)*"
    r"(?:Staff\s+)?(?:Writer|Reporter|Correspondent|Editor|Columnist|Intern)s?\b.*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z][A-Za-z'’.\-]*(?:\s+[A-Za-z][A-Za-z'’.\-]*){0,4}$")
# Copy credited to a wire service instead of a writer, printed alone as the last line.
AGENCIES = {
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "news1": "News1",
    "newsis": "Newsis",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "joongang ilbo": "JoongAng Ilbo",
}


@dataclass(frozen=True)
class Author:
    name: str
    name_raw: str
    email: str | None = None

    def as_record(self) -> dict[str, str]:
        record = {"name": self.name, "nameRaw": self.name_raw}
        if self.email:
            record["email"] = self.email
        return record


def romanised_name(raw: str) -> str:
    """``LEE JAE-MYUNG`` -> ``Lee Jae-myung``; ``SARAH KIM`` -> ``Sarah Kim``.

    Korean given names are written hyphenated with lower case after the hyphen; names that
    already mix case are kept as the writer spelt them.
    """
    raw = clean_text(raw)
    if raw != raw.upper():
        return raw
    words = []
    for word in raw.split(" "):
        head, _, tail = word.partition("-")
        word = head[:1].upper() + head[1:].lower()
        if tail:
            word += "-" + tail.lower()
        words.append(word)
    return " ".join(words)


def agency(line: str) -> str | None:
    """The wire service a line credits, when the line is nothing else (``Yonhap``, ``AP``)."""
    key = clean_text(line).strip(" .()[]-–—").casefold()
    return AGENCIES.get(key)


def _is_name(text: str) -> bool:
    # Every word capitalised: "By the way, ..." is prose, "By Park Hae-rin" is a byline.
    return bool(_NAME.match(text)) and all(word[0].isupper() for word in text.split())


def _email_owner(email: str, names: list[str]) -> int | None:
    local = re.sub(r"[^a-z]", " ", email.split("@", 1)[0].lower()).split()
    best, best_score = None, 0
    for index, name in enumerate(names):
        parts = {re.sub(r"[^a-z]", "", part) for part in name.lower().split()}
        score = sum(1 for token in local if token in parts)
        if score > best_score:
            best, best_score = index, score
    return best


def parse_byline(line: str) -> list[Author] | None:
    """Authors named by a byline line, or ``None`` when the line is not a byline."""
    line = clean_text(line)
    if (wire := agency(line)) is not None:
        return [Author(wire, line.strip(" .()[]"))]
    match = _BYLINE.match(line)
    if match is None:
        return None
    names_text = _ROLE.sub("", match["names"]).strip(" ,.")
    raw_names = [part for part in _AND.split(names_text) if part]
    if not raw_names or not all(_is_name(name) for name in raw_names):
        return None
    emails = _EMAIL.findall(match["emails"] or "")
    names = [romanised_name(name) for name in raw_names]
    assigned: dict[int, str] = {}
    unmatched = []
    for email in emails:
        owner = _email_owner(email, names)
        if owner is not None and owner not in assigned:
            assigned[owner] = email
        else:
            unmatched.append(email)
    # E-mails that name nobody follow the writers' order.
    free = [index for index in range(len(names)) if index not in assigned]
    for index, email in zip(free, unmatched, strict=False):
        assigned[index] = email
    return [
        Author(name, raw.strip(), assigned.get(index))
        for index, (name, raw) in enumerate(zip(names, raw_names, strict=True))
    ]
