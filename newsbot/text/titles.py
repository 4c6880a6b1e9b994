"""Headlines out of ``<title>`` and ``og:title``: the site's name and section trail removed.

Pages append their site's name, often with a section, after a separator:
``Headline - 정치ㅣ한국일보``, ``Headline--时政--人民网``, ``Headline | Reuters``. A trailing part
is cut only when it names the site as the page names it elsewhere (``og:site_name``, the
publisher in JSON-LD, ``application-name``, the host), so a headline with a dash of its own
keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsbot.text.normalise import clean_text

_SEPARATOR = re.compile(r"\s+[-|–—:·•»/]\s+|\s*(?:\||--|::|ㅣ|｜|_|«|»)\s*|\s+-\s*|\s*-\s+")
_LOPSIDED = re.compile(r"-\s+|\s+-")
_NON_WORD = re.compile(r"[\W_]+")
# Host labels that say nothing of the site's name.
_HOST_NOISE = frozenset({"www", "m", "news", "com", "co", "net", "org", "kr", "uk", "jp", "cn", "de", "fr", "br"})
_MIN_NAME_CHARS = 2
# A section label in a title's trail ("정치", "World News"), not a second headline.
_MAX_LABEL_CHARS = 25


def _key(text: str) -> str:
    return _NON_WORD.sub("", clean_text(text).casefold())


def site_names(names: Iterable[str | None], host: str | None = None) -> list[str]:
    """Comparison keys for the site's name: the names a page gives, and its host's labels but
    the last (a top-level domain: "ch" of tagesanzeiger.ch is inside many a title's words)."""
    keys = [_key(name) for name in names if name]
    if host:
        keys += [_key(label) for label in host.lower().split(".")[:-1] if label not in _HOST_NOISE]
    return [key for key in dict.fromkeys(keys) if len(key) >= _MIN_NAME_CHARS]


def section_keys(labels: Iterable[str | None]) -> list[str]:
    """Comparison keys for the sections the page files itself under (its URL's folders, its
    section tags, its trail's names): "world-news" and "World News" are one key."""
    keys = dict.fromkeys(_key(label) for label in labels if label)
    return [key for key in keys if _MIN_NAME_CHARS <= len(key) <= _MAX_LABEL_CHARS]


def strip_site_suffix(title: str, names: list[str], sections: Iterable[str] = ()) -> str:
    """``title`` without a trailing separator and a part that names the site, or the section the
    page files itself under (``section_keys``: "Headline | Opinion" at /story/opinion/...).

    The cut is made at the leftmost separator after which come short labels (a section trail)
    ending in the site's name or a section, and only while the headline before it is at least
    half as long.
    """
    title = clean_text(title)
    sections = frozenset(sections)
    if not names and not sections:
        return title
    for match in _SEPARATOR.finditer(title):
        head, tail = title[: match.start()].strip(), title[match.end() :].strip()
        if not head or 2 * len(head) < len(tail):
            continue
        parts = [_key(part) for part in _SEPARATOR.split(tail) if _key(part)]
        # A hyphen spaced on one side only ("Naturkosmetik- doch gesünder? | Stylegart") is
        # a headline's own as often as a separator: it cuts the site's name alone, no trail.
        if len(parts) > 1 and _LOPSIDED.fullmatch(match.group()):
            continue
        named = parts and (_names_site(parts[-1], names) or parts[-1] in sections)
        if named and all(len(part) <= _MAX_LABEL_CHARS for part in parts[:-1]):
            return head
    return title


def strip_site_prefix(title: str, names: list[str]) -> str:
    """``title`` without a leading part that names the site and the separator after it
    ("seelenradio » Nummer zwei: Leo", "NEWS WEB EASY|子どもへの..."), and the short labels that
    follow it after the same separator ("Site » Blog Archive » Headline", WordPress's old
    default), where what is left is at least as long as the name: a blog's or a small site's ``<title>``
    puts its name first."""
    title = clean_text(title)
    first = _SEPARATOR.search(title)
    if not names or first is None or not _names_site(_key(title[: first.start()]), names):
        return title
    cut = first
    for match in _SEPARATOR.finditer(title, first.end()):
        label = title[cut.end() : match.start()].strip()
        if match.group().strip() != first.group().strip() or len(label) > _MAX_LABEL_CHARS:
            break
        cut = match
    site, rest = title[: first.start()].strip(), title[cut.end() :].strip()
    return rest if site and len(rest) >= len(site) else title


# A name this short (a host's label: "be" of be.ch, "tz" of tz.de) is inside many words ("be" in
# "überall"): it names the site only as the whole part, or with a word a host adds ("ntv.de",
# "BBC News").
_SHORT_NAME = 4


def _names_site(part: str, names: list[str]) -> bool:
    return any(_is_name(part, name) or (len(part) >= _SHORT_NAME and part in name) for name in names)


def _is_name(part: str, name: str) -> bool:
    if len(name) >= _SHORT_NAME:
        return name in part
    return part.startswith(name) and (part == name or part[len(name) :] in _HOST_NOISE)
