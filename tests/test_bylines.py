from __future__ import annotations

import pytest

from newsbot.text.bylines import (
    Author,
    agency,
    credited_names,
    is_desk,
    is_handle,
    is_organisation,
    is_plain_name,
    loose_byline,
    merged_authors,
    names_alone,
    parse_byline,
    romanised_name,
    tidy_name,
    without_label,
    writer_before_role,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("BY SARAH KIM [kim.sarah@joongang.co.kr]", [("Sarah Kim", "SARAH KIM", "kim.sarah@joongang.co.kr")]),
        (
            "By Seo Ji-eun Staff Writer [seo.jieun@joongang.co.kr]",
            [("Seo Ji-eun", "Seo Ji-eun", "seo.jieun@joongang.co.kr")],
        ),
        (
            "BY LEE JAE-LIM, PARK EUN-JEE [park.eunjee@joongang.co.kr, lee.jaelim@joongang.co.kr]",
            [
                ("Lee Jae-lim", "LEE JAE-LIM", "lee.jaelim@joongang.co.kr"),
                ("Park Eun-jee", "PARK EUN-JEE", "park.eunjee@joongang.co.kr"),
            ],
        ),
        (
            "BY KIM JI-HYE AND CHO JUNG-WOO [kim.jihye@joongang.co.kr]",
            [("Kim Ji-hye", "KIM JI-HYE", "kim.jihye@joongang.co.kr"), ("Cho Jung-woo", "CHO JUNG-WOO", None)],
        ),
        ("Yonhap", [("Yonhap", "Yonhap", None)]),
        ("YONHAP", [("Yonhap", "YONHAP", None)]),
        ("AP", [("AP", "AP", None)]),
        ("by Park Hae-rin", [("Park Hae-rin", "Park Hae-rin", None)]),
        ("BY LEE JAE-MYUNG", [("Lee Jae-myung", "LEE JAE-MYUNG", None)]),
    ],
)
def test_parse_byline(line: str, expected: list[tuple[str, str, str | None]]) -> None:
    authors = parse_byline(line)
    assert authors is not None
    assert [(a.name, a.name_raw, a.email) for a in authors] == expected


@pytest.mark.parametrize(
    "line",
    [
        "By the way, the ministry did not comment.",
        "By Tuesday, prices had fallen 3 percent across the country and retailers were cutting orders.",
        "The ministry said it would act by March.",
        "Suh Hoon shakes hands with Jake Sullivan. [YONHAP]",
    ],
)
def test_prose_is_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("raw", "name"),
    [("LEE JAE-MYUNG", "Lee Jae-myung"), ("SARAH KIM", "Sarah Kim"), ("Seo Ji-eun", "Seo Ji-eun")],
)
def test_romanised_name(raw: str, name: str) -> None:
    assert romanised_name(raw) == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tony Carter", ["Tony Carter"]),
        ("Lisa Kaczke and Trevor J. Mitchell", ["Lisa Kaczke", "Trevor J. Mitchell"]),
        ("José Núñez", ["José Núñez"]),
        ("Nick van Mead", ["Nick van Mead"]),  # a surname's particles stay lower-case
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Anna van", None),  # not at the end
        ("Vortex", None),  # one word: a handle or the site's
        ("Ilana Muhlstein, MS, RDN", None),  # credentials after a comma
        ("the editors", None),
        ("J J", None),  # a comment's avatar letter and a user's initial
        ("J. K. Rowling", ["J. K. Rowling"]),
    ],
)
def test_names_alone(text: str, names: list[str] | None) -> None:
    found = names_alone(text)
    assert (None if found is None else [author.name for author in found]) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("by Jeff Foust Monday, November 18, 2019", ["Jeff Foust"]),
        ("Written by Rachael Link, MS, RD on November 14, 2019", ["Rachael Link"]),  # credentials left out
        ("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", ["Louis Jacobson"]),
        (
            "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
            ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"],
        ),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Por María José Álvarez", ["María José Álvarez"]),
        ("Von Anna Müller und Jan Meier", ["Anna Müller", "Jan Meier"]),
        ("Publicado por: Clarissa Borba", ["Clarissa Borba"]),
        ("Oleh Ahmad Fauzi", ["Ahmad Fauzi"]),
        ("Door Jan de Vries", ["Jan de Vries"]),
        # After a role comes the writer's employer, whose words are no writer's.
        (
            "By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
            ["Daniel Kahn Gillmor"],
        ),
        ("by the way of the river", None),
        ("By Jill Disis, CNN Business", ["Jill Disis"]),  # the outlet after the writer
        ("By Sean Martin Sean Martin", ["Sean Martin"]),  # a link's text and its tooltip's
        ("By Shivkumar M Head Product Launches", ["Shivkumar M"]),  # the role in the same line
        # A role ends the writers: what follows it is more of the role.
        ("Written By: Catherine Boeckmann Executive Digital Editor and Master Gardener", ["Catherine Boeckmann"]),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", ["Rob Ewaschuk"]),
        ("By subject", None),  # a menu
        ("by Admin", None),  # a handle
        ("By JERUSALEM POST STAFF", None),  # the site's desk
        ("By viewing our video content, you are accepting the terms of our", None),
        ("by the Chinese government since July 2013", None),
        ("Texto de Natal", None),
        # A label that names the role, with its colon: "Contributors:", "Article by:", "Auteur :".
        ("Contributors: Janet Loughrey", ["Janet Loughrey"]),
        ("Article by: Cara Dumaplin", ["Cara Dumaplin"]),
        ("Auteur : Kossivi Tiassou", ["Kossivi Tiassou"]),
        ("Authors Guild Members Protest", None),  # the word without a colon is no label
    ],
)
def test_loose_byline(text: str, names: list[str] | None) -> None:
    found = loose_byline(text)
    assert ([author.name for author in found] if found else None) == names


