from __future__ import annotations

import re
import sys

import pytest

from newsbot.profiles import JOONGANG
from newsbot.text.body import clean_body
from newsbot.text.captions import CaptionMatcher
from newsbot.text.chrome import ChromeRules
from newsbot.text.chrome_words import rules_for
from newsbot.text.normalise import clean_text

RULES = JOONGANG.chrome_rules
HEADLINE = "South, U.S. security advisers reiterate willingness for talks with North"
CAPTION = "Suh Hoon shakes hands with Jake Sullivan in Washington on Tuesday. [YONHAP]"
STORY = [
    "U.S. National Security Adviser Jake Sullivan stressed that Washington holds “no hostile policy.”",
    "Suh Hoon, director of the Blue House National Security Office, met Sullivan.",
    "By Tuesday, both sides had agreed to keep talking.",
]


def clean(lines: list[str], captions: list[str] = [CAPTION]) -> tuple[list[str], dict[str, int]]:  # noqa: B006
    result = clean_body(lines, headline=HEADLINE, captions=CaptionMatcher(captions), chrome=RULES)
    return result.paragraphs, dict(result.removed)


def test_the_dump_defects_are_removed() -> None:
    lines = [
        HEADLINE, "Home > National > Diplomacy", "print dictionary print", HEADLINE, CAPTION, CAPTION, "\u00a0",
        STORY[0], " ", STORY[1], STORY[2],
        "BY SARAH KIM [kim.sarah@joongang.co.kr]",
        "Log in to Twitter or Facebook account to connect", "with the Korea JoongAng Daily",
        "help-image Social comment?", "s", "lock icon",
        "To write comments, please log in to one of the accounts.", "Standards Board Policy (0/250자)",
    ]  # fmt: skip
    paragraphs, removed = clean(lines)
    assert paragraphs == STORY
    assert removed["headline/removed"] == 2
    assert removed["captions/removed"] == 2
    assert removed["byline/removed"] == 1
    assert removed["chrome/removed/toolbar"] == 1
    assert removed["chrome/removed/breadcrumbs"] == 1


def test_authors_come_from_the_byline() -> None:
    result = clean_body(
        [*STORY, "By Seo Ji-eun Staff Writer [seo.jieun@joongang.co.kr]", "with the Korea JoongAng Daily"],
        headline=HEADLINE,
        captions=CaptionMatcher([]),
        chrome=RULES,
    )
    assert result.paragraphs == STORY
    assert [(a.name, a.email) for a in result.authors] == [("Seo Ji-eun", "seo.jieun@joongang.co.kr")]
    assert result.removed["byline/removed"] == 2


def test_a_bare_name_mid_story_is_kept() -> None:
    lines = [STORY[0], "By Park Hae-rin", STORY[1], STORY[2], "More text follows here.", "And more."]
    paragraphs, removed = clean(lines)
    assert "By Park Hae-rin" in paragraphs
    assert "byline/removed" not in removed


def test_unknown_caption_with_credit_is_removed() -> None:
    paragraphs, removed = clean([*STORY, "Lawmakers vote in Yeouido on Tuesday. [NEWS1]"], captions=[])
    assert paragraphs == STORY
    assert removed["captions/removed"] == 1


def test_related_article_list_is_removed() -> None:
    lines = [*STORY, "Related Article", "North fires missile into East Sea", "Won weakens to one-year low"]
    paragraphs, removed = clean(lines)
    assert paragraphs == STORY
    assert removed["chrome/removed/related"] == 3


def test_bilingual_headline_mark_is_ignored_when_matching() -> None:
    result = clean_body(
        ["Kimchi-making season arrives", *STORY],
        headline="Kimchi-making season arrives (KOR)",
        captions=CaptionMatcher([]),
        chrome=RULES,
    )
    assert result.paragraphs == STORY


