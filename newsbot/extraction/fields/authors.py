"""``authors``: the writers the page names outside the story's own closing byline."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from urllib.parse import unquote

from lxml import etree
from trafilatura import metadata as trafilatura_metadata

from newsbot.extraction.fields.page import SHORT_LINE_CHARS, host_of
from newsbot.extraction.html import innermost, text_of
from newsbot.extraction.meta import PageMeta, json_ld_authors, site_name
from newsbot.extraction.story import long_paragraphs
from newsbot.profiles import Layout
from newsbot.text.bylines import (
    BYLINE_LEADS,
    ROLE_LABELS,
    Author,
    agency,
    credited_names,
    first_email,
    is_desk,
    is_handle,
    is_no_person,
    is_plain_name,
    loose_byline,
    names_alone,
    parse_byline,
    romanised_name,
    tidy_name,
    without_label,
    writer_before_role,
)
from newsbot.text.normalise import clean_text, fingerprint


@dataclass(frozen=True)
class PageAuthors:
    """The writers of a page, as its sources name them."""

    #: The first of the page's own sources that names any, in the order of ``SOURCES``.
    named: list[Author]
    #: Where none does, on a site no profile describes: the byline trafilatura's author search
    #: finds, else the one writer the page links to. Not evidence that the page is signed: the
    #: page-kind model was fitted without it, and with it took three pages that are no articles
    #: for articles.
    searched: list[Author]


def read_page_authors(
    tree: etree._Element,
    layout: Layout,
    language: str | None,
    meta: PageMeta,
    url: str,
    *,
    undescribed: bool,
    fetched_url: str = "",
) -> PageAuthors:
    """The writers the page names outside its body text: the first of the page's sources that
    names any, in the order of ``SOURCES`` (a short "By ..." line under the headline, the
    layout's byline elements, the meta tags and JSON-LD, a byline block before the story, links
    to the writers' pages under the headline, a "By" line after a standfirst), else on an
    undescribed site what trafilatura's author search finds, else the one writer the page links
    to (``_linked_writer``). Read before the story is cut, which may take them: after the cuts
    trafilatura's search found fewer (readability's tuning half 0.71 -> 0.69). ``url`` is the
    page's own (canonical) address, ``fetched_url`` the one it was fetched at, when another."""
    page = _Page(tree, layout, language, meta, url, undescribed, site_fingerprints(meta, url), fetched_url)
    for source in SOURCES:
        if found := _tidied(source(page), page.site):
            return PageAuthors(found, [])
    if not undescribed:
        return PageAuthors([], [])
    searched = _tidied(writers(_trafilatura_authors(page), page.site), page.site)
    return PageAuthors([], searched or _tidied(_linked_writer(page), page.site))


def _tidied(authors: list[Author], site: set[str]) -> list[Author]:
    """Each writer's name without the label and profile links printed around it (``tidy_name``),
    once each; a name so cut is read again for the site's and desks' ("von AUTO ZEITUNG" is the
    site's). The sources have read the rest, some keeping the site's name on purpose (a
    person's own site)."""
    tidied: dict[str, Author] = {}
    for author in authors:
        name = tidy_name(author.name)
        if name == author.name or (name and _a_writer(name, site)):
            tidied.setdefault(name, replace(author, name=romanised_name(name)))
    return list(tidied.values())