def test_a_desk_is_no_writer() -> None:
    assert is_desk("Jerusalem Post Staff") and is_desk("Metro Desk")
    assert is_desk("Team Tiger Data") and is_desk("Redaktion hessenschau.de")
    assert not is_desk("Jan Staffman") and not is_desk("") and not is_desk("Teamo Suzuki")
    # The desk word closing a compound of the site's initials.
    assert is_desk("TVT-Redaktion") and is_desk("PETA-Team")
    assert not is_desk("Anna Müller-Lüdenscheidt") and not is_desk("Jean-Paul Sartre")


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("The Commercial Appeal", True),  # a publication
        ("SmartEtailing Inc.", True),  # a company's legal form
        ("Acme Widgets LLC", True),
        ("Naturstrom AG", True),
        ("Bund der Energieverbraucher e.V.", True),  # a registered association
        ("Deutscher Caritasverband e. V.", True),
        ("content: MarketingSherpa", True),  # a label and a name
        ("Deutsche Welle (www.dw.com)", True),  # a host name
        ("nieuwsblad.be", True),
        ("A.J. Smith", False),  # initials are no host
        ("Mary St.Clair", False),
        ("The Associated Press", False),  # a wire service is credited
        ("Theo Walcott", False),
        ("Mary Inch", False),
        ("Michiel de Jong", False),
        ("", False),
    ],
)
def test_an_organisation_is_no_writer(name: str, organisation: bool) -> None:
    assert is_organisation(name) is organisation


def test_a_wire_service_with_its_article() -> None:
    assert agency("The Associated Press") == agency("Associated Press") == "AP"
    assert agency("The Times") is None


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("By MEG KINNARD and ERRIN HAINES, Associated Press", ["MEG KINNARD", "ERRIN HAINES"]),
        ("By TOM KRISHER, AP Auto Writer", ["TOM KRISHER"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
        ("Jill Disis, CNN Business", ["Jill Disis"]),
        ("Charlie Wood, Business Insider", ["Charlie Wood"]),
        ("Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
        ("Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
        ("Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"]),
        ("Victor Tangermann, Futurism", ["Victor Tangermann"]),
        ("Tariq Malik, Mike Wall", ["Tariq Malik", "Mike Wall"]),  # two writers
        ("Lisa Kaczke and Trevor J. Mitchell", ["Lisa Kaczke", "Trevor J. Mitchell"]),
        ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", ["Bradley M. Kuhn"]),  # the writer's home page
        ("By: Jane Doe", ["Jane Doe"]),  # a label with a colon is no organisation's name
        ("Written by: Lisa Kaczke and Trevor J. Mitchell", ["Lisa Kaczke", "Trevor J. Mitchell"]),
        # A list of writers, its last two joined; after one name alone such a pair is a role.
        ("Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack",
         ["Mamokete Modiba", "Claire Benit-Gbaffou", "Sarah Charlton", "Tanya Zack"]),
        ("Jane Doe, John Roe, and Ann Poe", ["Jane Doe", "John Roe", "Ann Poe"]),
        ("Nicole Forbes, Master Horticulturalist & Garden Educator", ["Nicole Forbes"]),
        # Korean credits carry the title after the name, as bylines do.
        ("신현주 기자", ["신현주"]),
        ("김민욱·최은경 기자", ["김민욱", "최은경"]),
        ("워싱턴=김필규 특파원", ["김필규"]),
        ("신현주", ["신현주"]),
    ],
)  # fmt: skip
def test_credited_names(credit: str, names: list[str]) -> None:
    assert credited_names(credit) == names


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("Lisa Pham", True),
        ("Justin C Meserole", True),
        ("Tom May", True),  # a month that is also a name
        ("Digital Security Expert", False),
        ("Trial Attorney", False),
        ("Rasmus Barslund Founder", False),
        ("Lead Reviewer Updated Feb", False),
        ("Written By", False),
        ("Full Bio", False),  # the label of a link to the writer's page
        ("View Profile", False),
        ("Metro Desk", False),
        ("admin", False),
    ],
)
def test_a_plain_name_is_a_name_and_nothing_else(name: str, plain: bool) -> None:
    assert is_plain_name(name) is plain


