"""Several sites: the JoongAng Ilbo crawl, the ``news`` spider on any site, and profiles as data."""

from __future__ import annotations

import ast
import gzip
import subprocess
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from bench import realsets
from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.profiles import GENERIC, JOONGANG_ILBO, PROFILES
from newsbot.profiles.base import SiteProfile
from newsbot.schema import record_errors
from newsbot.spiders.sites import SPIDERS, spider_class
from tests.conftest import ROOT, SCRAPY, origin, run_crawl
from tests.sites import Site, redirect
from tests.test_crawl import comparable, expected_records

ILBO_LISTING = "/politics"
ILBO_SOCIETY = "/society"  # three pages, numbered, relative links: "?page=2"
ILBO_FEED = "/rss/joongang_news_list.xml"


# JoongAng Ilbo ---------------------------------------------------------------------------------


def test_joongang_ilbo_offline_replay_writes_the_reviewed_records(site: FixtureSite, tmp_path: Path) -> None:
    """The issue's command: ``scrapy crawl joongang_ilbo -s NEWSBOT_REPLAY=fixtures -O ilbo.jsonl``."""
    result = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures", spider="joongang_ilbo", output="ilbo.jsonl")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_records(site, profile="joongang_ilbo")
    assert len(expected) >= 6
    assert sorted(r["articleId"] for r in result.records) == sorted(expected)
    for record in result.records:
        assert comparable(record) == expected[record["articleId"]]
        assert record_errors(record) == []
    assert result.stats["newsbot/dropped/empty_body"] == 1  # the video page the feed lists
    # Politics and its next page; society's three numbered pages.
    assert result.stats["newsbot/discovery/listing"] == 5


def test_joongang_ilbo_crawl_of_a_local_server(fixture_server: HTTPServer, site: FixtureSite, tmp_path: Path) -> None:
    at = origin(fixture_server)
    starts = f"start_urls={at}{ILBO_LISTING},{at}{ILBO_SOCIETY},{at}{ILBO_FEED}"
    result = run_crawl(tmp_path, "-a", starts, spider="joongang_ilbo")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_records(site, at, profile="joongang_ilbo")
    written = {record["articleId"]: record for record in result.records}
    assert len(written) == len(result.records)
    assert sorted(written) == sorted(expected)
    for article_id, record in written.items():
        assert comparable(record) == expected[article_id]
        assert record["inLanguage"] == "ko" and record["metadata"]["site"] == "joongang_ilbo"


def test_joongang_ilbo_since_skips_older_stories_before_download(fixture_server: HTTPServer, tmp_path: Path) -> None:
    at = origin(fixture_server)
    result = run_crawl(
        tmp_path,
        "-a",
        f"start_urls={at}{ILBO_LISTING},{at}{ILBO_FEED}",
        "-a",
        "since=2022-07-15",
        spider="joongang_ilbo",
    )
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["datePublished"][:10] for r in result.records) == [
        "2022-07-15",
        "2023-02-02",
        "2024-05-20",
        "2024-11-20",
        "2026-01-12",
    ]
    # The 2021 story (listing card date) is never fetched, and the listing stops paging.
    assert result.stats["newsbot/skipped/out_of_range"] >= 1
    assert "24008123" not in result.log.split("Dumping Scrapy stats")[0]


