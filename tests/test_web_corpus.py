"""Web pages as publishers write them: each quirk in a small fixture of ours (tests/data/web/quirks),
then every page of the shared corpus (../shared/corpus/html, skipped without it)."""

from __future__ import annotations

import json
import re
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

from newsreport import NewsReport, read, write
from newsreport.converters import FORMATS
from newsreport.converters.format import CheckOptions
from newsreport.converters.jsonld import extraction
from newsreport.converters.jsonld.decoding import decode_html
from newsreport.converters.jsonld.lenient_json import loads_lenient
from newsreport.converters.jsonld.page import read_html
from newsreport.converters.jsonld.web import article_rank, graph_of
from newsreport.errors import ReadError, ReadWarning

from .cli import run
from .conftest import ROOT

QUIRKS = ROOT / "tests" / "data" / "web" / "quirks"
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€|Â[\u00a0-\u00bf]|Å[\u0080-\u00bf]")
"""UTF-8 read as Latin-1 or windows-1252: `Ã©` for `é`, `â€œ` for `“`, `Â«` for `«`."""


def _read(name: str) -> tuple[NewsReport, list[str]]:
    """A quirk fixture read, with the warnings it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        report = read_html((QUIRKS / name).read_bytes(), name)
    return report, [str(w.message) for w in caught]


def _convert(path: Path) -> subprocess.CompletedProcess[bytes]:
    return run("convert", path, "-t", "json", "-j", "1")


# Our fixtures: one per quirk -----------------------------------------------------------------

HEADLINES = {
    "charset-after-non-ascii.html": "Café owners in Zürich protest the new rent rules",
    "charset-late-legacy.html": "Łódź city council elects a new chair",
    "no-charset-utf8.html": "Łódź opens its new tram depot",
    "declared-latin1.html": "Müller says “no” to the merger",
    "entities-and-tags.html": "“We will rebuild”: mayor & council agree",
    "lenient-json.html": "Harbour reopens after the storm",
    "www-schema-org.html": "Library extends its opening hours",
}


@pytest.mark.parametrize("name", sorted(HEADLINES))
def test_headlines_read_as_browsers_show_them(name: str) -> None:
    """A charset declared late, in a legacy encoding or not at all; entities; lenient JSON; any schema.org."""
    report, _ = _read(name)
    assert report.headline.text == HEADLINES[name]


def test_a_charset_past_the_prescan_decides_a_legacy_page() -> None:
    """The meta tag beyond the first 1024 bytes names windows-1250: windows-1252 would give '£ódŸ'."""
    data = (QUIRKS / "charset-late-legacy.html").read_bytes()
    assert data.find(b"charset") > 1024
    assert decode_html(data)[1] == "cp1250"


def test_html_lang_when_the_markup_has_no_in_language() -> None:
    report, _ = _read("html-lang.html")
    assert report.language == "de-AT"


def test_entities_and_tags_become_text() -> None:
    """Entities decoded and tags removed, in the headline, the description and the body."""
    report, _ = _read("entities-and-tags.html")
    assert [d.text for d in report.descriptions] == ["The council voted 9–2."]
    assert report.body is not None
    assert report.body.text == 'The mayor said "we will rebuild".\nThe vote was 9–2.\n'


def test_lenient_json_is_read_and_named() -> None:
    """Comments, trailing commas, single quotes, a stray quote and a stray } are mended, with a warning."""
    report, caught = _read("lenient-json.html")
    assert [d.text for d in report.descriptions] == ['The harbour\'s piers are "safe" again.']
    assert [m.url for m in report.media] == ["https://quirks.example/img/harbour.jpg"]
    assert [m.caption for m in report.media] == ["The pier"]
    assert any("JSON-LD block 1 is not JSON: read as mended" in w for w in caught)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"a": 1, // note\n "b": 2,}', {"a": 1, "b": 2}),
        ("{'a': 'it\\'s'}", {"a": "it's"}),
        ('{"a": [1, 2,]}}', {"a": [1, 2]}),
        ('{"u": "<img src="x.jpg">", "b": "http://x/"}', {"u": '<img src="x.jpg">', "b": "http://x/"}),
        ('{"a": "x" /* c */}', {"a": "x"}),
        ('{"a": 1},\n {"b": 2}', [{"a": 1}, {"b": 2}]),
    ],
)
def test_lenient_json_repairs(text: str, value: object) -> None:
    assert loads_lenient(text, lambda t: json.loads(t, strict=False)) == (value, True)


def test_json_that_cannot_be_mended_keeps_its_first_error() -> None:
    with pytest.raises(json.JSONDecodeError, match="Expecting"):
        loads_lenient('{"a": 1 "b"}', lambda t: json.loads(t, strict=False))


def test_sloppy_dates_and_a_modification_before_publication() -> None:
    """`2022-5-5 22:17:36` (a local time), `... UTC`, `+02:00CET`; modified before published is kept."""
    report, caught = _read("sloppy-dates.html")
    assert report.published is not None and report.published.isoformat() == "2022-05-05T22:17:36"
    assert report.modified is not None and report.modified.isoformat() == "2022-05-04T08:00:00+00:00"
    assert report.first_created is not None and report.first_created.isoformat() == "2022-05-04T07:00:00+02:00"
    assert any("dateModified 2022-05-04T08:00:00+00:00 is before datePublished" in w for w in caught)


@pytest.mark.skipif(not extraction.available(), reason="needs newsreport[web]")
def test_a_page_without_article_body_gets_its_main_text_marked_as_extracted() -> None:
    report, caught = _read("no-article-body.html")
    assert report.body is not None
    assert "More than two hundred volunteers planted" in report.body.text
    assert "Home | News" not in report.body.text and "All rights reserved" not in report.body.text
    assert len(report.body.blocks) == report.body.text.count("\n") + 1
    assert any("no articleBody: its text is the page's main text" in w for w in caught)
    assert report.body.origin == "extracted"


@pytest.mark.skipif(not extraction.available(), reason="needs newsreport[web]")
@pytest.mark.parametrize("to", ["jsonld", "newsml-g2", "csv"])
def test_an_extracted_body_stays_marked_in_every_format(tmp_path: Path, to: str) -> None:
    """The text a program took from the page is a draft, and says so after any conversion (it was
    written back as articleBody, indistinguishable from the publisher's own)."""
    page = QUIRKS / "no-article-body.html"
    out = tmp_path / {"jsonld": "r.jsonld", "newsml-g2": "r.xml", "csv": "pkg"}[to]
    assert run("convert", page, "--to", to, "-o", out).returncode == 0
    back = run("convert", out, "--to", "json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["body"]["origin"] == "extracted"


def test_without_the_extra_the_reader_says_which_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction, "available", lambda: False)
    report, caught = _read("no-article-body.html")
    assert report.body is None
    assert any("install newsreport[web]" in w for w in caught)


def test_metadata_as_publishers_write_it() -> None:
    """Keywords as one string, free access as "False", sizes as strings, subjects as names; the rest named."""
    report, caught = _read("metadata.html")
    assert report.keywords == ("rail", "strike", "unions", "transport")
    assert report.sections == ("Economy", "Transport")
    assert [g.name for g in report.genres] == ["News"]
    assert report.free_access is False
    assert [a.text for a in report.alternative_headlines] == ["Unions and operator agree"]
    (image,) = report.media
    assert (image.url, image.width, image.height) == ("https://quirks.example/img/train.jpg", 1200, 675)
    assert (image.caption, image.credit) == ("A train at the central station", "Photo: A. Lens")
    assert [s.name for s in report.subjects] == ["Labour relations", "Railways"]
    assert report.rights is not None and report.rights.holder is not None
    assert report.rights.holder.name == "The Quirks Gazette"
    assert [(c.name, c.role) for c in report.contributors] == [("E. Ditor", "editor")]
    assert report.language == "en"
    (warning,) = [w for w in caught if "not mapped" in w]
    for named in ("article copyrightYear", "article image thumbnailUrl", "article author sameAs"):
        assert named in warning


def test_the_cli_reads_a_quirky_page(tmp_path: Path) -> None:
    """Through the command line: exit 0, the report on stdout, warnings one line each."""
    result = _convert(QUIRKS / "sloppy-dates.html")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["modified"] == "2022-05-04T08:00:00Z"
    assert all(line.startswith("newsreport: warning: ") for line in result.stderr.decode().splitlines())


# The shared corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(shared: Path) -> list[Path]:
    pages = sorted((shared / "corpus" / "html").glob("*.html"))
    assert len(pages) > 100
    return pages


@pytest.fixture(scope="module")
def converted(corpus: list[Path]) -> dict[str, tuple[NewsReport | ReadError, list[str]]]:
    """Every corpus page read: its report or its ReadError, and its warnings (any other error fails)."""
    out: dict[str, tuple[NewsReport | ReadError, list[str]]] = {}
    for page in corpus:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ReadWarning)
            try:
                result: NewsReport | ReadError = read_html(page.read_bytes(), page.name)
            except ReadError as exc:
                result = exc
        out[page.name] = (result, [str(w.message) for w in caught])
    return out