@pytest.mark.parametrize(
    ("found", "name"),
    [
        ("Autor Monika Bolliger", "Monika Bolliger"),  # an off-screen "Autor:" beside the name
        ("Autorin: Anna Trechsel", "Anna Trechsel"),
        ("Author: Isaiah Shelton", "Isaiah Shelton"),
        ("By: Jane Doe", "Jane Doe"),
        ("This post was written by Danielle Padula", "Danielle Padula"),
        ("Article by Cara Dumaplin", "Cara Dumaplin"),
        ("Authority Figures", "Authority Figures"),  # a word that begins as the label does
    ],
)
def test_a_label_before_a_found_name_is_no_part_of_it(found: str, name: str) -> None:
    assert without_label(found) == name


@pytest.mark.parametrize(
    ("found", "first", "name"),
    [
        ("Mateusz Haberny Founder", True, "Mateusz Haberny"),
        ("Liz Kenny Former McKinsey Consultant", True, "Liz Kenny"),
        ("Matt Check Head Winemaker", True, "Matt Check"),
        ("Luke Kim December", True, "Luke Kim"),
        ("Malcolm Owen Monday", False, "Malcolm Owen"),  # a date goes from any name
        # A later name is as often the first one's role: kept whole, to be refused as no name.
        ("Digital Security Expert", False, "Digital Security Expert"),
        ("Practical Horseman Editorial Staff", True, "Practical Horseman Editorial Staff"),  # a desk
        ("Revised Edition Edited by Adrian Parr", True, "Revised Edition Edited by Adrian Parr"),  # a label, a name
        ("Susan Hallam MBE Managing Director", True, "Susan Hallam MBE Managing Director"),  # four words left
        ("Jane Doe", True, "Jane Doe"),
    ],
)
def test_a_role_after_a_found_name_is_no_part_of_it(found: str, first: bool, name: str) -> None:
    assert writer_before_role(found, first=first) == name


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Veröffentlicht von Chris Jung", "Chris Jung"),  # WordPress's German "Posted by"
        ("Interview: Julia Lauter", "Julia Lauter"),
        ("Posted by: Jane Doe", "Jane Doe"),
        ("publié par Marie Curie", "Marie Curie"),
        ("von AUTO ZEITUNG", "AUTO ZEITUNG"),  # the short labels in lower case only
        ("Nuño Domínguez Twitter", "Nuño Domínguez"),  # the writer's profile links after the name
        ("Jane Doe Email LinkedIn", "Jane Doe"),
        ("Frank Bueltge -", "Frank Bueltge"),  # what a web address after the name left
        # Names that begin or end as a label or a link does are names.
        ("Von Miller", "Von Miller"),
        ("Oleh Sentsov", "Oleh Sentsov"),
        ("Daily Mail", "Daily Mail"),
        ("Twitter", "Twitter"),
    ],
)
def test_a_name_without_the_label_and_links_printed_around_it(printed: str, name: str) -> None:
    assert tidy_name(printed) == name


def test_writers_from_the_header_and_the_closing_byline() -> None:
    header = [Author("이후연", "이후연 기자"), Author("박정호", "박정호 기자")]
    closing = [Author("박정호", "박정호 기자", "park.jeongho@joongang.co.kr")]
    # The site's own byline markup: every writer either names, each with the e-mail either prints.
    assert merged_authors(closing, header, both=True) == [header[0], closing[0]]
    assert merged_authors([], header, both=True) == header
    assert merged_authors(closing, [], both=True) == closing
    # Elsewhere the story's closing line wins, and still takes the page's e-mail for the same name.
    page = [Author("Sarah Kim", "Sarah Kim", "kim.sarah@example.com"), Author("Other", "Other")]
    assert merged_authors([Author("Sarah Kim", "BY SARAH KIM")], page, both=False) == [
        Author("Sarah Kim", "BY SARAH KIM", "kim.sarah@example.com")
    ]


@pytest.mark.parametrize(
    ("name", "handle"),
    [("admin", True), ("kei_eno", True), ("NOC Admin", True), ("262588213843476", True), ("Jane Doe", False),
     ("Kev", False), ("dpa", False), ("afp", False)],  # a wire service's own short name is no user's
)  # fmt: skip
def test_is_handle(name: str, handle: bool) -> None:
    assert is_handle(name) is handle
