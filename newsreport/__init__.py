"""newsreport: one canonical model of a news report, and converters between its formats.

```py
import newsreport
report = newsreport.read("examples/report.json")
print(report.headline.text, len(report.statements))
jsonl = newsreport.write(report, "jsonl")
draft = newsreport.extract(open("examples/article.txt").read(), published="2025-02-03")
```
"""

from newsreport.api import convert_many, convert_reports, read, read_all, write
from newsreport.batch import Failure
from newsreport.converters import FORMATS, Format
from newsreport.errors import (
    LossError,
    LossWarning,
    NewsReportError,
    ReadError,
    UnknownFormatError,
    UsageError,
    WriteError,
)
from newsreport.extraction import extract, extract_into
from newsreport.model import NewsReport
from newsreport.problems import Problem
from newsreport.schema import json_schema, validate

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "Failure",
    "Format",
    "LossError",
    "LossWarning",
    "NewsReport",
    "NewsReportError",
    "Problem",
    "ReadError",
    "UnknownFormatError",
    "UsageError",
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
