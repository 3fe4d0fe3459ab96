"""What the NewsML-G2 reader's and writer's shortcuts must keep: children found by name inside
and outside the per-item index alike, values escaped exactly as lxml escapes them, spans and
DOCTYPEs judged as before."""

from __future__ import annotations

import random

import pytest
from lxml import etree

from newsreport import ReadError
from newsreport.converters.newsml_g2.markup import Markup
from newsreport.converters.newsml_g2.xml import (
    PathNames,
    check_prolog,
    child,
    child_names,
    children,
    indexed,
    parse,
    parse_spans,
    path,
    text_of,
)

MIXED = b"""<root xmlns="urn:a" xmlns:b="urn:b">
  <Name>one</Name><!-- a comment --><b:name>two</b:name><?pi x?><NAME>three</NAME>
  <other>before<inner>middle</inner>after</other><empty/>
</root>"""

HOSTILE = ['say "no" & go', "a<b>c", "line\nbreak", "tab\there", "cr\rhere", "]]>", "plain", "", "é ünï"]
"""Values with every character a writer must escape, and some it must not."""


def _answers(root: etree._Element) -> tuple[object, ...]:
    return (
        [text_of(e) for e in children(root, "name")],
        text_of(child(root, "NaMe")),
        child(root, "missing"),
        children(root, "missing"),
        sorted(child_names(root)),
        text_of(child(root, "other")),
        text_of(child(root, "empty")),
    )


def test_children_are_found_alike_with_and_without_the_index() -> None:
    """Any letter case, any namespace, in document order, comments and instructions left out."""
    root = etree.fromstring(MIXED)
    outside = _answers(root)
    with indexed():
        inside, again = _answers(root), _answers(root)
    assert outside == inside == again
    assert outside[0] == ["one", "two", "three"]
    assert outside[4] == ["empty", "name", "other"]
    assert outside[5] == "beforemiddleafter"


@pytest.mark.parametrize("value", HOSTILE)
def test_attributes_and_text_are_escaped_as_lxml_escapes_them(value: str) -> None:
    """Alone or beside other attributes, a value is written as lxml writes it, and reads back."""
    element = etree.Element("t", a="1", v=value)
    element.text = value
    out = Markup()
    out.leaf("t", [("a", "1"), ("v", value), ("none", None)], value)
    assert out.getvalue() == etree.tostring(element, encoding="unicode") + "\n"
    assert etree.fromstring(out.getvalue()).get("v") == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0-5 7-12", [{"start": 0, "end": 5}, {"start": 7, "end": 12}]), ("", []), (None, [])],
)
def test_spans_are_read(value: str | None, expected: list[dict[str, int]]) -> None:
    assert parse_spans(value) == expected


@pytest.mark.parametrize("token", ["1-2-3", "-1", "1-", "+1-2", "1--2", "a-1", "\u0661-2", "\u00b2-3", "1-2x"])
def test_a_token_that_is_no_span_is_refused(token: str) -> None:
    """Only ASCII digits on both sides of one hyphen (other scripts' digits, signs are refused)."""
    with pytest.raises(ValueError, match="is not a span"):
        parse_spans(f"0-1 {token}")


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE n><n/>",
        b'\xef\xbb\xbf <?xml version="1.0"?>\n<!-- c --> <?pi?><!DOCTYPE n><n/>',
    ],
)
def test_a_doctype_before_the_root_is_refused(head: bytes) -> None:
    with pytest.raises(ReadError, match="DOCTYPE is not allowed"):
        check_prolog(head, "<test>")


def test_doctype_words_inside_the_document_are_only_words() -> None:
    """`<!DOCTYPE` in a comment or in text after the root element starts is not a DOCTYPE."""
    document = b'<?xml version="1.0"?><n><!-- <!DOCTYPE x> -->&lt;!DOCTYPE y&gt;</n>'
    check_prolog(document, "<test>")
    assert text_of(parse(document, "<test>")) == "<!DOCTYPE y>"


def test_path_names_are_the_paths_lxml_gives() -> None:
    """`PathNames` names every element as `path` does (same-named siblings numbered, namespaces
    dropped, comments and processing instructions not counted), in any order of asking."""
    rng = random.Random(7)
    for _ in range(200):
        root = etree.Element("{urn:a}root")
        elements = [root]
        for _ in range(rng.randint(1, 50)):
            parent = rng.choice(elements)
            roll = rng.random()
            if roll < 0.1:
                parent.append(etree.Comment("c"))
            elif roll < 0.15:
                parent.append(etree.ProcessingInstruction("pi"))
            else:
                elements.append(etree.SubElement(parent, rng.choice(["{urn:a}x", "{urn:b}x", "{urn:a}y", "z"])))
        names = PathNames()
        for element in rng.sample(elements, len(elements)):
            assert names(element) == path(element)