@dataclass(frozen=True)
class _Page:
    """What every author source reads."""

    tree: etree._Element
    layout: Layout
    language: str | None
    meta: PageMeta
    url: str
    undescribed: bool
    site: set[str]
    #: The address the page was fetched at, where its canonical link names another.
    fetched_url: str = ""

    @cached_property
    def paragraphs(self) -> list[etree._Element]:
        """The page's story-long paragraphs, found once for every source that asks."""
        return long_paragraphs(self.tree)

    @property
    def before_story(self) -> set[etree._Element] | None:
        """The elements before the page's first story paragraph; None when it has none. The
        first story paragraph is the first long one after the page's first ``<h1>`` when one
        follows it: a cookie or privacy notice printed above the headline is no story
        (PolitiFact)."""
        return self._parts[0]

    @property
    def header(self) -> set[etree._Element] | None:
        """The elements from the page's first ``<h1>`` to the first story paragraph after it:
        the story's header, where its byline is; None when the page has no ``<h1>``."""
        return self._parts[1]

    @cached_property
    def byline_like(self) -> list[etree._Element]:
        """The page's short elements that begin as a byline does, found once for every source
        that asks."""
        return _byline_like(self.tree)

    @property
    def after_standfirst(self) -> set[etree._Element]:
        """The elements between the first long paragraph after the page's first ``<h1>`` and the
        next: where the byline is when that paragraph is a standfirst (the
        summary under the headline, as long as a story paragraph: National Geographic's,
        Pluralsight's, the Mirror's); empty on a page without an ``<h1>``."""
        return self._parts[2]

    @cached_property
    def _parts(self) -> tuple[set[etree._Element] | None, set[etree._Element] | None, set[etree._Element]]:
        """(before the story, the story's header, after the standfirst), found in one walk for
        every source that asks."""
        paragraphs = self.paragraphs
        long = set(paragraphs)
        headline = next(self.tree.iter("h1"), None)
        after_headline = headline is None
        before: set[etree._Element] = set()
        header: set[etree._Element] = set()
        standfirst: set[etree._Element] = set()
        elements = self.tree.iter()
        for element in elements:  # document order: stop at the first story paragraph
            if element is headline:
                after_headline = True
            elif after_headline and element in long:
                if headline is not None:  # the elements up to the next long paragraph
                    standfirst = set(itertools.takewhile(lambda node: node not in long, elements))
                break
            before.add(element)
            if after_headline and headline is not None:
                header.add(element)
        else:  # no long paragraph after the headline: the story begins at the first, if any
            if paragraphs:
                before = set(itertools.takewhile(lambda element: element is not paragraphs[0], self.tree.iter()))
        return (before if paragraphs else None), (header if headline is not None else None), standfirst


def _layout_bylines(page: _Page) -> list[Author]:
    """The layout's byline elements: one may name several writers, and several one each (a
    Korean header prints one link per reporter). On a site no profile describes an author
    element (``rel=author``, ``itemprop=author``) before the story's first paragraph may hold
    the names alone, unless they are the site's: after it they are more often a related
    story's or a commenter's."""
    bylines = page.layout.xpaths["bylines"](page.tree)
    before = set(_before_story(page, bylines)) if page.undescribed else set()
    found: list[Author] = []
    for element in bylines:
        text = text_of(element)
        authors = parse_byline(text, page.language)
        if authors is None and element in before:
            authors = [author for author in names_alone(text) or () if fingerprint(author.name) not in page.site]
        if authors and len(authors) == 1 and not authors[0].email and (email := _email_of(element)):
            authors = [replace(authors[0], email=email)]
        for author in authors or ():
            if is_no_person(author.name):
                continue
            # The same writer twice (the header's link, the closing "홍길동 기자 e-mail"): once,
            # with the e-mail either prints.
            same = next((index for index, known in enumerate(found) if known.name == author.name), None)
            if same is None:
                found.append(author)
            elif author.email and not found[same].email:
                found[same] = replace(found[same], email=author.email)
    if page.undescribed and len(found) > _MAX_LINKED_WRITERS:
        # More writers than a story has: the story's byline first, then teaser cards' (The
        # New Yorker's and the Telegraph's "By ..." under each related story).
        return found[:1]
    return found


def _byline_blocks(page: _Page) -> list[Author]:
    """The first writers a byline block before the story names ("by Madeline Fry | November
    18, 2019 12:01 PM")."""
    blocks = page.layout.xpaths["byline_blocks"](page.tree)
    for element in _before_story(page, blocks) if blocks else ():
        for part in _BYLINE_PARTS.split(_spaced_text(element)):
            authors = parse_byline(part, page.language) or loose_byline(part) or names_alone(part) or []
            if authors := writers(authors, page.site):
                return authors
    return []