def test_an_ilbo_section_is_followed_to_its_last_page(fixture_server: HTTPServer, tmp_path: Path) -> None:
    """The section's own pagination (numbered ``?page=N`` links, relative, in a list the profile
    names no selector for) is followed to its end; each story's section and trail come from
    its header, whichever variant of the templates prints them, and every printed e-mail stays
    with its writer."""
    at = origin(fixture_server)
    result = run_crawl(tmp_path, "-a", f"start_urls={at}{ILBO_SOCIETY}", spider="joongang_ilbo")
    assert result.returncode == 0, result.log[-3000:]
    written = {record["articleId"]: record for record in result.records}
    # Page 1: two stories; page 2: one; page 3 (the last): one.
    assert sorted(written) == ["25107002", "25170003", "25321001", "25399876"]
    assert result.stats["newsbot/discovery/listing"] == 3
    crumbs = {article_id: [crumb["name"] for crumb in record["breadcrumbs"]] for article_id, record in written.items()}
    assert crumbs["25321001"] == ["사회", "교육"]  # <div class="subhead"> over the headline
    assert crumbs["25107002"] == ["사회", "복지"]  # <nav class="breadcrumb">, "홈" left out
    assert crumbs["25170003"] == ["사회"]
    assert all(record["section"] == crumbs[article_id][0] for article_id, record in written.items())
    # Two reporters in the header; the closing byline prints the second one's e-mail.
    assert written["25321001"]["authors"] == [
        {"name": "이후연", "nameRaw": "이후연 기자"},
        {"name": "박정호", "nameRaw": "박정호 기자", "email": "park.jeongho@joongang.co.kr"},
    ]
    # The e-mail printed after the header's byline link.
    assert written["25107002"]["authors"] == [
        {"name": "김현서", "nameRaw": "김현서 기자", "email": "kim.hyunseo@joongang.co.kr"}
    ]
    # The dates behind the header's button, and the <time> elements of the later template.
    assert written["25107002"]["datePublished"] == "2022-10-05T11:03:00+09:00"
    assert written["25321001"]["dateModified"] == "2025-04-03T09:41:00+09:00"
    # The reader tools printed inside the story are no story text.
    body = written["25321001"]["articleBody"]
    assert "메모" not in body and "어떠셨나요" not in body and "에듀 레터" not in body


def test_an_ilbo_section_reached_through_news_is_read_with_the_ilbo_profile(site: FixtureSite, tmp_path: Path) -> None:
    """``scrapy crawl news`` pointed at an Ilbo section writes the records ``joongang_ilbo`` writes."""
    section = "https://www.joongang.co.kr/society"
    result = run_crawl(tmp_path, "-a", f"start_urls={section}", "-s", "NEWSBOT_REPLAY=fixtures", spider="news")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_records(site, profile="joongang_ilbo")
    assert len(result.records) == 4
    for record in result.records:
        assert record["metadata"]["site"] == "joongang_ilbo"
        assert comparable(record) == expected[record["articleId"]]


def test_an_ilbo_page_of_a_template_no_layout_describes_keeps_its_section_and_writer() -> None:
    """A template none of the profile's layouts names: the section links over the headline, the
    writer's link in a wrapper with the e-mail after the wrapper, a labelled date line."""
    import newsbot

    story = "".join(
        f"<p>{sentence} 정부는 내년 상반기 중 지원 효과를 점검해 제도 보완 방안을 내놓을 계획이다.</p>"
        for sentence in (
            "청년 월세 지원 대상이 넓어진다.",
            "지원액은 월 최대 20만원이다.",
            "신청은 주민센터에서 받는다.",
        )
    )
    html = (
        '<html lang="ko"><head><meta charset="utf-8"><title>청년 월세 지원 대상 넓힌다 | 중앙일보</title></head><body>'
        '<div class="art_wrap"><div class="art_head"><div class="section_name">'
        '<a href="https://www.joongang.co.kr/money">경제</a> <a href="/money/realestate">부동산</a></div>'
        '<h1 class="title">청년 월세 지원 대상 넓힌다</h1><div class="byline">'
        '<span class="name"><a href="/reporter/3001">한은화 기자</a></span> '
        '<span class="email">han.eunhwa@joongang.co.kr</span></div>'
        f'<p class="date_info">입력 2026.03.05 10:00</p></div><div class="art_body">{story}</div></div></body></html>'
    )
    record = newsbot.extract(html.encode(), "https://www.joongang.co.kr/article/25412345")
    assert record["metadata"]["layout"] == "generic"
    assert [crumb["name"] for crumb in record["breadcrumbs"]] == ["경제", "부동산"]
    assert record["authors"] == [{"name": "한은화", "nameRaw": "한은화 기자", "email": "han.eunhwa@joongang.co.kr"}]
    assert record["datePublished"] == "2026-03-05T10:00:00+09:00"


