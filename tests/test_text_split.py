"""Restoring lost paragraph breaks, and leaving legitimate dots and capitals alone."""

from __future__ import annotations

import random
import string

import numpy as np
import pytest

from presscut.text.split import (
    KINDS,
    scored_candidates,
    split_lines,
    word_pieces,
)
from presscut.text.tokens import page_text


def split_fused(line: str) -> list[str]:
    """One line split at its lost paragraph breaks."""
    return split_lines([line])


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
        (
            "Astronauts will fly with astronautsNASA begins a practice run on Monday.",
            ["Astronauts will fly with astronauts", "NASA begins a practice run on Monday."],
        ),
        (
            "Standard price $25.00$29.99 for members",
            ["Standard price $25.00", "$29.99 for members"],
        ),
        ("return 1;}return 2;", ["return 1;", "}", "return 2;"]),
        (  # a sentence end, a heading and the next paragraph in one word: no dotted name
            "The trends changed the photography world.ConclusionThe trends will go on.",
            ["The trends changed the photography world.", "Conclusion", "The trends will go on."],
        ),
        (  # a year glued to the one-letter word "A"
            "A report was released on November 18, 2025A new study followed it.",
            ["A report was released on November 18, 2025", "A new study followed it."],
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
        # A method call: a word glued to a bracket starts no paragraph.
        "Then add name = models.CharField(max_length=128) to the model.",
        # JSON left in the text, plain and escaped.
        '{"rType":"refinement","rText":"Color","rUID":"p_n_feature","rValueText":"Blue"}',
        '{\\"names\\":[\\"Anna\\",\\"Berta\\",\\"Clara\\"]}',
    ],
)
def test_legitimate_text_is_not_split(text: str) -> None:
    assert split_fused(text) == [text]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # a word found nowhere else on the page, cut into two words of the page
            ["Categories", "Web development", "web developmentmobile development", "Mobile apps"],
            ["web development", "mobile development"],
        ),
        (  # an all-capital keyword glued to the next item
            [
                "Keywords: SELECT, FROM, WHERE",
                "SELECTstatement retrieves rows from a table",
                "A statement can be long.",
            ],
            ["SELECT", "statement retrieves rows from a table"],
        ),
    ],
)
def test_joins_inside_a_word_are_restored(lines: list[str], expected: list[str]) -> None:
    out = split_lines(lines)
    assert [line for line in out if line not in lines] == expected


@pytest.mark.parametrize(
    "lines",
    [
        # Compounds and words whose pieces are words of the page.
        ["Die Landesregierung und die Regierung des Landes beraten heute."],
        ["Der Bundestag und die Bundesregierung: die Regierung plant, der Bund zahlt."],
        ["We love the outdoors; outdoor doors are great, out and about."],
        ["Use the database: data is the base of it."],
        ["Someone said something; some thing, some one."],
        # Hashtags, dotted names and code identifiers, even with their pieces on the page.
        ["Follow #socialmedia news: social media and more media."],
        ["Visit austintexas.gov to learn about Austin and Texas."],
        ["Call document.getElementById('app') to get the element by its id."],
        ["Use addEventListener to add an event listener to the button."],
        # Acronyms glued to a word, and names.
        ["The HTMLElement interface represents any HTML element."],
        ["Plug the USBHub into a USB port; the hub has four ports."],
        ["The SQLServer and SQL Server instances; the server runs SQL."],
        ["Download PDFs on macOS or iOS; Mac OS is old."],
        ["iPhone owners love the phone.", "Apple sold more iPhones this year."],
        ["McDonald's opened a new restaurant.", "JavaScript developers met at the library."],
        # Template placeholders.
        ["Dear {name}, your order {{order_id}} has shipped."],
    ],
)
def test_words_with_pieces_on_the_page_are_not_split(lines: list[str]) -> None:
    assert split_lines(lines) == lines


def _candidate_kinds(lines: list[str]) -> dict[str, str]:
    """The kinds of the candidates the hard rules allow, by the text from each on."""
    page = page_text(lines)
    candidates, _ = scored_candidates(page)
    return {
        page.text[at : at + 8]: KINDS[kind]
        for at, kind in zip(candidates.at.tolist(), candidates.kind.tolist(), strict=True)
    }


@pytest.mark.parametrize(
    ("lines", "start"),
    [
        # "A", "I" and an all-capital word after a lower-case run are no name's hump.
        (["Set a budget AppA quick search helps."], "A quick "),
        (["Camilla BoltPARENTWe are fond of her."], "PARENTWe"),
        # A heading between a sentence end and the next paragraph is no dotted name.
        (["It changed the world.ConclusionThe trends go on."], "The tren"),
    ],
)
def test_glued_headings_are_candidates(lines: list[str], start: str) -> None:
    assert _candidate_kinds(lines).get(start) == "camel"


def test_a_dotted_name_before_code_stays_protected() -> None:
    kinds = _candidate_kinds(["Then add name = models.CharField(max_length=128) to it."])
    assert "camel" not in kinds.values()


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


def test_a_story_fused_into_one_line_is_split_as_a_short_one() -> None:
    """Every break of a 44,000-character story lost (sentences glued to the next paragraph,
    headings glued to the next paragraph): all are found, as on a line of two paragraphs.
    Scored by the line's length, the breaks of such a line were a third missed."""
    rng = random.Random(7)
    paragraphs = []
    for _ in range(150):
        words = " ".join(_word(rng) for _ in range(rng.randint(20, 60)))
        paragraphs.append(words.capitalize() + ".")
        paragraphs.append(f"{_word(rng).capitalize()} {_word(rng)} {_word(rng)}")  # a heading
    assert split_fused("".join(paragraphs)) == paragraphs
    assert split_fused("".join(paragraphs[:2])) == paragraphs[:2]


def test_word_pieces_count_each_piece_among_the_page_words() -> None:
    """The counts of the pieces around a cut are those of the page's own words."""
    page = page_text(["ChoicesPortion size", "Portion portion choices", "ChoicesPortion"])
    pieces = word_pieces(page, np.array([7, 51]))
    assert pieces.left_count.tolist() == [1, 1]  # "Choices" as a word: "choices" once
    assert pieces.right_count.tolist() == [2, 2]  # "Portion": twice
    assert pieces.whole_count.tolist() == [2, 2]  # "ChoicesPortion" as it stands: twice
