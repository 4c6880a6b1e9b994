"""Parsing a page once, and reading text out of the tree."""

from __future__ import annotations

import functools
import re

import charset_normalizer
import lxml.html
from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

from newsbot.errors import EmptyPage, TooDeep, TooManyElements
from newsbot.text.normalise import clean_text

# Every byte past ASCII: a single-byte code page reads each as one character.
_HIGH_BYTES = bytes(range(0x80, 0x100))
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

    Order: a BOM, the HTTP header, ``<meta charset>``, then UTF-8, then (``_undeclared``)
    CP949 for the Korean sister sites' old pages, another script's code page where
    charset_normalizer sees one clearly, else windows-1252. A single-byte charset (Latin-1, ISO 8859-15,
    windows-125x) declared over a body that is valid UTF-8 with non-ASCII bytes is a CMS
    mistake: every byte sequence decodes in it, so the wrong declaration never fails, and valid
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
        if utf8 is not None and _single_byte(codec) and not html.isascii():
            return utf8
        if (text := _strict(html, codec)) is not None:
            return text
    if utf8 is not None:
        return utf8
    return _undeclared(html)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Letters past Latin, Greek's block on: Cyrillic, Greek, Hebrew, Arabic, Thai, CJK...
_OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u036f]")


def _undeclared(html: bytes) -> str:
    """A page that is not UTF-8 and declares no usable charset: CP949 when it reads as Korean
    (the sister sites' old pages), another script's code page when the bytes say so clearly,
    else windows-1252, which browsers assume for a page that declares nothing."""
    korean = _strict(html, "cp949")
    if korean is not None and len(_HANGUL.findall(korean)) * 2 > _non_ascii(korean):
        return korean
    # Between the code pages of Latin scripts a guess is a coin toss (Spanish "ó" came out as
    # "µ" in HP Roman-8, "ñ" as "ń" in windows-1250): a guess counts only when most of what it
    # reads past ASCII are letters of another script (windows-1251 Russian, ISO 8859-7 Greek).
    guess = charset_normalizer.from_bytes(html).best()
    if guess is not None and len(_OTHER_SCRIPT.findall(text := str(guess))) * 2 > _non_ascii(text):
        return text
    return html.decode("cp1252", errors="replace")


def _non_ascii(text: str) -> int:
    return sum(1 for char in text if ord(char) > 127)


@functools.cache
def _single_byte(codec: str) -> bool:
    """Every byte is one character in ``codec``: any byte sequence decodes in it."""
    if codec.replace("_", "-").startswith(("utf", "ascii")):
        return codec.startswith("ascii")
    try:
        return len(_HIGH_BYTES.decode(codec, errors="replace")) == len(_HIGH_BYTES)
    except LookupError:
        return False


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
    if _C1_CONTROL.search(text):
        repair_double_encoding(tree)
    # The first piece of text settles it; the whole page's text is not needed here.
    if tree.find("body") is None or not any(clean_text(str(part)) for part in tree.itertext()):
        raise EmptyPage("the page has no text")
    return tree


# A C1 control character is no text: where a page holds one, as a rule its text was encoded in
# UTF-8 twice ("’" printed as "â\x80\x99"), by a CMS that read UTF-8 bytes as Latin-1.
_C1_CONTROL = re.compile("[\u0080-\u009f]")
# A character of a UTF-8 lead byte before one of a continuation byte, both read as Latin-1.
_DOUBLE_ENCODED = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")
# The attributes whose text a record may hold: meta tags' content, images' alt and title.
_TEXT_ATTRIBUTES = ("content", "alt", "title")


