"""The read-only `text` format and `--extract`: plain text in, a drafted report out, in every format."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import pytest

import newsreport
from newsreport import NewsReport, ReadError
from newsreport.converters.text import Drafting
from newsreport.converters.text import read as read_text

from .cli import run
from .conftest import EXAMPLES
from .lossless import LOSSLESS, through

DATA = Path(__file__).parent / "data" / "text"


def _sha_uuid(data: bytes) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:sha256:' + hashlib.sha256(data).hexdigest())}"


def test_the_body_is_the_text_byte_for_byte_and_the_id_comes_from_it() -> None:
    data = (EXAMPLES / "article.txt").read_bytes()
    report = read_text(data, "article.txt")
    assert report.body is not None
    assert report.body.text.encode() == data
    assert report.id == _sha_uuid(data)
    # The hand-made key of the same article was given the same id.
    assert report.id == json.loads((EXAMPLES / "report.json").read_bytes())["id"]


def test_a_draft_says_who_drafted_it() -> None:
    report = newsreport.extract((DATA / "senate.txt").read_text())
    assert report.drafted_by is not None
    assert report.drafted_by.software == "newsreport.extract"
    assert report.drafted_by.version == newsreport.__version__
    assert report.body is not None and report.body.origin == "source"


def test_what_the_text_cannot_say_comes_from_the_options() -> None:
    text = (DATA / "senate.txt").read_text()
    report = newsreport.extract(text, published="2025-02-05", language="en", id="urn:example:senate")
    assert (str(report.published), report.language, report.id) == ("2025-02-05", "en", "urn:example:senate")
    plain = newsreport.extract(text)
    assert (plain.published, plain.language) == (None, None)


def test_the_quotes_of_a_text_become_statements_pointing_at_their_words() -> None:
    text = (DATA / "senate.txt").read_text()
    report = newsreport.extract(text)
    direct = [s for s in report.statements if s.kind == "direct"]
    assert [s.text.rstrip(",.") for s in direct] == ["We have the votes", "It is done"]
    for s in direct:
        assert s.source is not None and s.source.text == "she"
        assert s.reporting_verb is not None and s.reporting_verb.text == "told"
        assert text[s.span.start : s.span.end] == s.text


def test_a_first_line_that_is_a_heading_is_the_headline() -> None:
    report = newsreport.extract((DATA / "minister.txt").read_text())
    assert (report.headline.text, report.headline.origin) == ("Minister backs plan", "source")


def test_a_text_without_a_heading_gets_an_editorial_headline_from_its_first_sentence() -> None:
    report = newsreport.extract((DATA / "senate.txt").read_text())
    headline = ("The senator said on Monday that the bill would pass.", "editorial")
    assert (report.headline.text, report.headline.origin) == headline  # the dateline left out


def test_a_long_first_sentence_is_cut_at_a_word() -> None:
    sentence = "The committee " + "met again and " * 12 + "adjourned."
    report = newsreport.extract(f"BERLIN (dpa) - {sentence}\n\nIt will meet again.")
    assert report.headline.text == sentence[:110].rsplit(" ", 1)[0] + "…"


def test_a_byte_order_mark_is_not_text() -> None:
    data = (DATA / "minister.txt").read_bytes()
    with_bom = read_text(b"\xef\xbb\xbf" + data, "bom.txt")
    assert with_bom.body == read_text(data, "plain.txt").body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"caf\xe9 au lait", "bad.txt: byte 3: not UTF-8: byte 0xe9"),
        (b" \n\n \t", "bad.txt: holds no text"),
        (
            b"one\ntwo \x07 three",
            "bad.txt: line 2, character 8: control character U+0007, which no report format can carry",
        ),
    ],
)
def test_text_that_cannot_be_a_body_is_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_text(data, "bad.txt")
    assert str(caught.value) == message


@pytest.mark.parametrize("name", LOSSLESS)
@pytest.mark.parametrize("text", ["senate.txt", "minister.txt"])
def test_every_draft_converts_to_every_format_losslessly(name: str, text: str) -> None:
    report = read_text((DATA / text).read_bytes(), text, Drafting(published="2025-02-03", language="en"))
    assert through(report, name) == report


def test_convert_drafts_a_text_into_any_format(tmp_path: Path) -> None:
    done = run("convert", DATA / "senate.txt", "--published", "2025-02-03", "--to", "json")
    assert done.returncode == 0, done.stderr
    report = NewsReport.model_validate_json(done.stdout)
    assert str(report.published) == "2025-02-03" and report.statements
    out = tmp_path / "drafts"
    done = run("convert", DATA / "senate.txt", DATA / "minister.txt", "-o", out, "--to", "csv")
    assert done.returncode == 0, done.stderr
    assert len(list(newsreport.read_all(out))) == 2


def test_a_folder_of_texts_converts_the_same_on_one_core_and_on_two(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    text = (DATA / "senate.txt").read_text()
    for number in range(40):  # more than one chunk, so two workers share them
        (folder / f"{number:02}.txt").write_text(text.replace("votes", f"votes {number}"))
    one = run("convert", folder, "--to", "jsonl", "--jobs", "1")
    two = run("convert", folder, "--to", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 40


def test_extract_drafts_the_body_of_a_report_read_from_another_format() -> None:
    page = DATA / "page-with-body.jsonld"
    plain = NewsReport.model_validate_json(run("convert", page, "--to", "json").stdout)
    assert not plain.statements and plain.drafted_by is None
    done = run("convert", page, "--to", "json", "--extract")
    assert done.returncode == 0, done.stderr
    drafted = NewsReport.model_validate_json(done.stdout)
    assert drafted.drafted_by is not None
    assert [s.source.text for s in drafted.statements if s.source] == ["The minister", "he"]
    assert (drafted.id, drafted.headline, drafted.published) == (plain.id, plain.headline, plain.published)


def test_extract_leaves_a_report_that_has_statements_as_it_is(report: NewsReport) -> None:
    assert newsreport.extract_into(report) is report


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--published", "2025-02-30"),
            "newsreport: error: --published '2025-02-30': '2025-02-30' is not a day and time of the calendar",
        ),
        (("--language", "english!"), "newsreport: error: --language 'english!': String should match pattern"),
        (("--id", "not an iri"), "newsreport: error: --id 'not an iri': String should match pattern"),
    ],
)
def test_a_bad_option_is_a_usage_error_in_one_line(args: tuple[str, ...], message: str) -> None:
    done = run("convert", DATA / "senate.txt", "--to", "json", *args)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(message) and done.stderr.count(b"\n") == 1
    assert done.stdout == b""


def test_one_id_cannot_name_many_reports() -> None:
    done = run("convert", DATA / "senate.txt", DATA / "minister.txt", "--to", "jsonl", "--id", "urn:example:x")
    assert done.returncode == 2
    assert done.stderr == b"newsreport: error: --id names one report: give one input file\n"


def test_text_is_read_only() -> None:
    done = run("convert", DATA / "senate.txt", "--to", "text")
    assert done.returncode == 2
    assert b"text" in done.stderr and done.stderr.count(b"\n") == 1
