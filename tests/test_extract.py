"""``newsbot.extract`` on pages no fixture layout describes: the generic rules must carry them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest

import newsbot
from newsbot.errors import EmptyBody, EmptyPage, NoHeadline
from newsbot.extraction.html import block_lines, decode

URL = "https://koreajoongangdaily.joins.com/news/2026-03-02/business/industry/Robots-in-factories/2540001"
STORY = [
    "Korean manufacturers installed more industrial robots per worker last year than any other country.",
    "The International Federation of Robotics said density reached 1,012 robots per 10,000 employees.",
    "Carmakers and battery makers accounted for most of the new installations, the federation said.",
]
CAPTION = "A robot arm assembles a car door at a plant in Ulsan on Monday"


def page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Robots in factories - Korea JoongAng Daily</title>{head}</head><body>{body}</body></html>"
    )


def paragraphs(story: list[str] = STORY) -> str:
    return "".join(f"<p>{line}</p>" for line in story)


def test_breadcrumb_trail_as_plain_text() -> None:
    html = page(f"<div class='x-top'><span>Home &gt; Business &gt; Industry</span></div><main>{paragraphs()}</main>")
    record = newsbot.extract(html, URL)
    assert [crumb["name"] for crumb in record["breadcrumbs"]] == ["Business", "Industry"]


def test_caption_printed_from_alt_text_is_removed() -> None:
    html = page(f"<main><img src='/data/photo/a.jpg' alt='{CAPTION}'><p>{CAPTION}</p>{paragraphs()}</main>")
    record = newsbot.extract(html, URL)
    assert record["articleBody"].split("\n") == STORY


def test_a_japanese_caption_printed_from_alt_text_is_removed() -> None:
    # Japanese writes no spaces between words: the alt text's length is read in characters.
    caption = "移送のため警視庁を出る容疑者＝13日、東京・霞ケ関で（本社撮影）"
    story = [
        "東京女子医大の新校舎建設工事を巡って、大学に損害を与えたとして、警視庁捜査2課は13日、背任の疑いで元理事長を逮捕した。",
        "同課は、容疑者が金を自身や側近に還流して私的に流用していたとみて、不透明な資金の流れの全容解明を進める。",
        "逮捕容疑では、2018年7月から2020年2月にかけて、同大の新校舎2棟の建設工事を巡り、報酬名目で約1億2000万円を支払わせた疑い。",
    ]
    photo = (
        f"<div class='image'><a href='/article_photo/list?id=1'><img src='/p/1.jpg' alt='{caption}'></a></div>"
        f"<p class='caption'>{caption}</p>"
    )
    blocks = "".join(f"<div class='block'>{block}</div>" for block in (story[0], photo, *story[1:]))
    html = f"<html><head><title>元理事長を逮捕</title></head><body><div id='entry'>{blocks}</div></body></html>"
    body = newsbot.extract(html, "https://www.example-shimbun.jp/article/379018")["articleBody"]
    assert body.splitlines() == story


def test_caption_element_with_unknown_class_word() -> None:
    html = page(
        f"<main><div class='pic'><img src='/data/photo/a.jpg'><div class='photo-caption'>{CAPTION}. [YONHAP]</div>"
        f"</div>{paragraphs()}</main>"
    )
    record = newsbot.extract(html, URL)
    assert record["images"] == [
        {"url": "https://koreajoongangdaily.joins.com/data/photo/a.jpg", "caption": CAPTION + ".", "credit": "YONHAP"}
    ]
    assert record["articleBody"].split("\n") == STORY


def test_lists_inside_a_known_container_are_kept() -> None:
    html = page(
        f"<div class='article_body_container'>{paragraphs()}<ul><li>Hyundai Motor plans 300 more robots</li>"
        "<li>Kia plans 120 more robots</li></ul></div>"
    )
    body = newsbot.extract(html, URL)["articleBody"].split("\n")
    assert body[-2:] == ["Hyundai Motor plans 300 more robots", "Kia plans 120 more robots"]


def test_euc_kr_page_keeps_its_hangul() -> None:
    story = [*STORY, "로봇 밀도는 세계 최고 수준이다. 제조업체들이 자동화에 투자를 늘렸다고 연맹은 밝혔다."]
    html = page(f"<main>{paragraphs(story)}</main>", "<meta charset='euc-kr'>").encode("cp949")
    record = newsbot.extract(html, URL)
    assert "로봇 밀도는 세계 최고 수준이다." in record["articleBody"]


def test_json_ld_fills_what_the_page_does_not_print() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "headline": "Robots in factories",
                "datePublished": "2026-03-02T10:30:00+09:00",
                "dateModified": "2026-03-02T12:00:00+09:00",
                "author": [{"@type": "Person", "name": "PARK EUN-JEE"}],
            }
        ],
    }
    html = page(f"<main>{paragraphs()}</main>", f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    record = newsbot.extract(html, URL)
    assert record["datePublished"] == "2026-03-02T10:30:00+09:00"
    assert record["dateModified"] == "2026-03-02T12:00:00+09:00"
    assert record["authors"] == [{"name": "Park Eun-jee", "nameRaw": "PARK EUN-JEE"}]


def test_url_date_is_the_last_resort() -> None:
    record = newsbot.extract(page(f"<main>{paragraphs()}</main>"), URL + "?detailWord=robot")
    assert record["datePublished"] == "2026-03-02"  # the URL's day: a date, not midnight
    assert record["url"] == URL


def test_canonical_link_to_the_new_domain_wins() -> None:
    new = "https://www.koreajoongangdaily.com/business/robots-in-factories/2540001"
    record = newsbot.extract(page(f"<main>{paragraphs()}</main>", f"<link rel='canonical' href='{new}'>"), URL)
    assert record["url"] == new and record["articleId"] == "2540001"


def test_default_share_image_is_not_a_photo() -> None:
    og = "<meta property='og:image' content='https://koreajoongangdaily.joins.com/resources/images/common/ja_opengraph_img.png'>"
    record = newsbot.extract(page(f"<main>{paragraphs()}</main>", og), URL)
    assert record["images"] == [] and "mainImage" not in record


@pytest.mark.parametrize(
    ("html", "error"),
    [("", EmptyPage), (b"%PDF-1.7\x00\x00binary", EmptyPage), ("<html><body><p>x</p></body></html>", NoHeadline)],
)
def test_pages_that_cannot_be_records_raise_newsbots_own_errors(html: str | bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        newsbot.extract(html, URL)


HANGUL = "로봇 밀도는 세계 최고 수준이다."


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (f"<meta charset='utf-8'><p>{HANGUL}</p>".encode(), "text/html; charset=ISO-8859-1"),
        (f"<meta charset='euc-kr'><p>{HANGUL}</p>".encode("cp949"), "text/html"),
        (f"<p>{HANGUL}</p>".encode("cp949"), "text/html; charset=EUC-KR"),
        (f"<p>{HANGUL}</p>".encode("cp949"), "text/html; charset=UTF-8"),
        (f"<p>{HANGUL}</p>".encode("cp949"), None),
        ("\ufeff".encode() + f"<p>{HANGUL}</p>".encode(), "text/html; charset=cp1252"),
        (f"<p>{HANGUL}</p>".encode(), None),
    ],
    ids=[
        "utf8-declared-latin1",
        "meta-euc-kr",
        "header-euc-kr",
        "cp949-declared-utf8",
        "cp949-undeclared",
        "bom",
        "plain",
    ],
)
def test_charsets_declared_wrongly_or_not_at_all(body: bytes, content_type: str | None) -> None:
    assert HANGUL in decode(body, content_type)


SPANISH = "La sanción del Congreso llegó el año pasado: el niño, la señora y el café."
GERMAN = "Die Bürgermeisterin äußerte sich über die Größe des Straßenbaus."
RUSSIAN = "Правительство утвердило новый бюджет на следующий год, заявил министр финансов."


@pytest.mark.parametrize(
    ("body", "content_type", "text"),
    [
        (f"<meta charset='iso-8859-15'><p>{SPANISH}</p>".encode(), "text/html", SPANISH),
        (f"<p>{SPANISH}</p>".encode(), "text/html; charset=windows-1250", SPANISH),
        (f"<p>{SPANISH}</p>".encode("cp1252"), "text/html", SPANISH),
        (f"<p>{GERMAN}</p>".encode("cp1252"), None, GERMAN),
        (f"<p>{RUSSIAN}</p>".encode("cp1251"), "text/html", RUSSIAN),
        (f"<meta charset='iso-8859-15'><p>{GERMAN}</p>".encode("iso-8859-15"), "text/html", GERMAN),
    ],
    ids=[
        "utf8-declared-latin9",
        "utf8-declared-cp1250",
        "cp1252-undeclared",
        "cp1252-no-header",
        "cp1251-undeclared",
        "latin9-declared-rightly",
    ],
)
def test_european_pages_declared_wrongly_or_not_at_all(body: bytes, content_type: str | None, text: str) -> None:
    assert text in decode(body, content_type)


def _twice_encoded(text: str) -> str:
    """``text`` as a CMS prints it that read its UTF-8 bytes as Latin-1 and encoded them again."""
    return text.encode("utf-8").decode("latin-1")


def test_text_encoded_in_utf8_twice_is_decoded_again_in_every_field() -> None:
    headline = "A DIY Investor’s Guide to Retirement Calculators"
    story = [*STORY[:2], "Fees start at €14 a month — less than the investor’s broker charged."]
    html = (
        f"<html><head><title>{_twice_encoded(headline)}</title>"
        f"<meta property='og:title' content='{_twice_encoded(headline)}'></head>"
        f"<body><article><h1>{_twice_encoded(headline)}</h1>{paragraphs(story[:2])}"
        f"<p>{_twice_encoded(story[2])}</p></article></body></html>"
    )
    record = newsbot.extract(html, "https://example.com/guides/retirement-calculators")
    assert record["headline"] == headline
    assert record["articleBody"].split("\n")[-1] == story[2]


def test_a_page_quoting_mojibake_without_control_characters_keeps_its_quotation() -> None:
    # A page about encodings: "Ã¤" for "ä" is its subject, and no C1 control character says the
    # page itself was encoded twice.
    line = 'Before Unicode, I lost count of how many times I saw "Ã¤" instead of "ä" on a web page.'
    record = newsbot.extract(
        page(f"<article><h1>Robots</h1>{paragraphs([*STORY, line])}</article>"), "https://example.com/a/1"
    )
    assert line in record["articleBody"].split("\n")


def test_br_runs_beside_blocks_become_paragraphs() -> None:
    html = page(
        "<div class='x'><p>print dictionary print</p>"
        f"{STORY[0]}<br>&nbsp;<br><div class='ad'>Advertisement</div>{STORY[1]}<br><br>"
        f"<b>{STORY[2].split(' ', 1)[0]}</b> {STORY[2].split(' ', 1)[1]}<br></div>"
    )
    assert newsbot.extract(html, URL)["articleBody"].split("\n") == STORY


def _nested(depth: int) -> str:
    story = "".join(
        f"<p>Paragraph {n} of a story nested very deep, about the harbour that reopened after repairs.</p>"
        for n in range(6)
    )
    return (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + f"<h1>Deep</h1>{story}"
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [400, 1500])
def test_a_page_nested_past_the_parsers_256_levels_is_read_whole(depth: int) -> None:
    record = newsbot.extract(_nested(depth), "https://x.test/deep")
    assert record["articleBody"].count("Paragraph") == 6


def test_a_page_nested_past_2048_levels_is_too_deep() -> None:
    with pytest.raises(newsbot.TooDeep) as raised:
        newsbot.extract(_nested(2500), "https://x.test/deep")
    assert raised.value.reason == "too_deep"


def test_block_lines_reads_a_deep_element_without_recursion() -> None:
    tree = lxml.html.document_fromstring(_nested(1500), parser=lxml.html.HTMLParser(huge_tree=True))
    assert [line for line in block_lines(tree) if line.startswith("Paragraph")][-1].startswith("Paragraph 5")


def test_a_page_of_more_elements_than_any_news_page_is_refused_before_parsing() -> None:
    html = "<html><head><title>Tiny</title></head><body><h1>Tiny</h1>" + "<span>a</span>" * 60_000 + "</body></html>"
    with pytest.raises(newsbot.TooManyElements) as raised:
        newsbot.extract(html, "https://x.test/tiny")
    assert raised.value.reason == "too_many_elements"


def test_no_record_holds_control_characters() -> None:
    """A "&#1;" in the headline and a NUL in a JSON-LD author reach no field of the record."""
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane\u0000 Doe"}})
    html = page(
        f"<h1>Bad &#1;headline\u0007 here</h1><main>{paragraphs()}</main>",
        f"<meta property='og:title' content='Bad &#1;headline here'><script type='application/ld+json'>{ld}</script>",
    )
    record = newsbot.extract(html, "https://news.example.org/2024/01/02/bad-headline-here")
    strings: list[str] = []
    stack: list[Any] = [record]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            strings.append(value)
    assert not [text for text in strings if any(ord(char) < 32 and char != "\n" for char in text)]
    assert record["authors"][0]["name"] == "Jane Doe"
    assert record["headline"] == "Bad headline here"


@pytest.mark.parametrize(
    "block",
    [
        "[" * 100_000 + "]" * 100_000,  # nested past Python's recursion limit
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "[" + ",".join(['{"@type": "Thing", "name": "x"}'] * 1_000_000) + "]",  # 30 MB: past libxml2's text limit
    ],
    ids=["deep-array", "deep-object", "million-objects"],
)
def test_a_pathological_json_ld_block_is_ignored_and_the_article_kept(block: str) -> None:
    story = "".join(
        f"<p>Paragraph {n} of the council's budget story, with words enough to be text.</p>" for n in range(6)
    )
    html = (
        f"<html><head><title>Council passes budget</title><script type='application/ld+json'>{block}</script>"
        f"</head><body><article><h1>Council passes budget</h1><time datetime='2026-03-02T09:00:00Z'>2 March</time>"
        f"{story}</article></body></html>"
    )
    record = newsbot.extract(html, "https://example.com/news/2026/03/02/council-passes-budget")
    assert record["headline"] == "Council passes budget"
    assert record["articleBody"].count("Paragraph") == 6
    assert record["datePublished"] == "2026-03-02T09:00:00+00:00"


def test_the_comment_widget_inside_a_known_layouts_story_is_pruned() -> None:
    """The comment widget's login box inside the story container, worded as prose that no text
    rule can tell from story text. trafilatura drops the widget's comment-named parts itself;
    the login box goes by the layout's pruning alone."""
    from newsbot.downloadermiddlewares.replay import FixtureSite
    from tests.conftest import ROOT

    page = next(p for p in FixtureSite(ROOT / "fixtures").pages if p.name.endswith("2022-05-02-economy-chip-exports"))
    widget = (
        '<div class="login-box"><p>Sign in with your account to join the conversation'
        " with other readers and share what you think of this story.</p></div>"
    )
    anchor = '<div class="related-article">'
    html = page.body().decode("utf-8").replace(anchor, widget + anchor)
    assert widget in html
    record = newsbot.extract(html, page.url)
    assert "join the conversation" not in record["articleBody"]
    assert record["articleBody"] == page.expected_record()["articleBody"]


