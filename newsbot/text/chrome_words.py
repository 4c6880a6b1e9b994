"""What news pages print around a story, as text, written per language.

Each rule is a regular expression that must match a whole line (case-insensitive). A rule
earns its place only if it removes no line of real story text: the test suite runs every
line of the real-page corpus's gold bodies through these rules. No site's name or widget
strings belong here; those are the site profile's.
"""

from __future__ import annotations

from collections.abc import Mapping

Rules = Mapping[str, tuple[str, ...]]

# Symbols only: the same in every language.
NEUTRAL: Rules = {
    "copyright": (r"(?:ⓒ|©|\(c\))\s*(?:\d{4}\s*)?[^.!?]{0,80}",),
}

ENGLISH: Rules = {
    "toolbar": (
        r"(?:(?:print(?:\s+article)?|share|font\s*size|text\s*size|a\s*[+-]|facebook|twitter|e-?mail"
        r"|copy\s*(?:url|link)|url\s*copy|listen|bookmark|order\s+reprints|reprints)\b[\s|·]*)+",
        r"this\s+copy\s+is\s+for\s+your\s+personal,?\s+non-commercial\s+use\s+only\b.*",
    ),
    # A trail is short labels between separators; a sentence ("Home / Away kits were ...") is not.
    "breadcrumbs": (r"home(?:\s*[>›»]\s*[^>›».!?]{1,40}){1,5}",),
    "related": (
        r"related(?:\s+(?:articles?|stories|news|content|coverage|links|reading|posts?|videos?))?\s*(?::.*)?",
        r"(?:more\s+in|more\s+from|most\s+(?:popular|read|viewed)|recommended(?:\s+(?:stories|articles|videos|for\s+you))?"
        r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|top\s+stories|trending(?:\s+now)?)\s*:?",
        # The same labels with the section or the site they list from: "Most read in Football".
        r"(?:more\s+from|most\s+(?:popular|read|viewed)\s+in)\s+[^.!?:]{1,40}",
        r"(?:read|see|watch)\s+(?:more|also)\s*:.*",
        r"also\s+on\s+[\w-]+\.[a-z]{2,}\b.*",
    ),
    # A label alone; unlike "related" it heads no list: a deals page's "Don't Miss" heads products.
    # "Read more" also opens a collapsed part of the story ("Read More" before a review's pros and cons).
    "labels": (r"don'?t\s+miss\s*:?", r"read\s+(?:more|next)", r"article\s+content"),
    "ads": (r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad)\s*",),
    "copyright": (r"(?:copyright|ⓒ|©|\(c\)).{0,80}all\s+rights\s+reserved\.?",),
    "comments": (
        r"(?:to|please)\s+(?:write|post|leave)\s+(?:a\s+)?comments?,?\s+(?:please\s+)?(?:log|sign)\s*in\b.*",
        r"(?:please\s+)?(?:log|sign)\s*in\s+to\s+(?:write|post|leave|view)\s+(?:a\s+)?comments?\b.*",
        r"(?:\d+\s+)?(?:comments?|reply|replies)\s*\(?\d*\)?",
        r".{0,60}\(\d+\s*/\s*\d+\s*(?:characters?|chars?)\)\s*",
        r"you\s+must\s+confirm\s+your\s+public\s+display\s+name\s+before\s+commenting\.?",
    ),
    "newsletter": (
        # At most one short sentence before a call to subscribe that ends the line.
        r"(?:[^.!?]{0,80}[.!?]\s+)?(?:subscribe|sign\s+up)\b.{0,80}\bnewsletters?\b[^.!?]{0,80}[.!?]?",
        r"get\s+.{0,80}\bdelivered\s+to\s+your\s+inbox\b.{0,80}",
        r"like\s+this\s+(?:story|article)\?.{0,60}",
        r"sign\s+up\s+for\s+(?:our\s+)?(?:e-?mails?|alerts)\b.{0,60}",
        r"subscribe\s+now!?",
        # A call for readers' letters or stories, under the story: "We want to hear from you: ...".
        # The call is a sentence of its own: a quote goes on ("..., she said").
        r"we\s+(?:want|would\s+love|'d\s+love)\s+to\s+hear\s+(?:what\s+you\s+think(?:\s+about\s+this\s+(?:article|story))?"
        r"|from\s+you)\s*[.:!].{0,200}",
    ),
    # The site's or the writer's accounts: "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube."
    "social": (
        r"follow\s+(?:us|me|\S+(?:\s+\S+)?)\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads"
        r"|bluesky)\b.{0,100}",
    ),
    "filed_under": (r"(?:filed\s+under|tags?)\s*:.{0,200}", r"tags"),
    # Who to write to, who reported and edited: the masthead's lines, not the story's.
    "credits": (
        r"\(?(?:additional\s+)?reporting\s+by\b.{0,300}\b(?:editing|writing)\s+by\b.{0,200}",
        r"(?:write|e-?mail)\s+(?:to\s+)?.{1,60}\s+at\s+\S+@\S+?\.?(?:\s+or\s+follow\b.{0,120})?",
        r"have\s+a\s+(?:news\s+)?tip\?.{0,200}",
        r"by",
    ),
    # The reading time a template prints over the story: "5 min read", "Estimated reading time: 6 minutes".
    "reading_time": (
        r"(?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*(?:about\s+)?\d+\s*(?:min(?:ute)?s?|min\.)\.?",
        r"\d+\s*(?:min(?:ute)?s?|min\.)\s+read\.?",
    ),
    # A time stamp on a line of its own: "Updated at 1:23 p.m.", "Posted 10:02 AM ET".
    "dateline": (
        r"(?:updated|posted|published)\s*(?:at|:)?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[a-z]{2,4})?\.?",
    ),
    "paywall": (r"if\s+you\s+enjoyed\s+this\s+article\b.{0,300}", r"an\s+error\s+(?:has\s+)?occurred.{0,60}"),
}

