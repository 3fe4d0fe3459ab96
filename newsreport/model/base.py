"""The building blocks of the model: its value types, its base class, spans and names."""

from __future__ import annotations

import re
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

_NOT_XML_RANGES = r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
NOT_XML = f"[{_NOT_XML_RANGES}]"
"""A character that XML 1.0 cannot carry, and so no format: `Text` refuses every one. (Lone
surrogates cannot reach the model at all: pydantic refuses them as invalid Unicode.)"""
_XML_SAFE = f"^[^{_NOT_XML_RANGES}]*$"

Text = Annotated[str, Field(min_length=1, pattern=_XML_SAFE)]
"""A non-empty string. Empty strings are not values: an unknown value is `null`."""

Label = Annotated[str, Field(min_length=1, pattern=r"^[^\x00-\x1f\ufffe\uffff]*$")]
"""A non-empty name on one line: no tab, line break or other control character (NewsML-G2
names allow none)."""

LOCAL_ID_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.-]*$"
IRI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
"""Patterns of the types below, for readers that check a value before handing it to the model."""

LocalId = Annotated[str, Field(pattern=LOCAL_ID_PATTERN, max_length=200)]
"""A report-local id: an XML NCName, so it can serve as a NewsML-G2 `partid` unchanged."""

Iri = Annotated[str, Field(pattern=IRI_PATTERN)]
"""An absolute IRI: a URL, `urn:` or `tag:` identifier."""

LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]
"""A BCP 47 language tag such as `en`, `fa` or `pt-BR`."""

Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=100)]
"""A lower-case, hyphenated code from an open vocabulary, such as `press-conference` or `host`."""

Count = Annotated[int, Strict(), Field(ge=0)]
"""A whole number from 0, as a JSON integer: not `"2"`, `true` or `2.0`, which lax pydantic would
take and the JSON Schema refuses."""


class Model(BaseModel):
    """The base of every part: unknown fields refused, frozen, each field's docstring its description."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` made, validated as a new object is.

        Use it to build a report up piece by piece (`report.replace(statements=(*report.statements,
        quote))`): pydantic's `model_copy(update=...)` checks nothing, so a copy it makes may break
        the model's rules without a word, and fail only when a converter meets it.
        """
        return self.model_validate({**self.__dict__, **changes})


class Span(Model):
    """A stretch of the body: `[start, end)` in Unicode code points of `body.text`."""

    start: Count
    """Offset of the first code point."""
    # `start <= end` is checked with the report's invariants, which visit every span anyway: a
    # validator here would cost a Python call per span, a third of the time to read a report.
    end: Count
    """Offset just past the last code point; not before `start`."""

    def of(self, text: str) -> str:
        """The part of `text` this span covers."""
        return text[self.start : self.end]

    @classmethod
    def find(cls, text: str, words: str, *, occurrence: int | None = None, after: int | Span | None = None) -> Span:
        """The span of `words` in `text` (the body's text): `Span.find(body.text, "stressed")`.

        The words must occur once, unless `after` or `occurrence` says which: `after` (an offset,
        or a span: from where it ends) takes the first occurrence that starts there or later, and
        `occurrence` the n-th (1 for the first), counted from `after` if given. Raises `ValueError`
        when the words are absent or ambiguous, saying where they occur.
        """
        if not words:
            raise ValueError("no words to find: `words` is empty")
        start = after.end if isinstance(after, Span) else after or 0
        found = _occurrences(text, words, start)
        where = f"the text after offset {start}" if start else "the text"
        if not found:
            raise ValueError(f"{words!r} does not occur in {where}")
        if occurrence is None:
            if after is not None or len(found) == 1:
                occurrence = 1
            else:
                at = ", ".join(map(str, found[:10])) + (", ..." if len(found) > 10 else "")
                raise ValueError(
                    f"{words!r} occurs {len(found)} times in {where} (at {at}): "
                    "say which with occurrence= (1 for the first) or after= (an offset or a span)"
                )
        if not 1 <= occurrence <= len(found):
            times = "once" if len(found) == 1 else f"{len(found)} times"
            raise ValueError(f"{words!r} occurs {times} in {where}: there is no occurrence {occurrence}")
        begin = found[occurrence - 1]
        return cls(start=begin, end=begin + len(words))


def _occurrences(text: str, words: str, start: int) -> list[int]:
    """Every offset from `start` at which `words` begins, overlapping ones included."""
    found: list[int] = []
    at = text.find(words, start)
    while at != -1:
        found.append(at)
        at = text.find(words, at + 1)
    return found


class Excerpt(Model):
    """Words printed in the body, with where they stand: `body.text[span]` equals `text`."""

    text: Text
    """The words exactly as printed."""
    span: Span
    """Where they stand in the body."""

    @classmethod
    def find(cls, text: str, words: str, *, occurrence: int | None = None, after: int | Span | None = None) -> Excerpt:
        """`words` with their span in `text` (the body's text), found as `Span.find` finds them:
        `reporting_verb=Excerpt.find(body.text, "said", after=quote_span)`."""
        return cls(text=words, span=Span.find(text, words, occurrence=occurrence, after=after))


class Name(Model):
    """Another name or spelling of a participant."""

    text: Label
    """The name."""
    language: LanguageTag | None = None
    """Its language or script, as a BCP 47 tag (`fa` for a Persian spelling)."""


class Identifier(Model):
    """An identifier in an external scheme; recorded only when it is certain."""

    scheme: Code
    """The scheme: `wikidata`, `iso3166-1`, `geonames`, ..."""
    value: Annotated[str, Field(pattern=r"^\S+$")]
    """The identifier within the scheme, e.g. `Q794` (no white space)."""

    @model_validator(mode="after")
    def _well_formed(self) -> Identifier:
        if self.scheme == "wikidata" and not re.fullmatch(r"Q[1-9][0-9]*", self.value):
            raise ValueError(f"{self.value!r} is not a Wikidata item id (Q followed by digits)")
        return self
