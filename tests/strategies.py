"""Hypothesis strategies that build valid reports of every shape the model allows.

Bodies mix ordinary prose with what breaks converters: combining marks, emoji, right-to-left
script, CRLF and tabs, quotes inside quotes, and strings such as `NA`, `None`, `=1+1`, `<`, `&`
and `]]>`. Every span is drawn inside the body and every excerpt is cut from it, so reports
satisfy the invariants by construction.
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from typing import Any

from hypothesis import strategies as st

from newsreport import NewsReport

TRICKY = [
    "NA",
    "None",
    "null",
    "=1+1",
    "+44",
    "-5",
    "@user",
    "<b>",
    "&amp;",
    "]]>",
    "a,b",
    '"quoted"',
    "'single'",
    "«guillemets»",
    "“curly ‘nested’ quotes”",
    "e\u0301te\u0301",  # combining acute accents
    "👍🏽",
    "👨‍👩‍👧",
    "محمد باقر قالیباف",
    "שלום",
    "\r\n",
    "\t",
    "\n\n",
    "  ",
    "0",
    "2024-05",
    "\u200f",  # right-to-left mark
]

_SAFE_CHARS = st.characters(
    blacklist_categories=("Cs",),  # no lone surrogates
    blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18"
    "\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
)
text_piece = st.one_of(st.sampled_from(TRICKY), st.text(_SAFE_CHARS, min_size=1, max_size=12))
free_text = st.lists(text_piece, min_size=1, max_size=4).map("".join)
"""Any non-empty string the model accepts, tricky parts included."""
labels = free_text.map(lambda text: re.sub(r"[\x00-\x1f]", " ", text))
"""A name: the same, on one line."""


def words(first: str, rest: str, max_rest: int) -> st.SearchStrategy[str]:
    """A character of `first`, then up to `max_rest` of `rest`: what `st.from_regex` draws for
    `[first][rest]{0,max_rest}`, at a third of its cost."""
    return st.builds(str.__add__, st.sampled_from(first), st.text(rest, max_size=max_rest))


_LOWER_DIGITS = string.ascii_lowercase + string.digits
local_ids = words(string.ascii_letters + "_", string.ascii_letters + string.digits + "_.-", 8)
"""`[A-Za-z_][A-Za-z0-9_.-]{0,8}`"""
codes = st.builds(
    lambda head, tails: "-".join([head, *tails]),
    words(string.ascii_lowercase, _LOWER_DIGITS, 6),
    st.lists(st.text(_LOWER_DIGITS, min_size=1, max_size=4), max_size=2),
)
"""`[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}`"""
languages = st.sampled_from(["en", "fa", "ar", "de", "pt-BR", "zh-Hant-TW", "sr-Latn"])
iris = st.one_of(
    st.uuids().map(lambda u: f"urn:uuid:{u}"),
    st.integers(1, 10**6).map(lambda n: f"https://news.example.org/2025/report-{n}"),
    st.just("tag:news.example.org,2025:a/b?c=d&e=f"),
)


def maybe(draw: st.DrawFn, values: st.SearchStrategy[Any]) -> Any:
    """A value of `values` or None, half the time each (the value is drawn only when it is kept)."""
    return draw(values) if draw(st.booleans()) else None


@st.composite
def partial_dates(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(st.dates(min_value=date(1900, 1, 1)))
    precision = draw(st.sampled_from([1, 2, 3]))
    value = day.isoformat()[: [4, 7, 10][precision - 1]]
    parts = ["year", "month", "day"][:precision]
    inferred = draw(st.lists(st.sampled_from(parts), unique=True))
    partial: dict[str, Any] = {"value": value, "inferred": inferred}
    if inferred or draw(st.booleans()):
        partial["note"] = draw(free_text)
    return partial


@st.composite
def moments(draw: st.DrawFn) -> str:
    """A date, a date-time with a UTC offset, or a local date-time (no offset)."""
    when = draw(st.datetimes(min_value=datetime(1990, 1, 1)))
    shape = draw(st.sampled_from(["date", "local", "offset"]))
    if shape == "date":
        return when.date().isoformat()
    if shape == "local":
        return when.isoformat(timespec=draw(st.sampled_from(["seconds", "microseconds"])))
    minutes = draw(st.integers(-14 * 60, 14 * 60))
    sign = "-" if minutes < 0 else "+"
    return when.replace(microsecond=0).isoformat() + f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


roles = st.one_of(
    st.sampled_from(["drol:summary", "drol:teaser", "crol:editor", "abstract", "editor", "hld:subHeadline"]), labels
)
"""Roles as sources name them: QCodes, schema.org terms, free words."""
qcode_parts = words(string.ascii_letters, string.ascii_letters + string.digits + "_-", 6)
media_types = st.sampled_from(["image/jpeg", "image/png", "video/mp4", "audio/mpeg", "text/html"])

agents = st.fixed_dictionaries(
    {"kind": st.sampled_from(["person", "organization", None]), "name": labels},
    optional={
        "url": st.sampled_from(["https://news.example.org/staff/1", "mailto:desk@news.example.org"]),
        "code": st.sampled_from(["dpauser:hollmann.christian", "nyt:desk-7"]),
        "role": roles,
    },
)
wordings = st.fixed_dictionaries({"text": free_text}, optional={"language": languages, "role": roles})
names = st.fixed_dictionaries({"text": labels}, optional={"language": languages})


@st.composite
def concepts(draw: st.DrawFn, subject: bool = False) -> dict[str, Any]:
    """A vocabulary term given by any of code, URI and name, as sources give them."""
    given = draw(st.sets(st.sampled_from(["code", "uri", "name"]), min_size=1))
    concept: dict[str, Any] = {}
    if "code" in given:
        concept |= {"scheme": draw(qcode_parts), "code": draw(st.one_of(qcode_parts, st.integers(0, 10**8).map(str)))}
    elif draw(st.booleans()):
        concept["scheme"] = draw(st.sampled_from(["http://cv.iptc.org/newscodes/mediatopic/", "genre"]))
    if "uri" in given:
        concept["uri"] = f"http://cv.iptc.org/newscodes/mediatopic/{draw(st.integers(0, 10**8))}"
    if "name" in given:
        concept |= {"name": draw(labels), "language": draw(st.one_of(st.none(), languages))}
        concept["other_names"] = draw(st.lists(names, max_size=2))
    if subject:
        concept |= {"kind": draw(st.one_of(st.none(), roles)), "rank": draw(st.one_of(st.none(), st.integers(0, 9)))}
    return concept


@st.composite
def media(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": draw(st.sampled_from(["image", "video", "audio", "graphic", "other"])),
        "url": f"https://media.example.org/{draw(st.integers(0, 10**6))}.jpg",
    }
    for name, values in [
        ("media_type", media_types),
        ("width", st.integers(0, 10**5)),
        ("height", st.integers(0, 10**5)),
        ("title", labels),
        ("caption", free_text),
        ("alt_text", free_text),
        ("credit", free_text),
    ]:
        if draw(st.booleans()):
            item[name] = draw(values)
    if draw(st.integers(0, 4)) == 0:
        item.pop("url")
        item["caption"] = draw(free_text)
    return item


drafts = st.fixed_dictionaries(
    {"software": st.one_of(st.just("newsreport.extract"), labels), "version": st.one_of(st.just("0.5.0"), labels)},
    optional={"pipeline": st.one_of(st.just("en_core_web_sm 3.8.0"), labels)},
)
"""What drafted a report: the extractor's names, or any labels."""


