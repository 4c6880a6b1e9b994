"""Ruff and mypy are part of the suite, so a red lint is a red build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "."],
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        [sys.executable, "-m", "mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_clean(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _imports() -> dict[str, set[str]]:
    """newsbot module -> the newsbot modules it imports, anywhere in its body."""
    import ast

    graph: dict[str, set[str]] = {}
    for path in (ROOT / "newsbot").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsbot"):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("newsbot"))
        graph[name] = found
    return graph


def test_no_import_circle_in_the_package() -> None:
    """A newcomer can read the package bottom up: no module imports one that imports it back
    (function-level imports count too: a deferred import is still a circle)."""
    graph = _imports()
    circles = []

    def visit(module: str, path: list[str]) -> None:
        for imported in graph.get(module, ()):
            if imported in path:
                circles.append(" -> ".join([*path[path.index(imported) :], imported]))
            elif len(path) < 12:
                visit(imported, [*path, imported])

    for module in graph:
        visit(module, [module])
    assert not circles, sorted(set(circles))[:5]


def test_components_are_laid_out_by_kind() -> None:
    """Downloader middlewares, extensions and stores of crawl state each have their package."""
    layout = {
        "downloadermiddlewares": {"retry", "offsite", "replay"},
        "extensions": {"feeds", "summary", "monitor", "shutdown", "collector"},
        "stores": {"seen", "frontier", "redis_queue", "jobdir"},
    }
    for package, modules in layout.items():
        present = {path.stem for path in (ROOT / "newsbot" / package).glob("*.py")} - {"__init__"}
        assert present == modules, package


@pytest.mark.parametrize("module", ["newsbot", "newsbot.extraction.worker"])
def test_extraction_does_not_load_scrapy(module: str) -> None:
    """`import newsbot` for newsbot.extract, and the fork server the crawl's workers start from,
    load trafilatura and the profiles but not Scrapy: its import is a fifth of a second."""
    code = f"import sys, {module}; print('scrapy' in sys.modules, 'trafilatura' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]