KOREAN: Rules = {
    "toolbar": (
        r"(?:(?:인쇄|공유|스크랩|글자\s*크기|글씨\s*크기|본문\s*듣기|듣기|페이스북|트위터|카카오톡|카카오스토리|URL\s*복사|링크\s*복사"
        r"|메일|북마크)[\s|·]*)+",
        r"(?:기사\s*)?(?:url|주소)(?:이|가)?\s*복사되었습니다\.?",  # the toast after "copy URL"
    ),
    "breadcrumbs": (r"홈(?:\s*[>›»]\s*[^>›».!?]{1,40}){1,5}",),
    "related": (r"(?:관련\s*기사|관련\s*뉴스|추천\s*기사|많이\s*본\s*기사|이\s*기사와\s*함께\s*본\s*기사)\s*:?.*",),
    "ads": (r"(?:광고|AD)\s*",),
    "copyright": (r".{0,40}무단\s*전재\s*(?:및|&)\s*재배포\s*금지.{0,40}",),
    "comments": (
        r"(?:댓글|답글)\s*\(?\d*\)?\s*(?:개)?",
        r".{0,60}\(\d+\s*/\s*\d+\s*자\)\s*",
        r"로그인(?:\s*후)?.{0,30}댓글.{0,40}",
    ),
    "newsletter": (r".{0,60}(?:뉴스레터|구독).{0,30}(?:신청|하기|받아\s*보세요).{0,40}",),
}

GERMAN: Rules = {
    # Consent managers' placeholders where an embed (a post, a video, a chart) waits for consent.
    "consent": (
        r"externer\s+inhalt\s+nicht\s+verfügbar.{0,200}",
        r"(?:deine|ihre)\s+privatsphäre-einstellungen\s+verhindern\s+das\s+laden\b.{0,300}",
        r"zur\s+anzeige\s+(?:aktiviere|aktivieren\s+sie)\b.{0,40}privatsphäre-einstellungen\.?",
        r"an\s+dieser\s+stelle\s+(?:finden\s+sie|findest\s+du)\b.{0,100}\bexterne[nr]?\s+inhalt.{0,300}",
        r"ich\s+bin\s+damit\s+einverstanden,?\s+dass\s+mir\s+.{0,20}externe[n]?\s+inhalte?\s+angezeigt\b.{0,300}",
        r"ein\s+klick\s+für\s+den\s+datenschutz",
    ),
    "newsletter": (r".{0,60}newsletter\s+(?:abonnieren|bestellen).{0,60}",),
    "reading_time": (
        r"(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*)?\d+\s*min(?:uten?|\.)?",
        r"(?:ca\.\s*)?\d+\s*min(?:uten?|\.)?\s+(?:lesezeit|lesedauer)",
    ),
    # Labels of related-story boxes, alone or before one story's title. They head no list: the
    # box's titles are mostly gone already, and what follows the label is the story's next
    # subhead ("Auch interessant", then "Kontroversen um Klöckners Entscheidungen").
    "labels": (
        r"(?:ähnliche|verwandte|weitere)\s+(?:artikel|beiträge|nachrichten)\s*:?",
        r"(?:mehr\s+zum\s+thema(?:\s+auf\s+\S+)?|zum\s+weiterlesen|auch\s+interessant"
        r"|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren)\s*:?",
        r"mehr\s+themen\s+auf\s+\S+\s*:?",
        r"lesen\s+sie\s+auch\s*(?::.*)?",
    ),
    # A reader's rating and the invitation to report a mistake, printed under every story.
    "toolbar": (
        r"fehler\s+gefunden\?\s*jetzt\s+melden\.?",
        r"wie\s+hat\s+(?:ihnen|dir)\s+(?:dieser|der)\s+artikel\s+gefallen\?",
        r"durchschnittliche\s+bewertung\s*:\s*[\d,.]+",
    ),
    "comments": (
        r"(?:einen\s+)?kommentar\s+(?:abgeben|schreiben|verfassen)",
        r"(?:du\s+musst\s+dich|sie\s+müssen\s+sich|bitte)\s+(?:\w+\s+){0,2}(?:einloggen|anmelden)\b.{0,20}\bum\b.{0,40}"
        r"\bkommentar\w*\s+(?:abzugeben|zu\s+schreiben|zu\s+verfassen)\.?",
        r"(?:\d+\s+)?kommentare?\s*\(?\d*\)?",
    ),
}