def test_an_ilbo_masthead_is_neither_headline_nor_trail() -> None:
    """A template whose masthead is an <h1> logo over the site's menu: the logo is no headline,
    the menu's sections no trail."""
    import newsbot

    story = "".join(
        f"<p>정부가 청년 월세 지원을 넓힌다고 {day}일 밝혔다. 신청은 주민센터에서 받는다.</p>" for day in range(1, 6)
    )
    menu = "".join(
        f'<li><a href="/{path}">{name}</a></li>'
        for path, name in (("politics", "정치"), ("money", "경제"), ("society", "사회"), ("world", "국제"))
    )
    html = (
        '<html lang="ko"><head><title>청년 월세 | 중앙일보</title></head><body><header class="site_header">'
        f'<h1 class="logo"><a href="/">중앙일보</a></h1><ul>{menu}</ul></header>'
        f'<div class="content"><h1>청년 월세 지원 넓힌다</h1>{story}</div></body></html>'
    )
    record = newsbot.extract(html.encode(), "https://www.joongang.co.kr/article/25412346")
    assert record["headline"] == "청년 월세 지원 넓힌다"
    assert record["breadcrumbs"] == []


def test_the_cms_section_header_is_the_trail_and_its_title_no_headline(site: FixtureSite) -> None:
    """The section header of the CMS guide (layout_page_title.html): an <h1> section title
    above the story and a menu of sub-sections, the current one active."""
    from newsbot.tools.fixtures import actual_outcome

    page = next(p for p in site.pages if p.name.endswith("2024-05-20-moka-section-header"))
    record = actual_outcome(page)["record"]
    assert record["headline"] == "대통령실, 저출생 대응 수석실 신설 검토"
    assert [crumb["name"] for crumb in record["breadcrumbs"]] == ["정치", "대통령실"]
    assert record["section"] == "정치"


def test_korean_record_fields(site: FixtureSite) -> None:
    from newsbot.tools.fixtures import actual_outcome

    page = next(p for p in site.pages if p.name == "joongang_ilbo/articles/2021-03-09-moka-politics-two-reporters")
    record = actual_outcome(page)["record"]
    assert record["authors"] == [
        {"name": "김민욱", "nameRaw": "김민욱 기자", "email": "kim.minwook@joongang.co.kr"},
        {"name": "최은경", "nameRaw": "최은경 기자"},
    ]
    assert (record["datePublished"], record["dateModified"]) == (
        "2021-03-09T17:42:00+09:00",
        "2021-03-09T19:05:00+09:00",
    )
    assert record["images"][0]["credit"] == "중앙포토" and "[중앙포토]" not in record["images"][0]["caption"]
    body = record["articleBody"]
    for chrome in ("무단 전재", "기자", "정치 레터", "구독", "좋아요", "댓글", "함께 읽음", "지면보기", "입력 2021"):
        assert chrome not in body
    assert record["images"][0]["caption"] not in body


# Any news site: the `news` spider -----------------------------------------------------------------


def _article(headline: str, published: str, language: str = "en") -> str:
    # The story in the language the page declares: the record's language is what its words say.
    sentence = {
        "en": "paragraph {n} tells what happened, who said what and why it matters to readers.",
        "de": "Absatz {n} sagt, was geschah, wer was gesagt hat und warum es für die Leser wichtig ist.",
    }[language]
    paragraphs = "".join(f"<p>{headline}: {sentence.format(n=n)}</p>" for n in range(5))
    return (
        f"<html lang='{language}'><head><title>{headline} | Local Gazette</title>"
        f"<meta property='og:site_name' content='Local Gazette'></head><body>"
        f"<header><a href='/'>Local Gazette</a></header><article><h1>{headline}</h1>"
        f"<time datetime='{published}'>{published}</time>{paragraphs}</article>"
        f"<footer>Local Gazette, all the news</footer></body></html>"
    )


