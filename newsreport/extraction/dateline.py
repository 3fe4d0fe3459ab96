"""The dateline at the head of a text: `WASHINGTON (AP) —`, `RENO, Nev. —`, `New York (AFP) –`,
`NEW YORK, Sept. 12 (Reuters) -`, `date 2025-02-03 TEHRAN –`.

A dateline opens one of the first paragraphs (after a headline, an NYT abstract) and ends with a
dash and a space. Its place is printed in capitals, or in title case when an agency in brackets
follows it (`Cleveland (AFP) –`: a title-case phrase before a dash alone is as likely a headline's
clause). Capitalised labels that open a paragraph the same way (`EXCLUSIVE –`, `UPDATE -`) are
not places: they are listed in `lexicons/dateline_labels.tsv`.
"""

from __future__ import annotations

import re

from newsreport.extraction.found import FoundBlock, FoundDateline
from newsreport.extraction.lexicon import read_lexicon

_MONTHS = {row["word"]: int(row["month"]) for row in read_lexicon("months.tsv")}
_LABELS = frozenset(row["label"] for row in read_lexicon("dateline_labels.tsv"))
_BLOCKS_SEARCHED = 6
"""How many blocks from the top may open with the dateline (an NYT item has a headline, `ABSTRACT.`,
the abstract and `FULL TEXT.` before it)."""

_CAPS_WORD = r"[A-Z][A-Z.'’-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_MONTH = "|".join(sorted((re.escape(word) for word in _MONTHS), key=len, reverse=True))
_DATELINE = re.compile(
    rf"""
    (?:date[ ])?(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})?[ ]?
    (?:
        (?P<caps>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,2}})
      | (?P<title>{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}})(?=(?:,[^,()\n]{{1,30}}){{0,2}}[ ]\()
    )
    (?:,[ ](?P<region>[A-Z][a-z]*\.?(?:[ ]?[A-Z][a-z]*\.?)?))??
    (?:,[ ](?P<date>(?:{_MONTH})[ ]\d{{1,2}}(?:,[ ]\d{{4}})?|\d{{1,2}}\.?[ ][A-ZÄÖÜ][a-zäöü]+\.?(?:[ ]\d{{4}})?))?
    (?:[ ]\((?P<agency>[A-Za-z][\w&.-]{{0,15}}(?:[ ][A-Z][\w.]*){{0,2}})\))?
    (?P<dash>[ \u00a0]+(?:--|[—–―-])[ \u00a0]+)(?=\S)
    """,
    re.VERBOSE,
)
_DAY_MONTH_YEAR = re.compile(r"(?P<month>[^\d\s,]+\.?) (?P<day>\d{1,2}), (?P<year>\d{4})")


def find_dateline(text: str, blocks: tuple[FoundBlock, ...]) -> FoundDateline | None:
    """The dateline that opens one of the first blocks, if any."""
    for block in blocks[:_BLOCKS_SEARCHED]:
        match = _DATELINE.match(text, block.start, block.end)
        if match and _is_dateline(match):
            return _found(match)
    return None


def _is_dateline(match: re.Match[str]) -> bool:
    place = match["caps"] or match["title"]
    return (
        place is not None
        and place.rstrip(".").upper() not in _LABELS
        and (match["caps"] or match["agency"]) is not None
    )


def _found(match: re.Match[str]) -> FoundDateline:
    place = "caps" if match["caps"] else "title"
    return FoundDateline(
        start=match.start(),
        end=match.start("dash"),
        place=match.span(place),
        date=match["iso"] or _full_date(match["date"]),
        agency=match.span("agency") if match["agency"] else None,
    )


def _full_date(printed: str | None) -> str | None:
    """`Sept. 12, 2016` as `2016-09-12`; None for a date without its year or month name we know."""
    match = _DAY_MONTH_YEAR.fullmatch(printed or "")
    if match is None or match["month"] not in _MONTHS:
        return None
    return f"{match['year']}-{_MONTHS[match['month']]:02d}-{int(match['day']):02d}"