def _byline_starts(page: _Page) -> list[Author]:
    """On a site no profile describes, the first short element under the headline (between the
    first ``<h1>`` and the story; before the story on a page without one) that begins as a byline
    does ("By", "Written by", "Por", "Von", ...): AP's, PolitiFact's and Healthline's bylines
    carry no class or rel that says so. Above the headline such a line is a menu's label ("By
    Use Case"). The innermost such element: its parent may add "Associated Press"."""
    if not page.undescribed:
        return []
    starts = page.byline_like
    starts = [element for element in starts if element in page.header] if page.header else _before_story(page, starts)
    return _first_byline(starts, page.site)


def _byline_after_standfirst(page: _Page) -> list[Author]:
    """On a site no profile describes, the first short element right after the standfirst
    that begins as a byline does: ``_byline_starts``' reading where a long summary sits
    between the headline and the byline. Read after every other source of the page's own: such
    a line may print the writer's role in the same words ("By Sophie Foster Travel News
    Reporter"), and the meta tags name the writer better where they name one."""
    if not page.undescribed or not (zone := page.after_standfirst):
        return []
    return _first_byline([element for element in page.byline_like if element in zone], page.site)


def _first_byline(starts: list[etree._Element], site: set[str]) -> list[Author]:
    """The writers of the first of ``starts`` (byline-like elements) that names any."""
    if len(starts) > _MAX_LINKED_WRITERS:
        return []  # a byline on each card of a listing ("By: ..." under each book), no story's
    for element in innermost(starts):
        if authors := writers(_within_parts(loose_byline(_spaced_text(element)) or [], element), site):
            return authors
    return []


def _within_parts(authors: list[Author], element: etree._Element) -> list[Author]:
    """Each of ``authors`` read from ``element``'s text as its text nodes print it: cut to the
    node it begins with where the name runs on into the next element (that is the writer's role
    or a second writer: "<a>Celeste Longacre</a> <span>Gardener & Astrologer</span>" read
    "Celeste Longacre Gardener"), none where it begins a node that is a desk's credit
    ("<dd>Practical Horseman Editorial Staff</dd><dt>Published:</dt>" read "Practical
    Horseman", the rest taken for a role)."""
    parts = [part for text in element.itertext() if len((part := clean_text(str(text))).split()) >= 2]
    cut = []
    for author in authors:
        holder = next((part for part in parts if author.name_raw in part), None)
        if holder is None:
            first = next((part for part in parts if author.name_raw.startswith(part + " ")), None)
            author = author if first is None else Author(romanised_name(first), first, author.email)
        elif holder.startswith(author.name_raw) and is_desk(holder):
            continue
        cut.append(author)
    return cut


# A link to a writer's page: /author/jane-doe, /authors/123, /writers/..., in the languages' words.
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|writers?|autor(?:es|en)?|auteurs?|autore|autori|journalists?|reporters?|contributors?|columnists?)"
    r"/([^/?#]+)/?(?:[?#].*)?$",
    re.IGNORECASE,
)
# More writers' links than a story has writers: a menu of the site's columnists.
_MAX_LINKED_WRITERS = 4


def _author_links(page: _Page) -> list[Author]:
    """The writers whose pages the story's header links to, between the headline and the first
    story paragraph ("by <a href="/author/aoife-oriordan/">Aoife O'Riordan</a>"): the byline of
    most publishing systems, with no class or rel that says so. Before the headline such links
    are the site's menu, after the story a related story's."""
    if not page.header or not page.undescribed:
        return []
    found: dict[str, Author] = {}
    for element in page.tree.iter("a"):
        if element in page.header and _AUTHOR_PAGE.search(element.get("href") or ""):
            for author in _link_writers(element, page.site):
                if _names_page(author.name, element):
                    found.setdefault(fingerprint(author.name), author)
    return list(found.values()) if len(found) <= _MAX_LINKED_WRITERS else []


def _link_writers(link: etree._Element, site: set[str]) -> list[Author]:
    """The writers a link's words name: plain names, less its label, the site's and desks'."""
    names = names_alone(without_label(_spaced_text(link))) or []
    return writers([name for name in names if is_plain_name(name.name_raw)], site)


# A teaser card: a linked heading beside its writer's link, within these few levels.
_TEASER_LEVELS = 3
_LINKED_HEADING = etree.XPath(".//*[self::h2 or self::h3 or self::h4]//a")