def test_the_news_spider_crawls_any_site_through_its_feed_and_sitemap(tmp_path: Path) -> None:
    local = Site()
    with local.running():
        at = local.origin
        local.page("/stories/harbour", _article("Harbour reopens after storm", "2026-03-02T09:00:00"))
        local.page("/stories/market", _article("Market hall gets a new roof", "2026-03-03T10:30:00+01:00"))
        local.page("/stories/old-bridge", _article("Old bridge closes for repairs", "2025-01-10T08:00:00"))
        local.page("/de/rathaus", _article("Rathaus bekommt neue Fenster", "2026-03-04T11:00:00", "de"))
        rss = (
            "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Gazette</title>"
            f"<item><link>{at}/stories/harbour</link><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate></item>"
            f"<item><link>{at}/stories/old-bridge</link><pubDate>Fri, 10 Jan 2025 08:00:00 +0000</pubDate></item>"
            "<item><link>http://127.0.0.2:9/stories/elsewhere</link></item>"
            "</channel></rss>"
        )
        sitemap = (
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'"
            " xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
            f"<url><loc>{at}/stories/market</loc><news:news><news:publication_date>2026-03-03T10:30:00+01:00"
            "</news:publication_date></news:news></url>"
            f"<url><loc>{at}/de/rathaus</loc><lastmod>2026-03-04</lastmod></url>"
            f"<url><loc>{at}/stories/harbour</loc></url>"
            "</urlset>"
        )
        local.page("/feed.xml", rss, "application/rss+xml")
        local.page("/news-sitemap.xml", sitemap, "application/xml")
        result = run_crawl(
            tmp_path,
            "-a", f"start_urls={at}/feed.xml,{at}/news-sitemap.xml",
            "-a", "since=2026-01-01",
            "-s", "ROBOTSTXT_OBEY=False",
            spider="news",
        )  # fmt: skip
        assert result.returncode == 0, result.log[-3000:]
        by_headline = {record["headline"]: record for record in result.records}
        assert sorted(by_headline) == [
            "Harbour reopens after storm",
            "Market hall gets a new roof",
            "Rathaus bekommt neue Fenster",
        ]
        # No assumed timezone: a date the page gives without an offset stays without one.
        assert by_headline["Harbour reopens after storm"]["datePublished"] == "2026-03-02T09:00:00"
        assert by_headline["Market hall gets a new roof"]["datePublished"] == "2026-03-03T10:30:00+01:00"
        assert by_headline["Rathaus bekommt neue Fenster"]["inLanguage"] == "de"
        for record in result.records:
            assert record["metadata"]["site"] == "127.0.0.1"
            assert record_errors(record) == []
        assert len(local.hits["/stories/harbour"]) == 1  # listed twice, fetched once
        assert not local.hits["/stories/old-bridge"]  # out of range by its feed date: never fetched
        assert result.stats["newsbot/skipped/offsite"] == 1
        assert result.stats["newsbot/skipped/out_of_range"] == 1


def test_the_news_spider_takes_an_article_page_as_a_start_url(tmp_path: Path) -> None:
    local = Site()
    with local.running():
        local.page("/a/story", _article("Library extends opening hours", "2026-05-01T08:00:00"))
        result = run_crawl(
            tmp_path, "-a", f"start_urls={local.origin}/a/story", "-s", "ROBOTSTXT_OBEY=False", spider="news"
        )
        assert [record["headline"] for record in result.records] == ["Library extends opening hours"]


def test_the_news_spider_needs_start_urls(tmp_path: Path) -> None:
    result = run_crawl(tmp_path, spider="news")
    assert result.returncode == 2
    assert "give -a start_urls=URL" in result.log


# Profiles are data ------------------------------------------------------------------------------


