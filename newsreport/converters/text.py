"""The read-only `text` format: a plain-text article, drafted into a report by the extractor.

The body is the text exactly as the file holds it (decoded from UTF-8; a byte order mark is not
text and is dropped), so every span the extractor finds indexes into the file's own characters.
What plain text cannot say (when it was published, its language, its id) comes from
`Drafting`: `newsreport convert --published --language --id`. With `extract`, reports other
readers return are drafted from their bodies too (`newsreport convert --extract`).

The extractor (its lexicons and gazetteer) is imported when a text is first drafted, so the
commands that draft nothing do not load it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from newsreport.converters.format import Format
from newsreport.errors import ReadError
from newsreport.model import NewsReport
from newsreport.model.base import NOT_XML
from newsreport.problems import problems_from

_NOT_XML = re.compile(NOT_XML)


@dataclass(frozen=True)
class Drafting:
    """What a plain-text article does not say about itself, and whether to draft reports read
    from other formats too."""

    published: str | None = None
    """When it was published, as ISO 8601 (`2025-02-03`)."""
    language: str | None = None
    """Its language, as a BCP 47 tag."""
    id: str | None = None
    """The report's IRI; by default one made from the text."""
    extract: bool = False
    """Draft the participants, statements and events of reports other readers return, from
    their bodies, where they have none (`extract_into`); `published` and `language` stand in
    for what such a report does not say."""

    def into(self, report: NewsReport) -> NewsReport:
        """`report` drafted from its body if `extract` asks for it, else as it is."""
        if not self.extract:
            return report
        from newsreport.extraction import extract_into

        if self.language and report.language is None:
            report = report.model_copy(update={"language": self.language})
        return extract_into(report, published=self.published)


def read(data: bytes, source: str = "<input>", options: Drafting | None = None) -> NewsReport:
    """The drafted report of a plain-text article."""
    options = options or Drafting()
    from newsreport.extraction import extract

    text = _decoded(data.removeprefix(b"\xef\xbb\xbf"), source)
    try:
        return extract(text, published=options.published, language=options.language, id=options.id)
    except ValidationError as exc:
        problem = problems_from(exc, {})[0]
        raise ReadError(problem.message, source=source, location=problem.path, format="text") from None


def _decoded(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"not UTF-8: byte 0x{data[exc.start]:02x}", source=source, location=f"byte {exc.start}", format="text"
        ) from None
    if not text.strip():
        raise ReadError("holds no text", source=source, format="text")
    bad = _NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        message = f"control character U+{ord(bad.group()):04X}, which no report format can carry"
        raise ReadError(message, source=source, location=f"line {line}, character {bad.start()}", format="text")
    return text


FORMAT = Format(
    name="text",
    extensions=(".txt",),
    media_type="text/plain",
    summary="a plain-text article, read only: the extractor drafts its dateline, participants, statements and events",
    read=read,
)
