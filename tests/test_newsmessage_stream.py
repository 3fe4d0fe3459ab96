"""A newsMessage is read an item at a time: larger than the document size limit as a whole, it
converts back as long as each item is within the limit, from a file or from standard input,
and is refused as safely as a document read whole (#11: every document the writers produce is
read back)."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from benchmarks.archive import varied
from newsreport import NewsReport, write
from newsreport.converters import FORMATS
from newsreport.limits import MAX_XML_DEPTH

from . import cli

N = 70  # more than two chunks of units, so --jobs 2 really runs in two processes
LIMIT = 200_000
"""The document size limit in these tests: above every item (about 25 KB), below the message."""
XML_HEAD = b"<?xml version='1.0' encoding='UTF-8'?>\n"
MESSAGE_START = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
MESSAGE_END = b"</itemSet></newsMessage>"


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return cli.run(*args, stdin=stdin, env={"NEWSREPORT_MAX_DOCUMENT_BYTES": str(LIMIT)})


@pytest.fixture(scope="module")
def reports() -> list[NewsReport]:
    return list(varied(N))


@pytest.fixture(scope="module")
def message(reports: list[NewsReport]) -> bytes:
    """The reports as one newsMessage, written by our own writer."""
    out = io.BytesIO()
    FORMATS["newsml-g2"].write_all(reports, out)
    return out.getvalue()


def _items_after(message: bytes, number: int, insert: bytes) -> bytes:
    """`message` with `insert` placed inside its `number`th newsItem, just after the start tag."""
    start = -1
    for _ in range(number):
        start = message.index(b"<newsItem ", start + 1)
    end = message.index(b">", start) + 1
    return message[:end] + insert + message[end:]


def _fails(result: subprocess.CompletedProcess[bytes], folder: Path, kept: list[str], says: str) -> str:
    """The run failed with one line saying `says`, and the folder holds only `kept`."""
    assert result.returncode == 1, result.stderr
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1 and stderr.startswith("newsreport: error: "), stderr
    assert says in stderr and "Traceback" not in stderr, stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(kept)
    return stderr


def test_a_message_over_the_limit_converts_back_item_by_item(
    reports: list[NewsReport], message: bytes, tmp_path: Path
) -> None:
    """Each item is under the limit and the whole message far over it: JSON Lines of exactly the
    reports written, and --jobs 2 gives the same bytes as --jobs 1."""
    assert len(message) > 5 * LIMIT
    assert max(len(write(r, "newsml-g2")) for r in reports) < LIMIT
    path = tmp_path / "all.xml"
    path.write_bytes(message)
    expected = b"".join(write(r, "jsonl") for r in reports)
    for jobs in ("1", "2"):
        out = tmp_path / f"back-{jobs}.jsonl"
        result = run("convert", str(path), "-o", str(out), "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes() == expected
    assert path.read_bytes() == message


@pytest.mark.parametrize("named", [True, False], ids=["--from", "sniffed"])
def test_a_message_over_the_limit_converts_back_from_stdin(
    reports: list[NewsReport], message: bytes, tmp_path: Path, named: bool
) -> None:
    out = tmp_path / "back.jsonl"
    from_ = ["--from", "newsml-g2"] if named else []
    result = run("convert", "-", *from_, "-o", str(out), "--jobs", "2", stdin=message)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == b"".join(write(r, "jsonl") for r in reports)


def test_an_item_over_the_limit_is_refused_by_its_number(message: bytes, tmp_path: Path) -> None:
    path = tmp_path / "all.xml"
    path.write_bytes(_items_after(message, 3, b"<!--" + b"x" * LIMIT + b"-->"))
    out = tmp_path / "back.jsonl"
    stderr = _fails(run("convert", str(path), "-o", str(out)), tmp_path, ["all.xml"], "over the limit")
    assert f"{path}: item 3: " in stderr and "NEWSREPORT_MAX_DOCUMENT_BYTES" in stderr
    result = run("convert", "-", "-o", str(out), stdin=path.read_bytes())
    assert "<stdin>: item 3: " in _fails(result, tmp_path, ["all.xml"], "over the limit")


def test_an_item_far_over_the_limit_is_refused_before_it_is_read_whole(message: bytes, tmp_path: Path) -> None:
    """An item with no end in sight is refused once it passes the limit, not held until it ends."""
    path = tmp_path / "all.xml"
    path.write_bytes(_items_after(message, 2, b"<p>" + b"x" * (20 * LIMIT)))
    stderr = _fails(run("convert", str(path), "-o", str(tmp_path / "o.jsonl")), tmp_path, ["all.xml"], "item 2: ")
    assert "over the limit" in stderr


def test_what_lies_between_items_is_bounded_too(message: bytes, tmp_path: Path) -> None:
    """A conceptItem (skipped, as before) over the limit is refused, not held in memory."""
    at = message.index(b"<newsItem ")
    path = tmp_path / "all.xml"
    path.write_bytes(message[:at] + b"<conceptItem>" + b"y" * (3 * LIMIT) + b"</conceptItem>" + message[at:])
    stderr = _fails(run("convert", str(path), "-o", str(tmp_path / "o.jsonl")), tmp_path, ["all.xml"], "before item 1")
    assert "over the limit" in stderr


def test_other_items_of_a_message_are_skipped_with_a_warning(
    reports: list[NewsReport], message: bytes, tmp_path: Path
) -> None:
    """A conceptItem or packageItem is no report: skipped, and said so (it was skipped without a
    word); --strict refuses the message (exit 3) and writes nothing."""
    at = message.index(b"<newsItem ")
    path = tmp_path / "all.xml"
    path.write_bytes(message[:at] + b'<conceptItem guid="urn:x:c"/><packageItem guid="urn:x:p"/>' + message[at:])
    out = tmp_path / "back.jsonl"
    result = run("convert", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().splitlines() == [
        f"newsreport: warning: {path}: skipped items that are not newsItems: conceptItem, packageItem"
    ]
    assert out.read_bytes() == b"".join(write(r, "jsonl") for r in reports)
    strict = run("convert", str(path), "-o", str(tmp_path / "strict.jsonl"), "--strict")
    assert strict.returncode == 3
    assert strict.stderr.decode().splitlines() == [
        f"newsreport: error: {path}: skipped items that are not newsItems: conceptItem, packageItem; "
        "strict mode refuses to drop data"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.xml", "back.jsonl"]


def test_a_bad_item_is_named_by_its_number(message: bytes, tmp_path: Path) -> None:
    path = tmp_path / "all.xml"
    path.write_bytes(message.replace(b'guid="urn:newsreport:archive:1"', b"", 1))
    stderr = _fails(run("convert", str(path), "-o", str(tmp_path / "o.jsonl")), tmp_path, ["all.xml"], "guid")
    assert f"{path}:item 2: " in stderr


_ENTITIES = b'<!DOCTYPE newsMessage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'

HOSTILE = {
    # name: (content, what the error says)
    "doctype": (XML_HEAD + b"<!DOCTYPE newsMessage>" + MESSAGE_START + MESSAGE_END, "DOCTYPE is not allowed"),
    "billion laughs": (
        XML_HEAD + _ENTITIES + MESSAGE_START + b'<newsItem guid="urn:x:1">&b;</newsItem>' + MESSAGE_END,
        "DOCTYPE is not allowed",
    ),
    "doctype after a long comment": (  # past the first piece read: the parser's record of it is checked
        XML_HEAD + b"<!-- <newsMessage>" + b" " * 100_000 + b"-->" + _ENTITIES + MESSAGE_START + MESSAGE_END,
        "DOCTYPE is not allowed",
    ),
    "truncated": (XML_HEAD + MESSAGE_START + b'<newsItem guid="urn:x:1"><contentMeta>', "line 2, column "),
    "not well-formed": (XML_HEAD + MESSAGE_START + b"<newsItem></itemSet>" + MESSAGE_END, "line 2, column "),
    "nested too deep": (
        XML_HEAD
        + MESSAGE_START
        + b"<newsItem>"
        + b"<a>" * MAX_XML_DEPTH
        + b"</a>" * MAX_XML_DEPTH
        + b"</newsItem>"
        + MESSAGE_END,
        f"line 2: elements nest deeper than {MAX_XML_DEPTH} (MAX_XML_DEPTH)",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_a_hostile_message_is_refused_with_its_place(case: str, stdin: bool, tmp_path: Path) -> None:
    content, says = HOSTILE[case]
    path = tmp_path / "m.xml"
    path.write_bytes(content)
    out = tmp_path / "o.jsonl"
    if stdin:
        result = run("convert", "-", "--from", "newsml-g2", "-o", str(out), stdin=content)
    else:
        result = run("convert", str(path), "-o", str(out))
    stderr = _fails(result, tmp_path, ["m.xml"], says)
    assert stderr.startswith(f"newsreport: error: {'<stdin>' if stdin else path}: ")


def test_content_after_the_message_fails_the_whole_run(message: bytes, tmp_path: Path) -> None:
    """Items already split off are not written when the message turns out broken at its end."""
    path = tmp_path / "all.xml"
    path.write_bytes(message + b"<more/>")
    result = run("convert", str(path), "-o", str(tmp_path / "o.jsonl"), "--jobs", "2")
    assert f"{path}: line " in _fails(result, tmp_path, ["all.xml"], "Extra content at the end of the document")


def test_a_message_with_a_byte_order_mark_is_split(reports: list[NewsReport], message: bytes, tmp_path: Path) -> None:
    path = tmp_path / "all.xml"
    path.write_bytes(b"\xef\xbb\xbf" + message)
    out = tmp_path / "back.jsonl"
    result = run("convert", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == b"".join(write(r, "jsonl") for r in reports)
