"""``newsbot-deploy TARGET``: deploy to Scrapyd from a clean copy, and fail when Scrapyd says no.

``scrapyd-deploy`` builds the egg in the project folder (leaving ``setup.py``, ``build/`` and
``*.egg-info`` behind) and exits 0 even when the server rejects the egg. This wraps it: the
egg is built from a copy holding only what the egg needs, and Scrapyd's JSON answer is checked.
"""

from __future__ import annotations

import argparse
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

# What the egg is built from; tests, fixtures and local environments stay out of it.
_EGG_SOURCES = ("newsbot", "pyproject.toml", "scrapy.cfg", "README.md")
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc")


class DeployError(RuntimeError):
    pass


def scrapyd_answer(output: str) -> dict[str, Any]:
    """The JSON object scrapyd-deploy printed from the server, or an error saying why not."""
    for line in reversed(output.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            answer: dict[str, Any] = json.loads(line)
            return answer
    raise DeployError(f"no answer from Scrapyd in the output of scrapyd-deploy:\n{output}")


def unset_variables(root: Path, target: str) -> list[str]:
    """Environment variables that scrapy.cfg's ``[deploy:TARGET]`` names (``${SCRAPYD_URL}``)
    and that are not set: scrapyd-deploy would send the request to ``addversion.json``."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(root / "scrapy.cfg", encoding="utf-8")
    section = f"deploy:{target}"
    if not config.has_section(section):
        raise DeployError(f"scrapy.cfg has no [{section}] section")
    named = re.findall(r"\$\{(\w+)\}", " ".join(config[section].values()))
    url_names = re.findall(r"\$\{(\w+)\}", config[section].get("url", ""))
    # Credentials may stay unset for a server without auth; the URL may not.
    return [name for name in dict.fromkeys(named) if not os.environ.get(name) and name in url_names]


def deploy(target: str, project: str, root: Path, version: str | None = None) -> dict[str, Any]:
    if missing := unset_variables(root, target):
        raise DeployError(
            f"the [deploy:{target}] target of scrapy.cfg needs {', '.join(missing)} in the environment "
            "(for example SCRAPYD_URL=http://scrapyd.internal:6800/)"
        )
    with tempfile.TemporaryDirectory(prefix="newsbot-deploy-") as tmp:
        copy = Path(tmp) / "project"
        copy.mkdir()
        for name in _EGG_SOURCES:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, copy / name, ignore=_SKIP)
            elif source.exists():
                shutil.copy2(source, copy / name)
        command = [str(Path(sys.executable).with_name("scrapyd-deploy")), target, "-p", project]
        if version:
            command += ["--version", version]
        done = subprocess.run(command, cwd=copy, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise DeployError(f"scrapyd-deploy failed ({done.returncode}):\n{done.stderr}{done.stdout}")
        answer = scrapyd_answer(done.stdout)
        if answer.get("status") != "ok":
            raise DeployError(f"Scrapyd refused the egg: {answer.get('message', answer)}")
        return answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsbot-deploy", description=__doc__)
    parser.add_argument("target", help="a [deploy:TARGET] section of scrapy.cfg")
    parser.add_argument("-p", "--project", default="newsbot")
    parser.add_argument("--version", help="egg version (default: scrapyd-deploy's, a timestamp)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    args = parser.parse_args(argv)
    try:
        answer = deploy(args.target, args.project, args.root, args.version)
    except DeployError as error:
        print(f"newsbot-deploy: {error}", file=sys.stderr)
        return 1
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