def test_a_section_front_is_not_an_article_rather_than_an_empty_one() -> None:
    headlines = "".join(
        f"<li><h3><a href='/news/2026/03/{n % 28 + 1:02d}/story-{n}'>Council announces measure {n}</a></h3></li>"
        for n in range(51)
    )
    html = (
        "<html><head><title>National | Gazette</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h1>National</h1><ul>{headlines}</ul></main><footer>Gazette</footer></body></html>"
    )
    with pytest.raises(newsbot.NotAnArticle, match="section front"):
        newsbot.extract(html, "https://example.com/section/national")


_GUIDE_SECTIONS = {
    "Soil comes first": "The beds were dug over in March and fed with two barrows of compost each spring.",
    "Water at the roots": "A drip line under the mulch kept the roots moist through the dry weeks of July.",
}


def _guide_body(heading: Callable[[int, str], str]) -> list[str]:
    """The body of a garden guide on a site no profile describes, its subheadings marked up by
    ``heading(n, title)``."""
    story = "".join(
        f"{heading(n, title)}<p>{text} {STORY[n]}</p>" for n, (title, text) in enumerate(_GUIDE_SECTIONS.items())
    )
    html = (
        "<html><head><title>A garden guide</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>A garden guide</h1><p>{STORY[2]}</p>{story}</article></body></html>"
    )
    body: str = newsbot.extract(html, "https://blog.example.org/2025/03/02/garden-guide")["articleBody"]
    return body.split("\n")


