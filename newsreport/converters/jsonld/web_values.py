"""Reading values out of the web's expanded nodes: texts as text (HTML entities and tags turned
into characters), IRIs, dates, numbers; and a record of every property read, so that what is not
read can be named.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin

from newsreport.converters.dates import lenient_date, only_looks_like_a_date
from newsreport.model import IRI_PATTERN

Node = dict[str, Any]

_IRI = re.compile(IRI_PATTERN)
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_LINE_TAG = re.compile(r"<(?:br|/p|/div|/li|/h[1-6])\b[^<>]*>", re.IGNORECASE)
_IMG_SRC = re.compile(r"""^<img\b[^>]*\ssrc=["']([^"']+)["']""", re.IGNORECASE)
_REFERENCE = re.compile(r"^(?://[^\s/]+)?/[^\s<>\"]*$")
"""A network-path or absolute-path reference (RFC 3986): `//host/path` or `/path`."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?")


def as_text(raw: str) -> str:
    """A JSON-LD string as the text it stands for: HTML entities decoded (again while a publisher's
    double escaping leaves some: `&amp;amp;`), then tags removed (a line break for `<br>` and the
    end of a paragraph; so tags escaped as `&lt;b&gt;` go too), control characters other than tab
    and line breaks (which pages leave in strings, and no text holds) removed; any other
    character kept exactly."""
    text = _CONTROL.sub("", raw) if _CONTROL.search(raw) else raw
    for _ in range(_MAX_ESCAPING):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = _CONTROL.sub("", html.unescape(text))
    if "<" in text and _TAG.search(text):
        text = _TAG.sub("", _LINE_TAG.sub("\n", text))
    return text


_MAX_ESCAPING = 3
"""How many times over a publisher may have escaped a string (`&amp;amp;` is twice)."""


def one_line(text: str) -> str:
    return " ".join(text.split())


def is_iri(candidate: str) -> bool:
    return bool(_IRI.match(candidate)) and not candidate.startswith("_:")


class Values:
    """Reads the values of nodes of one graph, keeping what it read and what it could not map."""

    def __init__(self, graph: dict[str, Node]) -> None:
        self.graph = graph
        self.skipped: list[str] = []
        self.read: set[tuple[str, str]] = set()  # (node @id, property) looked at
        self.visited: dict[str, str] = {}  # node @id -> how it is named in warnings
        self.base: str | None = None  # the page's URL, for references relative to it

    def visit(self, node: Node, label: str) -> None:
        """Note that `node` is used by the report, so its unread properties are named as `label`'s."""
        self.visited.setdefault(node["@id"], label)

    def unread(self) -> list[str]:
        """`<label> <property>` for every property of a used node that was never read."""
        return [
            f"{label} {prop}"
            for iri, label in self.visited.items()
            for prop in self.graph.get(iri, {})
            if not prop.startswith("@") and (iri, prop) not in self.read
        ]

    def literals(self, node: Node, *props: str) -> list[Node | tuple[str, str | None]]:
        """The values of `props`, a list's items among them: linked nodes resolved, literals as
        (text, language); numbers and booleans spelled as in JSON."""
        out: list[Node | tuple[str, str | None]] = []
        for prop in props:
            self.read.add((node["@id"], prop))
            for value in [item for v in node.get(prop, []) for item in v.get("@list", [v])]:
                if "@id" in value:
                    out.append(self.graph.get(value["@id"], {"@id": value["@id"], "@type": []}))
                elif isinstance(value.get("@value"), str):
                    out.append((value["@value"], value.get("@language")))
                elif isinstance(value.get("@value"), bool | int | float):
                    out.append((json.dumps(value["@value"]), None))
        return out

    def values(self, node: Node, *props: str) -> list[Node | str]:
        """The values of `props`: linked nodes, and literals as strings."""
        return [v if isinstance(v, dict) else v[0] for v in self.literals(node, *props)]

    def raw_text(self, node: Node, prop: str) -> str | None:
        """The first non-blank literal of `prop` as text, exactly; any other is named as not mapped."""
        texts = [as_text(v) for v in self.values(node, prop) if isinstance(v, str)]
        first, *others = dict.fromkeys(t for t in texts if t.strip()) or [None]
        self.skipped += [f"{prop} {other!r} (a second value)" for other in others]
        return first

    def text(self, node: Node, prop: str) -> str | None:
        """The first non-blank literal of `prop`, with surrounding white space removed."""
        value = self.raw_text(node, prop)
        return value.strip() if value is not None else None

    def name(self, node: Node) -> str | None:
        """The first non-blank `name` on one line: a name holds no line breaks."""
        raw = self.raw_text(node, "name")
        return one_line(raw) if raw is not None else None

    def iri(self, node: Node, prop: str) -> str | None:
        """The first absolute IRI among the values of `prop` (a link or a string)."""
        for value in self.values(node, prop):
            found = self.absolute(value if isinstance(value, str) else value["@id"])
            if found:
                return found
        return None

    def absolute(self, candidate: str) -> str | None:
        """`candidate` as an absolute IRI: a reference relative to the page (`//host/a.jpg`,
        `/a.jpg`) resolved against `base`, and an `<img src>` pasted in for a URL read for its
        `src`; None if it is none."""
        candidate = candidate.strip()
        if is_iri(candidate):
            return candidate
        pasted = _IMG_SRC.search(candidate)
        if pasted:
            candidate = html.unescape(pasted[1]).strip()
        if self.base and _REFERENCE.match(candidate):
            candidate = urljoin(self.base, candidate)
        return candidate if is_iri(candidate) else None

    def count(self, node: Node, prop: str) -> int | None:
        """A whole number (`600`, `"600"`, `"600px"`); None, with a warning, for anything else."""
        for value in self.values(node, prop):
            if isinstance(value, str):
                digits = re.fullmatch(r"\s*(\d{1,9})(?:\.0+)?\s*(?:px)?\s*", value)
                if digits:
                    return int(digits[1])
            self.skipped.append(f"{prop} {value if isinstance(value, str) else value['@id']!r} (not a number)")
        return None

    def date(self, node: Node, prop: str) -> date | None:
        raw = self.text(node, prop)
        if raw is None:
            return None
        parsed = None if only_looks_like_a_date(raw) else lenient_date(raw)
        if parsed is None:
            self.skipped.append(f"{prop} {raw!r} (not a date)")
        return parsed

    def partial_date(self, node: Node, prop: str) -> Node | None:
        """A date at reduced precision (`2025`, `2025-01`, `2025-01-20`) as it is, or the day of
        a date-time with a warning that its time is left out (an event's date is a day)."""
        raw = self.text(node, prop)
        if raw is None:
            return None
        match = _PARTIAL_DATE.fullmatch(raw)
        if match and _is_calendar_date(match):
            return {"value": raw}
        moment = self.date(node, prop)
        if moment is None:
            return None
        if isinstance(moment, datetime):
            self.skipped.append(f"the time of {prop} {raw!r} (an event's date is a day)")
            moment = moment.date()
        return {"value": moment.isoformat()}


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _is_calendar_date(match: re.Match[str]) -> bool:
    """Whether a reduced-precision date names a real month or day."""
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True
