"""Dates: every source, every supported language, and bad values that must give None."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from selectolax.lexbor import LexborHTMLParser

from presscut.metadata import Metadata, extract_metadata
from presscut.metadata.dateparse import find_text_date, parse_structured


def metadata(html: str, url: str | None = "https://example.org/news/story") -> Metadata:
    return extract_metadata(LexborHTMLParser(html), url)


def iso(value: str) -> str | None:
    parsed = parse_structured(value)
    return parsed.iso() if parsed else None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:20:00+01:00", "2024-03-05T10:20:00+01:00"),
        ("2024-03-05T10:20:00.123Z", "2024-03-05T10:20:00+00:00"),
        ("2024-03-05 10:20:00 +0530", "2024-03-05T10:20:00+05:30"),
        ("2024-03-05T10:20", "2024-03-05T10:20:00"),
        ("20240305", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:20:00 GMT", "2024-03-05T10:20:00+00:00"),
        ("1709634000", "2024-03-05T10:20:00+00:00"),
        ("1709634000000", "2024-03-05T10:20:00+00:00"),
        ("March 5, 2024", "2024-03-05"),
        ("11/01/2023 12:43:42", "2023-11-01"),  # machine-written slashes: month first
        ("01.11.2023", "2023-11-01"),
        ("2023 Jan 7", "2023-01-07"),  # NLM style of citation_publication_date
    ],
)
def test_structured_formats(raw: str, expected: str) -> None:
    assert iso(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "0000-00-00",
        "0000-00-00T00:00:00Z",
        "yesterday",
        "vor 2 Stunden",
        "20245-01-01",
        "2024-13-45",
        "2023-02-29",
        "2023 Feb 30",
        "1445-08-12",  # Hijri calendar year
        "1402/12/15",  # Persian calendar year
        "2567-03-05",  # Thai Buddhist era year
        "99999999999999",  # not a timestamp in seconds or milliseconds
        "3000-01-01",  # the future
        "",
        "null",
    ],
)
def test_bad_dates_give_none(raw: str) -> None:
    assert parse_structured(raw) is None


def test_far_future_timestamp_in_milliseconds_is_rejected() -> None:
    future = int(datetime(2999, 1, 1, tzinfo=UTC).timestamp() * 1000)
    assert parse_structured(str(future)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published March 5th, 2024 at 10:00", "2024-03-05"),  # en
        ("Veröffentlicht am 5. März 2024", "2024-03-05"),  # de
        ("Publié le 1er mars 2024", "2024-03-01"),  # fr
        ("Publicado el 5 de marzo de 2024", "2024-03-05"),  # es
        ("Pubblicato il 5 marzo 2024", "2024-03-05"),  # it
        ("Publicado em 5 de março de 2024", "2024-03-05"),  # pt
        ("Gepubliceerd op 5 maart 2024", "2024-03-05"),  # nl
        ("Opublikowano 5 marca 2024", "2024-03-05"),  # pl
        ("Stand: 05.03.2024, 10:20 Uhr", "2024-03-05"),
        ("Le 12 déc. 2023", "2023-12-12"),
        ("2024年3月5日", "2024-03-05"),
    ],
)
def test_visible_dates_in_eight_languages(text: str, expected: str) -> None:
    found = find_text_date(text)
    assert found is not None
    assert found[1].iso() == expected


def test_numeric_order_follows_the_language() -> None:
    us = find_text_date("03/05/2024", month_first=True)
    eu = find_text_date("03/05/2024", month_first=False)
    assert us is not None and us[1].iso() == "2024-03-05"
    assert eu is not None and eu[1].iso() == "2024-05-03"
    unambiguous = find_text_date("25/12/2023", month_first=True)
    assert unambiguous is not None and unambiguous[1].iso() == "2023-12-25"
    dashed = find_text_date("03-05-2024", month_first=True)
    us_dashed = find_text_date("03-05-2024", month_first=True, us_dashes=True)
    assert dashed is not None and dashed[1].iso() == "2024-05-03"
    assert us_dashed is not None and us_dashed[1].iso() == "2024-03-05"


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        ('<html lang="en"><head><meta property="og:locale" content="en_US">', "2024-03-09"),
        ('<html lang="en-US"><head>', "2024-03-09"),
        ('<html lang="en"><head>', "2024-09-03"),
        ('<html lang="en-GB"><head>', "2024-09-03"),
    ],
)
def test_dashed_dates_are_month_first_on_pages_declaring_a_us_locale(
    declaration: str, expected: str
) -> None:
    structured = f'{declaration}<meta name="article:published_time" content="03-09-2024"></head>'
    assert metadata(structured + "<body><h1>T</h1></body></html>").published == expected
    printed = f"{declaration}</head><body><h1>T</h1><p>Post time: 03-09-2024</p></body></html>"
    assert metadata(printed).published == expected


def test_copyright_year_is_not_a_date() -> None:
    html = '<html><body><h1>Title</h1><p>Text.</p><footer class="meta">© 2024 Example</footer></body></html>'
    assert metadata(html).published is None


def test_meta_published_and_modified_time() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-03-05T10:00:00+01:00">'
        '<meta property="article:modified_time" content="2024-03-07T09:00:00+01:00"></head></html>'
    )
    meta = metadata(html)
    assert meta.published == "2024-03-05T10:00:00+01:00"
    assert meta.modified == "2024-03-07T09:00:00+01:00"


def test_modified_before_published_is_dropped() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        '<meta property="article:modified_time" content="2023-01-01T00:00:00Z"></head></html>'
    )
    meta = metadata(html)
    assert meta.published == "2024-03-05T10:00:00+00:00"
    assert meta.modified is None


def test_time_element_and_updated_context() -> None:
    html = (
        "<html><body><h1>Story</h1>"
        '<p><time datetime="2024-02-01T08:00:00-05:00">Feb 1</time></p>'
        '<p>Updated <time datetime="2024-02-03">Feb 3</time></p><p>Body.</p></body></html>'
    )
    meta = metadata(html)
    assert meta.published == "2024-02-01T08:00:00-05:00"
    assert meta.modified == "2024-02-03"


def test_date_from_the_url() -> None:
    html = "<html><body><h1>Story</h1><p>Body.</p></body></html>"
    assert metadata(html, "https://example.org/2023/07/14/story/").published == "2023-07-14"
    assert metadata(html, "https://example.org/news/20230714-story.html").published == "2023-07-14"
    assert metadata(html, "https://example.org/2023/07/story").published is None


def test_visible_date_line_with_published_and_updated() -> None:
    html = (
        '<html lang="de"><body><h1>Bericht</h1><div class="article-meta">'
        "Veröffentlicht am 5. März 2024 · Aktualisiert am 7. März 2024</div><p>Text.</p></body></html>"
    )
    meta = metadata(html)
    assert meta.published == "2024-03-05"
    assert meta.modified == "2024-03-07"


def test_date_printed_under_the_headline_without_any_class() -> None:
    html = (
        "<html><body><main><header><h1>Une histoire</h1><p>12 décembre 2023</p></header>"
        "<p>Texte.</p></main></body></html>"
    )
    assert metadata(html).published == "2023-12-12"


def test_relative_visible_date_gives_none() -> None:
    html = '<html><body><h1>T</h1><span class="date">yesterday</span><p>x</p></body></html>'
    assert metadata(html).published is None


def test_bad_structured_values_fall_back_to_the_next_valid_source() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="0000-00-00 00:00:00">'
        '<meta name="pubdate" content="20245-01-01"><meta name="date" content="2021-04-05"></head>'
        "</html>"
    )
    assert metadata(html).published == "2021-04-05"


def test_utc_instant_shown_in_the_page_time_zone() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2025-12-19T03:05:00Z">'
        '</head><body><h1>T</h1><time datetime="2025-12-18T22:05:00-05:00">Dec 18</time></body></html>'
    )
    assert metadata(html).published == "2025-12-18T22:05:00-05:00"


def test_created_before_republished() -> None:
    html = (
        '<html><body><div itemscope itemtype="https://schema.org/Question">'
        '<meta itemprop="datePublished" content="2018-05-21"><time itemprop="dateCreated"'
        ' datetime="2014-02-04T13:02:51Z">asked</time></div></body></html>'
    )
    assert metadata(html).published == "2014-02-04T13:02:51+00:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 августа 2016, 13:43", "2016-08-15"),
        ("15 серпня 2016", "2016-08-15"),
        ("Datum: 4. 2. 2022.", "2022-02-04"),
        ("Datum: 4.\u20092.\u20092022.", "2022-02-04"),  # thin spaces (&thinsp;)
        ("Datum: 4.\u00a02.\u00a02022.", "2022-02-04"),  # no-break spaces
    ],
)
def test_cyrillic_months_and_spaced_numeric_dates(text: str, expected: str) -> None:
    found = find_text_date(text)
    assert found is not None
    assert found[1].iso() == expected


def test_embedded_video_upload_date_is_not_the_articles() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2017-12-01T12:01:11+01:00">'
        '<script type="application/ld+json">{"@type": "VideoObject", "name": "Trailer",'
        ' "uploadDate": "2015-01-16"}</script><title>Chrome exportieren</title></head>'
        "<body><h1>Chrome exportieren</h1></body></html>"
    )
    assert metadata(html).published == "2017-12-01T12:01:11+01:00"


def test_meta_publication_date_before_a_restamped_webpage_node() -> None:
    html = (
        '<html><head><meta name="pubdate" content="2021-03-08T11:15:28Z">'
        '<script type="application/ld+json">{"@type": "WebPage", "datePublished":'
        ' "2021-03-14T19:14:36Z"}</script></head></html>'
    )
    assert metadata(html).published == "2021-03-08T11:15:28+00:00"


def test_date_beside_the_headline_decides_between_weak_sources() -> None:
    generic = (
        '<html><head><meta name="date" content="2021-10-15"></head><body>'
        "<div><h1>Neue Präsidentin</h1><p>Erschienen am: 13.10.2021</p></div></body></html>"
    )
    assert metadata(generic).published == "2021-10-13"
    teaser = (
        '<html><head><meta name="date" content="March 27, 2025"></head><body>'
        "<div><h1>Podcasts</h1><p>March 27, 2025</p></div><div itemscope><meta"
        ' itemprop="datePublished" content="2026-03-13T12:00:00Z"></div></body></html>'
    )
    assert metadata(teaser).published == "2025-03-27"


def test_thin_spaced_date_beside_the_byline() -> None:
    html = (
        "<html><body><h1>Davis Cup: zwei Neulinge</h1>"
        "<div>Von <span>Tennis Bund</span> 4.&thinsp;2.&thinsp;2022.</div>"
        "<p>Der Teamchef hat die Mannschaft bekanntgegeben.</p></body></html>"
    )
    assert metadata(html).published == "2022-02-04"


def test_date_line_printed_above_the_headline() -> None:
    # The theme prints the date above the headline, and a page builder puts its <style>
    # between them; below the long article, a teaser of another post has a date of its own.
    article = "Der Sommer ist da, und mit ihm die kurzen Kleider und der Schmuck. " * 30
    html = (
        "<html><body><header><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav></header>"
        "<div class='meta'><p>Freitag | 14. Juni 2019 | 15:49</p></div>"
        f"<div class='entry'><style>{'.elementor-heading{color:#222;margin:0}' * 8}</style>"
        f"<h1>Ear Candy</h1><p>{article}</p></div>"
        "<aside><p>Summer Sale – die Deals der Woche</p><p>Mittwoch | 31. Juli 2019</p></aside>"
        "</body></html>"
    )
    assert metadata(html).published == "2019-06-14T15:49:00"  # with the printed time


def test_url_with_the_months_name() -> None:
    html = "<html><body><h1>Best science fiction books</h1><p>Our pick.</p></body></html>"
    url = "https://example.org/books/2025/dec/05/best-science-fiction-books"
    assert metadata(html, url).published == "2025-12-05"
    assert metadata(html, "https://example.org/2023/october/03/wine-types").published == (
        "2023-10-03"
    )
    # a path segment that is no month's name is no date
    assert metadata(html, "https://example.org/2023/top/03/list").published is None


def test_ambiguous_printed_date_read_the_way_the_url_writes_it() -> None:
    # An English page (month first by default) prints "03/10/2023"; its URL says October 3.
    html = (
        '<html lang="en"><body><div><h1>How many wine types are there?</h1>'
        "<p>03/10/2023</p></div></body></html>"
    )
    url = "https://example.org/blog/2023/10/03/how-many-wine-types"
    assert metadata(html, url).published == "2023-10-03"


def test_date_a_user_joined_is_not_the_pages() -> None:
    html = (
        "<html><body><div class='profile'><dl><dt>Posts:</dt><dd>4032</dd><dt>Founded:</dt>"
        "<dd>Dec 11, 2021</dd></dl></div><div class='post'><p>by <a href='/u/1'>Outer</a>"
        " » Tue Aug 27, 2019 1:47 am</p><p>The season starts again this weekend.</p></div>"
        "</body></html>"
    )
    assert metadata(html).published == "2019-08-27T01:47:00"
    bio = "<html><body><p>Jane Doe, designer</p><p>Member since February 16, 2016</p></body></html>"
    assert metadata(bio).published is None


def test_a_date_is_not_read_again_from_its_second_digit() -> None:
    # After "17 December 2025" the next search must not find "7 December 2025" in it.
    assert find_text_date("17 December 2025", start=1) is None
    assert find_text_date("17 December 2025, 3 March 2026", start=1) == (
        18,
        parse_structured("2026-03-03"),
    )
    html = (
        "<html><body><div><h1>Metadata workflows</h1><p>Craig McCarthy</p>"
        "<p>Last updated on 17 December 2025</p></div></body></html>"
    )
    assert metadata(html).published == "2025-12-17"


def test_last_published_key_is_no_publication_date() -> None:
    html = (
        '<html><head><meta name="cdc:last_published" content="2024-07-05T14:27:23Z"></head>'
        '<body><div><h1>Healthy eating tips</h1><time datetime="2024-03-01">March 1, 2024'
        "</time></div></body></html>"
    )
    assert metadata(html).published == "2024-03-01"


@pytest.mark.parametrize(
    ("item_type", "expected"),
    [
        # an article's dateCreated is when its draft was started
        ("BlogPosting", "2019-02-12T15:08:00+00:00"),
        # a question's is when it was asked; Q&A sites stamp datePublished anew
        ("Question", "2019-02-02T17:56:23+00:00"),
    ],
)
def test_json_ld_date_published_before_date_created_but_for_questions(
    item_type: str, expected: str
) -> None:
    html = (
        f'<html><head><script type="application/ld+json">{{"@type": "{item_type}",'
        ' "name": "Ten drawing books", "datePublished": "2019-02-12T15:08:00Z",'
        ' "dateCreated": "2019-02-02T17:56:23Z"}</script></head>'
        "<body><h1>Ten drawing books</h1></body></html>"
    )
    assert metadata(html).published == expected


def test_printed_date_earlier_than_a_restamped_structured_one() -> None:
    # The CMS stamped datePublished with the last save (equal to dateModified); the reader
    # sees when the post first appeared, under its headline.
    restamped = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting",'
        ' "datePublished": "2025-06-24T10:00:00Z", "dateModified": "2025-06-24T10:00:00Z"}'
        "</script></head><body><header><h1>How to price a class</h1><p>Jane Doe</p>"
        "<p>August 25, 2024</p></header><p>Text.</p></body></html>"
    )
    assert metadata(restamped).published == "2024-08-25"
    # A later printed date is an update, which the structured date does not give way to.
    updated = restamped.replace("August 25, 2024", "December 1, 2025")
    assert metadata(updated).published == "2025-06-24T10:00:00+00:00"


def test_a_photo_caption_sentence_beside_the_headline_gives_no_date() -> None:
    # The caption tells when the picture was taken: a sentence, not the page's date line.
    html = (
        '<html><head><meta property="article:published_time" content="2023-11-08T20:18:44Z">'
        "</head><body><header><figure><figcaption>Doctors examine an injured child at the"
        " city hospital after the attacks on the old town, on Oct. 21, 2023.</figcaption>"
        "</figure><h1>What it is like to give birth here</h1><p>Jane Doe</p>"
        "<p>November 8 2023, 3:18 p.m.</p></header><p>Text.</p></body></html>"
    )
    assert metadata(html).published == "2023-11-08T20:18:44+00:00"


def test_date_in_the_headline_is_no_printed_publication_date() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-05-03T08:45:44Z">'
        "</head><body><div><h1>2024.4.4 -&gt; 2024.5.0 issue: stuck on starting</h1>"
        "<span>Configuration</span></div><p>Text.</p></body></html>"
    )
    assert metadata(html).published == "2024-05-03T08:45:44+00:00"


def test_a_threads_last_post_is_no_publication_date() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting",'
        ' "datePublished": "2025-11-28T19:07:05Z"}</script></head><body><div>'
        "<h1>Would you consider a career in childcare?</h1><p>13 answers</p>"
        "<p>Last post: 01/12/2025 at 6:49 pm</p></div><p>Question.</p></body></html>"
    )
    assert metadata(html).published == "2025-11-28T19:07:05+00:00"


def test_a_date_in_the_style_rules_beside_the_headline_is_no_date_line() -> None:
    # page builders print their version's date in a comment of every widget's <style>
    html = (
        '<html><head><meta property="article:published_time" content="2023-11-08T18:38:11Z">'
        "</head><body><header><h1>Voting on the future</h1><style>/*! builder - v3.14.0 -"
        " 26-06-2023 */ .spacer{height:1px}</style></header><p>Text.</p></body></html>"
    )
    assert metadata(html).published == "2023-11-08T18:38:11+00:00"


def test_a_printed_date_read_the_other_way_round_is_the_structured_day() -> None:
    # "11/01/2021" on a German page beside a datePublished of 1 November: month first
    html = (
        '<html lang="de"><head><meta property="article:published_time"'
        ' content="2021-11-01T04:00:14Z"></head><body><header><p>11/01/2021</p>'
        "<h1>Der Roller im Test</h1></header><p>Text.</p></body></html>"
    )
    assert metadata(html).published == "2021-11-01T04:00:14+00:00"


def test_a_utc_timestamp_a_day_off_the_permalinks_date_gives_the_local_day() -> None:
    html = (
        '<html><head><meta property="article:published_time"'
        ' content="2018-12-31T23:11:59+00:00"></head><body><h1>Ins neue Jahr</h1>'
        "<p>Text.</p></body></html>"
    )
    assert (
        metadata(html, "https://blog.example/2019/01/01/ins-neue-jahr/").published == "2019-01-01"
    )
    assert metadata(html, "https://blog.example/ins-neue-jahr/").published == (
        "2018-12-31T23:11:59+00:00"
    )


def test_a_date_in_the_first_paragraphs_sentence_is_not_the_date_line() -> None:
    sentence = (
        "In the presence of many guests, the new mountain centre was opened on 18 October 2021"
        " at the old iron mine, after four years of building work in the tunnels, and it"
        " trains rescuers from all over the country from now on."
    )
    html = f"<html><body><h1>Mountain centre opened</h1><p>{sentence}</p><p>More.</p></body></html>"
    assert metadata(html, "https://example.org/2021/10/20/centre-opened/").published == (
        "2021-10-20"
    )


def test_a_date_printed_inside_the_headline_heading_of_a_long_article() -> None:
    paragraph = "The sales of mineral oil products fell again this year in every region. " * 25
    # the menu between the site's heading and the headline lists programmes that ended
    menu = "".join(
        f"<li><a href='/p-{i}'>Programme {i} (until 31.12.2018)</a></li>" for i in range(20)
    )
    html = (
        '<html><head><meta property="og:title" content="Mineral oil figures for November 2021">'
        f"</head><body><h1>Federal Office of Examples</h1><ul>{menu}</ul><div><h1><span"
        ' class="date">'
        "27.01.2022</span>Mineral oil figures for November 2021</h1>"
        f"<p>{paragraph}</p></div></body></html>"
    )
    assert metadata(html).published == "2022-01-27"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7. Dezember 2025, 14:30 Uhr", "2025-12-07T14:30:00"),
        ("7 décembre 2025 à 14h30", "2025-12-07T14:30:00"),
        ("07/12/2025 - 14:30 CET", "2025-12-07T14:30:00+01:00"),
        ("Atualizado em 07/12/2025 14h30", "2025-12-07T14:30:00"),
        ("7 de dezembro de 2025, às 14:30", "2025-12-07T14:30:00"),
        ("7 dicembre 2025 ore 14.30", "2025-12-07T14:30:00"),
        ("8 december 2025 om 10:12", "2025-12-08T10:12:00"),
        ("7 grudnia 2025 r., 14:30", "2025-12-07T14:30:00"),
        ("Dec. 7, 2025 2:30 p.m. ET", "2025-12-07T14:30:00"),  # "ET": summer time unknown
        ("March 5, 2024 at 3:45 PM PST", "2024-03-05T15:45:00-08:00"),
        ("5 March 2024, 12:00 am", "2024-03-05T00:00:00"),
        ("07.12.2025 | 07:12 Uhr", "2025-12-07T07:12:00"),
        # no time: a number after a comma, a range, an impossible hour
        ("7 dicembre 2025, 14.30", "2025-12-07"),
        ("May 3, 2024 10:00-12:00", "2024-05-03"),
        ("5 March 2024 25:00", "2024-03-05"),
    ],
)
def test_time_printed_after_a_written_date(text: str, expected: str) -> None:
    found = find_text_date(text, with_time=True)
    assert found is not None and found[1].iso() == expected
    assert find_text_date(text)[1].iso() == expected[:10]  # type: ignore[index]


def test_published_and_updated_lines_with_their_times() -> None:
    html = (
        "<html><body><h1>Sejm przyjął budżet</h1><div>Autor: Jan Kowalski<br>7 grudnia 2025 r.,"
        " 14:30<br>Aktualizacja: 8 grudnia 2025 r., 09:05</div>"
        "<p>Posłowie przyjęli ustawę budżetową po trzech dniach debaty.</p></body></html>"
    )
    meta = metadata(html)
    assert (meta.published, meta.modified) == ("2025-12-07T14:30:00", "2025-12-08T09:05:00")


def test_the_shown_time_completes_the_day_of_the_url() -> None:
    html = (
        "<html><body><h1>Lluvias en Valencia</h1><p>Valencia, 07 de diciembre de 2025,"
        " 14:30 h</p><p>La Generalitat ha suspendido las clases.</p></body></html>"
    )
    url = "https://example.es/valencia/lluvias-20251207.html"
    assert metadata(html, url).published == "2025-12-07T14:30:00"