def repair_double_encoding(tree: etree._Element) -> None:
    """Decode again the text the page encoded in UTF-8 twice, node by node (a page may mix both:
    its template right, its articles' text not). Only a page with a C1 control character in it
    is touched: a page about encodings may quote "Ã¤" on purpose, and ftfy, which decides where
    a sequence is mis-decoded text, would mend that quotation too."""
    # Imported here: 80 ms of start-up for the one page in a hundred that needs it.
    import ftfy

    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        # Of the scripts, JSON-LD's text is the page's (its headline, its writers).
        readable = element.tag != "style" and (element.tag != "script" or "ld+json" in (element.get("type") or ""))
        if readable and element.text and _DOUBLE_ENCODED.search(element.text):
            element.text = ftfy.fix_encoding(element.text)
        if element.tail and _DOUBLE_ENCODED.search(element.tail):
            element.tail = ftfy.fix_encoding(element.tail)
        for name in _TEXT_ATTRIBUTES:
            if (value := element.get(name)) and _DOUBLE_ENCODED.search(value):
                element.set(name, ftfy.fix_encoding(value))


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


def innermost(elements: list[etree._Element]) -> list[etree._Element]:
    """``elements`` without those that hold another of them."""
    chosen = set(elements)
    return [element for element in elements if not any(inner in chosen for inner in element.iterdescendants())]


# An anchor inside a heading that points into the page itself: the section's permalink.
_HEADING_ANCHORS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]//a[starts-with(normalize-space(@href), '#')]"
)
# An empty span or anchor a table-of-contents plugin puts in a heading as a jump target.
_HEADING_TARGETS = etree.XPath(
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]//*[self::span or self::a][not(*)]"
    "[not(normalize-space())][@id or @name]"
)
_WORDLESS = re.compile(r"[^\w]*")


def unlink_heading_anchors(root: etree._Element) -> None:
    """Turn the in-page links of section headings (their permalinks) into plain text, and drop
    the empty jump targets a table of contents puts in them.

    Many sites wrap each subheading in a link to itself (``<h2 id=x><a href="#x">``) or add a
    "#" or "¶" marker beside it. trafilatura's precision mode deletes a heading that is all link,
    so every subheading of such a story went missing. A link into the page itself leads to no
    other page: its words are the heading's, and a wordless marker is no text. A heading that
    begins with an empty ``<span id>`` (WordPress table-of-contents plugins) lost its words in
    the same mode, which read them as the span's tail.
    """
    for target in _elements(_HEADING_TARGETS(root)):
        target.drop_tree()  # the heading's words after it are its tail, and stay
    for anchor in _elements(_HEADING_ANCHORS(root)):
        if _WORDLESS.fullmatch(anchor.text_content()):
            anchor.drop_tree()
        else:
            anchor.drop_tag()


