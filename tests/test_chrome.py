from __future__ import annotations

import pytest

from newsbot.profiles import JOONGANG

RULES = JOONGANG.chrome_rules


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("print dictionary print", "toolbar"),
        ("Facebook X Kakao Copy URL", "toolbar"),
        ("Home > National > Diplomacy", "breadcrumbs"),
        ("Log in to Twitter or Facebook account to connect", "social"),
        ("help-image Social comment?", "social"),
        ("lock icon", "social"),
        ("s", "fragment"),
        ("To write comments, please log in to one of the accounts.", "comments"),
        ("Standards Board Policy (0/250자)", "comments"),
        ("Related Article", "related"),
        ("Most Popular", "related"),
        ("Advertisement", "ads"),
        ("Copyright ⓒ Korea JoongAng Daily. All Rights Reserved.", "copyright"),
    ],
)
def test_chrome_is_recognised(line: str, kind: str) -> None:
    assert RULES.kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Print media lost readers as the dictionary publisher went online.",
        "Share prices rose 3 percent on Tuesday.",
        "He declined to leave comments on the matter, citing the investigation.",
        "The home team won 2-1 in Seoul.",
        "Related businesses saw sales fall by a third.",
        "Comments by the minister drew criticism from both parties.",
    ],
)
def test_prose_is_not_chrome(line: str) -> None:
    assert RULES.kind(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("with the Korea JoongAng Dailyhelp-image Social comment?slock icon", "widget"),
        ("lock iconhelp-image", "widget"),
        ("Talks with the Korea JoongAng Daily's editors covered the lock icon design of the new app.", None),
    ],
)
def test_widget_fragments_glued_together(line: str, kind: str | None) -> None:
    assert RULES.kind(line) == kind
