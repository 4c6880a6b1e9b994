"""A smoke run of the benchmark suite, so that it cannot rot; its figures are not judged here."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

from bench.generalise import tokens_f1
from bench.libraries import _items, _names, _types, render
from bench.profile import OTHER, tally
from tests.conftest import ROOT


def test_bench_smoke_run(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "bench", "--smoke", "--out", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Body quality" in done.stdout and "Targets" in done.stdout
    results = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert set(results["quality"]["evaluation"]) == {"newsbot", "trafilatura"}
    assert results["quality"]["evaluation"]["newsbot"]["pages"] == 8
    assert [run["workers"] for run in results["crawl"]["runs"]] == [0, 1, 2, 2]
    assert all(run["records"] == run["pages"] for run in results["crawl"]["runs"])
    assert 100 <= results["speed"]["page_kb"] <= 200  # the weight of the site's article pages
    assert all(run["server_cpu_ms_per_page"] > 0 for run in results["crawl"]["runs"])
    assert all(len(run["attempts_pages_per_s"]) == 1 for run in results["crawl"]["runs"])  # --smoke runs each once
    assert (tmp_path / "latest.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert {target["name"] for target in results["targets"]} >= {"newsbot body F1 on the evaluation set"}
    # The real-page corpus: a slice of it in a smoke run, newsbot beside trafilatura's modes.
    real = results["real"]
    assert "missing" not in real, real
    assert real["pages"] == 6 and "Real pages" in done.stdout
    assert set(real["scores"]) == {"newsbot", "trafilatura (precision)", "trafilatura (default)", "trafilatura (fast)"}
    assert real["extract_ms"] > 0 and real["reference_ms"] > 0
    # The three development sets, each split into halves, newsbot beside trafilatura's four modes.
    sets = results["sets"]
    assert set(sets) == {"aeb", "wcxb", "readability"}
    for halves in sets.values():
        assert set(halves) == {"all", "tune", "check"}
        assert halves["all"]["pages"] == 6 == halves["tune"]["pages"] + halves["check"]["pages"]
        assert set(halves["all"]["by"]) == {"newsbot", "precision", "default", "fast", "fast+precision"}
    assert "Real pages, wcxb, check half" in done.stdout
    assert any(target["name"].startswith("wcxb check half: body F1") for target in results["targets"])


def test_the_crawl_profile_charges_the_innermost_kind_and_skips_waiting() -> None:
    raw = "\n".join(
        [
            # Scrapy's signal dispatch calling the feed exporter, which encodes JSON: the feed's.
            "thread (1): MainThread;run (scrapy/crawler.py:10);send_catch_log (scrapy/utils/signal.py:36);"
            "item_scraped (newsbot/extensions/feeds.py:46);encode (json/encoder.py:183) 7",
            # The reactor polling with nothing to do: no work.
            "thread (1): MainThread;run (twisted/internet/base.py:9);EPollSelector.select (selectors.py:468) 50",
            # The pool's manager thread unpickling a result: the hand-off.
            "thread (2): Thread-1;run (concurrent/futures/process.py:342);_recv_bytes "
            "(multiprocessing/connection.py:430) 3",
            "thread (1): MainThread;_download (scrapy/core/engine.py:501) 5",
        ]
    )
    assert tally(raw) == {
        "feed: JSON encoding and the write of each record": 7,
        "hand-off to the workers and back": 3,
        OTHER: 5,
    }


def test_the_library_comparison_reads_writers_as_extruct_nests_them() -> None:
    # Microdata nests a Person's name in its properties, JSON-LD gives it at once or as a string.
    microdata = {"type": "https://schema.org/NewsArticle", "properties": {"author": [
        {"type": "https://schema.org/Person", "properties": {"name": "Aoife O'Riordan"}}, "Jan Smith"]}}  # fmt: skip
    items = list(_items([microdata]))
    assert _types(items[0]) == {"NewsArticle"}
    assert _names(items[0]["properties"]["author"]) == ["Aoife O'Riordan", "Jan Smith"]
    rendered = render("wcxb", {"median_ms": {"extruct": 40.0}, "counts": {"tune": {
        "day newsbot answered": 4, "day newsbot right": 3, "author extruct answered": 2, "author extruct gold": 2,
        "author extruct gold hit": 1, "author extruct found": 2, "author extruct found hit": 2}}})  # fmt: skip
    assert rendered[1] == "  tune: day newsbot 3/4 right; writers extruct on 2 pages, R 0.500 P 1.000"


def test_the_body_measure_reads_composed_and_decomposed_letters_alike() -> None:
    composed = "Die Ärzte für Allgemeinmedizin überweisen an die Fachärzte."
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert tokens_f1(decomposed, composed) == tokens_f1(composed, decomposed) == 1.0
    assert tokens_f1("Die Ärzte", composed) < 1.0