def _linked_writer(page: _Page) -> list[Author]:
    """The one writer whose page the page links to anywhere but in comments and teaser cards,
    where no source above and no byline search names any: a byline printed where none is looked
    for, in the post's footer ("Posted by <a href=".../author/colin-watson.html">") or in a
    header that no ``<h1>`` opens. The link's last folder names the writer: a first or last word
    of the name (/author/lemire/, /authors/shannon-grilli); two writers' links are a list, none.

    On every set's pages where newsbot named no writer it names the gold writer on 5 pages of 5
    sites (wcxb's check half 2, its tuning half 1, trafilatura's pages 2) and no wrong one; where
    the gold names none, a blog's owner from its menu's "Author:" link and self.com's byline.
    Before teaser cards were left out, a related story's writer was one more."""
    found: dict[str, Author] = {}
    for element in page.tree.iter("a"):
        match = _AUTHOR_PAGE.search(element.get("href") or "")
        if match is None or _in_comments(element):
            continue
        if any(_LINKED_HEADING(ancestor) for ancestor in itertools.islice(element.iterancestors(), _TEASER_LEVELS)):
            continue
        slug = unicodedata.normalize("NFKD", unquote(match.group(1))).casefold()
        for author in _link_writers(element, page.site):
            words = unicodedata.normalize("NFKD", author.name).casefold().split()
            if words[0] in slug or words[-1] in slug:
                found.setdefault(fingerprint(author.name), author)
    return list(found.values()) if len(found) == 1 else []


def _names_page(name: str, link: etree._Element) -> bool:
    """The link's address spells a word of ``name`` (/author/aoife-oriordan/): the link's text is
    the writer, not its label ("Full Bio", "View More Articles")."""
    address = unicodedata.normalize("NFKD", unquote(link.get("href") or "")).casefold()
    words = unicodedata.normalize("NFKD", name).casefold().replace("'", "").replace("’", "").split()
    return any(len(word) >= 3 and word.strip(".") in address for word in words)


def _email_of(element: etree._Element) -> str | None:
    """The e-mail printed with one writer's byline element: its one ``mailto:`` link
    (``<a href="mailto:...">홍길동 기자</a>``), else an address right after it, before the next
    writer's link (``<a>홍길동 기자</a> <span class="email">hong@...</span>``), also after the
    wrapper that holds the link alone (``<span class="name"><a>...</a></span> <span>e-mail``)."""
    links = {
        href.split(":", 1)[1].split("?", 1)[0].strip()
        for node in element.iter("a")
        if (href := node.get("href") or "").lower().startswith("mailto:")
    }
    if len(links) == 1 and "@" in (link := links.pop()):
        return link
    node: etree._Element | None = element
    for _ in range(3):
        if node is None:
            break
        after = node.tail or ""
        following = node.getnext()
        if following is not None and following.tag != "a" and next(following.iter("a"), None) is None:
            after += " " + text_of(following)
        if email := first_email(after):
            return email
        node = node.getparent()
        # Only an inline wrapper of this one link: what follows a block, or a wrapper of other
        # writers' links, is not this writer's ("Contact: desk@...").
        if node is None or node.tag not in _INLINE_WRAPPERS or sum(1 for _ in node.iter("a")) > 1:
            break
    return None


_INLINE_WRAPPERS = frozenset({"span", "strong", "em", "b", "i"})


def site_fingerprints(meta: PageMeta, url: str) -> set[str]:
    """The site's name, as its meta tags give it and as its host spells it ("LinkNaija")."""
    return {fingerprint(name) for name in (site_name(meta), _host_label(url)) if name}


def _host_label(url: str) -> str:
    """The host's first label after "www.": the name the site's address gives ("wsetglobal")."""
    return host_of(url).removeprefix("www.").split(".")[0]


