"""newsbot in the web-poet stack: ``ArticlePage`` in a scrapy-poet project of its own, Zyte's
``Article`` both ways, and the ``zyte_article`` feed format."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter
from zyte_common_items import Article

from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.zyte import from_article, to_article
from tests.conftest import FIXTURES, SCRAPY

SPIDER = '''
import scrapy

from newsbot.pages import ArticlePage


class ArticlesSpider(scrapy.Spider):
    """Asks scrapy-poet for newsbot's page object on each URL it is given."""

    name = "articles"

    def __init__(self, urls: str = "", **kwargs):
        super().__init__(**kwargs)
        self.urls = urls.split(",")

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse_article)

    async def parse_article(self, response, page: ArticlePage):
        yield await page.to_item()
'''

SETTINGS = f"""
ADDONS = {{"scrapy_poet.Addon": 300}}
# The saved pages of newsbot's fixture site answer every request: nothing leaves the machine.
DOWNLOADER_MIDDLEWARES = {{"newsbot.downloadermiddlewares.replay.ReplayMiddleware": 950}}
NEWSBOT_REPLAY = {str(FIXTURES)!r}
ROBOTSTXT_OBEY = False
FEED_EXPORT_ENCODING = "utf-8"
TELNETCONSOLE_ENABLED = False
"""


def _without_download_time(item: dict[str, Any]) -> dict[str, Any]:
    item = {key: value for key, value in item.items() if value is not None}
    item["metadata"] = {k: v for k, v in item["metadata"].items() if k != "dateDownloaded" and v is not None}
    return item


def test_a_scrapy_poet_project_gets_the_records_content_from_article_page(site: FixtureSite, tmp_path: Path) -> None:
    done = subprocess.run([SCRAPY, "startproject", "demo"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    project = tmp_path / "demo"
    (project / "demo" / "spiders" / "articles.py").write_text(SPIDER, encoding="utf-8")
    with (project / "demo" / "settings.py").open("a", encoding="utf-8") as settings:
        settings.write(SETTINGS)
    pages = [page for page in site.articles if page.name.startswith(("articles/", "joongang_ilbo/"))]
    command = [SCRAPY, "crawl", "articles", "-a", "urls=" + ",".join(p.url for p in pages), "-O", "out.jsonl"]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "publicsuffix" not in done.stderr  # nothing asked of the network
    written = [json.loads(line) for line in (project / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    by_url = {item["url"]: item for item in written}
    assert len(by_url) == len(pages)
    for page in pages:
        # What `scrapy crawl joongang` (or joongang_ilbo) writes for the page, its reviewed expected
        # record, as an Article.
        expected = ItemAdapter(to_article(page.expected_record(), page.url, probability=1.0)).asdict()
        assert _without_download_time(by_url[page.url]) == _without_download_time(expected), page.name


def test_the_record_and_the_article_carry_the_same_content_both_ways(site: FixtureSite) -> None:
    for page in site.articles:
        record = page.expected_record()
        article = to_article(record)
        assert isinstance(article, Article)
        back = from_article(article)
        for name in ("url", "headline", "articleBody", "datePublished", "datePublishedRaw", "inLanguage"):
            assert back.get(name) == record.get(name), (page.name, name)
        assert back["authors"] == record["authors"]
        assert [crumb["name"] for crumb in back["breadcrumbs"]] == [crumb["name"] for crumb in record["breadcrumbs"]]
        assert [image["url"] for image in back["images"]] == [image["url"] for image in record["images"]]


def test_the_zyte_article_feed_writes_valid_articles(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    out = tmp_path / "articles.jsonl"
    command = [SCRAPY, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", f"{out}:zyte_article"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 13
    for line in lines:
        article = Article.from_dict(line)  # zyte-common-items' own reading of the item
        assert article.headline and article.articleBody and article.url.startswith("https://")
        assert "articleId" not in line and "section" not in line  # no such fields in an Article


@pytest.mark.parametrize("missing", ["zyte_common_items"])
def test_without_the_poet_extra_the_feed_stops_with_one_line(tmp_path: Path, missing: str) -> None:
    import os

    from tests.conftest import ROOT

    (tmp_path / "no_extra" / missing).mkdir(parents=True)
    (tmp_path / "no_extra" / missing / "__init__.py").write_text("raise ImportError('not installed')\n")
    command = [
        SCRAPY,
        "crawl",
        "joongang",
        "-s",
        "NEWSBOT_REPLAY=fixtures",
        "-O",
        f"{tmp_path / 'a.jsonl'}:zyte_article",
    ]
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "no_extra")}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.count("pip install 'newsbot[poet]'") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "a.jsonl").exists()
