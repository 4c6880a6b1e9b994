"""The development sets and their split by site: committed, whole, and no site in both halves."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import pytest

from bench import outside, realsets
from bench.generalise import (
    author_counts,
    gold_names,
    page_f1,
    same_headline,
    same_instant,
    set_f1,
    snippet_counts,
    tokens_f1,
)


@pytest.mark.parametrize("name", realsets.SETS)
def test_every_site_of_a_set_is_in_the_committed_split(name: str) -> None:
    pages = realsets.load(name)
    committed = realsets._committed()[name]
    assert {page.site for page in pages} == set(committed)
    assert {page.half for page in pages} == {"tune", "check"}


def test_a_site_is_in_the_same_half_of_every_set() -> None:
    halves: dict[str, set[str]] = {}
    for pages in realsets.load_all().values():
        for page in pages:
            halves.setdefault(page.site, set()).add(page.half)
    assert all(len(found) == 1 for found in halves.values())


def test_the_sets_hold_what_their_readmes_say() -> None:
    sets = realsets.load_all()
    assert [len(sets[name]) for name in realsets.SETS] == [181, 925, 94]
    assert sum(not page.is_article for page in sets["wcxb"]) == 229


@pytest.mark.parametrize(
    ("url", "site"),
    [("https://www.bbc.com/news/x", "bbc.com"), ("http://m.example.org/", "example.org"), ("https://a.b.c/", "a.b.c")],
)
def test_site_of(url: str, site: str) -> None:
    assert realsets.site_of(url) == site


def test_token_f1_is_wcxbs_bag_of_words() -> None:
    assert tokens_f1("The cat sat", "the cat sat") == 1.0
    assert tokens_f1("", "the cat") == 0.0
    assert round(tokens_f1("the cat", "the cat sat down"), 4) == round(2 * 1 * 0.5 / 1.5, 4)


def test_author_names_match_by_their_words() -> None:
    assert gold_names("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert author_counts(["Jane Doe"], "By Jane Doe and John Roe") == (1, 2, 1, 1)
    assert author_counts(["Jane A. Doe", "Staff"], "Jane Doe") == (1, 1, 1, 2)


def test_instants_compare_only_where_the_gold_has_an_offset() -> None:
    assert same_instant("2015-07-10T13:53:00+00:00", "2015-07-10T09:53:00-04:00") is True
    assert same_instant("2015-07-10T09:53:00", "2015-07-10T09:53:00-04:00") is False
    assert same_instant("2015-07-10T09:53:00", "2015-07-10T09:53") is None
    assert same_instant("2024-09-29T15:27:29+00:00", "2024-09-29 15:27:29.697000+00:00") is True  # to the second
    assert same_instant("2024-09-29T15:27:30+00:00", "2024-09-29 15:27:29.697000+00:00") is False
    assert same_headline("Breaking: “quoted”  title", 'breaking: "quoted" title')


def _write_outside(folder: Path, story: str) -> None:
    """A folder in Fundus's test-data layout: one publisher with two parser versions and pages."""
    country = folder / "de"
    country.mkdir()
    html = f"<html><head><title>Hafen öffnet</title></head><body><h1>Hafen öffnet</h1>{story}</body></html>"
    for day in ("2024_04_28", "2025_06_05"):
        (country / f"Ledger_{day}.html.gz").write_bytes(gzip.compress(html.encode()))
    (country / "meta.info").write_text(
        json.dumps(
            {
                f"Ledger_{day}.html.gz": {"url": f"https://www.ledger.example/{day}"}
                for day in ("2024_04_28", "2025_06_05")
            }
        )
    )
    body = {
        "summary": ["Der Hafen ist wieder offen."],
        "sections": [{"headline": ["Neu"], "paragraphs": ["Schiffe fahren."]}],
    }
    version = {
        "authors": ["Anna Fink"],
        "body": body,
        "publishing_date": "2025-06-05 12:36:40+02:00",
        "title": "Hafen öffnet",
    }
    # V1_1 comes between V1 and V2, as Fundus numbers its parsers; the newer page pairs with V2.
    versions = {"V2": {**version, "title": "Neu"}, "V1": version, "V1_1": {**version, "body": {}}}
    (country / "Ledger.json").write_text(json.dumps(versions))


def test_an_outside_folder_is_read_page_by_page_with_its_parsers_output(tmp_path: Path) -> None:
    _write_outside(tmp_path, "<p>Schiffe fahren.</p>")
    pages = outside.load(tmp_path)
    # Three versions for two pages do not pair up: the newest page with the newest version alone.
    assert [(page.key, page.title) for page in pages] == [("de/Ledger_2025_06_05", "Neu")]
    page = pages[0]
    assert page.url == "https://www.ledger.example/2025_06_05" and page.site == "ledger.example"
    assert page.body == "Der Hafen ist wieder offen.\n\nNeu\n\nSchiffe fahren."
    assert (page.author, page.day, page.published) == ("Anna Fink", "2025-06-05", "2025-06-05 12:36:40+02:00")
    assert "Hafen öffnet" in page.html() and page.half in realsets.HALVES