def _trafilatura_authors(page: _Page) -> list[Author]:
    """The writers trafilatura's author search finds (its byline XPaths, less comments and
    related boxes), each kept only when it is a plain name: that search also returns roles,
    credentials and labels ("Digital Security Expert", "Written By"). Measured on the development
    sets (tuning / check halves): wcxb recall 0.531 -> 0.595 / 0.529 -> 0.597, precision 0.936 ->
    0.920 / 0.906 -> 0.902; readability recall 0.619 -> 0.714 / 0.579 -> 0.684, precision 0.839 ->
    0.857 / 0.880 -> 0.897. A date or role it joins to a name is cut first ("Mateusz Haberny
    Founder", "Luke Kim December": ``writer_before_role``): wcxb recall 0.6585 -> 0.6646 /
    0.6416 -> 0.6485, precision 0.9474 -> 0.9478 / 0.9447 -> 0.9453."""
    found = trafilatura_metadata.extract_author(page.tree) or ""
    names = [writer_before_role(without_label(name), first=not index) for index, name in enumerate(found.split(";"))]
    names = [name for name in names if name and (is_plain_name(name) or agency(name) is not None)]
    return [Author(romanised_name(name), name) for name in names if not _only_after_story(page, name)]


def _only_after_story(page: _Page, name: str) -> bool:
    """The page prints ``name`` only after the story's last paragraph: a related story's writer
    or a commenter's, as newsbot's own reading holds. On the development sets it raised wcxb's
    precision on the check half (0.897 -> 0.902, recall unchanged) and cost recall on the tuning
    half (0.601 -> 0.595); readability's figures did not move."""
    paragraphs = page.paragraphs
    if not paragraphs:
        return False
    surname = name.split()[-1]
    for element in page.tree.iter():
        if element is paragraphs[-1]:
            return True
        if isinstance(element.tag, str) and surname in (element.text or ""):
            return False
    return True


# Text that begins as a byline does, with the words loose_byline reads in any of its languages,
# or with a label that names the role ("Contributors:", "Autorin:"): its element holds the byline
# ("By" before the writer's link, the names after it). libxml2 keeps the text nodes whose first
# two letters, lower-cased, begin one of the words; Python's pattern decides.
_BYLINE_WORDS = (*BYLINE_LEADS, *ROLE_LABELS)
_BYLINE_START = re.compile(rf"^\s*(?:{'|'.join(_BYLINE_WORDS)})(?::|\s|$)", re.IGNORECASE)
# A byline's label and nothing else.
_BYLINE_LABEL = re.compile(rf"^\s*(?:{'|'.join(_BYLINE_WORDS)})\s*:?\s*$", re.IGNORECASE)
# The words' first two letters, for libxml2 to keep the text nodes that may begin one.
_BYLINE_HEADS = "|" + "|".join(dict.fromkeys(word[:2] for word in _BYLINE_WORDS)) + "|"


_BYLINE_STARTS = etree.XPath(
    "/html/body//text()[not(parent::script or parent::style)][string-length(.) < $limit][contains("
    f"'{_BYLINE_HEADS}', concat('|', translate(substring(normalize-space(.), 1, 2), "
    "'ABCDEFGHIJKLMNOPQRSTUVWXYZА', 'abcdefghijklmnopqrstuvwxyzа'), '|'))]"
)


def _byline_like(tree: etree._Element) -> list[etree._Element]:
    """The short elements whose own text begins as a byline does, in document order."""
    found = _BYLINE_STARTS(tree, limit=SHORT_LINE_CHARS)
    elements: dict[etree._Element, None] = {}
    for node in found if isinstance(found, list) else ():
        if not isinstance(node, etree._ElementUnicodeResult) or not _BYLINE_START.match(node):
            continue
        parent = node.getparent()
        if parent is not None and node.is_tail:
            parent = parent.getparent()
        if parent is None:
            continue
        text = _spaced_text(parent)
        if _BYLINE_LABEL.match(text):
            # The label in an element of its own, the names in the next ("<span>By</span>
            # <span>Daryl Austin</span>"): the byline is the element that holds both.
            parent = parent.getparent()
            text = _spaced_text(parent) if parent is not None else ""
        if parent is not None and len(text) < SHORT_LINE_CHARS:
            elements[parent] = None
    return list(elements)


def writers(authors: list[Author], site: set[str]) -> list[Author]:
    """``authors`` without the site's own name (spaced or not: "WSET Global" of wsetglobal.com),
    desks and organisations."""
    return [author for author in authors if _a_writer(author.name, site)]


