"""Parsing a page once, and reading text out of the tree."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

from newsbot.errors import EmptyPage, TooDeep, TooManyElements
from newsbot.text.normalise import clean_text

# Charsets where every byte sequence decodes, so a wrong declaration never fails loudly.
_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "iso8859-1", "ascii"})
# The 181 real news pages of the benchmark hold at most 3,300 tags ("<"), half of them 1,500; a
# page of 200,000 tiny elements took 350 MB and 8 s to read. Past this bound a page is refused.
MAX_TAGS = 100_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "figure",
        "figcaption",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "nav",
        "pre",
        "dd",
        "dt",
    ]
)


def decode(html: str | bytes, content_type: str | None = None) -> str:
    """Text of a page, also when its charset is mis-declared.

    Order: a BOM, the HTTP header, ``<meta charset>``, then UTF-8 and CP949 (EUC-KR's
    superset, for the Korean-language sister sites). A single-byte charset declared over a
    body that is valid UTF-8 with non-ASCII bytes is a CMS mistake, not Latin-1 text: valid
    UTF-8 is too unlikely by chance to mean anything else.
    """
    if isinstance(html, str):
        return html
    bom = read_bom(html)
    if bom[0]:
        return html[len(bom[1]) :].decode(bom[0], errors="replace")
    declared = [http_content_type_encoding(content_type or ""), html_body_declared_encoding(html[:4096])]
    utf8 = _strict(html, "utf-8")
    for codec in [resolve_encoding(name) for name in declared if name]:
        if codec is None:
            continue
        if codec in _SINGLE_BYTE and utf8 is not None and not html.isascii():
            return utf8
        if (text := _strict(html, codec)) is not None:
            return text
    for codec in ("utf-8", "cp949"):
        if (text := _strict(html, codec)) is not None:
            return text
    return html.decode("utf-8", errors="replace")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def parse_html(html: str | bytes, content_type: str | None = None) -> lxml.html.HtmlElement:
    """The page's one tree; every reader and trafilatura share it."""
    text = _XML_DECLARATION.sub("", decode(html, content_type), count=1)
    if not text.strip() or "\x00" in text[:2048]:
        raise EmptyPage("the page has no HTML")
    if (tags := text.count("<")) > MAX_TAGS:
        raise TooManyElements(f"{tags} tags, more than the {MAX_TAGS} any news page needs")
    # Control characters are not text; lxml refuses them in any string set on the tree.
    text = _CONTROL.sub("", text)
    tree = _parse(text, lxml.html.HTMLParser())
    if tree is None:
        # libxml2 stops reading at 256 levels of nesting, or at a text of 10 MB (a script
        # holding a huge JSON block), and drops the rest of the page; its lenient mode reads
        # 2048 levels and any text. Only a page that needs it pays for the second parse.
        tree = _parse(text, lxml.html.HTMLParser(huge_tree=True))
        if tree is None:
            raise TooDeep("the page nests its elements deeper than 2048 levels")
    # Comments are no text, and trafilatura drops a comment together with the text after it
    # (React's <!-- --> markers sit inside paragraphs): they go before anyone reads the tree.
    etree.strip_tags(tree, etree.Comment)
    # The first piece of text settles it; the whole page's text is not needed here.
    if tree.find("body") is None or not any(clean_text(str(part)) for part in tree.itertext()):
        raise EmptyPage("the page has no text")
    return tree


# What libxml2 says when it stops reading a page at one of its limits.
_PARSER_LIMITS = ("Excessive depth", "Resource limit exceeded")


def _parse(text: str, parser: lxml.html.HTMLParser) -> lxml.html.HtmlElement | None:
    """The page's tree, or None when the parser gave up at its depth or size limits."""
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise EmptyPage(f"the page cannot be parsed as HTML: {error}") from None
    if any(limit in entry.message for entry in parser.error_log for limit in _PARSER_LIMITS):
        return None
    return tree


def text_of(element: etree._Element) -> str:
    return clean_text("".join(str(part) for part in element.itertext()))


def block_lines(element: etree._Element) -> list[str]:
    """Lines of an element as a browser breaks them: at block elements and ``<br>``.

    The fallback when trafilatura judges a short story too short to extract.
    """
    parts: list[str] = []
    # A stack, not recursion: a page may nest 2048 levels deep, past Python's recursion limit.
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            parts.append(node.tail or "")
        elif tag in ("script", "style", "noscript"):
            parts.append(node.tail or "")
        else:
            if tag in _BLOCK_TAGS or tag == "br":
                parts.append("\n")
            parts.append(node.text or "")
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
    return [line for line in (clean_text(raw) for raw in "".join(parts).split("\n")) if line]


_INLINE_TAGS = frozenset(
    ["a", "abbr", "b", "cite", "em", "font", "i", "mark", "q", "small", "span", "strong", "sub", "sup", "time", "u"]
)
# Elements whose loose text is not paragraphs of a story: leave them as they are.
_KEEP_AS_IS = _INLINE_TAGS | {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figcaption",
                              "script", "style", "title", "head", "option", "button", "label", "textarea"}  # fmt: skip


_LOOSE_RUN_CANDIDATES = etree.XPath("descendant-or-self::*[br or (* and text()[normalize-space()])]")


def wrap_text_runs(root: etree._Element) -> None:
    """Wrap loose text runs between blocks and ``<br>`` breaks into ``<p>`` elements.

    The CMS writes some stories as text split by ``<br><br>`` beside ``<div>`` and ``<p>``
    elements; trafilatura keeps the ``<p>`` and loses runs that are only tails of other
    elements. As paragraphs, they are read like any other.
    """
    # Candidates in one libxml2 pass: a <br> child, or text of its own beside child elements
    # (in XPath a child's tail is a text node of its parent). Python checks only those.
    candidates = _LOOSE_RUN_CANDIDATES(root)
    for parent in list(candidates) if isinstance(candidates, list) else ():
        if (
            isinstance(parent, etree._Element)
            and isinstance(parent.tag, str)
            and parent.tag not in _KEEP_AS_IS
            and _has_loose_runs(parent)
        ):
            _wrap_runs(parent)


def _has_loose_runs(parent: etree._Element) -> bool:
    children = list(parent)
    if not any(child.tag == "br" or child.tag in _BLOCK_TAGS for child in children):
        return False
    return bool((parent.text or "").strip()) or any((child.tail or "").strip() for child in children)


def _wrap_runs(parent: etree._Element) -> None:
    rebuilt: list[etree._Element] = []
    run: list[str | etree._Element] = [parent.text or ""]
    parent.text = None
    for child in list(parent):
        tail, child.tail = child.tail, None
        parent.remove(child)
        if child.tag == "br":
            rebuilt.extend(_paragraph(parent, run))
        elif not isinstance(child.tag, str) or child.tag in _INLINE_TAGS:
            run.append(child)
        else:
            rebuilt.extend(_paragraph(parent, run))
            rebuilt.append(child)
        if tail:
            run.append(tail)
    rebuilt.extend(_paragraph(parent, run))
    parent.extend(rebuilt)


def _paragraph(parent: etree._Element, run: list[str | etree._Element]) -> list[etree._Element]:
    """The run as a ``<p>`` (none if it holds only whitespace); the run is emptied."""
    parts, run[:] = list(run), []
    if not any(isinstance(part, etree._Element) or part.strip() for part in parts):
        return []
    paragraph = parent.makeelement("p")
    for part in parts:
        if isinstance(part, etree._Element):
            paragraph.append(part)
        elif len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + part
        else:
            paragraph.text = (paragraph.text or "") + part
    return [paragraph]
