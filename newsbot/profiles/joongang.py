"""Korea JoongAng Daily (koreajoongangdaily.joins.com, www.koreajoongangdaily.com)."""

from __future__ import annotations

import re

from newsbot.discovery.urls import ArticlePath
from newsbot.profiles.base import Layout, SiteProfile

_SEGMENT = r"[A-Za-z][A-Za-z0-9_-]*"
# The era names double as documentation of the path shapes.
ARTICLE_PATHS = (
    ArticlePath(
        # 2020 – spring 2023: /2021/10/13/national/diplomacy/Some-Slug/20211013183600363.html
        "dated-html",
        re.compile(
            rf"^/(?P<y>\d{{4}})/(?P<m>\d{{2}})/(?P<d>\d{{2}})/(?P<section>{_SEGMENT})"
            rf"(?:/(?P<sub>{_SEGMENT}))?/(?P<slug>[^/]+)/(?P<id>\d+)\.html?$"
        ),
    ),
    ArticlePath(
        # mid 2023 – 2026: /news/2025-10-01/national/socialAffairs/Some-Slug/2412936
        "news",
        re.compile(
            rf"^/news/(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})/(?P<section>{_SEGMENT})"
            rf"(?:/(?P<sub>{_SEGMENT}))?/(?P<slug>[^/]+)/(?P<id>\d+)/?$"
        ),
    ),
    ArticlePath(
        # 2025 –, new domain: /national/some-lowercase-slug/20250514 (8-digit id)
        "section-slug-id",
        re.compile(
            rf"^/(?P<section>{_SEGMENT})(?:/(?P<sub>{_SEGMENT}))?/(?P<slug>[a-z0-9][a-z0-9-]*)/(?P<id>\d{{6,}})/?$"
        ),
    ),
)

# Chrome every version prints in or around the story; the markup around it is not
# always known, so the same kinds also have text rules below.
_COMMON_PRUNE = {
    "ads": (".artAd", ".art-ad", ".ad-area", ".adsbygoogle", "ins.adsbygoogle"),
    "related": (".related-article", ".article-related", ".related_article", ".related-news"),
    "toolbar": (".view-tool", ".article-tool", ".article-util", ".share-box", ".sns-share"),
    "breadcrumbs": (".article-breadcrumb", ".view-breadcrumb", ".breadcrumb", "nav.breadcrumbs"),
    "comments": ("#comment", ".comment-area", ".comment_wrap", ".social-comment", ".login-box"),
}

DATED_HTML_2020 = Layout(
    name="2020-23",
    in_use="2020 to spring 2023, URLs /YYYY/MM/DD/.../<id>.html",
    body=("div#article_body",),
    headline=("h1.view-article-title",),
    dates=("a.article-publish-date", ".article-update-date"),
    breadcrumbs=(".article-breadcrumb a", ".view-breadcrumb a"),
    photos=("div.ab_photo",),
    captions=("p.caption", ".caption"),
    prune={**_COMMON_PRUNE, "headline": ("#article_body h1.view-article-title",)},
)

NEWS_2023 = Layout(
    name="2023-26",
    in_use="mid 2023 to 2026, URLs /news/YYYY-MM-DD/.../<id>",
    body=("div.article_body_container",),
    headline=("h1.view-article-title", ".article-header h1", "h1.article-title"),
    dates=(".article-date", ".view-date", ".date-area"),
    breadcrumbs=(".article-breadcrumb a", ".view-breadcrumb a", ".breadcrumb a"),
    photos=("div.ab_photo", "figure"),
    captions=(".caption", "figcaption"),
    bylines=(".article-byline", ".byline"),
    prune={**_COMMON_PRUNE, "headline": (".article_body_container h1",)},
)

WWW_2025 = Layout(
    name="2025-www",
    in_use="2025 on, www.koreajoongangdaily.com/<section>/<slug>/<id>",
    body=("div.article-content", "section.article-body"),
    headline=("h1.article-title", "header h1"),
    dates=(".article-date", ".article-info .date", "time"),
    breadcrumbs=("nav.breadcrumbs a", ".breadcrumb a"),
    photos=("figure.article-photo", "figure"),
    captions=("figcaption",),
    bylines=(".article-byline", ".byline"),
    prune={**_COMMON_PRUNE, "headline": (".article-content h1",)},
)