# "Read also", alone or before another story's title, as news sites print it between paragraphs: a
# label, heading no list (as German's).
def _read_also(label: str) -> str:
    """``label`` alone, or followed by a colon and the other story's title."""
    return label + r"\s*(?::\s*.{0,150})?"


def _reading_time(label: str, minutes: str) -> str:
    """A reading time in a language: ``label`` before the minutes ("Tempo de leitura: 2 minutos"),
    or the minutes before ``label`` ("2 min de leitura")."""
    return rf"{label}\s*:?\s*\d+\s*{minutes}\.?|\d+\s*{minutes}\.?\s+(?:de\s+|di\s+)?{label}"


FRENCH: Rules = {
    # French prints the title after the label without a colon too: "À lire aussi La natalité ...".
    "labels": (r"(?:à\s+)?lire\s+(?:aussi|également)\s*(?::?\s+.{0,150})?",),
    "ads": (r"passer\s+la\s+publicité",),  # "skip the ad", over an ad between paragraphs
    "reading_time": (_reading_time(r"(?:temps\s+de\s+)?lecture", r"min(?:utes?)?"),),
}
SPANISH: Rules = {
    "reading_time": (_reading_time(r"(?:tiempo\s+de\s+)?lectura", r"min(?:utos?)?"),),
    "labels": (
        _read_also(r"(?:lee|lea|leer|vea|ver|mira)\s+(?:también|más)"),
        _read_also(r"(?:también\s+)?(?:te|le)\s+puede\s+interesar"),  # "may interest you"
    ),
}
PORTUGUESE: Rules = {
    "labels": (_read_also(r"(?:leia|veja)\s+(?:também|mais)"),),
    "reading_time": (_reading_time(r"(?:tempo\s+de\s+)?leitura", r"min(?:utos?)?"),),
}
ITALIAN: Rules = {
    "labels": (_read_also(r"leggi\s+anche"),),
    "reading_time": (_reading_time(r"(?:tempo\s+di\s+)?lettura", r"min(?:uti)?"),),
}
DUTCH: Rules = {
    "labels": (_read_also(r"lees\s+(?:ook|meer)"),),
    "reading_time": (_reading_time(r"leestijd", r"min(?:uten)?"),),
}
POLISH: Rules = {"labels": (_read_also(r"czytaj\s+(?:więcej|też|także)"),)}
NORWEGIAN: Rules = {"labels": (_read_also(r"les\s+også"),)}
DANISH: Rules = {"labels": (_read_also(r"læs\s+(?:også|mere)"),)}
SWEDISH: Rules = {"labels": (_read_also(r"läs\s+(?:också|mer)"),)}

JAPANESE: Rules = {
    "paywall": (r"この記事は(?:有料)?会員限定(?:記事)?です.{0,100}",),
}

#: Rules by the language's two-letter code; a page in another language gets the neutral ones.
BY_LANGUAGE: Mapping[str, Rules] = {
    "en": ENGLISH,
    "ko": KOREAN,
    "de": GERMAN,
    "ja": JAPANESE,
    "fr": FRENCH,
    "es": SPANISH,
    "pt": PORTUGUESE,
    "it": ITALIAN,
    "nl": DUTCH,
    "pl": POLISH,
    "no": NORWEGIAN,
    "nb": NORWEGIAN,
    "nn": NORWEGIAN,
    "da": DANISH,
    "sv": SWEDISH,
}


def rules_for(language: str | None) -> tuple[Rules, ...]:
    """The neutral rules, the English ones, and those of ``language``.

    English applies to every page: widget text in English ("Filed under:", "Related:") is on
    pages in every language, and a line of prose in another language does not read as it.
    """
    words = BY_LANGUAGE.get(language or "en")
    return (NEUTRAL, ENGLISH) if words is None or words is ENGLISH else (NEUTRAL, ENGLISH, words)