# trafilatura's precision mode deletes any <span> whose class names a "link" or a "bottom", or
# whose style draws a border: chrome as a rule, but inside a paragraph such a span is words of
# its sentence ("... en un comunicado <span class=link><a>Twitter Lite</a></span> ahora ...").
_SENTENCE_SPANS = etree.XPath(
    "//p//span[re:test(@id|@class, '(^|\\s)bottom|bottom(\\s|$)') or re:test(@id|@class, '(^|\\s)link(\\s|$)')"
    " or contains(@style, 'border')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def keep_sentence_spans(root: etree._Element) -> None:
    """Take from a paragraph's spans the class, id and style that would have trafilatura's
    precision mode delete them with the words they hold."""
    for span in _elements(_SENTENCE_SPANS(root)):
        for attribute in ("class", "id", "style"):
            if attribute in span.attrib:
                del span.attrib[attribute]


def _elements(found: object) -> list[lxml.html.HtmlElement]:
    """The elements of an XPath's answer on a parsed page (an XPath may answer a string or a number)."""
    return [node for node in found if isinstance(node, lxml.html.HtmlElement)] if isinstance(found, list) else []


_PROSE_LINKS = etree.XPath("//p[.//a]")
# A paragraph of prose ends as a sentence does; a teaser's "Read more" or a list of links does not.
_PROSE_END = re.compile(r"[.!?…。！？\"”’»)]$")
# Above this share of a paragraph's words in links it is a link list or a teaser, and stays one.
_PROSE_LINK_SHARE = 0.5


def unlink_prose_links(root: etree._Element) -> None:
    """Turn the links inside paragraphs of prose into plain words of their sentence.

    trafilatura's precision mode deletes a short paragraph with a link where its wrapper ``<div>``
    holds nothing else (a wrapper per text block is how many publishing systems print a story:
    the BBC, Postmedia, Motley Fool), and a paragraph that opens with a link could lose the
    link's words; so a story lost every sentence that linked a source. A paragraph that ends as
    a sentence does, with at most half of its words in links, is prose: its links' words are the
    sentence's, and a link's empty children (a tooltip marker) go, as trafilatura would take
    the sentence after them with them. Link lists and teasers keep their links and their fate.

    An ``<a name>`` without an address is a jump target (``<a name="wodarg">``), no link: its words
    are the paragraph's, which precision mode deleted as all link (ndr.de's podcast transcript
    lost each question a named anchor marked).
    """
    for paragraph in _elements(_PROSE_LINKS(root)):
        for target in [anchor for anchor in paragraph.iter("a") if anchor.get("href") is None and anchor.get("name")]:
            target.drop_tag()
        text = text_of(paragraph)
        if not _PROSE_END.search(text):
            continue
        anchors = list(paragraph.iterdescendants("a"))
        if sum(len(text_of(anchor)) for anchor in anchors) > _PROSE_LINK_SHARE * len(text):
            continue
        for anchor in anchors:
            for empty in [node for node in anchor.iterdescendants() if _is_empty(node)]:
                empty.drop_tree()  # its tail stays
            anchor.drop_tag()


# The inline elements trafilatura deletes when empty (its ``CUT_EMPTY_ELEMS``): in precision mode
# with the words after them, their tail. Only those inside a paragraph or a list item are looked
# at: a page's icons elsewhere are many, and no block of theirs is read.
_EMPTY_INLINE = etree.XPath(
    "//*[self::p or self::li]//*[self::b or self::strong or self::i or self::em or self::span or self::q][not(node())]"
)
# The block an inline element sits in: the nearest of these around it.
_BLOCKS = frozenset({"p", "div", "li", "td", "th", "dd", "dt", "blockquote", "section", "article", "main", "figcaption",
                     "h1", "h2", "h3", "h4", "h5", "h6", "body"})  # fmt: skip
# A list item of prose is at least this long; a shorter one is a menu's or a widget's.
_LIST_ITEM_PROSE = 80


def drop_empty_inline(root: etree._Element) -> None:
    """Drop the empty inline elements that words of a paragraph or list item of prose follow,
    keeping the words.

    trafilatura's precision mode deletes an empty ``<b>``, ``<i>``, ``<span>`` and the like with
    its tail: a paragraph whose words come after one (``<p><b></b> The first memorial
    plaque ...``, an editor's leftover) lost them, and the Los Angeles Times' list of a stadium's
    plaques lost six of its paragraphs; a list whose items open with an icon or an empty span
    lost each item's words (a keyboard guide's fifteen points, Wikipedia's references). An empty
    inline element draws nothing, so the block reads the same without it. Only in a paragraph
    that ends as a sentence does, or a list item as long as a sentence that does: elsewhere an
    empty element is most often an icon before a widget's or a teaser's label ("Mehr lesen...",
    "Kommentar hinzufügen", "评论", "NEED MORE HELP?") or a pull quote's mark, which precision mode
    rightly took with it.
    """
    for element in _elements(_EMPTY_INLINE(root)):
        if not (element.tail or "").strip():
            continue
        block = next((ancestor for ancestor in element.iterancestors() if ancestor.tag in _BLOCKS), None)
        if block is None or block.tag not in ("p", "li"):
            continue
        text = text_of(block)
        if _PROSE_END.search(text) and (block.tag == "p" or len(text) >= _LIST_ITEM_PROSE):
            element.drop_tree()  # its tail stays


def _is_empty(node: etree._Element) -> bool:
    """An element without words or an image (a tooltip's marker, an icon's span)."""
    return (
        isinstance(node, lxml.html.HtmlElement)
        and node.tag != "img"
        and not node.text_content().strip()
        and node.find(".//img") is None
    )
