"""newsbot on a real Scrapyd: deploy the egg with scrapyd-client, schedule jobs, read their items."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from pytest_httpserver import HTTPServer

from newsbot.downloadermiddlewares.replay import FixtureSite
from tests.conftest import LISTING_PATH, ROOT, origin
from tests.sites import free_port
from tests.test_crawl import comparable, expected_records

BIN = Path(sys.executable).parent
USER, PASSWORD = "newsbot", "s3cret-for-tests"
QUICK = ["setting=DOWNLOAD_DELAY=0", "setting=AUTOTHROTTLE_ENABLED=False"]


@dataclass
class Scrapyd:
    url: str
    home: Path
    process: subprocess.Popen[bytes]
    auth: tuple[str, str] | None

    def get(self, path: str, **params: str) -> Any:
        return requests.get(self.url + path, params=params, auth=self.auth, timeout=10).json()

    def schedule(self, *fields: str, spider: str = "joongang", **args: str) -> str:
        data = [("project", "newsbot"), ("spider", spider), *args.items()]
        data += [tuple(field.split("=", 1)) for field in (*QUICK, *fields)]  # type: ignore[misc]
        answer = requests.post(self.url + "schedule.json", data=data, auth=self.auth, timeout=10).json()
        assert answer["status"] == "ok", answer
        job: str = answer["jobid"]
        return job

    def wait(self, *jobs: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            finished = {job["id"] for job in self.get("listjobs.json", project="newsbot")["finished"]}
            if set(jobs) <= finished:
                return
            time.sleep(0.3)
        raise AssertionError(f"jobs {jobs} did not finish in {timeout} s")

    def items(self, job: str, spider: str = "joongang") -> list[dict[str, Any]]:
        path = self.home / "items" / "newsbot" / spider / f"{job}.jl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def log(self, job: str) -> str:
        return (self.home / "logs" / "newsbot" / "joongang" / f"{job}.log").read_text(encoding="utf-8")


def env(server: Scrapyd) -> dict[str, str]:
    user, password = server.auth or ("", "")
    return {**os.environ, "SCRAPYD_URL": server.url, "SCRAPYD_USERNAME": user, "SCRAPYD_PASSWORD": password}


def start_scrapyd(
    home: Path, auth: tuple[str, str] | None, *, items_dir: str = "items", jobs_to_keep: int = 5
) -> Scrapyd:
    # Outside the project: Scrapyd would read the nearest scrapy.cfg as its own configuration.
    home.mkdir(parents=True)
    port = free_port()
    user, password = auth or ("", "")
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\nusername = {user}\npassword = {password}\n"
        f"eggs_dir = eggs\nlogs_dir = logs\nitems_dir = {items_dir}\ndbs_dir = dbs\n"
        f"jobs_to_keep = {jobs_to_keep}\npoll_interval = 0.2\nmax_proc = 4\n",
        encoding="utf-8",
    )
    with (home / "scrapyd.out").open("w") as log:
        process = subprocess.Popen(
            [str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_PROXY": "*"}
        )
    server = Scrapyd(f"http://127.0.0.1:{port}/", home, process, auth)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if server.get("daemonstatus.json")["status"] == "ok":
                return server
        except requests.ConnectionError:
            time.sleep(0.2)
    stop(server)
    raise AssertionError("scrapyd did not start:\n" + (home / "scrapyd.out").read_text())


def stop(server: Scrapyd) -> None:
    """Stop the Scrapyd this test started, by its process id; its jobs end with it."""
    if server.process.poll() is None:
        os.kill(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=10)


def deploy(server: Scrapyd, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "newsbot-deploy"), "scrapyd", "--root", str(root), "--version", "1"]
    return subprocess.run(command, env=env(server), capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    server = start_scrapyd(tmp_path_factory.mktemp("scrapyd") / "home", auth=None)
    done = deploy(server)
    assert done.returncode == 0, done.stderr
    yield server
    stop(server)


def test_deployed_egg_holds_newsbot_and_its_data_only(scrapyd: Scrapyd) -> None:
    assert scrapyd.get("listspiders.json", project="newsbot")["spiders"] == [
        "joongang",
        "joongang_ilbo",
        "news",
        "warc",
    ]
    eggs = list((scrapyd.home / "eggs" / "newsbot").glob("*.egg"))
    assert len(eggs) == 1
    listing = subprocess.run(
        [sys.executable, "-m", "zipfile", "-l", str(eggs[0])], capture_output=True, text=True, check=True
    ).stdout
    assert "newsbot/schema/article.schema.json" in listing
    assert "tests/" not in listing and "fixtures/" not in listing


def test_a_job_writes_the_same_records_as_scrapy_crawl(
    scrapyd: Scrapyd, fixture_server: HTTPServer, site: FixtureSite
) -> None:
    job = scrapyd.schedule(start_urls=origin(fixture_server) + LISTING_PATH)
    scrapyd.wait(job)
    written = {record["articleId"]: record for record in scrapyd.items(job)}
    expected = expected_records(site, origin(fixture_server))
    assert sorted(written) == sorted(expected)
    for article_id, record in written.items():
        assert comparable(record) == expected[article_id]
    log = scrapyd.log(job)
    assert "'finish_reason': 'finished'" in log
    # The egg's code ran, not the checkout's.
    assert f"newsbot 0.1.0 from {scrapyd.home / 'eggs' / 'newsbot'}" in log


def test_a_joongang_ilbo_job_writes_the_korean_records(
    scrapyd: Scrapyd, fixture_server: HTTPServer, site: FixtureSite
) -> None:
    at = origin(fixture_server)
    starts = f"{at}/politics,{at}/society,{at}/rss/joongang_news_list.xml"
    job = scrapyd.schedule(spider="joongang_ilbo", start_urls=starts)
    scrapyd.wait(job)
    written = {record["articleId"]: record for record in scrapyd.items(job, spider="joongang_ilbo")}
    expected = expected_records(site, at, profile="joongang_ilbo")
    assert sorted(written) == sorted(expected)
    for article_id, record in written.items():
        assert comparable(record) == expected[article_id]


def test_arguments_and_settings_reach_the_spider(scrapyd: Scrapyd, fixture_server: HTTPServer) -> None:
    job = scrapyd.schedule(
        "setting=USER_AGENT=newsbot-scrapyd-test",
        start_urls=origin(fixture_server) + LISTING_PATH,
        since="2025-01-01",
        until="2025-12-31",
        limit="3",
    )
    scrapyd.wait(job)
    records = scrapyd.items(job)
    assert len(records) == 3
    assert all(record["datePublished"].startswith("2025-") for record in records)
    agents = {request.headers.get("User-Agent") for request, _ in fixture_server.log}
    assert "newsbot-scrapyd-test" in agents


def test_two_jobs_at_once_write_separate_files(scrapyd: Scrapyd, fixture_server: HTTPServer) -> None:
    feed = scrapyd.schedule(start_urls=origin(fixture_server) + "/xmls/joins")
    news = scrapyd.schedule(start_urls=origin(fixture_server) + "/sitemap-news.xml")
    scrapyd.wait(feed, news)
    assert len(scrapyd.items(feed)) == 4
    assert len(scrapyd.items(news)) == 5
    assert {r["articleId"] for r in scrapyd.items(feed)}.isdisjoint(r["articleId"] for r in scrapyd.items(news))


def test_a_bad_argument_fails_the_job_clearly(scrapyd: Scrapyd, fixture_server: HTTPServer) -> None:
    job = scrapyd.schedule(start_urls=origin(fixture_server) + LISTING_PATH, since="yesterday")
    scrapyd.wait(job)
    log = scrapyd.log(job)
    assert "bad spider argument: not a date: 'yesterday'" in log
    # Checked before the crawl starts: no spider opened, no feed created.
    assert "Spider opened" not in log
    assert not (scrapyd.home / "items" / "newsbot" / "joongang" / f"{job}.jl").exists()


def test_an_unreachable_start_url_fails_the_job_clearly(scrapyd: Scrapyd) -> None:
    closed = f"http://127.0.0.1:{free_port()}/section/allArticles"
    job = scrapyd.schedule("setting=RETRY_TIMES=0", start_urls=closed)
    scrapyd.wait(job)
    log = scrapyd.log(job)
    assert "none of the start URLs could be fetched" in log
    assert "'finish_reason': 'start_urls_unreachable'" in log


def test_a_rejected_egg_fails_the_deploy(scrapyd: Scrapyd, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    for name in ("newsbot", "pyproject.toml", "scrapy.cfg", "README.md"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, broken / name)
    (broken / "newsbot" / "spiders" / "joongang.py").write_text("this is not python\n")
    done = deploy(scrapyd, broken)
    assert done.returncode == 1
    assert "Scrapyd refused the egg" in done.stderr


def test_a_deploy_without_the_servers_address_says_which_variable_is_missing() -> None:
    command = [str(BIN / "newsbot-deploy"), "scrapyd", "--root", str(ROOT)]
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SCRAPYD_")}
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "newsbot-deploy: the [deploy:scrapyd] target of scrapy.cfg needs SCRAPYD_URL in the environment "
        "(for example SCRAPYD_URL=http://scrapyd.internal:6800/)"
    ]


def test_basic_auth(tmp_path: Path, fixture_server: HTTPServer, site: FixtureSite) -> None:
    server = start_scrapyd(tmp_path / "home", auth=(USER, PASSWORD))
    try:
        assert requests.get(server.url + "daemonstatus.json", timeout=10).status_code == 401
        assert requests.get(server.url + "listprojects.json", auth=(USER, "wrong"), timeout=10).status_code == 401
        done = deploy(server)
        assert done.returncode == 0, done.stderr
        job = server.schedule(start_urls=origin(fixture_server) + "/xmls/joins")
        server.wait(job)
        assert len(server.items(job)) == 4
    finally:
        stop(server)


def test_scrapyd_with_its_default_configuration_keeps_the_records(
    tmp_path: Path, fixture_server: HTTPServer, site: FixtureSite
) -> None:
    """Scrapyd 1.6 ships with items_dir empty: records go to a folder beside the job's log, named
    in it, where the rotation of old logs (all but the newest jobs_to_keep files) does not reach."""
    server = start_scrapyd(tmp_path / "home", auth=None, items_dir="", jobs_to_keep=1)
    try:
        done = deploy(server)
        assert done.returncode == 0, done.stderr
        jobs = []
        for _ in range(3):
            jobs.append(server.schedule(start_urls=origin(fixture_server) + "/xmls/joins"))
            server.wait(jobs[-1])
        logs = server.home / "logs" / "newsbot" / "joongang"
        assert not (logs / f"{jobs[0]}.log").exists()  # rotated away, as Scrapyd does
        for job in jobs:
            lines = (logs / "records" / f"{job}.jsonl").read_text(encoding="utf-8").splitlines()
            assert len(lines) == 4 and all(json.loads(line)["articleBody"] for line in lines)
        assert f"records go to {logs / 'records' / f'{jobs[-1]}.jsonl'}" in server.log(jobs[-1])
    finally:
        stop(server)


def test_the_readme_installs_every_dependency_on_the_scrapyd_host() -> None:
    # The egg holds newsbot alone; a dependency missing from this line fails on the host only.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("python3 -m venv scrapyd-env"))
    named = {re.split(r"[<>=\[]", word.strip('"'))[0].lower() for word in line.split("install", 2)[-1].split()}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {re.split(r"[<>=\[ ;]", dependency)[0].lower() for dependency in project["dependencies"]}
    assert needed <= named, f"missing from the README's Scrapyd install line: {sorted(needed - named)}"