def test_subheadings_that_link_to_themselves_stay_in_the_story() -> None:
    # Permalinked subheadings (<h2><a href="#id">) are all link: trafilatura's precision mode
    # deletes them. Their words are the story's; a wordless "#" marker beside one is not.
    body = _guide_body(
        lambda n, title: (
            f"<h2 id='s{n}'><a href='#s{n}'>{title}</a></h2>"
            if n == 0
            else f"<h2 id='s{n}'>{title} <a class='anchor' href='#s{n}'>#</a></h2>"
        )
    )
    assert [line for line in body if line in _GUIDE_SECTIONS] == list(_GUIDE_SECTIONS)
    assert not any(line.endswith("#") for line in body)


@pytest.mark.parametrize(
    "span",
    [
        "<span class='link'><a href='/harbour'>the harbour board</a></span>",
        "<span style='border: 0'>the harbour board</span>",
    ],
)
def test_a_span_inside_a_sentence_keeps_its_words(span: str) -> None:
    # trafilatura's precision mode deletes spans classed "link" or drawn with a border: inside a
    # paragraph their words are the sentence's.
    sentence = f"The repairs were paid for by {span} after a vote on Tuesday evening in the town hall."
    html = (
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        f"<p>{sentence}</p>{paragraphs()}</article></body></html>"
    )
    body = newsbot.extract(html, "https://blog.example.org/2025/03/02/harbour-reopens")["articleBody"]
    assert "paid for by the harbour board after a vote" in body


