"""The story's language, read from its words: the page's declaration is often the template's."""

from __future__ import annotations

import pytest

import newsbot
from newsbot.text.language import detect_language

STORIES = {
    "en": "The council said on Monday that the harbour, which was closed for the winter, would reopen "
    "to boats from the north and the south. It has been the busiest port of the region for years, and "
    "the mayor was at the quay with those who had waited for this day.",
    "de": "Der Hafen, der im Winter geschlossen war, wird nach Angaben der Stadt am Montag wieder für "
    "Boote geöffnet. Er ist seit Jahren der wichtigste Hafen der Region, und auch die Bürgermeisterin "
    "war bei der Eröffnung dabei, wie die Stadt mitteilte, nicht ohne Stolz auf die Arbeit.",
    "fr": "Le port, qui était fermé pendant l'hiver, rouvrira lundi aux bateaux, a annoncé la mairie. "
    "Il est depuis des années le plus actif de la région, et la maire était sur le quai avec les "
    "habitants qui attendaient ce jour depuis des mois pour reprendre la mer avec leurs familles.",
    "es": "El puerto, que estuvo cerrado durante el invierno, volverá a abrir el lunes para los barcos, "
    "según informó el ayuntamiento. Es desde hace años el más activo de la región, y la alcaldesa "
    "estuvo en el muelle con los vecinos que esperaban este día para volver al mar con sus familias.",
    "pt": "O porto, que esteve fechado durante o inverno, vai reabrir na segunda-feira para os barcos, "
    "informou a prefeitura. É há anos o mais movimentado da região, e a prefeita esteve no cais com "
    "os moradores que esperavam por este dia para voltar ao mar com as suas famílias e os amigos.",
    "it": "Il porto, che è rimasto chiuso durante l'inverno, riaprirà lunedì alle barche, ha comunicato "
    "il comune. È da anni il più attivo della regione, e la sindaca era sul molo con gli abitanti che "
    "aspettavano questo giorno per tornare al mare con le loro famiglie e anche con gli amici.",
    "ko": "겨울 동안 문을 닫았던 항구가 월요일부터 다시 배를 받는다고 시가 밝혔다. "
    "이 항구는 수년간 지역에서 가장 붐비는 곳이었다.",
    "ja": "冬の間閉鎖されていた港が、月曜日から再び船を受け入れると市が発表した。"
    "この港は長年、地域で最もにぎやかな港だった。",
    # Chinese writes a foreign name with the katakana middle dot: no kana syllable, no Japanese.
    "zh": "美国总统唐纳德・特朗普周一表示，冬季关闭的港口将重新向船只开放。"
    "市政府称，这个港口多年来一直是该地区最繁忙的港口。",
    "ru": "Порт, который был закрыт на зиму, в понедельник снова откроется для судов, сообщили в мэрии.",
    "uk": "Порт, який був закритий на зиму, у понеділок знову відкриється для суден, повідомили в мерії.",
}


@pytest.mark.parametrize(("language", "story"), STORIES.items())
def test_a_story_says_its_language(language: str, story: str) -> None:
    assert detect_language(story) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Harbour reopens",  # too few words to say
        "12:30 - 4-1 - 2019",
        "Zach Parise Wild Sabres Mats Zuccarello Kevin Fiala Devan Dubnyk Ryan Suter Jared Spurgeon " * 3,
    ],
)
def test_what_says_no_language_clearly_is_left_to_the_page(text: str) -> None:
    assert detect_language(text) is None


def _page(lang: str, story: str) -> str:
    paragraphs = "".join(f"<p>{part}.</p>" for part in story.split(". "))
    return f"<html lang='{lang}'><head><title>Hafen</title></head><body><h1>Hafen</h1>{paragraphs}</body></html>"


def test_the_story_s_words_overrule_the_template_s_language() -> None:
    """comwrap.com's German posts sit on an English theme (lang="en")."""
    assert newsbot.extract(_page("en", STORIES["de"]), "https://blog.example.com/hafen")["inLanguage"] == "de"
    # A story whose words say nothing clearly keeps what the page declares.
    rosters = (
        "Zach Parise, Mats Zuccarello, Kevin Fiala, Devan Dubnyk",
        "Ryan Suter, Jared Spurgeon, Eric Staal, Jonas Brodin",
        "Marcus Foligno, Joel Eriksson Ek, Luke Kunin, Alex Stalock",
    )
    names = "".join(f"<p>{roster}</p>" for roster in rosters)
    html = f"<html lang='sv'><head><title>Laget</title></head><body><h1>Laget</h1>{names}</body></html>"
    assert newsbot.extract(html, "https://blog.example.com/laget")["inLanguage"] == "sv"