def test_scrapy_list_shows_one_spider_per_profile_and_the_archive_spider() -> None:
    listed = subprocess.run([SCRAPY, "list"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert listed == sorted([profile.spider for profile in PROFILES.values()] + ["warc"])
    assert {"joongang", "joongang_ilbo", "news"} <= set(listed)


def test_a_new_profile_is_a_new_spider() -> None:
    profile = SiteProfile(name="gazette", hosts=("gazette.example",), generic=GENERIC.generic, language="en")
    spider = spider_class(profile)
    assert spider.name == "gazette" and spider.profile is profile
    assert SPIDERS["joongang_ilbo"].profile is JOONGANG_ILBO


def _names_used(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            used.add(node.module)
            used.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            used.update(alias.name for alias in node.names)
    return used


@pytest.mark.parametrize(
    "path",
    [p for p in sorted((ROOT / "newsbot").rglob("*.py")) if "profiles" not in p.parts],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_module_outside_the_profiles_names_a_site(path: Path) -> None:
    """Adding a site touches newsbot/profiles/ and its fixtures only: no other module picks a
    site's profile by name (they ask the registry, the spider or the URL)."""
    site_profiles = {
        name
        for name, profile in vars(__import__("newsbot.profiles", fromlist=["*"])).items()
        if isinstance(profile, SiteProfile) and profile is not GENERIC
    }
    modules = {f"newsbot.profiles.{profile.name}" for profile in PROFILES.values()}
    used = _names_used(path)
    assert not (used & site_profiles), f"{path.name} names a site profile"
    assert not (used & modules), f"{path.name} imports a site profile's module"


def test_since_and_until_judge_the_page_date_when_the_sitemap_gives_none(tmp_path: Path) -> None:
    """Without a date in the sitemap the articles are fetched; the date on each page then
    decides (before, inside and after the range, an instant with an offset on each edge)."""
    local = Site()
    with local.running():
        published = {
            "early": "2026-02-28T23:30:00+00:00",  # an undescribed site: the range is read in UTC
            "inside": "2026-03-10T09:00:00+00:00",
            "late": "2026-04-01T00:30:00+00:00",
        }
        for name, day in published.items():
            local.page(f"/stories/{name}", _article(f"Story published {name} in the month", day))
        sitemap = local.sitemap([f"/stories/{name}" for name in published])
        result = run_crawl(
            tmp_path, "-a", f"start_urls={sitemap}", "-a", "since=2026-03-01", "-a", "until=2026-03-31",
            "-s", "ROBOTSTXT_OBEY=False", spider="news",
        )  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert [record["headline"] for record in result.records] == ["Story published inside in the month"]
    assert result.stats["newsbot/dropped/out_of_range"] == 2


def test_pages_with_a_wrong_or_missing_charset_are_read_by_their_bytes(tmp_path: Path) -> None:
    local = Site()
    with local.running():
        story = "La sanción del Congreso llegó el año pasado, dijo la señora ministra al niño."
        page = _article("Sanción aprobada", "2026-03-02T09:00:00", "en").replace("paragraph", story + " Paragraph")
        local.page("/a/utf8-as-latin9", page.encode("utf-8"), "text/html; charset=iso-8859-15")
        local.page("/a/cp1252-undeclared", page.replace("Sanción", "Sanción 2").encode("cp1252"), "text/html")
        sitemap = local.sitemap(["/a/utf8-as-latin9", "/a/cp1252-undeclared"])
        result = run_crawl(tmp_path, "-a", f"start_urls={sitemap}", "-s", "ROBOTSTXT_OBEY=False", spider="news")
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(record["headline"] for record in result.records) == ["Sanción 2 aprobada", "Sanción aprobada"]
    for record in result.records:
        assert story in record["articleBody"] and "\ufffd" not in record["articleBody"]


def test_a_sitemap_index_with_gzip_children_is_read(tmp_path: Path) -> None:
    """The sitemap protocol allows gzip-compressed sitemaps (``.xml.gz``, served as gzip files,
    not with a Content-Encoding); one that inflates past DOWNLOAD_MAXSIZE is one counted skip."""
    local = Site()
    with local.running():
        at = local.origin
        headlines = [f"Council votes on budget item {n}" for n in range(6)]
        for n, headline in enumerate(headlines):
            local.page(f"/stories/{n}", _article(headline, f"2026-03-0{n + 1}T09:00:00"))

        def urlset(numbers: range) -> bytes:
            urls = "".join(f"<url><loc>{at}/stories/{n}</loc></url>" for n in numbers)
            return f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>".encode()

        local.page("/sitemap-1.xml.gz", gzip.compress(urlset(range(0, 3))), "application/x-gzip")
        local.page("/sitemap-2.xml.gz", gzip.compress(urlset(range(3, 6))), "application/gzip")
        local.page("/sitemap-bomb.xml.gz", gzip.compress(b"<urlset>" + b" " * 3_000_000), "application/gzip")
        children = "".join(
            f"<sitemap><loc>{at}/{name}</loc></sitemap>"
            for name in ("sitemap-1.xml.gz", "sitemap-2.xml.gz", "sitemap-bomb.xml.gz")
        )
        index = f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{children}</sitemapindex>"
        local.page("/sitemap.xml", index, "application/xml")
        result = run_crawl(
            tmp_path,
            "-a", f"start_urls={at}/sitemap.xml",
            "-s", "ROBOTSTXT_OBEY=False", "-s", "DOWNLOAD_MAXSIZE=1000000",
            spider="news",
        )  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(record["headline"] for record in result.records) == sorted(headlines)
    assert result.stats["newsbot/discovery/unsafe_xml"] == 1
    assert "Traceback" not in result.log


def test_a_sitemap_crawl_of_real_pages_writes_the_articles_only(tmp_path: Path) -> None:
    """Real pages served locally: two articles, a shop's product page and a forum thread. The
    two that are not articles are dropped as ``not_article``, each counted, none written."""
    pages = {page.key: page for page in realsets.load("wcxb")}
    served = {"/news/weight-loss-drugs": "0221", "/blog/ethical-brands": "4106", "/p/interface": "2893",
              "/q/except-pass": "0564"}  # fmt: skip
    local = Site()
    with local.running():
        for path, key in served.items():
            local.page(path, pages[key].html())
        urls = "".join(f"<url><loc>{local.origin}{path}</loc></url>" for path in served)
        sitemap = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
        local.page("/sitemap.xml", sitemap, "application/xml")
        result = run_crawl(
            tmp_path, "-a", f"start_urls={local.origin}/sitemap.xml", "-s", "ROBOTSTXT_OBEY=False", spider="news"
        )
    assert result.returncode == 0, result.log[-3000:]
    written = sorted(record["url"].removeprefix(local.origin) for record in result.records)
    assert written == ["/blog/ethical-brands", "/news/weight-loss-drugs"], written
    assert result.stats["newsbot/dropped/not_article"] == 2
    assert all(len(local.hits[path]) == 1 for path in served)


def test_a_bad_link_in_a_feed_is_one_skip_and_the_rest_of_the_feed_goes_on(tmp_path: Path) -> None:
    """Ports out of range or not numbers, file:// and ftp:// links: each skipped and counted,
    nothing read from disk, every good entry after them written."""
    local = Site()
    with local.running():
        at = local.origin
        good = ["/stories/one", "/stories/two", "/stories/three"]
        for n, path in enumerate(good):
            local.page(path, _article(f"Story number {n} of the feed", "2026-03-02T09:00:00"))
        bad = ["http://127.0.0.1:99999/x", "http://127.0.0.1:8o8o/y", "http://127.0.0.1:-1/z",
               "file://127.0.0.1/etc/passwd", f"ftp://127.0.0.1:{local.server.port}/w"]  # fmt: skip
        links = [f"{at}{good[0]}", *bad[:3], f"{at}{good[1]}", *bad[3:], f"{at}{good[2]}"]
        items = "".join(f"<item><link>{link}</link></item>" for link in links)
        local.page("/feed.xml", f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>")
        result = run_crawl(tmp_path, "-a", f"start_urls={at}/feed.xml", "-s", "ROBOTSTXT_OBEY=False", spider="news")
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(record["url"].removeprefix(at) for record in result.records) == sorted(good)
    assert result.stats["newsbot/skipped/bad_link"] == len(bad)
    assert "Traceback" not in result.log


def test_another_port_of_the_start_host_is_another_site(tmp_path: Path) -> None:
    """A link or a redirect to another port of the start URL's host reaches another server
    (an admin console, another tenant): off the site unless a start URL names that port."""
    home, other = Site(), Site()
    with home.running(), other.running():
        other.page("/stories/elsewhere", _article("A story of the other server", "2026-03-02T09:00:00"))
        home.page("/stories/here", _article("A story of the site itself", "2026-03-02T09:00:00"))
        home.routes["/stories/moved"] = redirect(f"{other.origin}/stories/elsewhere", 301)
        links = [f"{home.origin}/stories/here", f"{other.origin}/stories/elsewhere", f"{home.origin}/stories/moved"]
        items = "".join(f"<item><link>{link}</link></item>" for link in links)
        home.page("/feed.xml", f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>")
        result = run_crawl(
            tmp_path, "-a", f"start_urls={home.origin}/feed.xml", "-s", "ROBOTSTXT_OBEY=False", spider="news"
        )
        assert other.hits["/stories/elsewhere"] == []  # neither the link nor the redirect reached it
        both = run_crawl(
            tmp_path, "-a", f"start_urls={home.origin}/feed.xml,{other.origin}/stories/elsewhere",
            "-s", "ROBOTSTXT_OBEY=False", spider="news", output="both.jsonl",
        )  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert [record["headline"] for record in result.records] == ["A story of the site itself"]
    assert result.stats["newsbot/skipped/offsite"] == 1
    assert "offsite redirect" in result.log
    assert sorted(record["headline"] for record in both.records) == [
        "A story of the other server",
        "A story of the site itself",
    ]


def test_a_hostile_json_ld_block_and_a_section_front_in_a_crawl(tmp_path: Path) -> None:
    """An article carrying a JSON-LD block nested 100,000 deep, one carrying a million objects,
    and a section front of 51 headlines, from one sitemap: both articles written, the front
    dropped as no article (not as an article whose body went missing)."""
    local = Site()
    with local.running():
        deep = _article("Deep block story", "2026-03-02T09:00:00").replace(
            "</head>", "<script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 + "</script></head>"
        )
        wide = _article("Wide block story", "2026-03-02T09:00:00").replace(
            "</head>",
            "<script type='application/ld+json'>[" + ",".join(['{"@type": "Thing"}'] * 1_000_000) + "]</script></head>",
        )
        headlines = "".join(
            f"<li><h3><a href='/stories/{n}'>Council measure number {n}</a></h3></li>" for n in range(51)
        )
        front = f"<html><head><title>National</title></head><body><h1>National</h1><ul>{headlines}</ul></body></html>"
        for path, page in {"/a/deep": deep, "/a/wide": wide, "/section/national": front}.items():
            local.page(path, page)
        sitemap = local.sitemap(["/a/deep", "/a/wide", "/section/national"])
        # The wide page is 19 MB, past the default download limit (10 MB): raised, as a site may.
        result = run_crawl(
            tmp_path, "-a", f"start_urls={sitemap}", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "DOWNLOAD_MAXSIZE=40000000", spider="news",
        )  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(record["headline"] for record in result.records) == ["Deep block story", "Wide block story"]
    assert result.stats["newsbot/dropped/not_article"] == 1 and "newsbot/dropped/empty_body" not in result.stats
    assert "extraction_error" not in result.log and "extraction_timeout" not in result.log