def _a_writer(name: str, site: set[str]) -> bool:
    """``name`` is neither the site's own (spaced or not) nor a desk's or an organisation's."""
    # Compared without spaces, which covers the spaced form too.
    spaceless = fingerprint(name).replace(" ", "")
    return spaceless not in {known.replace(" ", "") for known in site} and not is_no_person(name)


def _spaced_text(element: etree._Element) -> str:
    """The element's text with a space between its text nodes: "by Jeff Foust<br><span>Monday,
    November 18, 2019</span>" reads "by Jeff Foust Monday, ...", not "FoustMonday"."""
    return clean_text(" ".join(str(part) for part in element.itertext()))


# Where a byline block's parts meet: "by Madeline Fry | November 18, 2019 12:01 PM | Print".
_BYLINE_PARTS = re.compile(r"\s+[|·•]\s+")


def _before_story(page: _Page, elements: list[etree._Element]) -> list[etree._Element]:
    """The ``elements`` that come before the page's first story paragraph, in document order
    (all of them on a page without one), but a comment's: some pages print their comments
    (and each commenter's "byline") before the story in the markup (Yahoo's side rail)."""
    before = page.before_story if elements else None
    elements = elements if before is None else [element for element in elements if element in before]
    return [element for element in elements if not _in_comments(element)]


# A class or id token of a comment list or one comment: "comment", "comments-list", "wp-comment-body".
_COMMENT_TOKEN = re.compile(r"(?:^|[_-])comments?(?:$|[_-]|list)", re.IGNORECASE)
# The containers a comment list is built of; an <article> or <main> with a "has-comments" class
# holds the story.
_COMMENT_CONTAINERS = frozenset({"div", "li", "ul", "ol", "section", "aside", "footer"})


def _in_comments(element: etree._Element) -> bool:
    for ancestor in element.iterancestors(*_COMMENT_CONTAINERS):
        tokens = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".split()
        if any(_COMMENT_TOKEN.search(token) for token in tokens):
            return True
    return False


def _meta_authors(page: _Page) -> list[Author]:
    def story() -> str:
        return " ".join(map(text_of, page.paragraphs))

    return meta_authors(page.meta, page.url, page.site, story, fetched_url=page.fetched_url)


def meta_authors(
    meta: PageMeta, url: str, site: set[str] | None = None, story: Callable[[], str] = str, *, fetched_url: str = ""
) -> list[Author]:
    """Writers the meta tags and JSON-LD credit: the names of each credit, not the site's own
    name (``site``, else the page's) nor a desk's or an organisation's, nor a user name; but the
    name of a person's own site (``_personal_site``: ``story`` gives the page's story text; by
    default none), at the page's address or the one it was fetched at (``fetched_url``): a
    newsletter platform's pages point their canonical link at the platform's own host
    (name.substack.com's at substack.com)."""
    site = site_fingerprints(meta, url) if site is None else site
    # The host's label at each address the page is known by, once each.
    hosts = dict.fromkeys(_host_label(address) for address in (url, fetched_url) if address)
    credits = json_ld_authors(meta)
    if not credits:
        credits = meta.every(*_AUTHOR_TAGS) or [writer for writer in [_labelled_writer(meta)] if writer]
    names = [
        name for credit in credits if not credit.startswith("http") for name in credited_names(_uninverted(credit))
    ]
    found: dict[str, Author] = {}  # a page may print one tag per writer, some the same one twice
    for name in names:
        key = fingerprint(name)
        if key in found or is_handle(name) or is_no_person(name):
            continue
        if key in site and not any(_personal_site(name, host, story) for host in hosts):
            continue
        found[key] = Author(romanised_name(name), name)
    return list(found.values())


