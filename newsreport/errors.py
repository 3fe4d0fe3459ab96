"""The errors newsreport raises; each prints as one line naming the source and the place.

```
NewsReportError(Exception)
├── UnknownFormatError(NewsReportError, ValueError)   a format name or file extension we do not know
├── ReadError(NewsReportError, ValueError)            input that is not a valid report in its format
├── UsageError(NewsReportError)                       a run that cannot be carried out as asked (exit 2)
│   └── MissingExtraError(UsageError, ImportError)  an optional extra not installed (`newsreport.extras`)
├── WriteError(NewsReportError)                       a report the format cannot express; an output not written
└── LossError(NewsReportError)                        a lossy write refused (strict mode)
LossWarning(UserWarning)                              a lossy write that went ahead
ReadWarning(UserWarning)                              input a lenient reader could not map
```
"""

from __future__ import annotations

_ESCAPES = {i: f"\\x{i:02x}" for i in (*range(32), 0x7F, 0x85)} | {0x2028: "\\u2028", 0x2029: "\\u2029"}
_ESCAPES |= {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters escaped, so a message stays one line
    even when it quotes the input (a JSON key, an XML value) that contains them."""
    return text.translate(_ESCAPES)


class NewsReportError(Exception):
    """Base of every error newsreport raises on purpose."""


class UnknownFormatError(NewsReportError, ValueError):
    """A format name or file extension that no registered format claims."""

    def __init__(self, what: str, choices: list[str], hint: str = "") -> None:
        self.what = what
        self.choices = choices
        super().__init__(f"unknown format {what!r} (known: {', '.join(choices)}){hint}")


class ReadError(NewsReportError, ValueError):
    """Input that could not be read as a valid report.

    `source` names the input (a file name, `<stdin>`), `location` the place in it (`line 3,
    column 7`, a JSON path, an XPath, a CSV row) and `message` what is wrong there.
    """

    def __init__(self, message: str, *, source: str = "<input>", location: str = "", format: str = "") -> None:
        self.message = message = one_line(message)
        self.source = source = one_line(source)
        self.location = location = one_line(location)
        self.format = format
        where = f"{source}: {location}" if location else source
        super().__init__(f"{where}: {message}")


class UsageError(NewsReportError):
    """A run that cannot be carried out as asked: a missing file, an output that would destroy
    other data or be read back as input."""


class WriteError(NewsReportError):
    """A report that the target format cannot express, or an output that could not be written
    (a full disk), named as the user gave it."""


class LossError(NewsReportError):
    """A write that would drop data, refused because strict mode is on."""


class LossWarning(UserWarning):
    """A write dropped data the target format cannot hold."""


class ReadWarning(UserWarning):
    """A reader met something it could not map into the model and left it out."""
