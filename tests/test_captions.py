from __future__ import annotations

import pytest

from newsbot.text.captions import CaptionMatcher, has_credit, is_photo_credit, split_credit

CAPTION = (
    "Suh Hoon, South Korea's national security adviser, left, shakes hands with his U.S. counterpart, "
    "Jake Sullivan, ahead of bilateral talks in Washington on Tuesday. [KOREAN EMBASSY TO THE UNITED STATES]"
)


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        (CAPTION, CAPTION.split(" [")[0], "KOREAN EMBASSY TO THE UNITED STATES"),
        ("Containers in Busan. [YONHAP]", "Containers in Busan.", "YONHAP"),
        ("Son celebrates in London. [AP/YONHAP]", "Son celebrates in London.", "AP/YONHAP"),
        ("▲ A poster for the tour [NEWS1]", "A poster for the tour", "NEWS1"),
        ("A photo without a credit.", "A photo without a credit.", None),
        ("The [Republic of Korea] alliance.", "The [Republic of Korea] alliance.", None),
    ],
)
def test_split_credit(caption: str, text: str, credit: str | None) -> None:
    parts = split_credit(caption)
    assert (parts.text, parts.credit) == (text, credit)


@pytest.mark.parametrize(
    "line",
    [
        CAPTION,
        CAPTION.split(" [")[0],
        "▲ " + CAPTION,
        "[Photo] " + CAPTION,
        CAPTION.replace("'", "’"),
        CAPTION + " " + CAPTION,
    ],
)
def test_caption_repeats_are_recognised(line: str) -> None:
    assert CaptionMatcher([CAPTION]).matches(line)


def test_body_text_is_not_a_caption() -> None:
    matcher = CaptionMatcher([CAPTION])
    assert not matcher.matches("Suh Hoon, director of the Blue House National Security Office, met Sullivan.")
    assert not matcher.matches("")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lawmakers vote in Yeouido on Tuesday. [YONHAP]", True),
        ("BY SARAH KIM [kim.sarah@joongang.co.kr]", False),
        ("The advisers discussed the U.S.-ROK [Republic of Korea] alliance.", False),
    ],
)
def test_has_credit(line: str, expected: bool) -> None:
    assert has_credit(line) is expected


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        ("Fans gather outside the venue. [Screen Capture]", "Fans gather outside the venue.", "Screen Capture"),
        ("A new phone on display. [Samsung Electronics]", "A new phone on display.", "Samsung Electronics"),
        ("Son celebrates a goal. [AP/Yonhap]", "Son celebrates a goal.", "AP/Yonhap"),
        ("A quote with [an insertion] in it.", "A quote with [an insertion] in it.", None),
    ],
)
def test_title_case_credits_of_caption_elements(caption: str, text: str, credit: str | None) -> None:
    parts = split_credit(caption, title_case=True)
    assert (parts.text, parts.credit) == (text, credit)
    assert split_credit(caption).credit is None  # in body text only upper-case credits count


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        # One word after the last sentence, whoever it names; where it came from before "=".
        ("시민들이 광장을 걷고 있다. 연합뉴스", "시민들이 광장을 걷고 있다.", "연합뉴스"),
        ("시민들이 광장을 걷고 있다. 로이터=연합뉴스", "시민들이 광장을 걷고 있다.", "로이터=연합뉴스"),
        ("학생들이 수업을 듣고 있다. 뉴스1", "학생들이 수업을 듣고 있다.", "뉴스1"),
        ("Protesters gather outside parliament. Reuters", "Protesters gather outside parliament.", "Reuters"),
        ("집회 현장. 사진=독자 제공", "집회 현장.", "사진=독자 제공"),
        ("여야 대표가 악수하고 있다. [중앙포토]", "여야 대표가 악수하고 있다.", "중앙포토"),
        # A date, or two words of prose after the sentence, is no credit.
        ("서울 광화문 광장. 2021년 3월", "서울 광화문 광장. 2021년 3월", None),
        ("The team celebrates. Fans cheered all night", "The team celebrates. Fans cheered all night", None),
    ],
)
def test_one_word_credits_after_a_caption_name_no_outlet(caption: str, text: str, credit: str | None) -> None:
    parts = split_credit(caption, title_case=True)
    assert (parts.text, parts.credit) == (text, credit)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("STR/AFP via Getty Images", True),
        ("Long Wei/Costfoto/Barcroft Media via Getty Images", True),
        ("SolStock/E+ via Getty Images", True),
        ("Photo: Shutterstock", True),
        ("Photo: AFP", True),  # a wire after a photo label is the photo's
        ("Foto: dpa", True),
        ("Image: Phando Jikelo/Independent Newspapers", True),
        ("© Jane Doe", True),
        # A wire's name alone or after a writer is a byline, not a photo's credit.
        ("AFP", False),
        ("By Jane Doe, Reuters", False),
        ("Jane Doe/Reuters", False),
        # Sentences that name a picture agency or start with a label are story text.
        ("Getty Images said on Monday it would cut 200 jobs.", False),
        ("Image: the company's new logo was unveiled on Monday.", False),
    ],
)  # fmt: skip
def test_a_photo_credit_on_a_line_of_its_own(line: str, expected: bool) -> None:
    assert is_photo_credit(line) is expected
