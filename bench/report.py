"""The benchmark's table, JSON and chart."""

from __future__ import annotations

import json
import os
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.generalise import FIGURES


def machine() -> dict[str, Any]:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "versions": {name: version(name) for name in ("newsbot", "scrapy", "trafilatura", "lxml")},
    }


def table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def render(results: dict[str, Any]) -> str:
    host = results["machine"]
    parts = [f"Machine: {host['cpu']}, {host['cores']} cores, Python {host['python']}"]
    parts.extend(render_sets(results.get("sets") or {}))
    parts.extend(render_real(results.get("real")))
    quality = results["quality"]
    rows = []
    for corpus, scores in quality.items():
        for extractor, score in scores.items():
            rows.append([corpus, extractor, score["pages"], score["precision"], score["recall"], score["f1"],
                         score["captions_left"], score["bylines_left"], score["chrome_left"]])  # fmt: skip
    parts.append("Body quality (token precision / recall / F1 against gold; lines of caption, byline, chrome left)")
    parts.append(table(["corpus", "extractor", "pages", "P", "R", "F1", "captions", "bylines", "chrome"], rows))
    speed = results["speed"]
    parts.append(f"Extraction speed, one core ({speed.get('page_kb', '?')} KB pages on average)")
    parts.append(
        table(
            ["", "ms/page", "pages/s"],
            [[name, t["ms_per_page"], t["pages_per_s"]] for name, t in speed["timings"].items()],
        )
    )
    parts.append(f"newsbot.extract / trafilatura.extract(with_metadata=True) time ratio: {speed['ratio']}")
    if results.get("crawl"):
        rows = [
            [
                run["pages"],
                run["workers"] or "inline",
                run["records"],
                run["seconds"],
                run["pages_per_s"],
                run["peak_rss_mb"],
                run["crawl_cpu_ms_per_page"],
                run["worker_cpu_ms_per_page"],
                run.get("server_cpu_ms_per_page", ""),
                " / ".join(str(rate) for rate in run.get("attempts_pages_per_s", [])),
            ]
            for run in results["crawl"]["runs"]
        ]
        parts.append(
            f"End-to-end scrapy crawl against a local server ({results['crawl'].get('page_kb', '?')} KB pages on "
            "average; CPU per page of the crawl process, its extraction workers, and the local server; with 1 and 2 "
            "workers the fastest of the runs counts)"
        )
        headers = [
            "pages",
            "workers",
            "records",
            "seconds",
            "pages/s",
            "peak RSS MB",
            "crawl CPU ms/page",
            "worker CPU ms/page",
            "server CPU ms/page",
            "pages/s of each run",
        ]
        parts.append(table(headers, rows))
    parts.extend(render_comparison(results.get("comparison") or {}))
    parts.append("Targets")
    parts.append(
        table(
            ["target", "measured", "goal", "met"],
            [[t["name"], t["value"], t["goal"], "yes" if t["met"] else "NO"] for t in results["targets"]],
        )
    )
    return "\n\n".join(parts)


def render_comparison(found: dict[str, Any]) -> list[str]:
    """The three-way crawl of each corpus: bare Scrapy, the naive trafilatura spider, newsbot."""
    parts = []
    for name, corpus in found.items():
        ceiling = next(run["pages_per_s"] for run in corpus["runs"] if run["crawler"] == "bare")
        rows = [
            [
                run["crawler"] if run["workers"] < 0 else f"newsbot, {run['workers']} worker(s)",
                run["fetched"],
                run["pages_per_s"],
                round(run["pages_per_s"] / ceiling, 2) if ceiling else "",
                run["crawl_cpu_ms_per_page"],
                run["worker_cpu_ms_per_page"],
                run["server_cpu_ms_per_page"],
                run["peak_rss_mb"],
                " / ".join(str(rate) for rate in run["attempts_pages_per_s"]),
            ]
            for run in corpus["runs"]
        ]
        parts.append(
            f"Three-way crawl, {name}: {corpus['pages']} articles of {corpus['page_kb']} KB on average, one local "
            "server, 16 concurrent requests, no delay; the fastest run of each counts (newsbot with its default "
            f"workers, monitor and validation). newsbot / bare: {corpus['share_of_ceiling']}, newsbot / naive "
            f"trafilatura: {corpus['vs_trafilatura']}, 2 / 1 workers: {corpus['scaling']}"
        )
        headers = ["crawler", "pages", "pages/s", "of bare", "crawl CPU ms/page", "worker CPU ms/page",
                   "server CPU ms/page", "peak RSS MB", "pages/s of each run"]  # fmt: skip
        parts.append(table(headers, rows))
    return parts