def test_a_sentence_with_a_link_stays_in_the_story_where_each_block_has_its_wrapper() -> None:
    # One <div> per text block (the BBC's, Postmedia's): trafilatura's precision mode deletes a
    # wrapper holding a short paragraph with a link, and the paragraph with it.
    linked = (
        "It also <a href='https://www.nato.int/topics'>co-ordinates military plans<span class='tooltip'></span></a>"
        " and carries out joint exercises with the forces of its members."
    )
    blocks = "".join(
        f"<div class='text-block'><div><p>{text}</p></div></div>" for text in [*STORY[:2], linked, STORY[2]]
    )
    teaser = "<div class='text-block'><div><p><a href='/other'>Bridge closes for a month of repairs</a></p></div></div>"
    html = (
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        f"{blocks}{teaser}</article></body></html>"
    )
    body = newsbot.extract(html, "https://www.example-news.com/news/harbour-reopens-12345")["articleBody"]
    assert "It also co-ordinates military plans and carries out joint exercises with the forces of its members." in body
    assert "Bridge closes" not in body  # a link alone is no sentence of the story


def test_a_paragraph_marked_by_a_named_anchor_stays_in_the_story() -> None:
    # A transcript marks each question as a jump target (<a name>, no address): no link, so
    # trafilatura's precision mode does not take the paragraph for one.
    question = "One of the questions listeners ask most: what does the professor say to that?"
    marked = f"<p><a name='question'>{question}</a></p>"
    html = (
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        f"<p>{STORY[0]}</p>{marked}<p>{STORY[1]}</p><p>{STORY[2]}</p>"
        "<p><a href='/other'>Bridge closes for a month of repairs</a></p></article></body></html>"
    )
    body = newsbot.extract(html, "https://www.example-news.com/news/harbour-reopens-12345")["articleBody"]
    assert question in body
    assert "Bridge closes" not in body


