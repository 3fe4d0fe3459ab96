"""The NewsML-G2 reader and writer over real agency files (`../shared/corpus/newsml-g2`; the
tests skip without it): no traceback, every item converts back equal and valid, every element
is mapped or named in a warning, and dpa bodies are the story."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from newsreport import NewsReport, ReadError, read, write
from newsreport.converters import FORMATS
from newsreport.converters.format import CheckOptions
from newsreport.converters.newsml_g2.reader import ItemReader
from newsreport.converters.newsml_g2.xml import local, parse
from newsreport.errors import ReadWarning

NEWSML = FORMATS["newsml-g2"]
_NOT_NEWS = re.compile(r"the root element is <(conceptitem|packageitem)>")


@pytest.fixture(scope="module")
def corpus(shared: Path) -> list[Path]:
    folder = shared / "corpus" / "newsml-g2"
    if not folder.is_dir():
        pytest.skip(f"no NewsML-G2 corpus at {folder}")
    return sorted(folder.glob("*.xml"))


@pytest.fixture(scope="module")
def options(shared: Path) -> CheckOptions:
    """Checks with the XSD of NewsML-G2 2.35 and NITF 3.6, and the links the XSD cannot check."""
    return CheckOptions(newsml_xsd=shared / "vendor" / "newsml-g2" / "newsml-g2_2.35-with-nitf-3.6.xsd")


def _reports(path: Path) -> list[NewsReport]:
    """The reports of a corpus file; none for a file that holds no newsItem (refused by name)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        try:
            return list(NEWSML.read_all(io.BytesIO(path.read_bytes()), path.name))
        except ReadError as exc:
            assert _NOT_NEWS.search(str(exc)), exc
            return []


def _items(path: Path) -> Iterator[etree._Element]:
    root = parse(path.read_bytes(), path.name)
    yield from ([root] if local(root) == "newsitem" else root.iter("{*}newsItem"))


def test_every_file_reads_or_is_refused_by_name(corpus: list[Path]) -> None:
    """No traceback: every file gives its reports, or names the kind of item it holds instead."""
    assert sum(len(_reports(path)) for path in corpus) > 100


def test_every_item_converts_back_equal_and_valid(corpus: list[Path], options: CheckOptions) -> None:
    """read → json → newsml-g2 → json is equal, and the NewsML-G2 written is valid (XSD and links)."""
    failures = []
    for path in corpus:
        for number, report in enumerate(_reports(path), start=1):
            again = read(write(report, "json"), "json")
            data = write(again, "newsml-g2")
            problems = NEWSML.problems(data, path.name, options)
            if problems:
                failures.append(f"{path.name} #{number}: {problems[0]}")
            elif read(write(read(data, "newsml-g2"), "json"), "json") != again:
                failures.append(f"{path.name} #{number}: not equal")
    assert failures == []


def test_every_element_is_mapped_or_named(corpus: list[Path]) -> None:
    """Walking every element of every item: it is mapped, or it (or an element holding it) is
    named in the item's warning."""
    failures = []
    for path in corpus:
        for item in _items(path):
            reader = ItemReader(item, path.name)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ReadWarning)
                reader.report()
            said = " ".join(str(w.message) for w in caught)
            coverage = reader.ctx.coverage
            for element in item.iter():
                if not isinstance(element.tag, str) or coverage.taken(element):
                    continue
                holders = [element, *element.iterancestors()]
                if not any(f"<{etree.QName(e).localname}>" in said for e in holders):
                    failures.append(f"{path.name}: {item.getroottree().getpath(element)}")
    assert failures == []


def _dpa_items(corpus: list[Path]) -> Iterator[tuple[str, NewsReport, etree._Element]]:
    for path in corpus:
        if path.name.startswith("dpa-"):
            for item, report in zip(_items(path), _reports(path), strict=True):
                yield path.name, report, item


def test_dpa_bodies_are_the_story(corpus: list[Path]) -> None:
    """Each dpa item with an XHTML story has it as its body: every paragraph of the XHTML
    `section.main` (the teaser aside, a description) is a block of it, in order, and the body is
    not the plain-text headline block."""
    seen = 0
    for name, report, item in _dpa_items(corpus):
        main = [
            " ".join("".join(p.itertext()).split())
            for p in item.iter("{http://www.w3.org/1999/xhtml}p")
            if "teaser" not in (p.get("class") or "")
            and p.getparent() is not None
            and "main" in (p.getparent().get("class") or "").split()
        ]
        main = [text for text in main if text]
        if not main:
            continue
        seen += 1
        assert report.body is not None, name
        assert report.body.blocks and all(b.kind in ("paragraph", "subheading") for b in report.body.blocks), name
        blocks = [b.span.of(report.body.text) for b in report.body.blocks]
        assert [text for text in blocks if text in main] == main, name
        headline_block = [
            " ".join("".join(d.itertext()).split())
            for d in item.iter("{*}inlineData")
            if (d.get("rendition") or "").endswith(":headline")
        ]
        assert all(" ".join(report.body.text.split()) != text for text in headline_block), name
    assert seen > 0
