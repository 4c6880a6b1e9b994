"""JoongAng Ilbo (중앙일보, www.joongang.co.kr): the Korean sister of the JoongAng Daily.

Built from the group CMS's public front-end templates (see docs/joongang-ilbo.md): the article
header (``h1.headline``, the ``입력``/``수정`` date block, one byline link per reporter), the
``article_body`` with its ``ab_photo`` blocks, and the footer of tags, subscription boxes,
reactions and comments.
"""

from __future__ import annotations

import re

from newsbot.discovery.urls import ArticlePath
from newsbot.profiles.base import Layout, SiteProfile

# /article/25012345: one shape since the 2021 site, and on the older news.joins.com host.
ARTICLE_PATHS = (ArticlePath("article", re.compile(r"^/article/(?P<id>\d{8})/?$")),)

# What the CMS prints in or around the story, by kind (counted in stats per kind).
_CHROME = {
    "subscription": (".subscription_wrap", ".letter_wrap", ".pp_letter_wrap", ".subscribe_wrap"),
    "tags": (".tag_wrap", ".tag_list"),
    "comments": (".comment_wrap", ".comment_list", ".comment_form", ".comment_recomm", ".empathy_wrap", "#comment"),
    "related": (".related_link", ".ab_related_article", ".related_article", ".recommend_wrap"),
    "reporter": (".reporter", ".reporter_group", ".byline_bx", ".journalist_area"),
    "ads": (".ad_wrap", ".ad_area", ".ab_ad", "ins.adsbygoogle"),
    "toolbar": (".share_wrap", ".article_util", ".font_size", ".tts_wrap", ".btn_share", ".sticky_menu"),
    # Reader tools printed inside the story: the highlight menu and memo layer beside marked
    # text, the "how did you like it" rating layer.
    "reader_tools": (".highligth_bx", ".highlight_bx", ".layer_memo", ".layer_feedback"),
}

# The page's section header (layout_page_title.html of the CMS guide): "정치" and the menu of
# its sub-sections, the current one marked active.
_SECTION_HEADER = (".section_header_wrap .section_title", ".section_header_wrap .nav_item.active a")

MOKA_2021 = Layout(
    name="2021-moka",
    in_use="2021 on, www.joongang.co.kr/article/<id>",
    body=("article.article div.article_body", "article.article #article_body", "section#article_body"),
    headline=("article.article h1.headline", "h1.headline"),
    # The date lines: direct in the header, or in a layer behind a button; <time> where the
    # page marks them up so (the same instant twice is one date).
    dates=(".article_header .time_bx p.date", ".article_header time[itemprop]"),
    # The CMS's section header over the page (its title, and the active item of its
    # sub-section menu), a breadcrumb nav, or the section line over the headline.
    breadcrumbs=(*_SECTION_HEADER, "nav.breadcrumb a", ".article_header .subhead a", ".subhead a"),
    photos=("div.ab_photo", "figure.figure"),
    captions=("p.caption", "figcaption"),
    # One link per reporter, and the layer behind "외 3명" listing every one of them again;
    # the byline block closing the story ("홍길동 기자 e-mail") where the page has one.
    bylines=(".article_header .byline a", "#article_body .ab_byline", ".article_body .ab_byline"),
    prune=_CHROME,
)

JOINS_2015 = Layout(
    name="2015-joins",
    in_use="2015 to 2021, news.joins.com/article/<id>",
    body=("div#article_body",),
    headline=("#article_title", "h1.headline"),
    dates=(".article_head .byline em", ".byline em"),
    breadcrumbs=(".subject_area a", "nav.breadcrumb a"),
    photos=("div.ab_photo",),
    captions=("p.caption", ".caption"),
    bylines=(".ab_byline", "span.profile strong a"),
    prune=_CHROME,
)

#: A template of the site that no version describes: the CMS's chrome classes are still cut
#: (``site_chrome``); the story is what trafilatura keeps, less proven chrome.
UNKNOWN_TEMPLATE = Layout(
    name="generic",
    in_use="any template of this site that no version describes",
    body=(),
    headline=("h1.headline", "h1"),
    dates=("p.date", "time", "[class*=date]"),
    breadcrumbs=(*_SECTION_HEADER, "nav.breadcrumb a", "[class*=breadcrumb] a"),
    photos=("div.ab_photo", "figure"),
    captions=("p.caption", "figcaption"),
    bylines=(".byline a", ".ab_byline", "[rel=author]"),
)

JOONGANG_ILBO = SiteProfile(
    name="joongang_ilbo",
    description="JoongAng Ilbo (중앙일보, www.joongang.co.kr), in Korean",
    hosts=("www.joongang.co.kr", "joongang.co.kr", "mnews.joongang.co.kr", "news.joins.com", "mnews.joins.com"),
    start_urls=(
        "https://www.joongang.co.kr/politics",
        "https://www.joongang.co.kr/society",
        "https://www.joongang.co.kr/rss/joongang_news_list.xml",
    ),
    article_paths=ARTICLE_PATHS,
    language="ko",
    timezone="Asia/Seoul",
    layouts=(MOKA_2021, JOINS_2015),
    generic=UNKNOWN_TEMPLATE,
    site_chrome={**_CHROME, "navigation": ("header#header", "footer#footer", ".article_footer")},
    site_names=("중앙일보", "The JoongAng"),
    title_suffixes=(" | 중앙일보", " - 중앙일보", "ㅣ중앙일보"),
    default_image=re.compile(r"profile_joongang|/joongang_15re/|/ui_mobile/joongang/", re.IGNORECASE),
    chrome_text={
        "copyright": (r"ⓒ\s*중앙일보.{0,120}", r"ⓒ\s*JoongAng.{0,120}"),
        "toolbar": (r"지면\s*보기", r"(?:NOW\s*)?\d+\s*함께\s*읽음", r"외\s*\d+\s*명", r"작성한\s*기자"),
        "comments": (r"(?:좋아요|싫어요|화나요|신고|답글\s*작성|등록)\s*\d*",),
    },
    chrome_fragments=("좋아요", "싫어요", "화나요", "신고", "답글작성", "구독", "응원", "지면보기", "Close"),
    checks={
        "article": (
            "2021-moka https://www.joongang.co.kr/article/24008123",
            "2015-joins https://news.joins.com/article/23801234",
            "generic https://www.joongang.co.kr/article/25399876",
        ),
        "listing": (
            "https://www.joongang.co.kr/politics",
            "https://www.joongang.co.kr/society",
            "https://www.joongang.co.kr/rss/joongang_news_list.xml",
        ),
    },
    next_page=("a[rel=next]", ".pagination a.next", "a.btn_more[href]"),
    listing_card=("ul.story_list li.card", "#story_list > li"),
    listing_card_link="h2.headline a",
    listing_card_date="p.date",
)