def test_subheadings_holding_a_table_of_contents_target_stay_in_the_story() -> None:
    # Table-of-contents plugins put an empty <span id> in each subheading as the jump target;
    # trafilatura's precision mode then lost the heading's words, which follow it.
    body = _guide_body(
        lambda n, title: (
            f"<h3><span class='ez-toc-section' id='s{n}'></span>{title}<span class='ez-toc-section-end'></span></h3>"
        )
    )
    assert [line for line in body if line in _GUIDE_SECTIONS] == list(_GUIDE_SECTIONS)


_PARTS = [
    [
        f"Part {part}, paragraph {n}: the council's plan for the harbour was argued over for a whole evening."
        for n in "abc"
    ]
    for part in (1, 2, 3)
]


def _split_story(between: str) -> str:
    parts = between.join(f"<div class='body__container article__body'>{paragraphs(part)}</div>" for part in _PARTS)
    return (
        "<html><head><title>Harbour plan argued over</title></head><body><article>"
        f"<h1>Harbour plan argued over</h1>{parts}</article></body></html>"
    )


def test_a_story_split_into_parts_by_ads_is_read_whole() -> None:
    # Some sites put each part of a long story in its own container of the same class, with an
    # ad or a newsletter box between them; trafilatura keeps the first part alone.
    ad = "<div class='ad-slot'><p>Advertisement</p></div><div class='newsletter'><p>Sign up today</p></div>"
    body = newsbot.extract(_split_story(ad), "https://www.example-news.com/story/harbour-plan")["articleBody"]
    assert body.splitlines() == [line for part in _PARTS for line in part]