def test_a_folder_in_newspapers_layout_is_read_with_its_bodies(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "txt").mkdir()
    page = "<html><head>{}</head><body><h1>Harbour reopens</h1><p>Ships sail.</p></body></html>"
    canonical = "<link rel='canonical' href='https://www.ledger.example/harbour'>"
    (tmp_path / "html" / "ledger.example1.html").write_text(page.format(canonical), encoding="utf-8")
    (tmp_path / "html" / "ledger.example2.html").write_text(page.format(""), encoding="utf-8")
    (tmp_path / "html" / "nobody.com1.html").write_text(page.format(""), encoding="utf-8")  # no gold: left out
    for name in ("ledger.example1", "ledger.example2"):
        (tmp_path / "txt" / f"{name}.txt").write_text("Ships sail.\n", encoding="utf-8")
    pages = outside.load(tmp_path)
    assert [(p.key, p.url) for p in pages] == [
        ("newspaper/ledger.example1", "https://www.ledger.example/harbour"),
        ("newspaper/ledger.example2", "http://ledger.example/ledger.example2.html"),  # the file's host
    ]
    assert all(p.body == "Ships sail." and p.site == "ledger.example" and "<h1>" in p.html() for p in pages)


def test_outside_gold_in_decomposed_form_scores_as_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Südtiroler Ärzte")
    gold = outside._body({"summary": [decomposed]})
    assert gold == decomposed  # read as the parser wrote it; the measure composes both sides
    assert tokens_f1("Südtiroler Ärzte", gold) == 1.0


def test_a_folder_in_trafilaturas_layout_is_read_with_its_snippets(tmp_path: Path) -> None:
    (tmp_path / "eval").mkdir()
    (tmp_path / "cache").mkdir()
    page = "<html><head><meta charset='iso-8859-1'></head><body><p>Schiffe fahren über den See.</p></body></html>"
    (tmp_path / "eval" / "ledger.html").write_bytes(page.encode("latin-1"))  # an older page, in Latin-1
    (tmp_path / "cache" / "blog.html").write_text(page.replace("iso-8859-1", "utf-8"), encoding="utf-8")
    gold = {
        "https://www.ledger.example/hafen": {
            "file": "ledger.html", "with": ["Schiffe fahren"], "without": ["Impressum"],
            "title": "Hafen", "author": ["Anna Fink", "Ben Roe"], "date": "2019-08-02",
        },
        "https://blog.example/": {"file": "blog.html", "with": ["über den"], "without": ["Menü"]},
        "https://gone.example/": {"file": "gone.html", "with": ["x"], "without": ["y"]},  # no page: left out
    }  # fmt: skip
    (tmp_path / "evaldata.json").write_text(json.dumps(gold), encoding="utf-8")
    pages = outside.load(tmp_path)
    assert [(p.key, p.site) for p in pages] == [
        ("trafilatura/blog", "blog.example"),
        ("trafilatura/ledger", "ledger.example"),
    ]
    ledger = pages[1]
    assert (ledger.title, ledger.author, ledger.day) == ("Hafen", "Anna Fink; Ben Roe", "2019-08-02")
    assert (ledger.with_snippets, ledger.without_snippets, ledger.body) == (("Schiffe fahren",), ("Impressum",), "")
    assert "über den See" in ledger.html() and "über den See" in pages[0].html()


def test_a_page_in_no_utf_8_is_read_in_the_charset_it_declares() -> None:
    declared = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><p>Привет</p>"
    assert realsets.decoded(declared.encode("cp1251")) == declared
    assert realsets.decoded("<p>Grüße</p>".encode("cp1252")) == "<p>Grüße</p>"  # none declared
    assert realsets.decoded("<meta charset='no-such'><p>Grüße</p>".encode("cp1252")).endswith("Grüße</p>")


def test_snippet_gold_scores_as_trafilaturas_evaluation() -> None:
    page = realsets.GoldPage(
        "outside", "k", "https://x.example/", "x.example", Path("k.html"), True,
        with_snippets=("Schiffe  fahren", "über den See"), without_snippets=("Impressum",),
    )  # fmt: skip
    assert snippet_counts(page, "Schiffe\nfahren heute. Impressum") == (1, 1, 1)
    assert snippet_counts(page, unicodedata.normalize("NFD", "Schiffe fahren über den See")) == (2, 0, 0)
    assert snippet_counts(page, None) == (0, 0, 2)
    assert page_f1(page, "Schiffe fahren über den See") == 1.0
    assert round(page_f1(page, "Schiffe fahren. Impressum"), 4) == round(2 / (2 + 1 + 1), 4)
    # The set's figure counts every page's snippets together, as trafilatura's own does.
    assert round(set_f1([page, page], ["Schiffe fahren über den See", None]), 4) == round(4 / (4 + 0 + 2), 4)
