"""``python -m bench``: quality, speed and crawl benchmarks; prints a table, writes JSON and a chart."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

import trafilatura

from bench import aeb, generalise
from bench.corpus import LAYOUTS, generate
from bench.crawl import compare, crawl, fastest
from bench.quality import score
from bench.report import machine, render, write
from bench.speed import measure
from newsbot.downloadermiddlewares.replay import FixtureSite

ROOT = Path(__file__).resolve().parent.parent
Item = tuple[str, str, str, dict[str, list[str]]]


def trafilatura_body(html: str, url: str) -> str | None:
    text: str | None = trafilatura.extract(html, url=url, include_comments=False, deduplicate=False)
    return text


EXTRACTORS = {"newsbot": aeb.newsbot_body, "trafilatura": trafilatura_body}


def fixture_items() -> list[Item]:
    items = []
    for page in FixtureSite(ROOT / "fixtures").articles:
        record = page.expected_record()
        junk = {"captions": [image.get("caption", "") for image in record["images"]], "bylines": [], "chrome": []}
        items.append((page.body().decode("utf-8"), page.url, record["articleBody"], junk))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks the suite runs, measures nothing")
    parser.add_argument("--pages", type=int, default=2000, help="articles in the scaling crawls")
    parser.add_argument("--big", type=int, default=10000, help="articles in the memory crawl")
    parser.add_argument("--eval-pages", type=int, default=64)
    parser.add_argument("--speed-seconds", type=float, default=10.0, help="seconds of extraction timings in all")
    parser.add_argument("--repeat", type=int, default=2, help="runs of the 1- and 2-worker crawls; the best counts")
    parser.add_argument("--no-crawl", action="store_true")
    parser.add_argument("--compare-pages", type=int, default=1500, help="articles in each three-way crawl, small pages")
    parser.add_argument("--compare-real-pages", type=int, default=600, help="the same, pages of real weight")
    parser.add_argument("--real-pages", type=int, default=0, help="real pages to score (default: all of them)")
    parser.add_argument(
        "--out", type=Path, default=None, help="default: bench/results, or a new temporary folder with --smoke"
    )
    args = parser.parse_args(argv)
    if args.out is None:
        # A smoke run measures nothing: it must not replace the committed results.
        args.out = Path(tempfile.mkdtemp(prefix="newsbot-bench-")) if args.smoke else ROOT / "bench" / "results"
    if args.smoke:
        args.pages, args.big, args.eval_pages, args.speed_seconds, args.repeat = 40, 80, 8, 0.5, 1
        args.compare_pages, args.compare_real_pages = 40, 20
        args.real_pages = args.real_pages or 6

    pages = generate(args.eval_pages)
    evaluation: list[Item] = [(p.html, p.url, "\n".join(p.gold), p.junk) for p in pages]
    fixtures = fixture_items()
    quality: dict[str, dict[str, Any]] = {"evaluation": {}, "fixtures": {}}
    for name, extractor in EXTRACTORS.items():
        quality["evaluation"][name] = score(extractor, evaluation).as_dict()
        quality["fixtures"][name] = score(extractor, fixtures).as_dict()
    for layout in LAYOUTS:
        subset = [item for item, page in zip(evaluation, pages, strict=True) if page.layout == layout]
        quality[f"evaluation: {layout}"] = {name: score(fn, subset).as_dict() for name, fn in EXTRACTORS.items()}

    timings = measure([(p.html, p.url) for p in pages], args.speed_seconds)
    page_kb = round(sum(len(p.html.encode()) for p in pages) / len(pages) / 1024, 1)
    speed = {
        "page_kb": page_kb,
        "timings": {t.name: t.as_dict() for t in timings},
        "ratio": round(timings[1].seconds_per_page / timings[2].seconds_per_page, 3),
    }
    results: dict[str, Any] = {"machine": machine(), "quality": quality, "speed": speed, "smoke": args.smoke}
    results["real"] = real_pages(args.real_pages)
    # The three development sets, each half by half; a smoke run reads a few pages of each.
    results["sets"] = generalise.run(limit=6 if args.smoke else 0)

    if not args.no_crawl:
        bodies = [p.html.encode() for p in pages]
        scaling = fastest(bodies, args.pages, (1, 2), args.repeat)
        runs = [crawl(bodies, args.pages, 0), scaling[1], scaling[2]]
        runs.append(crawl(bodies, args.big, 2))
        results["crawl"] = {
            "pages": args.pages,
            "big": args.big,
            "page_kb": page_kb,
            "runs": [run.as_dict() for run in runs],
        }
        one, two, small, big = runs[1], runs[2], runs[2], runs[3]
        results["crawl"]["scaling"] = round(two.pages_per_second / one.pages_per_second, 3)
        results["crawl"]["rss_growth"] = round(big.peak_rss_mb / small.peak_rss_mb - 1, 3)
        results["comparison"] = comparison(args.compare_pages, args.compare_real_pages, args.repeat)
    results["targets"] = targets(results)
    print(render(results))
    write(results, args.out)
    print(f"\nwritten: {args.out / 'latest.json'}, {args.out / 'latest.md'}, {args.out / 'latest.png'}")
    return 0


def comparison(small_pages: int, real_pages: int, repeat: int) -> dict[str, Any]:
    """Bare Scrapy, the naive trafilatura spider and newsbot on the same server, on two corpora:
    the JoongAng Daily fixture articles as they are (about 4.5 KB: pages of this site's style),
    and the real-page corpus's pages (about 170 KB) served under this site's article URLs. 16
    concurrent requests, no delay; the faster of ``repeat`` runs of each counts."""
    corpora: dict[str, list[bytes]] = {
        "small pages (fixtures)": [
            page.body() for page in FixtureSite(ROOT / "fixtures").articles if page.name.startswith("articles/")
        ]
    }
    try:
        corpora["real weight (real-page corpus)"] = [page.html().encode() for page in aeb.load()]
    except aeb.CorpusMissing as missing:
        print(f"warning: {missing}", file=sys.stderr)
    found: dict[str, Any] = {}
    for name, bodies in corpora.items():
        pages = small_pages if name.startswith("small") else real_pages
        three = compare(bodies, pages, repeat)
        scaling = fastest(bodies, pages, (1, 2), repeat, concurrency=16)
        found[name] = {
            "pages": pages,
            "page_kb": round(sum(map(len, bodies)) / len(bodies) / 1024, 1),
            "runs": [run.as_dict() for run in [*three.values(), scaling[1], scaling[2]]],
            "share_of_ceiling": round(three["newsbot"].pages_per_second / three["bare"].pages_per_second, 3),
            "vs_trafilatura": round(three["newsbot"].pages_per_second / three["trafilatura"].pages_per_second, 3),
            "scaling": round(scaling[2].pages_per_second / scaling[1].pages_per_second, 3),
        }
    return found


def comparison_targets(found: dict[str, Any]) -> list[dict[str, Any]]:
    targets = []
    for name, corpus in found.items():
        if name.startswith("small"):
            targets.append({"name": f"{name}: newsbot / bare Scrapy pages/s", "value": corpus["share_of_ceiling"],
                            "goal": ">= 0.75", "met": corpus["share_of_ceiling"] >= 0.75})  # fmt: skip
        else:
            targets += [
                {"name": f"{name}: newsbot / naive trafilatura spider pages/s", "value": corpus["vs_trafilatura"],
                 "goal": ">= 1.5", "met": corpus["vs_trafilatura"] >= 1.5},
                {"name": f"{name}: 2 workers / 1 worker pages/s", "value": corpus["scaling"], "goal": ">= 1.6",
                 "met": corpus["scaling"] >= 1.6},
            ]  # fmt: skip
    return targets


def real_pages(count: int) -> dict[str, Any]:
    """The real-page corpus scored, or what is missing; ``count`` 0 means every page."""
    try:
        pages = aeb.load()
    except aeb.CorpusMissing as missing:
        print(f"warning: {missing}", file=sys.stderr)
        return {"missing": str(missing)}
    return aeb.run(pages[:: max(1, len(pages) // count)][:count] if count else pages)


def real_targets(real: dict[str, Any]) -> list[dict[str, Any]]:
    if "missing" in real:
        return []
    ours = real["scores"]["newsbot"]
    best = real["scores"][real["best_trafilatura"]]
    return [
        {"name": "real pages: newsbot body F1", "value": ours["f1"], "goal": ">= 0.975", "met": ours["f1"] >= 0.975},
        {"name": f"real pages: newsbot F1 above {real['best_trafilatura']}", "value": f"{ours['f1']} vs {best['f1']}",
         "goal": "above", "met": ours["f1"] > best["f1"]},
        {"name": "real pages: articles dropped", "value": ours["dropped"], "goal": "0", "met": ours["dropped"] == 0},
        {"name": "real pages: largest F1 loss to trafilatura's best mode on one page", "value": real["max_loss"],
         "goal": "<= 0.10", "met": real["max_loss"] <= 0.10},
        {"name": "real pages: newsbot.extract / trafilatura.extract(with_metadata=True) median time",
         "value": real["ratio"], "goal": "<= 1.0", "met": real["ratio"] <= 1.0},
    ]  # fmt: skip


def set_targets(sets: dict[str, Any]) -> list[dict[str, Any]]:
    """Each development set's check half against trafilatura's best of its four modes there."""
    found = []
    for name, halves in sets.items():
        check = halves["check"]
        ours = check["by"]["newsbot"]
        best = max(figures["body_f1"] for extractor, figures in check["by"].items() if extractor != "newsbot")
        found += [
            {"name": f"{name} check half: body F1 >= trafilatura's best mode + 0.02",
             "value": f"{ours['body_f1']} vs {best}", "goal": f">= {round(best + 0.02, 4)}",
             "met": ours["body_f1"] >= best + 0.02},
            {"name": f"{name} check half: largest F1 loss on one page to trafilatura's best mode",
             "value": check["max_loss"], "goal": "<= 0.10", "met": check["max_loss"] <= 0.10},
            {"name": f"{name} check half: articles refused", "value": f"{ours['articles_refused']}/{check['articles']}",
             "goal": "<= 2%", "met": ours["articles_refused"] <= 0.02 * check["articles"]},
        ]  # fmt: skip
        if check["other"]:
            found.append(
                {
                    "name": f"{name} check half: pages that are not articles refused",
                    "value": f"{ours['other_refused']}/{check['other']}",
                    "goal": ">= 90%",
                    "met": ours["other_refused"] >= 0.9 * check["other"],
                }
            )
        ratio = halves["all"].get(f"time_vs_{generalise.TIME_BASELINE}", 0.0)
        found.append(
            {
                "name": f"{name}: newsbot.extract / trafilatura fast+precision with metadata, median time",
                "value": ratio,
                "goal": "<= 1.0",
                "met": 0 < ratio <= 1.0,
            }
        )
    return found


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    evaluation = results["quality"]["evaluation"]["newsbot"]
    left = evaluation["captions_left"] + evaluation["chrome_left"]
    found = real_targets(results.get("real") or {"missing": ""}) + set_targets(results.get("sets") or {})
    found += [
        {"name": "newsbot body F1 on the evaluation set", "value": evaluation["f1"], "goal": ">= 0.98",
         "met": evaluation["f1"] >= 0.98},
        {"name": "captions and chrome lines left", "value": left, "goal": "0", "met": left == 0},
        {"name": "newsbot.extract time / trafilatura.extract(with_metadata=True)", "value": results["speed"]["ratio"],
         "goal": "<= 1.2", "met": results["speed"]["ratio"] <= 1.2},
    ]  # fmt: skip
    if "crawl" in results:
        crawl_results = results["crawl"]
        found += [
            {"name": "crawl pages/s, 2 workers / 1 worker", "value": crawl_results["scaling"], "goal": ">= 1.6",
             "met": crawl_results["scaling"] >= 1.6},
            {"name": f"peak RSS growth, {crawl_results['pages']} -> {crawl_results['big']} pages",
             "value": crawl_results["rss_growth"], "goal": "<= 0.10", "met": crawl_results["rss_growth"] <= 0.10},
        ]  # fmt: skip
    found += comparison_targets(results.get("comparison") or {})
    return found


if __name__ == "__main__":
    sys.exit(main())