def test_the_same_container_in_another_article_is_no_part_of_the_story() -> None:
    # A related story's teaser in its own <article>, built with the story's own container class.
    teaser = f"<div class='body__container article__body'>{paragraphs(_PARTS[2])}</div>"
    html = (
        _split_story("")
        .replace(teaser, "")
        .replace("</article>", f"</article><aside><article>{teaser}</article></aside>")
    )
    body = newsbot.extract(html, "https://www.example-news.com/story/harbour-plan")["articleBody"]
    assert body.splitlines() == [line for part in _PARTS[:2] for line in part]


def test_a_story_only_in_a_scripts_payload_is_read_from_there() -> None:
    # A page rendered by its own JavaScript ships the story's markup as a JSON string (Next.js'
    # streamed payload) and prints none of it: read from the script, not refused as empty.
    markup = "<p class='editor-p'>" + "</p>$$ARTICLEAD$$<p class='editor-p'>".join(STORY) + "</p>"
    payload = json.dumps(markup).replace("<", "\\u003c")
    html = (
        "<html><head><title>Robots in factories</title></head><body><div id='app'><h1>Robots in factories</h1>"
        f"<div class='article-body'></div></div><script>self.__next_f.push([1,{payload}])</script></body></html>"
    )
    body = newsbot.extract(html, "https://www.example-ilbo.com/news/article/A2026012914320005196")["articleBody"]
    assert body.splitlines() == STORY


def test_a_script_without_a_story_leaves_an_empty_page_refused() -> None:
    # A consent banner's template: paragraphs, none of them a story's.
    banner = "".join(f"<p>{words}</p>" for words in ["We use cookies.", "Accept all", "Reject all", "Settings"] * 20)
    payload = json.dumps(banner)
    html = (
        "<html><head><title>Robots in factories</title></head><body><h1>Robots in factories</h1>"
        f"<script>var state = {{'html': {payload}}}</script></body></html>"
    )
    with pytest.raises(EmptyBody):
        newsbot.extract(html, "https://www.example-ilbo.com/news/article/A2026012914320005196")


def test_a_story_only_in_the_structured_data_is_read_from_there() -> None:
    # A page whose code renders the story from a state of its own, without markup, prints none
    # of it; its JSON-LD still declares the text, entities escaped and paragraphs on lines.
    declared = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": "Robots in factories",
            "articleBody": "\n".join(STORY).replace(",", "&#44;"),
        }
    )
    html = (
        "<html><head><title>Robots in factories</title>"
        f"<script type='application/ld+json'>{declared}</script></head><body><div id='app'>"
        "<h1>Robots in factories</h1><p>Published: 10:00am, 20 Jan, 2020</p></div></body></html>"
    )
    body = newsbot.extract(html, "https://www.example-post.com/news/article/3046526/robots-in-factories")["articleBody"]
    assert body.splitlines() == STORY


def test_a_printed_story_is_not_replaced_by_the_structured_datas() -> None:
    # The declared text is the last resort: where the page prints the story, it is read there.
    declared = json.dumps({"@type": "NewsArticle", "articleBody": "A teaser of the story, cut for the paywall. " * 5})
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY)
    html = (
        "<html><head><title>Robots in factories</title>"
        f"<script type='application/ld+json'>{declared}</script></head><body>"
        f"<article><h1>Robots in factories</h1>{paragraphs}</article></body></html>"
    )
    body = newsbot.extract(html, "https://www.example-post.com/news/article/3046526/robots-in-factories")["articleBody"]
    assert body.splitlines() == STORY


