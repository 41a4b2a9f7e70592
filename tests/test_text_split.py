"""Restoring lost paragraph breaks, and leaving legitimate dots and capitals alone."""

from __future__ import annotations

import random
import string

import numpy as np
import pytest

from presscut.text.split import split_fused, split_lines, word_pieces
from presscut.text.tokens import page_text


@pytest.mark.parametrize(
    ("fused", "expected"),
    [
        (
            "Readers can find the full story.Police said on Monday that two men were arrested.",
            [
                "Readers can find the full story.",
                "Police said on Monday that two men were arrested.",
            ],
        ),
        ("Is this the end?Nobody knows yet.", ["Is this the end?", "Nobody knows yet."]),
        ("What a result!The fans celebrated.", ["What a result!", "The fans celebrated."]),
        (
            "“We will rebuild,” she said.”The council meets again in May.",
            ["“We will rebuild,” she said.”", "The council meets again in May."],
        ),
        (
            'He said "no."Then he left the room.',
            ['He said "no."', "Then he left the room."],
        ),
        (
            "The vote was close.“This is a good day,” the mayor said.",
            ["The vote was close.", "“This is a good day,” the mayor said."],
        ),
        (
            "Personalized nutritionThose who can afford it will pay for tailored diets.",
            ["Personalized nutrition", "Those who can afford it will pay for tailored diets."],
        ),
        (
            "Die Sitzung endete am Abend.Der Bürgermeister kündigte neue Gespräche an.",
            ["Die Sitzung endete am Abend.", "Der Bürgermeister kündigte neue Gespräche an."],
        ),
        (
            "La séance a duré trois heures.Élus et habitants ont débattu du projet.",
            ["La séance a duré trois heures.", "Élus et habitants ont débattu du projet."],
        ),
        (
            "said the chief economist“We are seeing better conditions",
            ["said the chief economist", "“We are seeing better conditions"],
        ),
        (
            "Permits are required for new buildings.- Plan review takes two weeks",
            ["Permits are required for new buildings.", "- Plan review takes two weeks"],
        ),
        ("Gold Hoop Earrings$85", ["Gold Hoop Earrings", "$85"]),
        (
            "Children look forward to it.HANDS-ON lessons start at nine.",
            ["Children look forward to it.", "HANDS-ON lessons start at nine."],
        ),
    ],
)
def test_lost_breaks_are_restored(fused: str, expected: list[str]) -> None:
    assert split_fused(fused) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met their U.K. counterparts in Washington.",
        "The U.S.Army said it would review the report.",
        "Bring documents, e.g. Passports or identity cards.",
        "Inflation rose to 3.5 percent in March, up from 3.2 percent.",
        "Amazon.com and Booking.com both reported higher sales.",
        "The service is written in Node.js and runs on Linux.",
        "J.R.R. Tolkien wrote The Hobbit in the 1930s.",
        "Dr. Smith and Mr. Jones disagreed, as did Prof. Adams.",
        "Mme. Dubois et Sr. García étaient présents.",
        "Details are at https://Example.org/News/Story.Html for subscribers.",
        "Write to jane.Doe@Example.org or visit www.Example.org.",
        "Developers moved from ASP.NET to .NET Core and read the README.MD file.",
        "Version 2.0.1 fixes the bug; v3.1 follows.",
        "LinkedIn, YouTube, JavaScript, iPhone and McDonald's all appear here.",
        "ThyssenKrupp and ArcelorMittal reported losses.",
        "The vote was 3:2 at 10:30, as John 3:16 says.",
        "The server runs at https://Example.org:8080/Status and Re:Publica.",
        "He moved from ASP.NET to the README.MD file.",
    ],
)
def test_legitimate_text_is_not_split(text: str) -> None:
    assert split_fused(text) == [text]


def test_split_lines_keeps_order_and_other_lines() -> None:
    lines = ["Title of the story", "First paragraph ends here.Second one starts here.", "Third."]
    assert split_lines(lines) == [
        "Title of the story",
        "First paragraph ends here.",
        "Second one starts here.",
        "Third.",
    ]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))


def test_a_huge_fused_line_is_split_without_losing_text() -> None:
    """A megabyte line of 20,000 fused paragraphs (seeded made-up words, so that no word
    recurs thousands of times: the scorer reads a piece that is everywhere on the page as
    no break)."""
    rng = random.Random(7)
    line = "".join(
        f"The {_word(rng)} {_word(rng)} ends here.{_word(rng).capitalize()} {_word(rng)} starts"
        f" {_word(rng)} "
        for _ in range(20_000)
    )
    pieces = split_fused(line)
    assert "".join(pieces) == line
    assert all(piece.endswith("ends here.") for piece in pieces[:-1])  # no invented break
    assert len(pieces) >= 19_800


def test_word_pieces_count_each_piece_among_the_page_words() -> None:
    """The counts of the pieces around a cut are those of the page's own words."""
    page = page_text(["ChoicesPortion size", "Portion portion choices", "ChoicesPortion"])
    pieces = word_pieces(page, np.array([7, 51]))
    assert pieces.left_count.tolist() == [1, 1]  # "Choices" as a word: "choices" once
    assert pieces.right_count.tolist() == [2, 2]  # "Portion": twice
    assert pieces.whole_count.tolist() == [2, 2]  # "ChoicesPortion" as it stands: twice
