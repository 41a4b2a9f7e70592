"""Turn the many ways pages write a date into validated ISO 8601, or `None`.

Structured values (JSON-LD, `<meta>`, `<time datetime>`) are mostly ISO 8601
but also RFC 2822, Unix timestamps in seconds or milliseconds, slashed or
dotted numbers. Visible text uses month names in many languages ("5. März
2024", "5 de marzo de 2024", "March 5th, 2024", "5 marca 2024"). Whatever
the source, a date is kept only if it is a real Gregorian calendar day
between the first web page (1991) and tomorrow: "0000-00-00", year 20245, a
Hijri or Buddhist-era year, or a relative word ("yesterday") gives `None`,
never an exception and never today's date by default. The time printed after a
written date ("7. Dezember 2025, 14:30 Uhr", "7 décembre 2025 à 14h30") is read
when asked for, with its zone when the page names one ("CET", "+01:00").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

from presscut.metadata.patterns import alternation

MIN_YEAR = 1991

# Month names and abbreviations, lower case, for en, de, fr, es, it, pt, nl, pl
# (Polish in both the nominative and the genitive that dates use), then ru and uk.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "jän",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "styczeń",
        "stycznia",
        "sty",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "feber",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "luty",
        "lutego",
        "lut",
    ),
    3: (
        "march",
        "mar",
        "märz",
        "maerz",
        "mär",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mrt",
        "mrz",
        "marzec",
        "marca",
    ),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja"),
    6: (
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "czerwiec",
        "czerwca",
        "cze",
    ),
    7: (
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "lipiec",
        "lipca",
        "lip",
    ),
    8: (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "sierpień",
        "sierpnia",
        "sie",
    ),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
        "wrzesień",
        "września",
        "wrz",
    ),
    10: (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "październik",
        "października",
        "paź",
    ),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis"),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "grudzień",
        "grudnia",
        "gru",
    ),
}
# Russian and Ukrainian in the genitive that dates use ("15 августа 2016", "15 серпня 2016").
_CYRILLIC_MONTHS = (
    ("января", "січня"),
    ("февраля", "лютого"),
    ("марта", "березня"),
    ("апреля", "квітня"),
    ("мая", "травня"),
    ("июня", "червня"),
    ("июля", "липня"),
    ("августа", "серпня"),
    ("сентября", "вересня"),
    ("октября", "жовтня"),
    ("ноября", "листопада"),
    ("декабря", "грудня"),
)
MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names} | {
    name: num for num, names in enumerate(_CYRILLIC_MONTHS, start=1) for name in names
}

_MONTH_RE = alternation(MONTHS)

_ISO = re.compile(
    r"^\s*(?<!\d)(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2}))(?!\d)"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.I,
)
_TIMESTAMP = re.compile(r"^\s*(\d{9,13})(?:\.\d+)?\s*$")
# The searched patterns start with their first digit and check the character before it right
# after it ("\d(?<![\w.]\d)", where "(?<![\w.])\d" reads more plainly): a pattern led by a
# digit lets the engine skip to the next digit of the text, one led by a lookbehind is tried
# at every character (the search takes a third of the time; same matches, same groups).
_DAY_MONTH_YEAR = re.compile(
    r"(\d(?<![\w.]\d)\d?)(?:st|nd|rd|th|er|º|°|\.)?\s*(?:de\s+|of\s+)?"
    rf"({_MONTH_RE})\.?,?\s*(?:de\s+|del\s+)?'?(\d{{4}})(?!\d)",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I
)
# "05.03.2024", "5/3/2024", "5-3-2024", and "5. 3. 2024" (Czech, Slovak, Croatian style,
# typeset with a thin or no-break space as often as with a plain one).
_NUMERIC = re.compile(
    r"(\d(?<![\d./-]\d)\d?)(\.[ \u00a0\u2009\u202f]?|[/-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)"
)
_YEAR_FIRST = re.compile(r"(\d(?<![\d./-]\d)\d{3})([./-])(\d{1,2})\2(\d{1,2})(?![\d./-])")
# "2023 Jan 7": the NLM style of scholarly `<meta name=citation_publication_date>`.
_YEAR_MONTH_NAME_DAY = re.compile(rf"^\s*(\d{{4}})\s+({_MONTH_RE})\.?\s+(\d{{1,2}})(?!\d)", re.I)
# Every supported written date has a four-digit year: texts without one are skipped at once.
_YEAR = re.compile(r"(?:1(?<!\d\d)9|2(?<!\d\d)0)\d\d(?!\d)")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# The word before a time: "à 14h30", "a las 14:30", "ore 14.30", "um 14:30", "om 10:12",
# "às 14h30", "at 3:45 PM", "o godz. 14:30".
_TIME_WORD = (
    r"(?:à|a[ \t]+las|a[ \t]+les|alle|ore|um|om|às|at|o[ \t]+godz\.|godz\.|kl\.)[ \t\u00a0]*"
)
# The time printed right after a written date, in the languages' ways: "7. Dezember 2025,
# 14:30 Uhr", "7 décembre 2025 à 14h30", "07/12/2025 - 14:30 CET", "7 dicembre 2025 ore
# 14:30", "8 december 2025 om 10:12", "7 grudnia 2025 r., 14:30", "07/12/2025 às 14h30",
# "Dec. 8, 2025 9:05 a.m. ET", then a zone when one is named. "14.30" needs a word before it
# ("ore 14.30"): after a comma it may be a number. A range ("10:00-12:00") gives no time.
_TIME_AFTER_DATE = re.compile(
    r"(?:[ \t\u00a0]+r\.)?[ \t\u00a0]*[,|·•–—-]?[ \t\u00a0]*"
    rf"(?:(?:{_TIME_WORD})?(\d{{1,2}})(?::|h(?=\d\d))(\d\d)|{_TIME_WORD}(\d{{1,2}})\.(\d\d))"
    r"(?::(\d\d))?(?![\d:.]\d)[ \t\u00a0]*(?:([ap])\.?[ \t]?m\b\.?|h\b|uhr\b)?[ \t\u00a0]*"
    r"\(?(utc|gmt|z|cet|cest|mez|mesz|wet|west|eet|eest|bst|est|edt|cst|cdt|mst|mdt|pst|pdt"
    r"|(?<=\s)[+-]\d\d:?\d\d)?(?![\w+-])",
    re.I,
)
# Offsets of the zone names that `_TIME_AFTER_DATE` reads, besides UTC, GMT and Z, which
# `_offset` knows ("ET", "PT" and other names that do not say whether summer time applies
# stay without one).
_ZONES = {
    "wet": "+00:00",
    "cet": "+01:00",
    "mez": "+01:00",
    "west": "+01:00",
    "bst": "+01:00",
    "cest": "+02:00",
    "mesz": "+02:00",
    "eet": "+02:00",
    "eest": "+03:00",
    "est": "-05:00",
    "edt": "-04:00",
    "cst": "-06:00",
    "cdt": "-05:00",
    "mst": "-07:00",
    "mdt": "-06:00",
    "pst": "-08:00",
    "pdt": "-07:00",
}
_NOON = 12


@dataclass(frozen=True, slots=True)
class PageDate:
    """A validated date, with its time and UTC offset when the page gave them."""

    day: date
    time: tuple[int, int, int] | None = None
    offset: str | None = None

    def iso(self) -> str:
        """ISO 8601: the day, plus time and offset when known ("2024-03-05T10:20:00+01:00")."""
        if self.time is None:
            return self.day.isoformat()
        hh, mm, ss = self.time
        return f"{self.day.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}{self.offset or ''}"

    def instant(self) -> datetime | None:
        """The moment in UTC when time and offset are both known (to order two dates)."""
        if self.time is None or self.offset is None:
            return None
        naive = datetime(self.day.year, self.day.month, self.day.day, *self.time)
        sign = -1 if self.offset.startswith("-") else 1
        hours, minutes = int(self.offset[1:3]), int(self.offset[4:6])
        return naive - sign * timedelta(hours=hours, minutes=minutes)


def make_day(year: int, month: int, day: int, *, today: date | None = None) -> date | None:
    """A Gregorian day between 1991 and tomorrow, else `None` (year 20245, 0000-00-00, 1445)."""
    limit = (today or datetime.now(UTC).date()) + timedelta(days=1)
    if year < MIN_YEAR or year > limit.year:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if value <= limit else None


def _offset(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.upper()
    if raw in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = raw[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    hours, minutes = int(digits[:2]), int(digits[2:4])
    if hours > 14 or minutes > 59:
        return None
    return f"{raw[0]}{hours:02d}:{minutes:02d}"


def _from_timestamp(digits: str) -> PageDate | None:
    seconds = int(digits)
    if len(digits) >= 12:  # milliseconds
        seconds //= 1000
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    day = make_day(moment.year, moment.month, moment.day)
    if day is None:
        return None
    return PageDate(day, (moment.hour, moment.minute, moment.second), "+00:00")


def parse_structured(value: str | None, *, us_dashes: bool = False) -> PageDate | None:
    """A date from a machine-readable attribute (`datePublished`, `content`, `datetime`);
    `us_dashes` as in `find_text_date`."""
    if not value:
        return None
    value = value.strip()
    match = _ISO.match(value)
    if match:
        year = int(match[1])
        month, day = (int(match[3]), int(match[4])) if match[2] else (int(match[5]), int(match[6]))
        valid = make_day(year, month, day)
        if valid is None:
            return None
        if match[7] is None:
            return PageDate(valid)
        hh, mm, ss = int(match[7]), int(match[8]), int(match[9] or 0)
        if hh > 23 or mm > 59 or ss > 60:
            return PageDate(valid)
        return PageDate(valid, (hh, mm, min(ss, 59)), _offset(match[10]))
    match = _TIMESTAMP.match(value)
    if match:
        return _from_timestamp(match[1])
    if "," in value or " " in value:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            moment = None
        if moment is not None:
            day = make_day(moment.year, moment.month, moment.day)
            if day is None:
                return None
            offset = moment.strftime("%z")
            return PageDate(
                day,
                (moment.hour, moment.minute, moment.second),
                f"{offset[:3]}:{offset[3:]}" if offset else None,
            )
    match = _YEAR_MONTH_NAME_DAY.match(value)
    if match:
        valid = make_day(int(match[1]), MONTHS[match[2].lower()], int(match[3]))
        return PageDate(valid) if valid else None
    # Machine-written slashed dates ("11/01/2023 12:43:42") follow the US convention.
    found = find_text_date(value, month_first=True, us_dashes=us_dashes)
    return found[1] if found else None


def _with_time(day: date, text: str, end: int) -> PageDate:
    """`day` with the time (and zone) printed right after its date, which ends at `end`."""
    match = _TIME_AFTER_DATE.match(text, end)
    if match is None:
        return PageDate(day)
    hour, minute = (match[1], match[2]) if match[1] else (match[3], match[4])
    hh, mm, ss = int(hour), int(minute), int(match[5] or 0)
    if match[6]:  # "9:05 a.m.", "2:30 p.m."
        if not 1 <= hh <= _NOON:
            return PageDate(day)
        hh = hh % _NOON + (_NOON if match[6].lower() == "p" else 0)
    if hh > 23 or mm > 59 or ss > 59:
        return PageDate(day)
    zone = match[7]
    offset = (_ZONES.get(zone.lower()) or _offset(zone)) if zone else None
    return PageDate(day, (hh, mm, ss), offset)


def find_text_date(
    text: str,
    *,
    month_first: bool = False,
    us_dashes: bool = False,
    start: int = 0,
    with_time: bool = False,
) -> tuple[int, PageDate] | None:
    """The first date written in human text from position `start` on, with its position
    in `text`; `None` if there is none.

    `month_first` decides ambiguous numeric dates like 03/05/2024 (US
    English writes the month first, the other languages the day). Dashed
    ones (03-05-2024) are day-first unless `us_dashes`: outside the US a
    dash is the day-first form as often, so only a page that declares a US
    locale writes them month first for sure. A search from `start` still sees
    the characters before it, so that the "7 December 2025" inside "17 December
    2025" is no date. `with_time` adds the time printed right after the date, and its
    zone when named (`_TIME_AFTER_DATE`).
    """
    if not _YEAR.search(text, start):
        return None
    best: tuple[int, date, int] | None = None

    def consider(m: re.Match[str], year: str, month: int, day: str) -> None:
        nonlocal best
        if best is not None and best[0] <= m.start():
            return
        valid = make_day(int(year), month, int(day))
        if valid is not None:
            best = (m.start(), valid, m.end())

    m = _DAY_MONTH_YEAR.search(text, start)
    if m:
        consider(m, m[3], MONTHS[m[2].lower()], m[1])
    m = _MONTH_DAY_YEAR.search(text, start)
    if m:
        consider(m, m[3], MONTHS[m[1].lower()], m[2])
    m = _YEAR_FIRST.search(text, start)
    if m:
        consider(m, m[1], int(m[3]), m[4])
    m = _CJK.search(text, start)
    if m:
        consider(m, m[1], int(m[2]), m[3])
    m = _NUMERIC.search(text, start)
    if m:
        first, second = int(m[1]), int(m[3])
        us_order = month_first and first <= 12 and (m[2] == "/" or (us_dashes and m[2] == "-"))
        if us_order or first <= 12 < second:
            first, second = second, first
        consider(m, m[4], second, str(first))
    if best is None:
        return None
    position, day, end = best
    return position, _with_time(day, text, end) if with_time else PageDate(day)
