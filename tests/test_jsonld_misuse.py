"""The JSON-LD and HTML readers under misuse: dates that are not dates, repeated nodes and keys,
second articles, unmapped terms, sub-event loops and chains, and inputs whose reading time would
grow faster than their size. Each case checks the exit code, the one line on stderr and that
nothing was written."""

from __future__ import annotations

import json
import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsreport import NewsReport, write
from newsreport.converters import FORMATS
from newsreport.errors import ReadWarning
from newsreport.limits import MAX_EVENT_DEPTH

from .cli import run
from .conftest import EXAMPLES
from .scaling import growth


def own_graph() -> dict[str, Any]:
    """The example report as our writer writes it, parsed."""
    report = NewsReport.model_validate_json((EXAMPLES / "report.json").read_bytes())
    return dict(json.loads(write(report, "jsonld")))


def web_article(**properties: object) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget passes", **properties}


def html_page(*blocks: object) -> bytes:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b)}</script>\n' for b in blocks)
    return f"<html><head>{scripts}</head><body></body></html>".encode()


# Work that grows with the input -------------------------------------------------------------


def _growth(read: Callable[[bytes], object], make: Callable[[int], bytes], n: int) -> float:
    """`growth` of reading `make(n)` and `make(4 * n)`, what the readers warn about left aside."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        return growth(read, make(n), make(4 * n))


def _people(n: int) -> list[dict[str, Any]]:
    return [
        {"@type": "Person", "name": f"Person {i}", "sameAs": f"http://www.wikidata.org/entity/Q{i + 1}"}
        for i in range(n)
    ]


def _web_mentions(n: int) -> bytes:
    return json.dumps(web_article(mentions=_people(n), about=[{"@type": "Person", "name": "Alike"}] * n)).encode()


def _html_blocks(n: int) -> bytes:
    """A page of one article and `n` blocks beside it, each a person the article mentions by `@id`."""
    people = [{"@id": f"https://people.example/{i}", **p} for i, p in enumerate(_people(n))]
    article = web_article(mentions=[{"@id": p["@id"]} for p in people])
    return html_page(article, *({"@context": "https://schema.org", **p} for p in people))


def _own_report(n: int) -> bytes:
    """Our JSON-LD of a report with `n` participants, each saying one thing."""
    body = "".join(f"P{i} said x{i}. " for i in range(n))
    participants, statements, at = [], [], 0
    for i in range(n):
        name, said = f"P{i}", f"x{i}"
        participants.append(
            {"id": f"p{i}", "kind": "person", "name": name, "mentions": [{"start": at, "end": at + len(name)}]}
        )
        start = at + len(name) + len(" said ")
        statements.append(
            {
                "id": f"s{i}",
                "kind": "indirect",
                "speakers": [f"p{i}"],
                "text": said,
                "span": {"start": start, "end": start + len(said)},
            }
        )
        at += len(f"P{i} said x{i}. ")
    report = NewsReport.model_validate(
        {
            "id": "urn:x:many",
            "headline": {"text": "Many"},
            "body": {"text": body},
            "participants": participants,
            "statements": statements,
        }
    )
    return write(report, "jsonld")


def test_reading_web_jsonld_grows_linearly() -> None:
    """10,000 `mentions` took a minute (pyld's flatten compares each value with all before it)."""
    assert _growth(lambda data: FORMATS["jsonld"].read_one(data, "a.jsonld"), _web_mentions, 1000) < 7


def test_reading_html_grows_linearly() -> None:
    assert _growth(lambda data: FORMATS["html"].read_one(data, "a.html"), _html_blocks, 1000) < 7


def test_reading_our_jsonld_grows_linearly() -> None:
    assert _growth(lambda data: FORMATS["jsonld"].read_one(data, "a.jsonld"), _own_report, 2000) < 7


# Our own graphs: refused with their place -----------------------------------------------------


def _convert(tmp_path: Path, name: str, data: bytes) -> tuple[subprocess.CompletedProcess[bytes], Path]:
    """Convert `data` (as file `name`) to JSON; the output's path, whether or not it was written."""
    source = tmp_path / name
    source.write_bytes(data)
    result = run("convert", name, "-o", "out.json", cwd=tmp_path)
    assert source.read_bytes() == data
    return result, tmp_path / "out.json"


def _refused(tmp_path: Path, data: bytes, message: str, name: str = "in.jsonld") -> None:
    """Converting `data` fails with exit 1, the one line `message` and nothing written."""
    result, _ = _convert(tmp_path, name, data)
    assert (result.returncode, result.stderr.decode().splitlines()) == (1, [f"newsreport: error: {name}: {message}"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def _warned(tmp_path: Path, data: bytes, name: str = "in.jsonld") -> tuple[list[str], dict[str, Any]]:
    """Converting `data` succeeds with warnings: their lines, and the report written."""
    result, output = _convert(tmp_path, name, data)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode().splitlines()
    assert all(line.startswith(f"newsreport: warning: {name}: ") for line in lines)
    return lines, json.loads(output.read_bytes())


def _own(graph: dict[str, Any]) -> bytes:
    return json.dumps(graph).encode()


def _node(graph: dict[str, Any], local_id: str) -> dict[str, Any]:
    article_id = graph["@graph"][0]["@id"]
    return next(n for n in graph["@graph"] if n["@id"] == f"{article_id}#{local_id}")


ARTICLE = own_graph()["@graph"][0]["@id"]
NOT_A_DATE = (
    "not an ISO 8601 date (2025-02-03) or date-time (2025-02-03T10:00:00+01:00, or local: 2025-02-03T10:00:00)"
    " [type=value_error]"
)


@pytest.mark.parametrize("value", ["20250203", "99999999999", 1738540800, True, "2025-02-03T10:00:00.1234567Z"])
def test_our_dates_are_iso_8601_text_only(tmp_path: Path, value: object) -> None:
    """Digits were read as Unix time (`20250203` became 1970-08-23), extra sub-second digits cut."""
    graph = own_graph()
    graph["@graph"][0]["datePublished"] = value
    _refused(tmp_path, _own(graph), f"{ARTICLE} datePublished: report $.published: {NOT_A_DATE}")


@pytest.mark.parametrize("value", ["20240501", 202405, True, "2024-5"])
def test_our_event_dates_are_refused_at_their_node(tmp_path: Path, value: object) -> None:
    graph = own_graph()
    _node(graph, "rashid-visit")["startDate"] = value
    (message,) = _convert(tmp_path, "in.jsonld", _own(graph))[0].stderr.decode().splitlines()
    assert message.startswith(f"newsreport: error: in.jsonld: {ARTICLE}#rashid-visit startDate: report ")


def test_a_repeated_node_is_refused(tmp_path: Path) -> None:
    """The last node with an `@id` replaced the first without a word."""
    graph = own_graph()
    second = {**_node(graph, "qalibaf"), "name": "Someone else"}
    graph["@graph"].append(second)
    first = next(i for i, n in enumerate(graph["@graph"]) if n["@id"] == second["@id"])
    last = len(graph["@graph"]) - 1
    message = f"@graph[{last}]: a second node '{ARTICLE}#qalibaf' (the first is @graph[{first}])"
    _refused(tmp_path, _own(graph), message)


def test_a_repeated_key_is_refused_in_ours_and_warned_about_in_the_web(tmp_path: Path) -> None:
    own = _own(own_graph()).replace(b'"headline": ', b'"headline": "Another", "headline": ', 1)
    _refused(tmp_path, own, "$.@graph[0].headline: duplicate key 'headline'")
    web = b'{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A", "headline": "B"}'
    (tmp_path / "web").mkdir()
    lines, report = _warned(tmp_path / "web", web)
    assert lines == ["newsreport: warning: in.jsonld: $.headline: duplicate key 'headline', the last value read"]
    assert report["headline"]["text"] == "B"


def test_a_repeated_key_in_a_page_is_warned_about(tmp_path: Path) -> None:
    page = html_page(web_article()).replace(b'"headline": ', b'"headline": "First", "headline": ', 1)
    lines, report = _warned(tmp_path, page, "page.html")
    assert lines == [
        "newsreport: warning: page.html: JSON-LD block 1 $.headline: duplicate key 'headline', the last value read"
    ]
    assert report["headline"]["text"] == "Budget passes"


def test_what_we_do_not_write_is_warned_about(tmp_path: Path) -> None:
    """Unknown properties, objects and nodes of our own graphs vanished without a word."""
    graph = own_graph()
    graph["@graph"][0]["copyrightYear"] = 2025
    _node(graph, "qalibaf")["birthDate"] = "1961-08-23"
    _node(graph, "qalibaf")["memberOf"][0]["startDate"] = "2020"
    graph["@graph"].append({"@id": f"{ARTICLE}#extra", "@type": "Person", "name": "Not mentioned"})
    lines, _ = _warned(tmp_path, _own(graph))
    assert lines == [
        f"newsreport: warning: in.jsonld: not mapped: {ARTICLE} copyrightYear, {ARTICLE}#qalibaf birthDate, "
        f"{ARTICLE}#qalibaf memberOf startDate, node {ARTICLE}#extra @graph[{len(graph['@graph']) - 1}] (Person), "
        "linked from nothing read"
    ]


def test_our_example_reads_without_a_warning(tmp_path: Path) -> None:
    assert _warned(tmp_path, _own(own_graph()))[0] == []


# Sub-events: loops and chains ----------------------------------------------------------------


def _chain(length: int) -> dict[str, Any]:
    """The example with its event's first sub-event the head of a chain of `length` more."""
    graph = own_graph()
    parent = _node(graph, "press-conference")
    for n in range(length):
        node = {**_node(graph, "press-conference"), "@id": f"{ARTICLE}#sub-{n}", "name": f"Part {n}"}
        node.pop("nr:textSpan", None)
        node.pop("subEvent", None)
        parent["subEvent"] = [{"@id": node["@id"]}]
        graph["@graph"].append(node)
        parent = node
    return graph


def test_a_sub_event_loop_is_refused(tmp_path: Path) -> None:
    graph = own_graph()
    _node(graph, "press-conference")["subEvent"] = [{"@id": f"{ARTICLE}#visit"}]
    _refused(
        tmp_path,
        _own(graph),
        f"{ARTICLE}#press-conference subEvent: a sub-event cycle: visit > press-conference > visit",
    )


def test_a_longer_sub_event_loop_and_a_self_loop_are_refused(tmp_path: Path) -> None:
    graph = _chain(3)
    _node(graph, "sub-2")["subEvent"] = [{"@id": f"{ARTICLE}#sub-0"}]
    message = f"{ARTICLE}#sub-2 subEvent: a sub-event cycle: sub-0 > sub-1 > sub-2 > sub-0"
    _refused(tmp_path, _own(graph), message)
    graph = own_graph()
    _node(graph, "visit")["subEvent"].append({"@id": f"{ARTICLE}#visit"})
    (tmp_path / "in.jsonld").unlink()
    _refused(tmp_path, _own(graph), f"{ARTICLE}#visit subEvent: a sub-event cycle: visit > visit")


def test_a_chain_of_2000_sub_events_is_refused(tmp_path: Path) -> None:
    """It was a RecursionError."""
    _refused(
        tmp_path, _own(_chain(2000)), f"{ARTICLE}#sub-97 subEvent: sub-events nest deeper than 100 (MAX_EVENT_DEPTH)"
    )


def test_the_deepest_event_we_write_reads_back() -> None:
    """Sub-events as deep as MAX_EVENT_DEPTH allows, written and read back whole."""
    deepest = MAX_EVENT_DEPTH - 2  # the visit, then the press conference, then the chain
    data = _own(_chain(deepest))
    report = FORMATS["jsonld"].read_one(data, "deep.jsonld")
    assert FORMATS["jsonld"].read_one(write(report, "jsonld"), "again.jsonld") == report
    assert len(report.events()) == deepest + 3


def test_many_nodes_and_a_large_body_read_back() -> None:
    report = FORMATS["jsonld"].read_one(_own_report(20_000), "many.jsonld")
    big = report.model_copy(
        update={"body": report.body.model_copy(update={"text": report.body.text + "x" * 12_000_000})}
    )
    assert FORMATS["jsonld"].read_one(write(big, "jsonld"), "big.jsonld") == big


# Publishers' markup: what is not a date, or a second article, is named --------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("20250203", "'20250203'"),
        ("99999999999", "'99999999999'"),
        (1738540800, "'1738540800'"),
        (True, "'true'"),
        ("2025-02-03T10:00:00.1234567Z", "'2025-02-03T10:00:00.1234567Z'"),
        ("2025-02-03", None),
    ],
)
def test_a_web_date_that_is_not_one_is_left_out_with_a_warning(tmp_path: Path, value: object, shown: str) -> None:
    """`20250203` was read as 2025-02-03 by one reader and as Unix time by others; a date-time's
    seventh sub-second digit was cut without a word."""
    lines, report = _warned(tmp_path, json.dumps(web_article(datePublished=value)).encode())
    if shown is None:
        assert (lines, report["published"]) == ([], "2025-02-03")
    else:
        assert lines == [f"newsreport: warning: in.jsonld: not mapped: datePublished {shown} (not a date)"]
        assert "published" not in report


@pytest.mark.parametrize(
    ("value", "read", "warning"),
    [
        ("2025-01", "2025-01", None),
        (
            "2025-01-20T09:00:00+01:00",
            "2025-01-20",
            "the time of startDate '2025-01-20T09:00:00+01:00' (an event's date is a day)",
        ),
        ("20250120", None, "startDate '20250120' (not a date)"),
        ("2025-13", None, "startDate '2025-13' (not a date)"),
        ("2025-02-30", None, "startDate '2025-02-30' (not a date)"),
    ],
)
def test_a_web_event_date_is_a_date_or_named(tmp_path: Path, value: str, read: str | None, warning: str | None) -> None:
    """An event's startDate was cut to any leading four digits (`20250120` became the year 2025),
    and a day that is not in the calendar failed the whole page."""
    event = {"@type": "Event", "name": "Strike", "startDate": value}
    lines, report = _warned(tmp_path, json.dumps(web_article(about=event)).encode())
    assert report["event"].get("date") == ({"value": read, "inferred": []} if read else None)
    assert lines == ([f"newsreport: warning: in.jsonld: not mapped: {warning}"] if warning else [])


def test_a_second_article_is_named(tmp_path: Path) -> None:
    """Two NewsArticles in one `@graph` (or page): the first was kept without a word."""
    second = {"@id": "https://news.example/2", "@type": "NewsArticle", "headline": "Related story"}
    doc = {"@context": "https://schema.org", "@graph": [{**web_article(), "@id": "https://news.example/1"}, second]}
    lines, report = _warned(tmp_path, json.dumps(doc).encode())
    assert report["headline"]["text"] == "Budget passes"
    named = "not mapped: NewsArticle https://news.example/2 'Related story' (a second article)"
    assert lines == [f"newsreport: warning: in.jsonld: {named}"]
    page = html_page(web_article(), {**second, "@context": "https://schema.org"})
    lines, _ = _warned(tmp_path, page, "page.html")
    assert lines == [f"newsreport: warning: page.html: {named}"]


@pytest.mark.parametrize(
    ("properties", "warning"),
    [
        ({"about": {"@type": "Event", "startDate": "2025"}}, "about Event _:d0b1 (no name)"),
        (
            {"about": {"@type": "Event", "name": "Strike", "location": {"@type": "Place", "name": " "}}},
            "the location of 'Strike' (not a named place)",
        ),
    ],
)
def test_a_web_page_that_breaks_a_rule_is_read_without_it(
    tmp_path: Path, properties: dict[str, Any], warning: str
) -> None:
    """An event without a name or a place without one vanished without a word."""
    lines, _ = _warned(tmp_path, json.dumps(web_article(**properties)).encode())
    assert lines == [f"newsreport: warning: in.jsonld: not mapped: {warning}"]


def test_a_web_modification_before_publication_is_kept_with_a_warning(tmp_path: Path) -> None:
    """A modification before publication failed the whole page (12 real pages), then was dropped."""
    page = json.dumps(web_article(datePublished="2025-02-03", dateModified="2025-01-01")).encode()
    lines, report = _warned(tmp_path, page)
    assert lines == [
        "newsreport: warning: in.jsonld: dateModified 2025-01-01 is before datePublished 2025-02-03 "
        "(kept as the page gives them)"
    ]
    assert (report["published"], report["modified"]) == ("2025-02-03", "2025-01-01")


def test_web_names_are_one_line_and_ids_short(tmp_path: Path) -> None:
    """A name with a line break, or 100,000 characters long, failed the whole page."""
    people = [{"@type": "Person", "name": "Eva\n  Lindqvist", "jobTitle": "Union\nspokeswoman"}]
    people.append({"@type": "Person", "name": "x" * 100_000})
    _, report = _warned(tmp_path, json.dumps(web_article(mentions=people, author="Jane\nDoe")).encode())
    eva, long = report["participants"]
    assert (eva["name"], eva["titles"][0]["text"], report["authors"][0]["name"]) == (
        "Eva Lindqvist",
        "Union spokeswoman",
        "Jane Doe",
    )
    assert long["name"] == "x" * 100_000 and long["id"] == "x" * 60


@pytest.mark.parametrize(("prop", "at"), [("nr:datelineDate", "$.dateline.date"), ("dateModified", "$.modified")])
def test_every_date_of_ours_is_refused_at_its_property(tmp_path: Path, prop: str, at: str) -> None:
    graph = own_graph()
    graph["@graph"][0][prop] = "20250203"
    (message,) = _convert(tmp_path, "in.jsonld", _own(graph))[0].stderr.decode().splitlines()
    assert message.startswith(f"newsreport: error: in.jsonld: {ARTICLE} {prop}: report {at}")


def test_a_web_list_of_authors_is_read(tmp_path: Path) -> None:
    """Values in a `@list` were dropped without a word."""
    authors = {"@list": [{"@type": "Person", "name": "A. Writer"}, {"@type": "Person", "name": "B. Writer"}]}
    _, report = _warned(tmp_path, json.dumps(web_article(author=authors)).encode())
    assert [a["name"] for a in report["authors"]] == ["A. Writer", "B. Writer"]


def test_a_web_date_created_that_is_not_one_is_named(tmp_path: Path) -> None:
    lines, report = _warned(tmp_path, json.dumps(web_article(dateCreated="1738540800")).encode())
    assert lines == ["newsreport: warning: in.jsonld: not mapped: dateCreated '1738540800' (not a date)"]
    assert "published" not in report


def test_a_repeated_key_before_a_syntax_error_is_a_syntax_error(tmp_path: Path) -> None:
    """Found by fuzzing: the parse that locates a repeated key met the later syntax error and
    crashed with a traceback."""
    _refused(
        tmp_path,
        b'{"@type": "NewsArticle", "a": 1, "a": 2, "b" 3}',
        "line 1, column 46: invalid JSON: Expecting ':' delimiter",
    )
    page = html_page(web_article()).replace(b'"headline": ', b'"headline": "A", "headline": ', 1)
    page = page.replace(b"</head>", b'<script type="application/ld+json">{"a": 1, "a": 2, "b" 3}</script></head>')
    lines, _ = _warned(tmp_path, page, "page.html")
    assert lines == [
        "newsreport: warning: page.html: line 2: JSON-LD block 2 is not JSON: Expecting ':' delimiter (skipped)",
        "newsreport: warning: page.html: JSON-LD block 1 $.headline: duplicate key 'headline', the last value read",
    ]


@pytest.mark.parametrize(
    ("properties", "warning"),
    [
        ({"headline": ["Budget passes", "Budget vote"]}, "headline 'Budget vote' (a second value)"),
        ({"articleBody": ["First.", "Second."]}, "articleBody 'Second.' (a second value)"),
        ({"inLanguage": ["en", "fr"]}, "inLanguage 'fr'"),
        (
            {"dateline": "PARIS", "locationCreated": {"@type": "WebPage", "name": "Paris"}},
            "locationCreated '_:d0b1' (not a named place)",
        ),
    ],
)
def test_a_second_value_of_a_single_web_property_is_named(
    tmp_path: Path, properties: dict[str, Any], warning: str
) -> None:
    """Only the first value of a property the model holds once was read, the others vanished."""
    lines, _ = _warned(tmp_path, json.dumps(web_article(**properties)).encode())
    assert lines == [f"newsreport: warning: in.jsonld: not mapped: {warning}"]


def test_a_place_given_by_its_name_is_a_place(tmp_path: Path) -> None:
    """A `locationCreated` or `contentLocation` string is the name of a place (their range is Place)."""
    page = web_article(dateline="PARIS", locationCreated="Paris", contentLocation=["Lyon", " "])
    _, report = _warned(tmp_path, json.dumps(page).encode())
    places = {p["id"]: p["name"] for p in report["participants"] if p["kind"] == "place"}
    assert places[report["dateline"]["place"]] == "Paris"
    assert sorted(places.values()) == ["Lyon", "Paris"]


def test_one_wikidata_id_linked_twice_is_one_identifier(tmp_path: Path) -> None:
    links = ["http://www.wikidata.org/entity/Q1055", "https://www.wikidata.org/wiki/Q1055"]
    _, report = _warned(
        tmp_path, json.dumps(web_article(mentions={"@type": "City", "name": "Hamburg", "sameAs": links})).encode()
    )
    assert report["participants"][0]["identifiers"] == [{"scheme": "wikidata", "value": "Q1055"}]


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"# notes\n", "Expecting value: line 1 column 1 (char 0)"), (b'{"@context": {}}', "no '@graph'")],
)
def test_a_vocabulary_that_is_none_is_a_usage_error(tmp_path: Path, content: bytes, why: str) -> None:
    """`validate --schemaorg` given another file crashed with a traceback."""
    (tmp_path / "in.jsonld").write_bytes(_own(own_graph()))
    (tmp_path / "vocab.jsonld").write_bytes(content)
    result = run("validate", "in.jsonld", "--schemaorg", "vocab.jsonld", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode().splitlines() == [
        f"newsreport: error: vocab.jsonld: not a schema.org vocabulary (schemaorg-current-https.jsonld): {why}"
    ]


def test_a_link_whose_id_is_not_text_is_refused(tmp_path: Path) -> None:
    """Found by fuzzing: a link such as `{"@id": {}}` crashed while naming its place."""
    graph = own_graph()
    graph["@graph"][0]["hasPart"][0] = {"@id": {}}
    _refused(tmp_path, _own(graph), f"{ARTICLE}: not a newsreport graph: {{}} is not an @id")