def render_sets(sets: dict[str, Any]) -> list[str]:
    """Each development set, check half first: newsbot beside trafilatura's four modes."""
    parts = []
    for name, halves in sets.items():
        for half in ("check", "tune", "all"):
            part = halves[half]
            parts.append(
                f"Real pages, {name}, {'both halves' if half == 'all' else half + ' half'}: {part['pages']} pages "
                f"({part['articles']} articles, {part['other']} not); largest loss on one page to trafilatura's best "
                f"mode {part.get('max_loss')} ({part.get('max_loss_kept')} among the articles newsbot keeps); "
                f"newsbot's median time / trafilatura fast+precision with metadata "
                f"{part.get('time_vs_fast+precision')}, / default with metadata {part.get('time_vs_default')}"
            )
            rows = [
                [extractor if extractor == "newsbot" else f"trafilatura ({extractor})"]
                + ["-" if figures[key] is None else figures[key] for key, _ in FIGURES]
                for extractor, figures in part["by"].items()
            ]
            parts.append(table(["extractor", *(label for _, label in FIGURES)], rows))
    return parts


def render_real(real: dict[str, Any] | None) -> list[str]:
    """The real-page corpus's tables, or why there are none."""
    if real is None:
        return []
    if "missing" in real:
        return [f"Real pages: not measured, {real['missing']}"]
    rows = [
        [name, s["pages"], s["precision"], s["recall"], s["f1"], s["dropped"], s["median_ms"]]
        for name, s in real["scores"].items()
    ]
    parts = [
        f"Real pages: body quality on {real['pages']} real news pages of many sites and languages (the "
        "article-extraction benchmark's pages and gold bodies; its metric: 4-token shingles, per-page shares, "
        "F1 of the mean precision and recall)",
        table(["extractor", "pages", "P", "R", "F1", "dropped", "median ms (single call)"], rows),
        "Pages where newsbot loses most F1 to trafilatura's best mode on that page",
        table(
            ["page", "newsbot F1", "best trafilatura F1", "url"],
            [[w["key"], w["newsbot"], w["best"], w["url"][:90]] for w in real["worst"]] or [["none", "", "", ""]],
        ),
        f"Real pages, time per page (median, interleaved): newsbot.extract {real['extract_ms']} ms, "
        f"trafilatura.extract(with_metadata=True) {real['reference_ms']} ms, ratio {real['ratio']}",
    ]
    return parts


def write(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(render(results) + "\n", encoding="utf-8")
    chart(results, out / "latest.png")


def chart(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no screen: draw to a file
    import matplotlib.pyplot as plt

    panels = 3 if results.get("crawl") else 2
    figure, axes = plt.subplots(1, panels, figsize=(5 * panels, 4))
    evaluation = results["quality"]["evaluation"]
    names = list(evaluation)
    axes[0].bar(names, [evaluation[n]["f1"] for n in names], color=["#1f77b4", "#aaaaaa"])
    axes[0].set_ylim(0.8, 1.0)
    axes[0].set_title("Body F1 on the evaluation set")
    for index, name in enumerate(names):
        left = evaluation[name]["captions_left"] + evaluation[name]["bylines_left"] + evaluation[name]["chrome_left"]
        axes[0].text(index, 0.81, f"{left} junk lines left", ha="center")
    timings = results["speed"]["timings"]
    labels = ["newsbot", "trafilatura\n+metadata"]
    values = [
        timings["newsbot.extract"]["ms_per_page"],
        timings["trafilatura.extract(with_metadata=True)"]["ms_per_page"],
    ]
    axes[1].bar(labels, values, color=["#1f77b4", "#aaaaaa"])
    axes[1].set_title("Extraction time, ms per page (lower is better)")
    if results.get("crawl"):
        runs = [run for run in results["crawl"]["runs"] if run["pages"] == results["crawl"]["pages"]]
        axes[2].bar(
            [str(run["workers"] or "inline") for run in runs], [run["pages_per_s"] for run in runs], color="#1f77b4"
        )
        axes[2].set_title(f"scrapy crawl, pages/s ({results['crawl']['pages']} pages)")
        axes[2].set_xlabel("extraction workers")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