@st.composite
def metadata(draw: st.DrawFn, max_items: int = 4) -> dict[str, Any]:
    """The report's metadata besides its headline, dates, publisher and authors: each field
    present or not, lists from empty to `max_items`."""

    def some(values: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(values, max_size=max_items))

    rights = st.fixed_dictionaries(
        {},
        optional={
            "holder": agents,
            "notices": st.lists(wordings, max_size=2),
            "usage_terms": st.lists(wordings, max_size=2),
            "license": st.just("https://creativecommons.org/licenses/by/4.0/"),
        },
    )
    links = st.fixed_dictionaries(
        {"url": st.sampled_from(["urn:newsml:dpa.com:20090101:250203-99-1", "https://news.example.org/b"])},
        optional={"item_id": labels, "rel": roles, "title": labels, "media_type": media_types},
    ) | st.fixed_dictionaries({"item_id": labels}, optional={"rel": roles})
    return {
        "alternative_headlines": some(wordings),
        "first_created": maybe(draw, moments()),
        "version_created": maybe(draw, moments()),
        "version": maybe(draw, st.integers(1, 10**6)),
        "status": maybe(draw, st.sampled_from(["usable", "withheld", "canceled"])),
        "embargoed_until": maybe(draw, moments()),
        "contributors": some(agents),
        "byline": maybe(draw, free_text),
        "credit_line": maybe(draw, free_text),
        "descriptions": some(wordings),
        "subjects": some(concepts(subject=True)),
        "keywords": some(labels),
        "genres": some(concepts()),
        "sections": some(labels),
        "slugline": maybe(draw, labels),
        "urgency": maybe(draw, st.integers(1, 9)),
        "signals": some(concepts()),
        "editorial_notes": some(wordings),
        "media": some(media()),
        "rights": maybe(draw, rights),
        "free_access": maybe(draw, st.booleans()),
        "links": some(links),
    }


