"""The language a story is written in, read from its text.

Pages declare a language (``<html lang>``, ``og:locale``), and templates declare it wrongly:
a German blog on an English theme says ``en``, Business Insider's US pages ``de``, and 25 of
the 181 real pages of the benchmark say nothing. The record's ``inLanguage`` is what the
story's words say when they say it clearly, else what the page declares.

Written, not imported: py3langid (trafilatura's optional detector) agreed on every real page
where it was tried, but loads a 0.8 s model in every process and takes a millisecond a page,
half of what a 4 KB page costs a worker. Letters of one script name their language
outright; in Latin script, the language whose commonest words make up most of the text wins,
when it wins clearly. Anything less clear is left to the page's declaration.
"""

from __future__ import annotations

import re
from collections import Counter

from newsbot.text.normalise import LETTER

# The commonest words of each language written in Latin script: articles, pronouns,
# prepositions and conjunctions, the words every paragraph of prose holds. Words two of these
# languages share in the same form ("de", "in", "a") are left out of both.
_COMMON_WORDS = {
    "en": "the and of to is was that for with on are as it his her they this have from by be at which were has not but",
    "de": "der die das und ist nicht ein eine mit sich auf dem den zu von für auch es im wird sind wie bei nach aus",
    "fr": "le la les et des du une est dans pour pas que qui sur au avec il sont par ce plus ou cette aux ses",
    "es": "el los las y del una es por con para que se su al lo como más pero sus fue este ha muy entre",
    "pt": "o os as e do da dos das uma é em para com não que se no na ao mais por foi como seu sua",
    "it": "il lo gli e della di che è per una con non sono dei nel alla anche più come del questo ha",
    "nl": "het een van en is dat op te zijn met voor niet aan er ook als bij door maar wordt naar",
    "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ada ke karena oleh atau",
}
_WORD_LANGUAGES: dict[str, list[str]] = {}
for _language, _words in _COMMON_WORDS.items():
    for _word in _words.split():
        _WORD_LANGUAGES.setdefault(_word, []).append(_language)
# A word of two languages' lists tells neither apart.
_WORDS = {word: languages[0] for word, languages in _WORD_LANGUAGES.items() if len(languages) == 1}

# Scripts that name their language (Han alone is Chinese; with kana, Japanese). Kana are the
# syllables only: Chinese writes foreign names with the katakana middle dot ("唐纳德・特朗普").
_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7a3]")),
    ("ja", re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
# Any letter of those scripts: most text holds none, and is not counted script by script.
_OTHER_SCRIPTS = re.compile("|".join(script.pattern for _, script in _SCRIPTS))
_KANA = dict(_SCRIPTS)["ja"]
# Letters only Ukrainian writes in Cyrillic.
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_TOKEN = re.compile(r"[^\W\d_]+")
#: Characters of the text looked at: the story's opening says what its language is.
_SAMPLE_CHARS = 1000
#: A script names the language when this share of the letters is written in it.
_SCRIPT_SHARE = 0.3
#: Han with this share of kana is Japanese (its particles are kana: a third of a story's
#: letters and more); a Chinese story may quote a Japanese name or two.
_KANA_SHARE = 0.05
#: In Latin script: the common words of the winner make up this share of the words at least,
_WORD_SHARE = 0.08
#: and this many times the runner-up's.
_LEAD = 3.0
#: Fewer words than this say nothing for sure.
_MIN_WORDS = 30


def detect_language(text: str) -> str | None:
    """The two-letter language of ``text`` when its letters or words say it clearly, else None."""
    sample = text[:_SAMPLE_CHARS]
    if not sample.isascii() and _OTHER_SCRIPTS.search(sample) and (language := _script_language(sample)) is not None:
        return language
    words = _TOKEN.findall(sample.casefold())
    if len(words) < _MIN_WORDS:
        return None
    votes = Counter(_WORDS[word] for word in words if word in _WORDS)
    if not votes:
        return None
    (best, count), *rest = [*votes.most_common(2), ("", 0)]
    runner_up = rest[0][1]
    if count >= _WORD_SHARE * len(words) and count >= _LEAD * runner_up:
        return best
    return None


def _script_language(sample: str) -> str | None:
    """The language a script other than Latin names, when enough of the letters are in it."""
    letters = len(LETTER.findall(sample))
    for language, script in _SCRIPTS:
        if letters and len(script.findall(sample)) >= _SCRIPT_SHARE * letters:
            if language == "zh" and len(_KANA.findall(sample)) >= _KANA_SHARE * letters:
                return "ja"
            if language == "ru" and _UKRAINIAN.search(sample):
                return "uk"
            return language
    return None