def _article(page: Path) -> dict[str, Any] | None:
    """The page's article node as the reader chooses it, or None."""
    text, _ = decode_html(page.read_bytes())
    docs = []
    for block in re.findall(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", text, re.S | re.I):
        try:
            docs.append(loads_lenient(block, lambda t: json.loads(t, strict=False))[0])
        except ValueError:
            continue
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        try:
            graph = graph_of(docs, page.name)
        except ReadError:
            return None
    articles = [n for n in graph.values() if article_rank(n)]
    if not articles:
        return None
    return max(articles, key=lambda n: (article_rank(n), "articleBody" in n, "headline" in n))


def _carries(node: dict[str, Any], prop: str) -> bool:
    """Whether a property has a value that is not blank."""
    values = [item for v in node.get(prop, []) for item in v.get("@list", [v])]
    return any("@id" in v or str(v.get("@value", "")).strip() for v in values)


def test_every_page_with_an_article_and_a_headline_converts(
    corpus: list[Path], converted: dict[str, tuple[NewsReport | ReadError, list[str]]]
) -> None:
    refused = {}
    for page in corpus:
        article = _article(page)
        if article is not None and (article.get("headline") or article.get("name")):
            result, _ = converted[page.name]
            if isinstance(result, ReadError):
                refused[page.name] = str(result)
    assert refused == {}


def test_the_one_refusal_is_an_article_without_a_headline(
    converted: dict[str, tuple[NewsReport | ReadError, list[str]]],
) -> None:
    refused = {name: str(r) for name, (r, _) in converted.items() if isinstance(r, ReadError)}
    assert all("has no headline or name" in why or "no NewsArticle" in why for why in refused.values()), refused


def test_no_mojibake_in_headlines(converted: dict[str, tuple[NewsReport | ReadError, list[str]]]) -> None:
    garbled = {
        name: r.headline.text
        for name, (r, _) in converted.items()
        if isinstance(r, NewsReport) and MOJIBAKE.search(r.headline.text)
    }
    assert garbled == {}


def test_every_page_survives_json_and_jsonld(
    shared: Path, converted: dict[str, tuple[NewsReport | ReadError, list[str]]]
) -> None:
    """read → json → jsonld → json gives the same report, and the JSON-LD written validates."""
    options = CheckOptions(schemaorg=shared / "vendor" / "schemaorg" / "schemaorg-current-https.jsonld")
    for name, (report, _) in converted.items():
        if not isinstance(report, NewsReport):
            continue
        again = read(write(report, "json"), "json")
        data = write(again, "jsonld")
        assert read(write(read(data, "jsonld"), "json"), "json") == report, name
        assert FORMATS["jsonld"].problems(data, name, options) == [], name


WALKED = {
    "headline": "headline",
    "alternativeHeadline": "alternative_headlines",
    "description": "descriptions",
    "keywords": "keywords",
    "articleSection": "sections",
    "image": "media",
    "datePublished": "published",
    "dateModified": "modified",
    "inLanguage": "language",
    "author": "authors",
    "publisher": "publisher",
    "articleBody": "body",
}
"""Article properties and the field each fills: the walk checks each is kept or named."""


def test_every_property_is_mapped_or_named(
    corpus: list[Path], converted: dict[str, tuple[NewsReport | ReadError, list[str]]]
) -> None:
    """Each property of each article, and of the nodes it links, is mapped, or named in the warning."""
    silent = []
    for page in corpus:
        report, caught = converted[page.name]
        article = _article(page)
        if not isinstance(report, NewsReport) or article is None:
            continue
        warned = " ".join(caught)
        for prop in article:
            if prop.startswith("@") or not _carries(article, prop):
                continue
            field = WALKED.get(prop)
            if field is not None:
                if getattr(report, field) in (None, ()) and prop not in warned:
                    silent.append(f"{page.name}: {prop} (not in {field}, not named)")
            elif not _mapped_elsewhere(prop) and f"article {prop}" not in warned:
                silent.append(f"{page.name}: article {prop}")
        for prop in ("author", "publisher", "image"):
            for value in article.get(prop, []):
                node = value if isinstance(value, dict) else None
                for key in node or {}:
                    if not key.startswith("@") and key not in _NESTED_MAPPED and f"article {prop} {key}" not in warned:
                        silent.append(f"{page.name}: article {prop} {key}")
    assert silent == []


_NESTED_MAPPED = {
    *("name", "url", "contentUrl", "width", "height", "caption", "creditText", "encodingFormat"),
    *("jobTitle", "sameAs"),
}
"""Properties of authors, publishers and images that the reader maps (when the node has its type)."""


def _mapped_elsewhere(prop: str) -> bool:
    """Properties mapped to fields the walk does not check by name (their mapping has tests of its own)."""
    return prop in {
        *("name", "url", "mainEntityOfPage", "creator", "text", "dateline", "locationCreated", "about", "mentions"),
        *("abstract", "genre", "dateCreated", "creditText", "contributor", "editor", "translator"),
        *("isAccessibleForFree", "version", "creativeWorkStatus", "copyrightHolder", "copyrightNotice"),
        *("usageInfo", "license", "video", "audio", "associatedMedia", "thumbnailUrl"),
        *("contentLocation", "spatialCoverage", "isBasedOn", "relatedLink", "citation"),
        *("sourceOrganization", "provider"),
    }


def test_figures(converted: dict[str, tuple[NewsReport | ReadError, list[str]]], corpus: list[Path]) -> None:
    """At least 95% of the pages carrying a field keep it (the issue's target)."""
    carrying: dict[str, int] = {}
    kept: dict[str, int] = {}
    for page in corpus:
        article = _article(page)
        report, _ = converted[page.name]
        if article is None:
            continue
        fields = {
            "keywords": ("keywords", "keywords"),
            "description": ("description", "descriptions"),
            "image": ("image", "media"),
            "articleSection": ("articleSection", "sections"),
        }
        for label, (prop, field) in fields.items():
            if _carries(article, prop):
                carrying[label] = carrying.get(label, 0) + 1
                if isinstance(report, NewsReport) and getattr(report, field):
                    kept[label] = kept.get(label, 0) + 1
    for label, count in carrying.items():
        assert kept.get(label, 0) >= 0.95 * count, (label, kept.get(label, 0), count)


@pytest.mark.skipif(not extraction.available(), reason="needs newsreport[web]")
def test_extraction_opens_no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The main-text library works on the page given: any attempt to connect fails the test."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"tried to connect: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    report, _ = _read("no-article-body.html")
    assert report.body is not None


def test_relative_urls_resolve_against_the_article(tmp_path: Path) -> None:
    """`//host/a.jpg` and `/a.jpg` are the page's; an `<img>` pasted in for a URL gives its src."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Images",
        "url": "https://quirks.example/news/1",
        "image": [
            {"@type": "ImageObject", "url": "//cdn.quirks.example/a.jpg"},
            "/img/b.jpg",
            {"@type": "ImageObject", "url": '<img width="300" src="https://quirks.example/c.png" alt="">'},
        ],
        "mentions": ["Weather"],
        "about": ["Floods"],
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadWarning)
        report = read(json.dumps(article).encode(), "jsonld")
    assert [m.url for m in report.media] == [
        "https://cdn.quirks.example/a.jpg",
        "https://quirks.example/img/b.jpg",
        "https://quirks.example/c.png",
    ]
    assert [s.name for s in report.subjects] == ["Floods"]
    assert any("mentions 'Weather' (a plain string)" in str(w.message) for w in caught)


def test_escaped_markup_in_any_text_becomes_text() -> None:
    """Keywords and sections kept their entities (`Food &amp; Drink`, 9 corpus pages), a
    publisher's double escaping left one (`detenci&amp;oacute;n`), and tags escaped as entities
    stayed tags in the body."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Detenci&amp;oacute;n",
        "keywords": "Food &amp; Drink, Bewegung &amp;amp; Natur",
        "articleSection": ["City &amp; states"],
        "description": "A &lt;b&gt;bold&lt;/b&gt; move",
        "articleBody": "It was a &lt;b&gt;bold&lt;/b&gt; move &amp; a fast one.",
    }
    report = read(json.dumps(article).encode(), "jsonld")
    assert report.headline.text == "Detención"
    assert report.keywords == ("Food & Drink", "Bewegung & Natur")
    assert report.sections == ("City & states",)
    assert [d.text for d in report.descriptions] == ["A bold move"]
    assert report.body is not None and report.body.text == "It was a bold move & a fast one."
