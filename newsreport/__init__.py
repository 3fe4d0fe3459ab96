"""newsreport: one canonical model of a news report, and converters between its formats.

```py
import newsreport
report = newsreport.read("examples/report.json")
print(report.headline.text, len(report.statements))
jsonl = newsreport.write(report, "jsonl")
draft = newsreport.extract(open("examples/article.txt").read(), published="2025-02-03")
quote = newsreport.Span.find(report.body.text, "stressed")
```

Every part of the model (`NewsReport`, `Person`, `Statement`, `Span`, ...) is importable from
here; the README's "Use it from Python" builds a report from them, and `docs/api.md` lists every
name below with its docstring.
"""

import typing

from newsreport.api import convert_many, convert_reports, read, read_all, write
from newsreport.batch import Failure
from newsreport.converters import FORMATS, Format
from newsreport.converters.text import Drafting
from newsreport.errors import (
    LossError,
    LossWarning,
    NewsReportError,
    ReadError,
    ReadWarning,
    UnknownFormatError,
    UsageError,
    WriteError,
)
from newsreport.model import (
    Agent,
    Block,
    Body,
    Concept,
    Dateline,
    DatePart,
    Draft,
    Event,
    Excerpt,
    Headline,
    Identifier,
    Link,
    Media,
    Moment,
    Name,
    NewsReport,
    Organization,
    PartialDate,
    Participant,
    Participation,
    Person,
    Place,
    ReferencedEvent,
    Rights,
    Span,
    Statement,
    Subject,
    Title,
    Wording,
)
from newsreport.problems import Problem
from newsreport.schema import json_schema, validate

if typing.TYPE_CHECKING:
    from newsreport.extraction import extract, extract_into

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "Agent",
    "Block",
    "Body",
    "Concept",
    "DatePart",
    "Dateline",
    "Draft",
    "Drafting",
    "Event",
    "Excerpt",
    "Failure",
    "Format",
    "Headline",
    "Identifier",
    "Link",
    "LossError",
    "LossWarning",
    "Media",
    "Moment",
    "Name",
    "NewsReport",
    "NewsReportError",
    "Organization",
    "PartialDate",
    "Participant",
    "Participation",
    "Person",
    "Place",
    "Problem",
    "ReadError",
    "ReadWarning",
    "ReferencedEvent",
    "Rights",
    "Span",
    "Statement",
    "Subject",
    "Title",
    "UnknownFormatError",
    "UsageError",
    "Wording",
    "WriteError",
    "convert_many",
    "convert_reports",
    "extract",
    "extract_into",
    "json_schema",
    "read",
    "read_all",
    "validate",
    "write",
]


_ON_FIRST_USE = ("extract", "extract_into")


def __getattr__(name: str) -> typing.Any:
    """`extract` and `extract_into`, imported on first use: the extractor's lexicons and
    gazetteer take longer to load than the rest of the package, and most callers only convert."""
    if name in _ON_FIRST_USE:
        from newsreport import extraction

        return getattr(extraction, name)
    raise AttributeError(f"module 'newsreport' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_ON_FIRST_USE})