@st.composite
def reports(draw: st.DrawFn, max_items: int = 4) -> NewsReport:
    """A valid report; `max_items` bounds each list."""
    body = draw(st.lists(free_text, min_size=1, max_size=8).map(" ".join))
    n = len(body)

    def span() -> dict[str, int]:
        start = draw(st.integers(0, n - 1))
        return {"start": start, "end": draw(st.integers(start + 1, n))}

    def spans() -> list[dict[str, int]]:
        return [span() for _ in range(draw(st.integers(0, 2)))]

    def excerpt() -> dict[str, Any]:
        s = span()
        return {"text": body[s["start"] : s["end"]], "span": s}

    taken: set[str] = set()

    def new_id() -> str:
        """A local id no other object of the report has, drawn when it is needed (drawing 40 up
        front took a third of the time of a report)."""
        drawn = draw(local_ids)
        while drawn in taken:
            drawn += "_"
        taken.add(drawn)
        return drawn

    participants: list[dict[str, Any]] = []
    kinds = draw(st.lists(st.sampled_from(["person", "organization", "place"]), max_size=max_items + 2))
    countries = [new_id()] if draw(st.booleans()) else []
    for cid in countries:
        participants.append({"id": cid, "kind": "place", "place_type": "country", "name": draw(labels)})
    orgs: list[str] = []
    for kind in kinds:
        p: dict[str, Any] = {
            "id": new_id(),
            "kind": kind,
            "name": draw(labels),
            "other_names": [
                {"text": draw(labels), "language": maybe(draw, languages)} for _ in range(draw(st.integers(0, 2)))
            ],
            "identifiers": [{"scheme": "wikidata", "value": f"Q{draw(st.integers(1, 10**8))}"}]
            if draw(st.booleans())
            else [],
            "mentions": spans(),
            "country": maybe(draw, st.sampled_from(countries)) if countries else None,
        }
        if kind == "organization":
            orgs.append(p["id"])
        if kind == "place":
            p["place_type"] = draw(st.sampled_from(["city", "region", "territory", "other"]))
        participants.append(p)
    for p in participants:
        if p["kind"] == "person":
            titles = []
            for _ in range(draw(st.integers(0, 2))):
                e = excerpt()
                if re.search(r"[\x00-\x1f]", e["text"]):
                    continue  # a title is one line
                titles.append(
                    {
                        "text": e["text"],
                        "organization": maybe(draw, st.sampled_from(orgs)) if orgs else None,
                        "mentions": [e["span"]] if draw(st.booleans()) else [],
                    }
                )
            p["titles"] = titles
            p["affiliations"] = draw(st.lists(st.sampled_from(orgs), unique=True, max_size=2)) if orgs else []
    everyone = [p["id"] for p in participants]
    places = [p["id"] for p in participants if p["kind"] == "place"]

    def participations() -> list[dict[str, Any]]:
        if not everyone:
            return []
        return [
            {"participant": draw(st.sampled_from(everyone)), "role": maybe(draw, codes)}
            for _ in range(draw(st.integers(0, 3)))
        ]

    def event_fields() -> dict[str, Any]:
        return {
            "id": new_id(),
            "kind": draw(codes),
            "name": draw(labels),
            "date": maybe(draw, partial_dates()),
            "place": maybe(draw, st.sampled_from(places)) if places else None,
            "participations": participations(),
            "mentions": spans(),
        }

    def event(depth: int) -> dict[str, Any]:
        subs = [event(depth + 1) for _ in range(draw(st.integers(0, 2 if depth < 2 else 0)))]
        return {**event_fields(), "sub_events": subs}

    main = event(0) if draw(st.booleans()) else None
    event_ids: list[str] = []
    stack = [main] if main else []
    while stack:
        e = stack.pop()
        event_ids.append(e["id"])
        stack.extend(e["sub_events"])
    statements = []
    for _ in range(draw(st.integers(0, max_items))):
        e = excerpt()
        statements.append(
            {
                "id": new_id(),
                "kind": draw(st.sampled_from(["direct", "partial", "indirect"])),
                "speakers": draw(st.lists(st.sampled_from(everyone), unique=True, max_size=2)) if everyone else [],
                "text": e["text"],
                "span": e["span"],
                "reporting_verb": excerpt() if draw(st.booleans()) else None,
                "source": excerpt() if draw(st.booleans()) else None,
                "event": maybe(draw, st.sampled_from(event_ids)) if event_ids else None,
                "about": draw(st.lists(st.sampled_from(everyone), unique=True, max_size=2)) if everyone else [],
            }
        )
    statement_ids = [s["id"] for s in statements]
    referenced = [
        {
            **event_fields(),
            "relation": draw(st.sampled_from(["background", "cause", "precedent", "follow-up", "related"])),
            "cited_by": draw(st.lists(st.sampled_from(statement_ids), unique=True, max_size=2))
            if statement_ids
            else [],
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    blocks = []
    cut = 0
    for _ in range(draw(st.integers(0, 3))):
        if cut >= n:
            break
        end = draw(st.integers(cut, n))
        blocks.append({"kind": draw(st.sampled_from(["paragraph", "subheading"])), "span": {"start": cut, "end": end}})
        cut = end
    dateline = None
    if draw(st.booleans()):
        d = excerpt()
        dateline = {
            "text": d["text"] if draw(st.booleans()) else draw(free_text),
            "place": maybe(draw, st.sampled_from(places)) if places else None,
            "date": maybe(draw, partial_dates()),
        }
        if dateline["text"] == d["text"]:
            dateline["span"] = d["span"]
    data = {
        "id": draw(iris),
        "headline": {"text": draw(free_text), "origin": draw(st.sampled_from(["source", "editorial"]))},
        "dateline": dateline,
        "published": maybe(draw, moments()),
        "modified": maybe(draw, moments()),
        "language": maybe(draw, languages),
        "url": maybe(draw, st.just("https://news.example.org/2025/02/03/story.html?utm=a&b=c")),
        "publisher": maybe(draw, agents),
        "authors": draw(st.lists(agents, max_size=3)),
        **draw(metadata(max_items)),
        "body": {"text": body, "blocks": blocks, "origin": draw(st.sampled_from(["source", "extracted"]))},
        "event": main,
        "participants": participants,
        "statements": statements,
        "referenced_events": referenced,
        "drafted_by": maybe(draw, drafts),
    }
    return NewsReport.model_validate(data)
