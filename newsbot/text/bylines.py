"""Bylines -> authors with e-mails, written per language.

English: ``BY SARAH KIM [kim.sarah@joongang.co.kr]``, ``By Park Hae-rin``.
Korean: ``홍길동 기자``, ``김민욱·최은경 기자 kim.minwook@joongang.co.kr``, ``워싱턴=김필규 특파원``,
``이철호 논설위원``: the name as printed, the title word kept in ``name_raw`` only.
In any other language only a wire credit alone on a line (``Reuters``) is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsbot.text.dates import text_before_date
from newsbot.text.normalise import clean_text

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "BY NAME[, NAME][ AND NAME] [email, email]" and "By Name Staff Writer [email]".
_BYLINE = re.compile(r"^(?:BY|By|by)\s+(?P<names>[^\[\]()@]+?)\s*(?:[\[(](?P<emails>[^\])]*@[^\])]*)[\])])?\s*\.?$")
# Role words that follow a name in older bylines and are not part of it.
_ROLE = re.compile(
    r"\b(?:(?:Senior|Special|Chief|Staff|Contributing|Political|Economic|Culture|Sports|Executive|Managing|Deputy"
    r"|Associate|Assistant|Digital)\s+)*"
    r"(?:Staff\s+)?(?:Writer|Reporter|Correspondent|Editor|Columnist|Intern)s?\b.*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z][A-Za-z'’.\-]*(?:\s+[A-Za-z][A-Za-z'’.\-]*){0,4}$")
# Copy credited to a wire service instead of a writer, printed alone as the last line.
AGENCIES = {
    "yonhap": "Yonhap",
    "yonhap news agency": "Yonhap",
    "news1": "News1",
    "newsis": "Newsis",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "reuters": "Reuters",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "joongang ilbo": "JoongAng Ilbo",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "upi": "UPI",
    "pti": "PTI",
    "press trust of india": "PTI",
    "ians": "IANS",
    "tass": "TASS",
    # The other national wire services of the pages' countries, by their names and the short
    # names they sign with; the short names that are also words or people's initials are left out.
    "deutsche presse-agentur": "dpa",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "apa": "APA",
    "austria presse agentur": "APA",
    "sda": "SDA",
    "keystone-sda": "Keystone-SDA",
    "kna": "KNA",
    "epd": "epd",
    "anp": "ANP",
    "belga": "Belga",
    "ritzau": "Ritzau",
    "ntb": "NTB",
    "europa press": "Europa Press",
    "lusa": "Lusa",
    "agência lusa": "Lusa",
    "pa media": "PA Media",
    "press association": "PA",
    "australian associated press": "AAP",
    "aap": "AAP",
    "canadian press": "The Canadian Press",
    "anadolu agency": "Anadolu",
    "anadolu ajansı": "Anadolu",
    "jiji press": "Jiji",
    "interfax": "Interfax",
    "ria novosti": "RIA Novosti",
    "ukrinform": "Ukrinform",
    "bernama": "Bernama",
    "antara": "Antara",
    # Korean wire services, named as they print themselves.
    "연합뉴스": "연합뉴스",
    "뉴스1": "뉴스1",
    "뉴시스": "뉴시스",
}


@dataclass(frozen=True)
class Author:
    name: str
    name_raw: str
    email: str | None = None

    def as_record(self) -> dict[str, str]:
        record = {"name": self.name, "nameRaw": self.name_raw}
        if self.email:
            record["email"] = self.email
        return record


def first_email(text: str) -> str | None:
    """The first e-mail address in ``text``."""
    found = _EMAIL.search(text)
    return found[0] if found else None


def merged_authors(story: list[Author], page: list[Author], *, both: bool) -> list[Author]:
    """The writers of a story from its closing byline (``story``) and from the page around it
    (``page``: the header's byline links, meta tags). ``both``: the page's list is the site's
    own byline markup, so a writer named in only one of the two is kept (a header that names
    two reporters over a closing line that names one); else the story's line wins when it names
    anyone. Either way a writer keeps the e-mail the other list prints with the same name."""
    emails = {author.name: author.email for author in [*story, *page] if author.email}
    chosen = [*page, *(a for a in story if all(a.name != b.name for b in page))] if both and page else story or page
    return [replace(author, email=author.email or emails.get(author.name)) for author in chosen]


def romanised_name(raw: str) -> str:
    """``LEE JAE-MYUNG`` -> ``Lee Jae-myung``; ``SARAH KIM`` -> ``Sarah Kim``.

    Korean given names are written hyphenated with lower case after the hyphen; names that
    already mix case, and single words (``RT``, a user name), are kept as the writer spelt them.
    """
    raw = clean_text(raw)
    if raw != raw.upper() or " " not in raw:
        return raw
    words = []
    for word in raw.split(" "):
        head, _, tail = word.partition("-")
        word = head[:1].upper() + head[1:].lower()
        if tail:
            word += "-" + tail.lower()
        words.append(word)
    return " ".join(words)


def agency(line: str) -> str | None:
    """The wire service a line credits, when the line is nothing else (``Yonhap``, ``AP``, ``The
    Associated Press``)."""
    key = clean_text(line).strip(" .()[]-–—").casefold()
    return AGENCIES.get(key) or AGENCIES.get(key.removeprefix("the "))


def _is_name(text: str) -> bool:
    # Every word capitalised: "By the way, ..." is prose, "By Park Hae-rin" is a byline.
    return bool(_NAME.match(text)) and _capitalised(text.split())


# The lower-case words inside a surname: "Nick van Mead", "Michiel de Jong", "Ursula von der Leyen".
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "le", "la", "ten", "ter", "bin", "al"}
)


def _capitalised(words: list[str]) -> bool:
    """Every word of a name capitalised, but a surname's particles between the first and last;
    and one word more than an initial: "J J" is no name."""
    return (
        bool(words)
        and all(
            word[0].isupper() or (0 < index < len(words) - 1 and word in _PARTICLES) for index, word in enumerate(words)
        )
        and any(len(word.strip(".'’-")) > 1 for word in words)
    )


_NAMES_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_HANDLES = frozenset({"admin", "administrator", "editor", "webmaster", "guest"})
# A name as an author element prints it: words of letters (any script), each capitalised.
_LETTERS_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-])*(?:\s+[^\W\d_](?:[^\W\d_]|['’.\-])*){0,4}$")


_LABEL_WORDS = frozenset({"written", "posted", "published", "by", "author", "authors", "updated", "reviewed"})


def names_alone(text: str) -> list[Author] | None:
    """The writers an author element names without a "By": ``Tony Carter``, ``Lisa Kaczke and
    Trevor J. Mitchell``. Only for elements that hold nothing else (``rel=author``,
    ``itemprop=author``): in body text a line of capitalised words is a subhead. Each name is
    two to five capitalised words: one word is a handle or the site's ("Vortex", "Guest"), and
    after a comma come credentials ("MS, RDN") as often as other writers."""
    raw_names = [part for part in _NAMES_AND.split(clean_text(text)) if part]
    for name in raw_names:
        words = name.split()
        if not _LETTERS_NAME.match(name) or len(words) < 2 or not _capitalised(words):
            return None
        if all(word.casefold() in _LABEL_WORDS for word in words):
            return None  # the element's label, its name in another element: "Written By"
    return [Author(romanised_name(name), name) for name in raw_names] or None


# Words of a role, a credential or a date, never of a writer's name: what a page prints beside
# the name in the same element ("Digital Security Expert", "Trial Attorney", "Lead Reviewer
# Updated Feb"). Months that are also names (May, June, April, August) are not among them.
_ROLE_NOUNS = frozenset(
    {"expert", "attorney", "lawyer", "consultant", "founder", "co-founder", "reviewer", "editor", "editors",
     "developer", "developers", "manager", "director", "officer", "specialist", "writer", "author", "contributor",
     "contributors", "staff", "team", "lead", "head", "senior", "chief", "president", "ceo", "cto", "engineer",
     "analyst", "professor", "technologist", "former"}
)  # fmt: skip
_DATE_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "september", "october", "november", "december"}
)  # fmt: skip
# Labels and verbs beside a name: a name follows them ("Edited by ...") rather than goes before.
_BESIDE_NAMES = ("reviewed", "editorial", "development", "updated", "published", "edited", "certified", "project",
                 "written", "posted", "by", "the", "bio", "biography", "profile")  # fmt: skip
_NOT_A_NAME = re.compile(rf"\b(?:{'|'.join(sorted(_ROLE_NOUNS | _DATE_NAMES) + list(_BESIDE_NAMES))})\b", re.IGNORECASE)


# Labels before a writer's name that begin no name, in the languages of the byline readers:
# "Posted by", WordPress's German "Veröffentlicht von", "Interview: Julia Lauter", "Vom Krimiblogger".
_NAME_LABELS = (
    r"(?:this\s+(?:post|article)\s+was\s+)?(?:written|posted|published|reported|words|text|interview|article|post)"
    r"\s+by|by|interview|vom|(?:veröffentlicht|geschrieben|verfasst|erstellt)\s+von|(?:publié|écrit|rédigé)\s+par"
    r"|(?:publicado|escrito|redactado)\s+por|(?:pubblicato|scritto)\s+da|(?:geschreven|gepubliceerd)\s+door"
)
# And for names another reader found, which begin with one more often than with a name that
# is a label's word too: "Текст Венера Ерофеева", "Von Anna Müller", and the word "author"
# ("Autor: Monika Bolliger", a label printed off-screen beside the name).
_LEADING_LABEL = re.compile(
    rf"^(?:{_NAME_LABELS}|text|texto|текст|автор|von|por|par|door|oleh"
    r"|author|autor|autorin|auteur|autrice|autore|autora)(?::\s*|\s+)",
    re.I,
)
# Only the labels no name begins with, and the short ones in lower case ("von AUTO ZEITUNG"):
# for every source, Oleh and Von Miller among the writers.
_NAME_LABEL = re.compile(rf"^(?:{_NAME_LABELS}|(?-i:von|por|par|door))(?::\s*|\s+)", re.I)
# The links a byline prints after the name, read with it from the same element: "Sarah Lazare
# Twitter". "Mail" is not among them: outlets end so ("The Mail on Sunday", "Daily Mail").
_PROFILE_LINKS = frozenset(
    {"twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "bluesky", "mastodon", "youtube", "tiktok",
     "whatsapp", "telegram", "rss"}
)  # fmt: skip


def without_label(name: str) -> str:
    """``name`` without a byline label before it."""
    return _LEADING_LABEL.sub("", name.strip())


def tidy_name(name: str) -> str:
    """A writer's name without what a page prints around it in the same element or tag: a label
    no name begins with ("Veröffentlicht von Chris Jung"), the links to the writer's profiles
    after it ("Nuño Domínguez Twitter") and a dangling separator ("Frank Bueltge -", left when
    a web address followed)."""
    words = _NAME_LABEL.sub("", clean_text(name)).split()
    while len(words) > 1 and words[-1].casefold() in _PROFILE_LINKS:
        words.pop()
    return " ".join(words).strip(" -–—|/·:,")


def is_plain_name(name: str) -> bool:
    """One person's name and nothing else: two to five capitalised words, no role, credential,
    date or label ("Written By") among them. For names another reader found, which carry those."""
    found = names_alone(name)
    return found is not None and len(found) == 1 and not is_desk(name) and not _NOT_A_NAME.search(name)


def is_handle(name: str) -> bool:
    """A user name, not a person's: ``admin``, ``kei_eno``, ``NOC Admin``, a user number. A wire
    service's short name is none (``dpa``, ``afp``): agencies credit themselves in lower case."""
    words = name.split()
    if agency(name) is not None:
        return False
    if not any(char.isalpha() for char in name) or (words and words[-1].casefold() in _HANDLES):
        return True
    return " " not in name and (name.islower() or "_" in name)


def _email_owner(email: str, names: list[str]) -> int | None:
    local = re.sub(r"[^a-z]", " ", email.split("@", 1)[0].lower()).split()
    best, best_score = None, 0
    for index, name in enumerate(names):
        parts = {re.sub(r"[^a-z]", "", part) for part in name.lower().split()}
        score = sum(1 for token in local if token in parts)
        if score > best_score:
            best, best_score = index, score
    return best


def parse_byline(line: str, language: str | None = "en") -> list[Author] | None:
    """Authors named by a byline line, or ``None`` when the line is not a byline.

    ``language`` (a two-letter code) picks the forms read; English when empty.
    """
    if language in (None, "", "en"):
        return _english_byline(line)
    if (wire := agency(line)) is not None:
        return [Author(wire, clean_text(line).strip(" .()[]"))]
    if language == "ko":
        return _korean_byline(line)
    return None


def _english_byline(line: str) -> list[Author] | None:
    line = clean_text(line)
    if (wire := agency(line)) is not None:
        return [Author(wire, line.strip(" .()[]"))]
    match = _BYLINE.match(line)
    if match is None:
        return None
    names_text = _ROLE.sub("", match["names"]).strip(" ,.")
    raw_names = [part for part in _AND.split(names_text) if part]
    if not raw_names or not all(_is_name(name) for name in raw_names):
        return None
    emails = _EMAIL.findall(match["emails"] or "")
    names = [romanised_name(name) for name in raw_names]
    assigned: dict[int, str] = {}
    unmatched = []
    for email in emails:
        owner = _email_owner(email, names)
        if owner is not None and owner not in assigned:
            assigned[owner] = email
        else:
            unmatched.append(email)
    # E-mails that name nobody follow the writers' order.
    free = [index for index in range(len(names)) if index not in assigned]
    for index, email in zip(free, unmatched, strict=False):
        assigned[index] = email
    return [
        Author(name, raw.strip(), assigned.get(index))
        for index, (name, raw) in enumerate(zip(names, raw_names, strict=True))
    ]


# Korean ---------------------------------------------------------------------------------------

# Title words after a Korean name. A byline is names and titles only: "김정은 위원장" is prose.
_KO_TITLES = frozenset(
    {
        "기자", "특파원", "논설위원", "논설실장", "논설주간", "선임기자", "전문기자", "객원기자", "인턴기자",
        "대기자", "칼럼니스트", "편집국장", "에디터", "부장", "차장", "팀장", "통신원", "사진기자",
    }
)  # fmt: skip
# Words that may stand before a title as a word of their own: "수석 논설위원", "선임 기자".
_KO_TITLE_PREFIXES = frozenset({"수석", "선임", "전문", "객원", "인턴", "사진", "영상", "대표"})
_KO_NAME = re.compile(r"[가-힣]{2,4}")
_HANGUL = re.compile(r"[가-힣]")
# "워싱턴=", "세종=", "(서울=연합뉴스)": where the story was filed, printed before the name.
_KO_PLACE = re.compile(r"^\(?[가-힣A-Za-z]{1,12}\s*=\s*(?:[가-힣A-Za-z0-9]{1,12}\)\s*)?")
_KO_SEPARATORS = re.compile(r"(\s*[,·ㆍ/]\s*|\s+)")


def _korean_byline(line: str) -> list[Author] | None:
    line = clean_text(line)
    emails = _EMAIL.findall(line)
    rest = _KO_PLACE.sub("", _EMAIL.sub(" ", line).strip(" []()<>")).strip(" ,.[]()")
    parts = _KO_SEPARATORS.split(rest)
    pending: list[str] = []  # names waiting for the title printed after the last of them
    authors: list[tuple[str, str]] = []
    prefix = ""
    for index in range(0, len(parts), 2):
        token, joined = parts[index], index > 0 and not parts[index - 1].isspace()
        if not token:
            continue
        if token in _KO_TITLE_PREFIXES:
            prefix = token + " "
            continue
        title = token if token in _KO_TITLES else _glued_title(token)
        if title is not None:
            name = token[: -len(title)] if title != token else ""
            if name:
                pending.append(name)
            if not pending:
                return None
            authors += [(name, f"{name} {prefix}{title}") for name in pending]
            pending, prefix = [], ""
        elif _KO_NAME.fullmatch(token) and not prefix and (joined or not pending):
            # Names that share a title are joined by "·" or ","; words in a row are prose.
            pending.append(token)
        else:
            return None  # a word that is neither a name nor a title: prose
    if pending or not authors:
        return None
    free = iter(emails)
    return [Author(name, raw, next(free, None)) for name, raw in authors]


def _glued_title(token: str) -> str | None:
    # "홍길동기자": a name and its title printed without a space.
    for title in _KO_TITLES:
        if token.endswith(title) and _KO_NAME.fullmatch(token[: -len(title)]):
            return title
    return None


# Any language ---------------------------------------------------------------------------------

# The words before the writers' names in a byline, per language: English, Spanish/Portuguese,
# German, French, Italian, Dutch, Indonesian, Russian; "Text:"/"Texto:" as magazines print it.
# The page's search for byline-like elements (``fields.authors``) begins from the same words.
BYLINE_LEADS = (
    "written by", "posted by", "reported by", "words by", "text by", "article by", "story by", "by", "por",
    "escrito por", "publicado por", "von", "par", "di", "door", "oleh", "text", "texto", "автор",
)  # fmt: skip
# A label that names the role: a byline's lead only with its colon ("Author:", "Autorin:").
ROLE_LABELS = (
    "author", "authors", "autor", "autorin", "autora", "autores", "autoren", "auteur", "auteurs", "contributor",
    "contributors",
)  # fmt: skip
_LEADS = "|".join(re.escape(lead).replace(r"\ ", r"\s+") for lead in BYLINE_LEADS)
_LOOSE_BYLINE = re.compile(
    rf"^(?:{_LEADS}|(?:{'|'.join(ROLE_LABELS)})(?=\s*:))\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
# Between two writers: ",", "and", "&" and the languages' own "and".
_LOOSE_AND = re.compile(r"\s*(?:,|&|\b(?:and|y|e|und|et|en|dan|и)\b)\s*", re.IGNORECASE)


# The last word of a credit that names a site's desk, not a person.
_DESKS = frozenset(
    {"staff", "desk", "team", "newsroom", "editors", "editorial", "reports", "bureau", "wire", "sport", "sports",
     "redaktion", "redacción", "redação"}
)  # fmt: skip


# The first word of a credit that names a desk: "Team Tiger Data", "Redaktion hessenschau.de".
_DESKS_FIRST = frozenset({"team", "redaktion", "redacción", "redação"})


def is_desk(name: str) -> bool:
    """A credit to a site's desk, not a person: "JERUSALEM POST STAFF", "Metro Desk", "Team
    Tiger Data"."""
    words = name.split()
    if not words:
        return False
    # The desk word may close a compound of the site's initials: "TVT-Redaktion", "PETA-Team".
    return words[-1].casefold().rsplit("-", 1)[-1] in _DESKS or (len(words) > 1 and words[0].casefold() in _DESKS_FIRST)


# A company's legal form, the last word of its name and never of a person's: "SmartEtailing Inc".
_LEGAL_FORMS = frozenset(
    {"inc", "llc", "ltd", "gmbh", "mbh", "ggmbh", "ag", "kg", "corp", "plc", "llp", "pty", "bv", "nv", "spa", "srl",
     "sarl"}
)  # fmt: skip
# A German registered association's: "Bund der Energieverbraucher e.V.", "Deutscher Caritasverband e. V.".
_REGISTERED_ASSOCIATION = re.compile(r"\be\.\s?V\.?$")


# A host name inside a credit: "Deutsche Welle (www.dw.com)", "nieuwsblad.be".
_HOST_NAME = re.compile(r"(?<![\w.@])(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2}|com|net|org|info|news)(?![\w.@])")


def is_organisation(name: str) -> bool:
    """A credit to a publication or a company, not a person: "The Commercial Appeal", "SmartEtailing
    Inc.", "Deutsche Welle (www.dw.com)", or a label and a name ("content: MarketingSherpa"). A
    person's name has no article before it, no legal form after it, no host name and no colon.
    A wire service is credited all the same ("The Associated Press")."""
    words = name.replace(".", " ").replace(",", " ").split()
    if not words or agency(name) is not None:
        return False
    if words[0].casefold() == "the" or words[-1].casefold() in _LEGAL_FORMS or ":" in name:
        return True
    if _REGISTERED_ASSOCIATION.search(name.strip()):
        return True
    return bool(_HOST_NAME.search(name))


def is_no_person(name: str) -> bool:
    """A credit to a desk or an organisation: no writer's, wherever the page prints it."""
    return is_desk(name) or is_organisation(name)


def loose_byline(text: str) -> list[Author] | None:
    """The writers of a byline element in any language, its date cut off: ``by Jeff Foust
    Monday, November 18, 2019``, ``Written by Rachael Link, MS, RD on November 14, 2019``,
    ``Por María José Álvarez``, ``Von Anna Müller und Jan Meier``. Each writer is two to five
    capitalised words (in capitals, romanised); a single word after a comma is a credential
    ("MS", "RD") or a handle, and is left out. For elements before a page's story only: in
    the story a line like this may be a subhead."""
    match = _LOOSE_BYLINE.match(clean_text(text))
    if match is None:
        return None
    names = text_before_date(match["names"]).strip(" ,.")
    # A role ends the writers: what follows it is more of the role ("Executive Digital Editor
    # and Master Gardener"), or the writer's employer.
    names = _ROLE.sub("", names).strip(" ,.") or names
    parts = [part.strip(" ,.") for part in _LOOSE_AND.split(names)]
    authors = []
    for index, part in enumerate(part for part in parts if part):
        words = part.split()
        if index == 0:
            if not is_desk(part):  # a desk's credit is no name to cut ("JERUSALEM POST STAFF")
                part, words = _without_trailing_role(words)
        elif len(words) == 1 or agency(part) is not None or {word.casefold() for word in words} & _OUTLET_WORDS:
            continue  # a credential, a wire or an outlet after the name: "MS", "AP", "CNN Business"
        elif _NOT_A_NAME.search(part):
            break  # a role, and after it the writer's employer: "..., Senior Staff Technologist, ACLU"
        if is_desk(part):
            return None
        if not _LETTERS_NAME.match(part) or len(words) < 2 or not _capitalised(words):
            return None
        authors.append(Author(romanised_name(part), part))
    return authors or None


def writer_before_role(name: str, *, first: bool) -> str:
    """A name another reader found, without the date or role it printed after the name: "Luke
    Kim December", and for the ``first`` name of a credit "Mateusz Haberny Founder", "Matt Check
    Head Winemaker" -> the writer alone. A later name is as often the first one's role ("Paul
    Frew; Digital Security Expert") and keeps it (to be refused as no name); a desk's credit
    ("Practical Horseman Editorial Staff") is no name to cut; a cut leaving more than three
    words ("Susan Hallam MBE Managing Director") leaves the name as it was."""
    words = name.split()
    folded = [word.casefold() for word in words]
    cut = next((index for index, word in enumerate(folded) if index >= 2 and word in _DATE_NAMES), None)
    if cut is None and first and not is_desk(name):
        # Only a role's nouns: after a label ("Edited by", "Written by") comes a name, not a role.
        cut = next((index for index, word in enumerate(folded) if index >= 2 and word in _ROLE_NOUNS), None)
    return " ".join(words[:cut]) if cut is not None and cut <= 3 else name


def _without_trailing_role(words: list[str]) -> tuple[str, list[str]]:
    """A writer's name without the role or repetition a page prints after it in one element:
    "Shivkumar M Head Product Launches" -> "Shivkumar M", "Sean Martin Sean Martin" -> "Sean
    Martin" (the name of a link and of its tooltip)."""
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    cut = next((index for index, word in enumerate(words) if _NOT_A_NAME.fullmatch(word)), None)
    if cut is not None and cut >= 2:
        words = words[:cut]
    return " ".join(words), words


# The words a credit begins with in a meta tag: "By TOM KRISHER, AP Auto Writer", "Analysis by ...", "By: ...".
_CREDIT_BY = re.compile(
    r"^(?:(?:analysis|commentary|opinion|written|posted|reported|words|text)\s+)?by(?::\s*|\s+)", re.IGNORECASE
)
# A writer's home page printed with the name: "Bradley M. Kuhn (http://ebb.org/bkuhn/)".
_CREDIT_URL = re.compile(r"\(?\bhttps?://[^\s)]+\)?")
# Words of an outlet's name, printed after a writer's: "Charlie Wood, Business Insider".
_OUTLET_WORDS = frozenset(
    {"business", "insider", "news", "press", "media", "magazine", "times", "post", "daily", "journal", "network"}
)


def credited_names(credit: str) -> list[str]:
    """The writers a credit as pages put it in meta tags and JSON-LD names, without what
    follows them: "By MEG KINNARD and ERRIN HAINES, Associated Press" -> the two writers;
    "Jill Disis, CNN Business", "Troy L. Smith, Cleveland.com", "Amy Kuperinsky | NJ Advance
    Media for NJ.com", "Ilana Muhlstein, MS, RDN", "Bradley M. Kuhn (http://ebb.org/bkuhn/)" ->
    the writer alone; "Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack" -> all
    four; "신현주 기자" -> the name without its title, as a Korean byline reads. After a comma
    another writer is two to four capitalised words that are no outlet's, wire's or role's."""
    text = _CREDIT_BY.sub("", clean_text(_CREDIT_URL.sub("", credit))).split(" | ")[0]
    if _HANGUL.search(text) and (korean := _korean_byline(text)):
        return [author.name for author in korean]  # "홍길동 기자": the name without its title
    first, *rest = [part.strip() for part in text.split(",")]
    names = [name for name in _NAMES_AND.split(first) if name]
    listed = False
    for each in rest:
        each = _LIST_AND.sub("", each)  # the Oxford comma's "A, B, and C"
        # The last of a list of writers may join two: "A, B, C and D"; after one name alone
        # such a pair is as often a role ("Jane Doe, Master Gardener & Educator").
        parts = _NAMES_AND.split(each) if listed else [each]
        found = [part for part in parts if _another_writer(part)]
        if len(found) == len(parts):
            names += found
            listed = True
    return names


_LIST_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)


def _another_writer(part: str) -> bool:
    """After a comma, another writer: two to four capitalised words that are no outlet's,
    wire's, desk's or role's."""
    words = part.split()
    return (
        2 <= len(words) <= 4
        and bool(_LETTERS_NAME.match(part))
        and all(word[0].isupper() and not word.isupper() for word in words)
        and not _ROLE.search(part)
        and agency(part) is None
        and not {word.casefold() for word in words} & _OUTLET_WORDS
        and not is_desk(part)
    )