#: A JoongAng template no version describes: the site's own chrome classes are still cut
#: (``site_chrome``), and the story is what trafilatura keeps of the page, less proven chrome.
UNKNOWN_TEMPLATE = Layout(
    name="generic",
    in_use="any template of this site that no version describes",
    body=(),
    headline=("h1",),
    dates=("time", "[class*=date]"),
    breadcrumbs=("nav.breadcrumbs a", ".breadcrumb a", "[class*=breadcrumb] a"),
    photos=("div.ab_photo", "figure", "[class*=photo]"),
    captions=("p.caption", "figcaption", "[class*=caption]"),
    bylines=("[class*=byline]", "[rel=author]"),
)

JOONGANG = SiteProfile(
    name="joongang",
    description="Korea JoongAng Daily (koreajoongangdaily.joins.com, www.koreajoongangdaily.com), in English",
    hosts=("koreajoongangdaily.joins.com", "www.koreajoongangdaily.com", "koreajoongangdaily.com"),
    start_urls=(
        "https://koreajoongangdaily.joins.com/section/allArticles",
        "https://koreajoongangdaily.joins.com/xmls/joins",
        "https://koreajoongangdaily.joins.com/sitemap.xml",
    ),
    article_paths=ARTICLE_PATHS,
    # Paths that look like /<word>/<word>/<digits> but are site furniture, not stories.
    not_sections=frozenset({"section", "search", "xmls", "resources", "data", "tag", "tags", "reporter", "author"}),
    language="en",
    timezone="Asia/Seoul",
    layouts=(WWW_2025, NEWS_2023, DATED_HTML_2020),
    generic=UNKNOWN_TEMPLATE,
    site_chrome={**_COMMON_PRUNE, "navigation": ("header.site-header", "footer", ".breadcrumb")},
    credit_captions=True,
    site_names=("Korea JoongAng Daily",),
    title_suffixes=(" - Korea JoongAng Daily", " | Korea JoongAng Daily", " - koreajoongangdaily.joins.com"),
    default_image=re.compile(r"/resources/images/common/|ja_opengraph_img|/common/.*logo", re.IGNORECASE),
    chrome_text={
        "social": (
            r"log\s*in\s+to\s+(?:twitter|facebook|x|google|kakao).*",
            r"help-image.*",
            r"lock\s+icon",
            r"social\s+comment\??",
        ),
        "comments": (r"standards\s+board\s+policy.*", r"(?:0|\d+)\s*/\s*250\s*자?"),
        "toolbar": (
            r"(?:k-?)?dictionary(?:\s+on|\s+off)?",
            r"(?:(?:print|dictionary|scrap|kakao|kakaotalk|naver|line|x|tts|share|facebook|twitter|copy\s*url)\b[\s|·]*)+",
        ),
        "copyright": (r"(?:copyright|ⓒ|©|\(c\))\s*.{0,60}joongang.{0,160}",),
    },
    chrome_fragments=(
        "Log in to Twitter or Facebook account to connect",
        "with the Korea JoongAng Daily",
        "help-image",
        "Social comment?",
        "lock icon",
        "To write comments, please log in to one of the accounts.",
        "Standards Board Policy (0/250자)",
        "print dictionary print",
        "Related Article",
        "Advertisement",
    ),
    leak_fragments=(
        "print dictionary",
        "log in to twitter",
        "log in to facebook",
        "to write comments, please log in",
        "standards board policy",
        "social comment?",
        "help-image",
    ),
    # The second line of an older byline, "with the Korea JoongAng Daily" (or "... staff").
    byline_continuations=(r"(?:and\s+)?(?:with|for)\s+the\s+Korea\s+JoongAng\s+Daily(?:\s+staff)?\.?",),
    section_names={"kpop": "K-pop", "artsDesign": "Arts & Design", "northKorea": "North Korea"},
    checks={
        "article": (
            "2025-www https://www.koreajoongangdaily.com/business/korean-chipmakers-ai-memory-demand/20250514",
            "2023-26 https://koreajoongangdaily.joins.com/news/2023-09-20/national/socialAffairs/"
            "Heat-related-illnesses-record-summer/1873456",
            "2020-23 https://koreajoongangdaily.joins.com/2021/10/13/national/diplomacy/"
            "South-US-security-advisers-talks-North/20211013183600363.html",
            "generic https://koreajoongangdaily.joins.com/news/2026-02-10/national/politics/"
            "Assembly-passes-budget-bill/2531907",
        ),
        "listing": (
            "https://koreajoongangdaily.joins.com/section/allArticles",
            "https://koreajoongangdaily.joins.com/xmls/joins",
            "https://koreajoongangdaily.joins.com/sitemap-news.xml",
        ),
    },
    next_page=("a[rel=next]", "a.service-more-btn[href]", "a.btn-more[href]", ".pagination a.next"),
    listing_card=("div.mid-article3",),
    listing_card_link="a.media",
    listing_card_date=".media-date span:last-child",
)
