"""Fit the page-kind model (article or not) on the tuning halves; print the check halves.

``python -m bench.train_kind`` reads every page of the three development sets with
``newsbot.extract``'s own code, judging none by its kind, takes each page's signals
(``newsbot.extraction.kind.signals``), fits a logistic model on the pages of the tuning halves
(articles against pages that are not, each class weighed alike, L2-regularised), chooses the
threshold that refuses the most pages that are not articles while refusing at most
``--max-refused`` of the tuning halves' articles, and writes ``newsbot/extraction/kind_model.json``.
The check halves are only measured, never fitted on.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from bench.generalise import read_all
from bench.realsets import GoldPage, load_all
from newsbot.errors import NotAnArticle
from newsbot.extraction.article import extract_article
from newsbot.extraction.kind import signals

MODEL_FILE = Path(__file__).resolve().parent.parent / "newsbot" / "extraction" / "kind_model.json"


def page_signals(page: GoldPage) -> dict[str, float] | str:
    """The page's signals, or the reason it is refused before its kind is weighed."""
    try:
        extraction = extract_article(page.html(), page.url, min_article_probability=0.0)
    except NotAnArticle as refused:
        return refused.reason
    if extraction.evidence is None:
        return "layout"
    return signals(extraction.evidence)


def fit(x: Any, y: Any, *, l2: float = 1.0, steps: int = 4000, rate: float = 0.5) -> tuple[Any, float]:
    """Logistic regression by gradient descent; each class weighs half of the loss."""
    weights, bias = np.zeros(x.shape[1]), 0.0
    sample = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        error = (p - y) * sample
        weights -= rate * (x.T @ error + l2 * weights / len(y))
        bias -= rate * error.sum()
    return weights, float(bias)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.train_kind", description=__doc__)
    parser.add_argument("--max-refused", type=float, default=0.01, help="share of tuning articles refused at most")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--curve", action="store_true", help="print refusals at thresholds along the way")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = parser.parse_args(argv)
    pages = [page for pages in load_all().values() for page in pages]
    read = read_all(pages, reader=page_signals)
    names = sorted(next(r for r in read if isinstance(r, dict)))
    tune = [(p, r) for p, r in zip(pages, read, strict=True) if p.half == "tune" and isinstance(r, dict)]
    x = np.array([[r[name] for name in names] for _, r in tune])
    y = np.array([1.0 if p.is_article else 0.0 for p, _ in tune])
    weights, bias = fit(x, y, l2=args.l2)

    def probability(values: dict[str, float]) -> float:
        return float(1 / (1 + np.exp(-(np.array([values[n] for n in names]) @ weights + bias))))

    def refusals(half: str, threshold: float) -> tuple[int, int, int, int]:
        part = [(p, r) for p, r in zip(pages, read, strict=True) if p.half == half]
        refused = [(isinstance(r, str) and r != "layout") or (isinstance(r, dict) and probability(r) < threshold)
                   for _, r in part]  # fmt: skip
        articles = [hit for (p, _), hit in zip(part, refused, strict=True) if p.is_article]
        others = [hit for (p, _), hit in zip(part, refused, strict=True) if not p.is_article]
        return sum(articles), len(articles), sum(others), len(others)

    candidates = sorted({round(probability(r), 4) for _, r in tune})
    threshold = 0.0
    for candidate in candidates:
        refused, articles, _, _ = refusals("tune", candidate)
        if refused > args.max_refused * articles:
            break
        threshold = candidate
    if args.curve:
        for candidate in candidates[:: max(1, len(candidates) // 40)]:
            print(candidate, refusals("tune", candidate), refusals("check", candidate))
    for half in ("tune", "check"):
        refused, articles, others_refused, others = refusals(half, threshold)
        print(f"{half:6} articles refused {refused}/{articles}, others refused {others_refused}/{others}")
    for name, weight in sorted(zip(names, weights, strict=True), key=lambda nw: -abs(nw[1])):
        print(f"  {name:16} {weight:+.3f}")
    print(f"  bias {bias:+.3f}, threshold {threshold}")
    if not args.dry_run:
        model = {
            "about": "Logistic page-kind model fitted by python -m bench.train_kind on the tuning halves.",
            "weights": {name: round(float(weight), 4) for name, weight in zip(names, weights, strict=True)},
            "bias": round(bias, 4),
            "threshold": threshold,
        }
        MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
