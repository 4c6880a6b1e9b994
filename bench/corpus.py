"""An evaluation set of JoongAng Daily-style pages, each with its gold body text.

Texts are generated from a seeded grammar of news sentences; pages wrap them in each layout
of the site with its real chrome: the toolbar, breadcrumbs, a date line, the headline
repeated in the body, photo captions printed twice (alt text and caption, sometimes a third
time as a plain paragraph), ads, a related-article box, the byline and the login/comment
widget. A fourth kind uses class names no profile knows, as after a redesign.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field

LAYOUTS = ("2020-23", "2023-26", "2025-www", "unknown")

_FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin"]
_GIVEN = ["Ji-hye", "Min-soo", "Eun-jee", "Tae-hee", "Jae-lim", "Ho-jeong", "Seung-woo", "Ha-eun", "Do-yoon",
          "So-yeon", "Hyun-woo", "Ye-jin", "Jun-ho", "Da-eun"]  # fmt: skip
_BODIES = ["the Ministry of Economy and Finance", "the Bank of Korea", "Samsung Electronics", "SK hynix",
           "Hyundai Motor", "the Seoul Metropolitan Government", "the National Assembly", "the Unification Ministry",
           "the Korea Disease Control and Prevention Agency", "LG Energy Solution", "the Financial Services Commission",
           "the Ministry of Foreign Affairs", "Naver", "Kakao", "the Korea Meteorological Administration"]  # fmt: skip
_TOPICS = ["semiconductor exports", "household debt", "the housing market", "youth unemployment", "the birth rate",
           "battery supply chains", "tourism from China", "the won-dollar exchange rate", "minimum wage talks",
           "nuclear energy policy", "inter-Korean relations", "the K-pop industry", "public transport fares",
           "heat waves", "shipbuilding orders", "artificial intelligence investment"]  # fmt: skip
_PLACES = ["Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Sejong", "Ulsan", "Suwon", "Jeju", "Pyongyang",
           "Washington", "Tokyo", "Beijing"]  # fmt: skip
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_VERBS = ["said", "announced", "reported", "estimated", "warned", "predicted", "confirmed", "noted"]
_TRENDS = ["rose", "fell", "climbed", "dropped", "jumped", "slipped", "edged up", "declined"]
_KO_SUBJECTS = ["정부는", "전문가들은", "관계자는", "업계는", "시장은", "위원회는", "연구진은", "서울시는"]
_KO_OBJECTS = ["이번 대책이", "하반기 경기 회복이", "수출 증가세가", "금리 인하가", "새 규제가", "투자 확대가",
               "물가 상승이", "인구 감소가"]  # fmt: skip
_KO_PREDICATES = ["시장 안정에 도움이 될 것으로 기대하고 있다.", "다음 달부터 본격화될 것으로 내다봤다.",
                  "아직 불확실하다고 밝혔다.", "예상보다 빠르게 진행되고 있다고 분석했다.",
                  "중장기 과제로 남을 것이라고 전망했다."]  # fmt: skip
_CREDITS = ["YONHAP", "NEWS1", "JOONGANG ILBO", "NEWSIS", "AP/YONHAP", "SCREEN CAPTURE", "REUTERS/YONHAP",
            "MINISTRY OF FOREIGN AFFAIRS", "SAMSUNG ELECTRONICS", "KOREAN EMBASSY TO THE UNITED STATES"]  # fmt: skip
_AGENCIES = ["Yonhap", "AP", "AFP", "Bloomberg"]
_SECTIONS = [
    ("national", "politics", "National", "Politics"),
    ("national", "socialAffairs", "National", "Social Affairs"),
    ("national", "northKorea", "National", "North Korea"),
    ("business", "economy", "Business", "Economy"),
    ("business", "industry", "Business", "Industry"),
    ("business", "tech", "Business", "Tech"),
    ("entertainment", "kpop", "Entertainment", "K-pop"),
    ("sports", "football", "Sports", "Football"),
    ("culture", "artsDesign", "Culture", "Arts & Design"),
    ("opinion", "columns", "Opinion", "Columns"),
]
_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WIDGET = [
    "Log in to Twitter or Facebook account to connect",
    "with the Korea JoongAng Daily",
    "help-image Social comment?",
    "lock icon",
    "To write comments, please log in to one of the accounts.",
    "Standards Board Policy (0/250자)",
]


@dataclass
class Story:
    """What a page says, before a layout wraps it in chrome."""

    article_id: str
    when: tuple[int, int, int, int, int]
    section: str
    subsection: str
    crumbs: tuple[str, str]
    headline: str
    paragraphs: list[str]
    captions: list[str]
    byline: list[str]
    related: list[str]
    style: str
    echo_caption: bool


@dataclass
class EvalPage:
    name: str
    layout: str
    url: str
    html: str
    gold: list[str]
    #: What must not be in a body: kind -> texts the page printed around the story.
    junk: dict[str, list[str]] = field(default_factory=dict)


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def person(self) -> str:
        return f"{self.r.choice(_FAMILY)} {self.r.choice(_GIVEN)}"

    def number(self) -> str:
        r = self.r
        return r.choice(
            [
                f"{r.randint(2, 98)} percent",
                f"{r.randint(2, 900)} billion won",
                f"${r.randint(2, 90)}.{r.randint(1, 9)} billion",
                f"{r.randint(1000, 99000):,}",
            ]
        )

    def sentence(self, topic: str) -> str:
        r = self.r
        forms = [
            f"{r.choice(_BODIES).capitalize()} {r.choice(_VERBS)} on {r.choice(_DAYS)} that spending on {topic} "
            f"{r.choice(_TRENDS)} {self.number()} from a year earlier.",
            f"“We will respond to changes in {topic} with every tool we have,” {self.person()}, a senior official at "
            f"{r.choice(_BODIES)}, told reporters in {r.choice(_PLACES)}.",
            f"Analysts in {r.choice(_PLACES)} expect {topic} to remain under pressure for at least another "
            f"{r.randint(2, 9)} months, citing weak demand and higher borrowing costs.",
            f"The figure {r.choice(_TRENDS)} to {self.number()} in the third quarter, according to data released by "
            f"{r.choice(_BODIES)}.",
            f"{self.person()} said the measures would take effect next month, though details on {topic} have yet to "
            "be finalized.",
            f"Critics argue the plan does little to address {topic}, and opposition lawmakers have called for a "
            "review.",
            f"Shares of {r.choice(_BODIES).replace('the ', '')} {r.choice(_TRENDS)} "
            f"{r.randint(1, 9)}.{r.randint(1, 9)} percent on the main bourse in {r.choice(_PLACES)}.",
        ]
        return r.choice(forms)

    def paragraph(self, topic: str, used: set[str]) -> str:
        # A story does not say the same sentence twice; the grammar alone might.
        sentences: list[str] = []
        while len(sentences) < self.r.choice([1, 1, 2, 2, 3]):
            sentence = self.sentence(topic)
            if sentence not in used:
                used.add(sentence)
                sentences.append(sentence)
        return " ".join(sentences)


def _byline(r: random.Random, writer: _Writer) -> list[str]:
    kind = r.choice(["one", "one", "two", "staff", "agency", "none"])
    if kind == "none":
        return []
    if kind == "agency":
        return [r.choice(_AGENCIES)]
    names = [writer.person() for _ in range(2 if kind == "two" else 1)]
    emails = [f"{n.split()[0].lower()}.{n.split()[1].replace('-', '').lower()}@joongang.co.kr" for n in names]
    if kind == "staff":
        return [f"By {names[0]} Staff Writer [{emails[0]}]", "with the Korea JoongAng Daily"]
    return [f"BY {', '.join(n.upper() for n in names)} [{', '.join(emails)}]"]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def generate(count: int = 64, seed: int = 2026) -> list[EvalPage]:
    """``count`` pages spread evenly over the layouts, the same for the same seed."""
    rng = random.Random(seed)
    pages = []
    for index in range(count):
        writer = _Writer(rng)
        layout = LAYOUTS[index % len(LAYOUTS)]
        topic = rng.choice(_TOPICS)
        section, sub, crumb1, crumb2 = rng.choice(_SECTIONS)
        bilingual = rng.random() < 0.15
        used: set[str] = set()
        paragraphs = [writer.paragraph(topic, used) for _ in range(rng.randint(4, 14))]
        if bilingual:
            korean = rng.sample(
                [f"{s} {o} {p}" for s in _KO_SUBJECTS for o in _KO_OBJECTS for p in _KO_PREDICATES], len(paragraphs)
            )
            paragraphs = [p for pair in zip(paragraphs, korean, strict=True) for p in pair]
        headline = f"{topic.capitalize()} in focus as {rng.choice(_BODIES)} {rng.choice(_VERBS)} new figures"
        if bilingual:
            headline += " (KOR)"
        captions = [
            f"{writer.person()} speaks during a briefing in {rng.choice(_PLACES)} on {rng.choice(_DAYS)}. "
            f"[{rng.choice(_CREDITS)}]"
            for _ in range(rng.choice([0, 1, 1, 2, 3]))
        ]
        byline = _byline(rng, writer)
        year, month, day = rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28)
        hour, minute = rng.randint(0, 23), rng.randint(0, 59)
        article_id = f"{rng.randint(1_000_000, 9_999_999)}"
        related = [f"{rng.choice(_TOPICS).capitalize()} draws attention" for _ in range(rng.randint(1, 3))]
        style = rng.choice(["p", "p", "br"])
        echo_caption = rng.random() < 0.4  # the CMS printed the caption as a paragraph too
        story = Story(
            article_id, (year, month, day, hour, minute), section, sub, (crumb1, crumb2), headline, paragraphs,
            captions, byline, related, style, echo_caption,
        )  # fmt: skip
        url, date_line, page = _BUILDERS[layout](rng, story)
        top, bottom = _shell(rng)
        page = page.replace("<body>", f"<body>{top}", 1).replace("</body>", f"{bottom}</body>", 1)
        junk = {
            "captions": captions,
            "bylines": byline,
            "chrome": [
                headline,
                date_line,
                f"Home > {crumb1} > {crumb2}",
                "print dictionary print",
                "Related Article",
                *related,
                "Advertisement",
                *WIDGET,
            ],
        }
        pages.append(EvalPage(f"{index:03d}-{layout}", layout, url, page, paragraphs, junk))
    return pages


def _body(paragraphs: list[str], photos: list[str], style: str, echo: bool, photo_html: str) -> str:
    parts = []
    for index, paragraph in enumerate(paragraphs):
        if index < len(photos):
            parts.append(photo_html.format(src=f"/data/photo/2024/01/01/{index:08x}.jpg", cap=_esc(photos[index])))
            if echo:
                parts.append(f"<p>{'▲ ' if index % 2 else ''}{_esc(photos[index])}</p>")
        if index == len(paragraphs) // 2:
            parts.append('<div class="artAd"><span>Advertisement</span><ins class="adsbygoogle"></ins></div>')
        if style == "br":
            parts.append(f"{_esc(paragraph)}<br>&nbsp;<br>")
        else:
            parts.append(f"<p>{_esc(paragraph)}</p>" + ("<p>&nbsp;</p>" if index % 3 == 2 else ""))
    return "\n".join(parts)


def _shell(r: random.Random) -> tuple[str, str]:
    """The weight of a real news page around the story, about 120-160 KB as on the site: inline
    ad and analytics scripts, a style block, inline SVG icons, a desktop mega-menu and its mobile
    copy, sidebars of headline cards with thumbnails and summaries, a newsletter form and a
    link-heavy footer. Extraction cost grows with this markup, not with the story."""
    writer = _Writer(r)

    def card(n: int, summary: bool) -> str:
        section, sub, _, crumb2 = r.choice(_SECTIONS)
        topic = r.choice(_TOPICS)
        href = f"/news/2025-{n % 9 + 1:02d}-{n % 28 + 1:02d}/{section}/{sub}/Side-{n}/{2_900_000 + n}"
        text = f"<p class='card-summary'>{_esc(writer.sentence(topic))}</p>" if summary else ""
        return (
            f"<li class='card'><a href='{href}' class='card-link'><div class='card-thumb'><img loading='lazy' "
            f"src='https://koreajoongangdaily.joins.com/data/photo/2025/thumb_{n}.jpg' alt=''></div>"
            f"<div class='card-body'><span class='card-section'>{crumb2}</span><strong class='card-title'>"
            f"{topic.capitalize()} draws attention in {r.choice(_PLACES)}</strong>{text}</div></a></li>"
        )

    def cards(title: str, count: int, summary: bool) -> str:
        first = r.randint(0, 9_000)
        items = "".join(card(first + n, summary) for n in range(count))
        return f"<aside class='side-box'><h3 class='side-title'>{title}</h3><ul class='card-list'>{items}</ul></aside>"

    menu = "".join(
        f"<li class='gnb-item'><a href='/section/{section}'>{crumb1}</a><div class='gnb-sub'><ul>"
        + "".join(f"<li><a href='/section/{section}/{sub}?page={n}'>{crumb2}</a></li>" for n in range(6))
        + f"</ul><ul class='gnb-featured'>{''.join(card(r.randint(0, 9_000), False) for _ in range(3))}</ul></div></li>"
        for section, sub, crumb1, crumb2 in _SECTIONS
    )
    icon = (
        "<svg class='icon' viewBox='0 0 24 24' aria-hidden='true'>"
        + "".join(
            f"<path d='M{r.randint(1, 20)} {r.randint(1, 20)}c{r.random():.3f} {r.random():.3f} {r.random():.3f} "
            f"{r.random():.3f} {r.random():.3f} {r.random():.3f}l{r.randint(1, 9)} {r.randint(1, 9)}z'></path>"
            for _ in range(6)
        )
        + "</svg>"
    )
    config = ",".join(
        f'"slot_{n}": {{"size": [300, 250], "unit": "/2191/jdaily/{n}", "refresh": {n % 60}}}'
        for n in range(r.randint(220, 280))
    )
    style = "".join(f".c{n}{{margin:{n % 9}px;padding:{n % 7}px;color:#{n * 4099 % 16**6:06x}}}" for n in range(300))
    footer = "".join(f"<li><a href='/about/{n}'>Company page {n}</a></li>" for n in range(120))
    top = (
        f"<script>window.__ADS__ = {{{config}}};</script><style>{style}</style>"
        f"<header class='gnb-wrap'><div class='util'>{icon * 4}<a href='/login'>Log in</a>"
        f"<a href='/subscribe'>Subscribe</a><form class='search'><input name='q'>{icon}</form></div>"
        f"<nav class='gnb'><ul>{menu}</ul></nav><nav class='m-gnb' hidden><ul>{menu}</ul></nav></header>"
    )
    bottom = (
        cards("Most Popular", 10, False)
        + cards("Latest", 10, False)
        + cards("More to Read", r.randint(6, 10), True)
        + cards("Editor's Picks", r.randint(4, 6), True)
        + f"<div class='newsletter'>{icon}<form><input type='email' name='email'><button>Sign up</button></form></div>"
        f"<footer class='site-footer'><ul>{footer}</ul>{icon * 6}"
        "<p>Copyright ⓒ Korea JoongAng Daily. All Rights Reserved.</p></footer>"
        f"<script>window.__STATE__ = {{{config}}};</script>"
    )
    return top, bottom


def _head(headline: str, paragraphs: list[str], url: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{_esc(headline)} - Korea JoongAng "
        f"Daily</title><meta property='og:title' content='{_esc(headline)}'><meta property='og:description' "
        f"content='{_esc(paragraphs[0][:150])}'><meta property='og:image' content='https://koreajoongangdaily.joins."
        f"com/resources/images/common/ja_opengraph_img.png'><meta property='og:url' content='{_esc(url)}'></head>"
    )


def _widget() -> str:
    return (
        f"<div>{WIDGET[0]}<br>{WIDGET[1]}</div><div><span>help-image</span> Social comment?</div><div>s</div>"
        f"<div>lock icon</div><p>{WIDGET[4]}</p><div>{WIDGET[5]}</div>"
    )


def _related(titles: list[str]) -> str:
    items = "".join(
        f"<li><a href='/2022/01/0{n + 1}/national/Rel/2022010{n}.html'>{_esc(t)}</a></li>" for n, t in enumerate(titles)
    )
    return f"<div class='related-article'><h4>Related Article</h4><ul>{items}</ul></div>"


def _date(story: Story, style: str) -> str:
    y, m, d, hh, mm = story.when
    if style == "www":
        return f"Published {_MONTHS[m - 1]} {d}, {y} - {hh % 12 or 12}:{mm:02d} {'a.m.' if hh < 12 else 'p.m.'}"
    return f"Published: {d:02d} {_MONTHS[m - 1]} {y}, {hh:02d}:{mm:02d}"


def _news_url(story: Story) -> str:
    y, m, d, _, _ = story.when
    return (
        f"https://koreajoongangdaily.joins.com/news/{y}-{m:02d}-{d:02d}/{story.section}/{story.subsection}/"
        f"Story-{story.article_id}/{story.article_id}"
    )


def _story_html(story: Story, photo: str) -> str:
    return _body(story.paragraphs, story.captions, story.style, story.echo_caption, photo) + "".join(
        f"<p>{_esc(line)}</p>" for line in story.byline
    )


def _dated_html(r: random.Random, story: Story) -> tuple[str, str, str]:
    y, m, d, _, _ = story.when
    url = (
        f"https://koreajoongangdaily.joins.com/{y}/{m:02d}/{d:02d}/{story.section}/{story.subsection}/"
        f"Story-{story.article_id}/{y}{m:02d}{d:02d}{story.article_id}.html"
    )
    date_line = _date(story, "dated")
    photo = (
        "<div class='ab_photo photo-center'><div class='image'><img src='{src}' alt='{cap}'></div>"
        "<p class='caption'>{cap}</p></div>"
    )
    widget_inside = r.random() < 0.5
    page = (
        _head(story.headline, story.paragraphs, url)
        + f"<body><div class='header'><a href='/'>Home</a></div><div class='view-top'><div>Home &gt; "
        f"{story.crumbs[0]} &gt; {story.crumbs[1]}</div><div>print dictionary print</div></div>"
        f"<div id='article_body' class='article_body'><h1 class='view-article-title serif'>{_esc(story.headline)}</h1>"
        f"<div><a class='article-publish-date'>{date_line}</a></div>"
        + _story_html(story, photo)
        + _related(story.related)
        + (_widget() if widget_inside else "")
        + "</div>"
        + ("" if widget_inside else f"<div class='comment-wrap'>{_widget()}</div>")
        + "<div class='footer'>Copyright ⓒ Korea JoongAng Daily. All Rights Reserved.</div></body></html>"
    )
    return url, date_line, page


def _news(r: random.Random, story: Story) -> tuple[str, str, str]:
    url, date_line = _news_url(story), _date(story, "news")
    photo = r.choice(
        [
            "<div class='ab_photo'><img src='{src}' alt='{cap}'><p class='caption'>{cap}</p></div>",
            "<figure><img src='{src}' alt='{cap}'><figcaption>{cap}</figcaption></figure>",
        ]
    )
    page = (
        _head(story.headline, story.paragraphs, url)
        + f"<body><div class='article-header'><div class='breadcrumb'><a href='/'>Home</a><a>{story.crumbs[0]}</a>"
        f"<a>{story.crumbs[1]}</a></div><h1 class='view-article-title'>{_esc(story.headline)}</h1>"
        f"<div class='article-date'>{date_line}</div></div><div class='article_body_container'>"
        + _story_html(story, photo)
        + _related(story.related)
        + "</div><div class='article-tool'>print dictionary print</div>"
        + f"<div id='comment'>{_widget()}</div></body></html>"
    )
    return url, date_line, page


def _www(r: random.Random, story: Story) -> tuple[str, str, str]:
    slug = f"story-{story.article_id}"
    url = f"https://www.koreajoongangdaily.com/{story.section}/{slug}/{story.article_id}{r.randint(0, 9)}"
    date_line = _date(story, "www")
    photo = "<figure class='article-photo'><img src='{src}' alt='{cap}'><figcaption>{cap}</figcaption></figure>"
    page = (
        _head(story.headline, story.paragraphs, url)
        + "<body><header class='site-header'><a href='/'>Korea JoongAng Daily</a></header><main><article>"
        f"<nav class='breadcrumbs'><a href='/'>Home</a><a>{story.crumbs[0]}</a></nav><h1 class='article-title'>"
        f"{_esc(story.headline)}</h1><p class='article-date'>{date_line}</p><div class='article-content'>"
        + _story_html(story, photo)
        + _related(story.related)
        + f"</div><div class='share-box'>Facebook X Kakao Copy URL</div>{_widget()}</article></main></body></html>"
    )
    return url, date_line, page


def _unknown(r: random.Random, story: Story) -> tuple[str, str, str]:
    url, date_line = _news_url(story), _date(story, "news")
    token = f"x{r.randint(100, 999)}"
    photo = f"<div class='{token}-pic'><img src='{{src}}' alt='{{cap}}'><div class='{token}-cap'>{{cap}}</div></div>"
    page = (
        _head(story.headline, story.paragraphs, url)
        + f"<body><div class='{token}-top'><span>Home &gt; {story.crumbs[0]} &gt; {story.crumbs[1]}</span></div>"
        f"<div class='{token}-wrap'><h2 class='{token}-title'>{_esc(story.headline)}</h2>"
        f"<div class='{token}-meta'>{date_line}</div><div class='{token}-text'><p>print dictionary print</p>"
        + _story_html(story, photo)
        + "<p>Related Article</p>"
        + "".join(f"<p>{_esc(t)}</p>" for t in story.related)
        + "".join(f"<p>{w}</p>" for w in WIDGET)
        + "</div></div></body></html>"
    )
    return url, date_line, page


_BUILDERS = {"2020-23": _dated_html, "2023-26": _news, "2025-www": _www, "unknown": _unknown}
