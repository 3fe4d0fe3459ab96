"""The public Python API and the built wheel."""

from __future__ import annotations

import importlib.metadata
import inspect
import re
import types
import zipfile
from pathlib import Path

import pydantic
import pytest

import newsreport
import newsreport.model

from .conftest import EXAMPLES, ROOT

BODY = 'Ali Smith said: "We will build it." Smith said it twice: "We will build it."'


def _isort_key(name: str) -> tuple[int, str]:
    """The order of ruff's RUF022: CONSTANTS, then Classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete() -> None:
    """`__all__` lists every public name, sorted, and each one exists."""
    assert newsreport.__all__ == sorted(newsreport.__all__, key=_isort_key)
    public = {name for name in dir(newsreport) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(newsreport, name), types.ModuleType)}
    assert public - modules == set(newsreport.__all__)


def test_every_model_class_is_exported() -> None:
    """Every part of the model, the participant union and the date types come from `newsreport`."""
    parts = {
        name
        for name, value in vars(newsreport.model).items()
        if inspect.isclass(value) and issubclass(value, pydantic.BaseModel) and not name.startswith("_")
    }
    assert parts - {"Model"} <= set(newsreport.__all__)  # Model is the base class, not a part
    for name in ("Participant", "Moment", "DatePart", "Span", "Excerpt", "PartialDate"):
        assert getattr(newsreport, name) is getattr(newsreport.model, name)


def test_version_is_the_installed_one() -> None:
    """`newsreport.__version__` is the version the distribution is installed as."""
    assert newsreport.__version__ == importlib.metadata.version("newsreport")


def test_lists_are_accepted_where_tuples_are_stored() -> None:
    """Lists given for a tuple field are stored as tuples, so parts stay frozen and hashable."""
    person = newsreport.Person(id="smith", name="Ali Smith", mentions=[newsreport.Span(start=0, end=9)])
    assert person.mentions == (newsreport.Span(start=0, end=9),)
    assert isinstance(person.mentions, tuple)
    assert hash(person)
    body = newsreport.Body(text=BODY, blocks=[{"kind": "paragraph", "span": {"start": 0, "end": len(BODY)}}])
    assert isinstance(body.blocks, tuple)
    assert isinstance(body.blocks[0], newsreport.Block)


def test_span_find_finds_the_words() -> None:
    """`Span.find` gives the span of words that occur once, or the one `occurrence`/`after` names."""
    assert newsreport.Span.find(BODY, "Ali Smith") == newsreport.Span(start=0, end=9)
    first = newsreport.Span.find(BODY, "We will build it.", occurrence=1)
    second = newsreport.Span.find(BODY, "We will build it.", occurrence=2)
    assert first.of(BODY) == second.of(BODY) == "We will build it."
    assert first.start < second.start
    assert newsreport.Span.find(BODY, "We will build it.", after=first) == second
    assert newsreport.Span.find(BODY, "said", after=11) == newsreport.Span.find(BODY, "said", occurrence=2)
    verb = newsreport.Excerpt.find(BODY, "said", after=newsreport.Span(start=0, end=9))
    assert (verb.text, verb.span.of(BODY)) == ("said", "said")
    assert verb.span == newsreport.Span(start=10, end=14)


@pytest.mark.parametrize(
    ("words", "options", "message"),
    [
        ("Tehran", {}, "'Tehran' does not occur in the text"),
        ("Ali", {"after": 5}, "'Ali' does not occur in the text after offset 5"),
        ("said", {}, "'said' occurs 2 times in the text (at 10, 42): say which with occurrence="),
        ("Ali", {"occurrence": 2}, "'Ali' occurs once in the text: there is no occurrence 2"),
        ("said", {"occurrence": 0}, "'said' occurs 2 times in the text: there is no occurrence 0"),
        ("", {}, "no words to find"),
    ],
)
def test_span_find_fails_clearly(words: str, options: dict[str, int], message: str) -> None:
    """Absent, ambiguous or out-of-range words raise a ValueError that says where the words are."""
    with pytest.raises(ValueError, match="^" + re.escape(message)):
        newsreport.Span.find(BODY, words, **options)


def _parts() -> tuple[newsreport.Body, newsreport.Person, newsreport.Statement]:
    body = newsreport.Body(text=BODY)
    person = newsreport.Person(id="smith", name="Ali Smith", mentions=(newsreport.Span.find(BODY, "Ali Smith"),))
    quote = newsreport.Statement(
        id="q1",
        kind="direct",
        speakers=("smith",),
        text="We will build it.",
        span=newsreport.Span.find(BODY, "We will build it.", occurrence=1),
    )
    return body, person, quote


def test_a_report_built_piece_by_piece_names_every_broken_rule() -> None:
    """Parts are checked on their own when built and together in the report, each problem at its path."""
    body, person, quote = _parts()
    with pytest.raises(pydantic.ValidationError) as caught:
        newsreport.NewsReport(
            id="urn:example:1",
            headline=newsreport.Headline(text="Smith on building"),
            body=body,
            participants=(person,),
            statements=(quote.model_copy(update={"speakers": ("nobody",), "span": newsreport.Span(start=16, end=33)}),),
        )
    message = str(caught.value)
    assert "$.statements[0].speakers[0]: unknown participant 'nobody'" in message
    assert "$.statements[0].span: the body has '\"We will build it' at [16, 33), not 'We will build it.'" in message
    with pytest.raises(pydantic.ValidationError, match="headline\n  Input should be a valid dictionary or instance"):
        newsreport.NewsReport(id="urn:example:1", headline="Smith on building")


def test_replace_validates_the_copy() -> None:
    """`replace()` checks the copy as a new report, where `model_copy(update=...)` checks nothing."""
    body, person, quote = _parts()
    report = newsreport.NewsReport(
        id="urn:example:1", headline=newsreport.Headline(text="Smith"), body=body, participants=(person,)
    )
    grown = report.replace(statements=(*report.statements, quote))
    assert grown.statements == (quote,)
    assert report.statements == ()
    assert grown.replace(statements=[quote]) == grown  # a list is taken as validation takes it
    stray = quote.replace(speakers=("nobody",))
    with pytest.raises(pydantic.ValidationError, match=r"\$\.statements\[0\]\.speakers\[0\]: unknown participant"):
        report.replace(statements=(stray,))
    with pytest.raises(pydantic.ValidationError, match="extra_forbidden"):
        report.replace(head_line="x")
    with pytest.raises(pydantic.ValidationError, match="String should match pattern"):
        person.replace(id="Ali Smith")


def test_api_reads_paths_and_bytes() -> None:
    """read() takes a path or bytes, and write() gives bytes in any format."""
    from_path = newsreport.read(EXAMPLES / "report.json")
    from_bytes = newsreport.read((EXAMPLES / "report.json").read_bytes())
    assert from_path == from_bytes
    assert newsreport.read(newsreport.write(from_path, "jsonl"), format="jsonl") == from_path
    assert newsreport.validate(from_path.model_dump(mode="json", exclude_none=True)) == []


def test_wheel_has_only_the_newsreport_package(tmp_path: Path) -> None:
    """The built wheel puts one top-level name, `newsreport`, into site-packages."""
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert top_level == {"newsreport"}
    assert "newsreport/py.typed" in names
    assert "newsreport/converters/native.py" in names
    lexicons = sorted((ROOT / "newsreport" / "extraction" / "lexicons").glob("*.tsv"))
    assert lexicons  # the extractor reads them at import: they must ship
    assert {f"newsreport/extraction/lexicons/{path.name}" for path in lexicons} <= set(names)


def test_read_all_reads_packages_by_folder(tmp_path: Path) -> None:
    """read_all() takes a CSV package folder as well as files."""
    report = newsreport.read(EXAMPLES / "report.json")
    newsreport.convert_many([EXAMPLES / "report.json"], tmp_path / "pkg", "csv")
    assert list(newsreport.read_all(tmp_path / "pkg")) == [report]
