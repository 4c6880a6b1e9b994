"""newsbot without its extras: the core crawl works, and each optional feature asked for says in
one line which extra it needs, before anything is fetched.

A folder first on PYTHONPATH whose packages raise ImportError stands in for an install without
them (the test extra installs them all).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SCRAPY

# scrapy-poet registers a Scrapy command (savefixture) that Scrapy imports at every start: an
# install without it has no such entry point, so it and the web-poet it imports stay importable
# here; zyte-common-items stands for the poet extra in a crawl.
EXTRAS = {
    "parquet": ("pyarrow",),
    "poet": ("zyte_common_items",),
    "spidermon": ("spidermon",),
    "warc": ("warcio",),
    "redis": ("redis", "scrapy_redis"),
}


def without(tmp_path: Path, *extras: str) -> dict[str, str]:
    """An environment in which the packages of ``extras`` cannot be imported."""
    shadow = tmp_path / "without"
    for extra in extras:
        for module in EXTRAS[extra]:
            (shadow / module).mkdir(parents=True, exist_ok=True)
            (shadow / module / "__init__.py").write_text(f"raise ImportError('{module} is not installed')\n")
    return {**os.environ, "PYTHONPATH": str(shadow), "NO_PROXY": "*"}


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_core_crawl_needs_no_extra(tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    done = run(
        [SCRAPY, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", str(out)], without(tmp_path, *EXTRAS)
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == 13
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("extra", "arguments"),
    [
        ("parquet", ["crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", "{tmp}/a.parquet"]),
        ("poet", ["crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", "{tmp}/a.jsonl:zyte_article"]),
        ("warc", ["crawl", "warc", "-a", "warc={tmp}/crawl.warc.gz", "-O", "{tmp}/a.jsonl"]),
        ("redis", ["crawl", "joongang", "-s", "NEWSBOT_REDIS_URL=redis://127.0.0.1:6399/0", "-O", "{tmp}/a.jsonl"]),
    ],
)
def test_a_crawl_asking_for_a_missing_extra_stops_with_one_line(
    tmp_path: Path, extra: str, arguments: list[str]
) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    done = run([SCRAPY, *(argument.format(tmp=tmp_path) for argument in arguments)], without(tmp_path, extra))
    assert done.returncode == 2
    assert done.stderr.count(f"pip install 'newsbot[{extra}]'") == 1 and "Traceback" not in done.stderr
    assert "Spider opened" not in done.stderr
    assert not list(tmp_path.glob("a.*"))


@pytest.mark.parametrize(("extra", "module"), [("poet", "newsbot.pages"), ("spidermon", "newsbot.monitors")])
def test_importing_a_feature_without_its_extra_says_which_extra(tmp_path: Path, extra: str, module: str) -> None:
    env = without(tmp_path, extra)
    if extra == "poet":  # no Scrapy start here: web-poet can go too
        (Path(env["PYTHONPATH"]) / "web_poet").mkdir()
        (Path(env["PYTHONPATH"]) / "web_poet" / "__init__.py").write_text("raise ImportError('not installed')\n")
    done = run([sys.executable, "-c", f"import {module}"], env)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("ImportError: ")
    assert f"pip install 'newsbot[{extra}]'" in done.stderr.strip().splitlines()[-1]


def test_a_plain_install_runs_the_crawl_and_names_each_missing_extra(tmp_path: Path) -> None:
    """`pip install newsbot` with no extra, in a virtualenv of its own (the package index as the
    README's install uses it): the crawl of the fixture site works, and each optional feature
    says which extra it needs in one line."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python, scrapy = str(venv / "bin" / "python"), str(venv / "bin" / "scrapy")
    # Built from a copy: pip builds in the source folder, and the checkout stays as it is.
    source = tmp_path / "source"
    for name in ("newsbot", "pyproject.toml", "README.md", "LICENSE"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, source / name)
    for step in (["--upgrade", "pip"], [str(source)]):
        done = run([python, "-m", "pip", "install", "-q", *step], dict(os.environ))
        assert done.returncode == 0, done.stderr[-3000:]
    listed = run([python, "-m", "pip", "list", "--format=freeze"], dict(os.environ)).stdout.lower()
    assert not any(
        f"{package}==" in listed for package in ("pyarrow", "zyte-common-items", "spidermon", "warcio", "redis")
    )
    env = {**os.environ, "NO_PROXY": "*"}
    out = tmp_path / "articles.jsonl"
    done = run([scrapy, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", str(out)], env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 13
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    asks = {
        "parquet": ["-O", f"{tmp_path}/a.parquet"],
        "poet": ["-O", f"{tmp_path}/a.jsonl:zyte_article"],
        "redis": ["-s", "NEWSBOT_REDIS_URL=redis://127.0.0.1:6399/0", "-O", f"{tmp_path}/a.jsonl"],
    }
    for extra, arguments in asks.items():
        done = run([scrapy, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", *arguments], env)
        assert done.returncode == 2 and done.stderr.count(f"pip install 'newsbot[{extra}]'") == 1, extra
    done = run([scrapy, "crawl", "warc", "-a", f"warc={tmp_path / 'crawl.warc.gz'}", "-O", f"{tmp_path}/a.jsonl"], env)
    assert done.returncode == 2 and done.stderr.count("pip install 'newsbot[warc]'") == 1
    for extra, module in (("poet", "newsbot.pages"), ("spidermon", "newsbot.monitors")):
        done = run([python, "-c", f"import {module}"], env)
        assert done.returncode == 1 and f"pip install 'newsbot[{extra}]'" in done.stderr.strip().splitlines()[-1]