def test_microdata_of_a_work_the_page_holds_is_not_the_pages() -> None:
    # A reference list marks each cited paper as an item held as ``citation``; a post's own item
    # (held as ``mainEntity`` or as a blog's ``blogPost``) and a page-level meta tag speak for it.
    from newsbot.extraction.html import parse_html
    from newsbot.extraction.meta import read_meta

    html = (
        "<html><head><meta name='citation_author' content='Marwan Adwan'></head><body>"
        "<div itemscope itemtype='https://schema.org/Blog'>"
        "<article itemprop='blogPost' itemscope itemtype='https://schema.org/BlogPosting'>"
        "<meta itemprop='datePublished' content='2017-03-01'><p>Text.</p>"
        "<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'>"
        "<meta itemprop='datePublished' content='2019-05-05'></div></article></div>"
        "<ol><li itemprop='citation' itemscope itemtype='https://schema.org/ScholarlyArticle'>"
        "<meta itemprop='author' content='NH. Shear, SP. Spielberg'></li></ol></body></html>"
    )
    meta = read_meta(parse_html(html, None))
    assert meta.every("author", "citation_author") == ["Marwan Adwan"]
    assert meta.tags["datepublished"] == ["2017-03-01"]


def test_a_story_printed_only_for_readers_without_scripts_is_read() -> None:
    # Blogger's templates render the post from a script and print it in <noscript> alone; the
    # page's other text is its archive's links. A <noscript> pixel elsewhere is still no story.
    archive = "".join(f"<li><a href='/2020/{month:02}/'>{month:02}</a></li>" for month in range(1, 13))
    post = f"<script type='text/template'>{paragraphs()}</script><noscript>{paragraphs()}</noscript>"
    html = (
        "<html><head><title>Safe browsing, enhanced</title></head><body><h1>Safe browsing, enhanced</h1>"
        f"<div class='post-body'>{post}</div><div class='archive'><ul>{archive}</ul></div>"
        "<noscript><img src='/pixel.gif'></noscript></body></html>"
    )
    record = newsbot.extract(html, "https://security.blog.example/2020/05/safe-browsing.html")
    assert record["articleBody"].split("\n") == STORY


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("2019-06-17T18:28:00+02:00", "2017-07-12"),  # years from the URL's day: a template's stamp
        ("2017-07-12T23:30:00-04:00", "2017-07-12T23:30:00-04:00"),  # the same day, to the minute
        ("2017-07-13T03:30:00+00:00", "2017-07-13T03:30:00+00:00"),  # a day apart: a zone, kept
    ],
)
def test_a_declared_date_far_from_the_urls_day_gives_way_to_it(declared: str, expected: str) -> None:
    ld = {"@context": "https://schema.org", "@type": "BlogPosting", "datePublished": declared}
    head = f"<title>Unter uns: Montauk</title><script type='application/ld+json'>{json.dumps(ld)}</script>"
    html = f"<html><head>{head}</head><body><h1>Unter uns: Montauk</h1><article>{paragraphs()}</article></body></html>"
    record = newsbot.extract(html, "https://www.blog.example/home/2017/7/12/unter-uns-montauk")
    assert record["datePublished"] == expected


def test_a_social_post_declares_the_pages_time_and_writer() -> None:
    # Tumblr types its posts SocialMediaPosting, schema.org's parent of BlogPosting.
    ld = {
        "@type": "SocialMediaPosting",
        "datePublished": "2014-09-02T08:35:27-04:00",
        "author": {"@type": "Person", "name": "Jeb Bergensten"},
    }
    head = f"<title>The Bountiful Update</title><script type='application/ld+json'>{json.dumps(ld)}</script>"
    html = (
        f"<html><head>{head}</head><body><h1>The Bountiful Update</h1><article>{paragraphs()}</article></body></html>"
    )
    record = newsbot.extract(html, "https://update.blog.example/post/96439224994/the-bountiful-update")
    assert record["datePublished"] == "2014-09-02T08:35:27-04:00"
    assert [author["name"] for author in record["authors"]] == ["Jeb Bergensten"]