def _personal_site(name: str, host_label: str, story: Callable[[], str]) -> bool:
    """The page's host (``host_label``, its first label after "www.") is a person's, named after
    ``name``, as people name theirs: there the site's name is its writer's, not a publisher
    crediting itself.

    - After the name's first word, or that and the surname's initial (anil.recoil.org,
      sam.bossley.com, coryd.dev), unless that word is an acronym ("QCY Official" is a brand's).
    - After the whole name (karl-voit.at, paigebrunton.com, kristian-larsen.com) where the story
      (``story`` gives its text) uses none of the name's words as a word, in lower case: brands
      are named so as often, and use their name's words as words ("on" of audiophileon.com,
      "renovation" of blockrenovation.com); a name's words are names in the text too.
    """
    words = [re.sub(r"[^a-z]", "", word) for word in clean_text(name).casefold().split()]
    if not 2 <= len(words) <= 3 or not all(words) or not is_plain_name(name):
        return False
    host = re.sub(r"[^a-z]", "", host_label)
    if host in {words[0], words[0] + words[-1][0]} and not name.split()[0].isupper():
        return True
    if host != "".join(words):
        return False
    text = _ADDRESS.sub(" ", story())
    return not any(re.search(rf"\b{word}\b", text) for word in words)


# An e-mail address, a web address or a handle in the story: a name's words in lower case there
# are the writer's own address ("Find him at russell@..."), not words of the story.
_ADDRESS = re.compile(r"\S+@\S+|@\w+|\bhttps?://\S+|\bwww\.\S+")


# The meta tags that credit the writer, the common first: the HTML standard's ``author``, Open
# Graph's, then the analytics and mailing vendors' that publishers fill from the byline
# (Parse.ly, Sailthru, Piano's cXense, Dublin Core, the New York Times' ``byl``).
_AUTHOR_TAGS = (
    "author", "article:author", "parsely-author", "sailthru.author", "cxenseparse:author", "dc.creator",
    "dcterms.creator", "byl", "citation_author",
)  # fmt: skip


# A name as catalogues print it, surname first: "Kooman, F.", "Roy, Aniruddha".
_INVERTED_NAME = re.compile(r"^(?P<surname>[^\W\d_][\w'’\-]+),\s*(?P<given>(?:[^\W\d_][\w'’.\-]*\s*){1,3})$")


def _uninverted(credit: str) -> str:
    """``credit`` in reading order when it prints one name surname first (Dublin Core's and
    scholarly meta tags' form): "Roy, Aniruddha" -> "Aniruddha Roy"."""
    match = _INVERTED_NAME.match(credit.strip())
    if match is None or agency(match["surname"]) is not None or is_desk(match["given"]):
        return credit
    if any(len(word) > 1 and word.isupper() for word in match["given"].replace(".", " ").split()):
        return credit  # "Smith, AP", "Link, RD": an agency or a credential after the name
    return f"{match['given'].strip()} {match['surname']}"


def _labelled_writer(meta: PageMeta) -> str | None:
    """The writer a Twitter card labels ("twitter:label1" "Written by", "twitter:data1" the name),
    as WordPress's SEO plugin prints it."""
    for number in "12":
        if (meta.get(f"twitter:label{number}") or "").casefold() in {"written by", "author"}:
            return meta.get(f"twitter:data{number}")
    return None


# The page's sources of writers, most trusted first; the first that names any is read. The
# order is measured: all 720 orders of these five and trafilatura's author search on the
# development sets' tuning halves (wcxb and readability, author F1 of the pages with author
# gold). A "By" line under the headline first and the rest as they were, trafilatura's search
# last (in the conductor), is one of the best there (F1 0.7584 -> 0.7712; several orders tie
# it, the present one is the least change) and on the check halves 0.7522 -> 0.7558.
# Alone, when it names anyone, each source's precision on the tuning / check halves: the "By"
# line 1.000 / 0.980, the layout's elements 0.964 / 0.792, meta tags and JSON-LD 0.947 /
# 0.958, byline blocks 0.905 / 0.932, links to writers' pages 0.881 / 0.938, trafilatura 0.885
# / 0.893. A "By" line after a standfirst came later, last of the page's own: wcxb recall 0.6646
# -> 0.6738 / 0.6485 -> 0.6519 (precision up on both halves), trafilatura's pages 0.5788 ->
# 0.5824 / 0.5347 -> 0.5512; placed first it took the Mirror's "By" line over its four meta
# tags, and roles with the name (Fundus's tuning half 0.8415 -> 0.8171).
SOURCES: tuple[Callable[[_Page], list[Author]], ...] = (
    _byline_starts,
    _layout_bylines,
    _meta_authors,
    _byline_blocks,
    _author_links,
    _byline_after_standfirst,
)
