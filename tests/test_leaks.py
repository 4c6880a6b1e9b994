from __future__ import annotations

import pytest

from newsbot.profiles import JOONGANG
from newsbot.text.leaks import find_leaks

CAPTION = "Lawmakers vote on the budget bill at a plenary session of the National Assembly on Tuesday."
STORY = "The National Assembly passed the budget late Tuesday.\nThe bill passed with 187 votes in favor."


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        (STORY, set()),
        (STORY + "\n" + CAPTION + " [YONHAP]", {"caption"}),
        (STORY + " " + CAPTION, {"caption"}),
        (STORY + "\nBY CHO JUNG-WOO [cho.jungwoo@joongang.co.kr]", {"byline"}),
        (STORY + " Reported by [cho.jungwoo@joongang.co.kr]", {"byline"}),
        ("Published: 10 Feb. 2026, 22:48\n" + STORY, {"dateline"}),
        (STORY + " print dictionary print", {"chrome"}),
        (STORY + "\nTo write comments, please log in to one of the accounts.", {"chrome"}),
        ("The U.S.-ROK [Republic of Korea] alliance was affirmed.\nBy Tuesday it was over.", set()),
        ("He was published in 2021 and updated his book.", set()),
    ],
)
def test_find_leaks(body: str, kinds: set[str]) -> None:
    assert find_leaks(body, [CAPTION + " [YONHAP]"], JOONGANG.leak_fragments) == kinds


def test_a_sites_widget_text_comes_from_its_profile() -> None:
    daily_widget = STORY + "\nTo write comments, please log in to one of the accounts."
    assert find_leaks(daily_widget, (), JOONGANG.leak_fragments) == {"chrome"}
    assert find_leaks(daily_widget) == set()  # another site's page: not its widget
    assert find_leaks(STORY + "\nCopyright 2026. All rights reserved.") == {"chrome"}  # any site's