def test_the_profile_names_the_byline_continuation() -> None:
    assert RULES.is_continuation("with the Korea JoongAng Daily")
    assert RULES.is_continuation("For the Korea JoongAng Daily staff.")
    assert not RULES.is_continuation("talks with the Korea JoongAng Daily's editors went well")
    # Another site's continuation is none of newsbot's text rules' business.
    assert not ChromeRules(*rules_for("en")).is_continuation("with the Korea JoongAng Daily")


def test_clean_text_folds_every_space_and_drops_invisible_spacers() -> None:
    # Every character a regular expression calls white space folds, ASCII text or not.
    spaces = [chr(cp) for cp in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(cp))]
    assert "\u00a0" in spaces and "\u3000" in spaces
    for space in spaces:
        assert clean_text(f" a{space}{space}b{space}") == "a b"
        assert clean_text(f"é{space}b") == "é b"
    assert clean_text("zero\u200bwidth\ufeff ok") == "zerowidth ok"
    assert clean_text("Mes\u00adsen\u00adger") == "Messenger"  # soft hyphens
    assert clean_text("cafe\u0301") == "café"  # NFC


def _cleaned(lines: list[str], language: str) -> list[str]:
    chrome = ChromeRules(*rules_for(language))
    return clean_body(lines, headline=None, captions=CaptionMatcher([]), chrome=chrome, language=language).paragraphs


@pytest.mark.parametrize(
    ("language", "chrome", "story"),
    [
        ("de", "Auch interessant", "Kontroversen um Klöckners Entscheidungen"),
        ("de", "Lesen Sie auch: Baerbock verlässt den Bundestag", "Auch interessant ist, was sie danach vorhat."),
        ("de", "Du musst dich EINLOGGEN um einen Kommentar abzugeben.", "Kommentare in sozialen Netzen ärgern sie."),
        ("de", "Fehler gefunden? Jetzt melden.", "Fehler gefunden hat die Prüferin keine."),
        ("fr", "À lire aussi La natalité russe menacée d’effondrement", "Il faut lire aussi les notes de bas de page."),
        ("no", "Les også: Tone Damli røper detaljer om frieriet", "Hun les også bøker for barna hver kveld."),
        ("pl", "Czytaj więcej", "Czytaj więcej książek, radzi minister."),
        ("en", "Most read in Football", "Most read in the newsroom agreed with her."),
        ("en", "You Might Also Like", "You might also like the sequel, she said."),
        ("en", "6 min read", "The 6 minute read was worth it."),
        ("de", "Lesedauer: 4 Minuten", "Die Lesedauer lag bei vier Minuten."),
        ("pt", "Tempo de leitura: 2 minutos", "O tempo de leitura caiu para 2 minutos."),
        ("es", "Le puede interesar: JEP abrirá tres nuevos macrocasos", "Le puede interesar a su familia, dijo."),
        ("es", "VEA TAMBIÉN: Entre heces y guaricha", "Vea también cómo cambió el barrio en diez años."),
        ("de", "Mehr zum Thema auf UEPO.de", "Mehr zum Thema sagte sie nicht."),
        ("en", "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "Follow the money, he told them."),
        ("en", "We want to hear from you: Are you voting? Tell us.", "We want to hear what you think, she said."),
        ("en", "Read More", "Pros"),
        ("en", "Article content", "Article content was reviewed by two editors."),
        ("en", "You must confirm your public display name before commenting", "She declined to comment."),
        ("en", "Subscribe Now!", "Subscribers now pay twice as much."),
        ("ko", "기사 URL이 복사되었습니다.", "정부는 기사 URL 복사 기능을 점검했다."),
    ],
)
def test_read_also_labels_go_and_what_follows_them_stays(language: str, chrome: str, story: str) -> None:
    # A label heads no list: the line after it is the story's (a subhead, a review's "Pros").
    lines = [*STORY, chrome, story, *STORY]
    assert _cleaned(lines, language) == [*STORY, story, *STORY]
