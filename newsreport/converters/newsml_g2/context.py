"""What every part of the NewsML-G2 reader shares while it reads one newsItem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from newsreport.converters.dates import lenient_date, only_looks_like_a_date
from newsreport.converters.newsml_g2.coverage import Coverage
from newsreport.converters.newsml_g2.xml import NR, XML_LANG, nr, text_of
from newsreport.model import IRI_PATTERN, LANGUAGE_PATTERN, MEDIA_TYPE_PATTERN

_IRI = re.compile(IRI_PATTERN)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
MEDIA_TYPE = re.compile(MEDIA_TYPE_PATTERN)
"""An IANA media type as the model takes it (`image/jpeg`)."""


@dataclass
class Context:
    """One item being read: whether it is ours, what of it is mapped, what is said about the rest."""

    item: etree._Element
    source: str
    coverage: Coverage = field(default_factory=Coverage)
    skipped: list[str] = field(default_factory=list)
    """What could not be mapped, each named."""
    notes: list[str] = field(default_factory=list)
    """What was mapped but deserves a word (a modification before publication)."""
    places: dict[str, etree._Element] = field(default_factory=dict)
    """JSON path in the report -> the element it was read from (to place model errors)."""

    own: bool = field(init=False)
    """Whether the item is ours (it declares our namespace)."""

    def __post_init__(self) -> None:
        self.own = NR in self.item.nsmap.values()

    def clean(self, text: str) -> str:
        """Our own text exactly; an agency's with its layout white space folded."""
        return text if self.own else " ".join(text.split())

    def iri(self, value: str | None, what: str) -> str | None:
        """An IRI the source gives: ours as it is (the model judges it), an agency's if it is one."""
        if value is None or self.own or _IRI.match(value):
            return value
        self.skipped.append(f"{what} {value!r} (not an IRI)")
        return None

    def language(self, element: etree._Element, inherited: str | None = None) -> str | None:
        """An element's `xml:lang`, or the one it inherits from what holds it."""
        tag = element.get(XML_LANG)
        if tag is None:
            return inherited
        if self.own or _LANGUAGE.match(tag.strip()):
            return tag if self.own else tag.strip()
        self.skipped.append(f"language {tag!r}")
        return inherited

    def role(self, element: etree._Element, attribute: str = "role") -> str | None:
        """A role as the source names it: a QCode attribute, or ours for a word that is none."""
        value = element.get(attribute) or element.get(nr(attribute))
        return value if value is None or self.own else " ".join(value.split()) or None

    def moment_text(self, raw: str) -> str | None:
        """An agency's date or date-time given as text, in ISO 8601; None if it is none."""
        parsed = None if only_looks_like_a_date(raw) else lenient_date(raw)
        return parsed.isoformat() if parsed is not None else None

    def moment(self, element: etree._Element | None, at: str) -> str | None:
        """The date or date-time an element holds, as the report's part at JSON path `at`: our
        own exactly (the model judges it; `nr:day` marks a day written as midnight), an agency's
        in any spelling `lenient_date` knows."""
        if element is None or not text_of(element).strip():
            return None
        self.coverage.take(element)
        raw = text_of(element)
        if self.own:
            self.places[at] = element
            return raw[:10] if element.get(nr("day")) == "true" else raw
        name = etree.QName(element).localname
        parsed = None if only_looks_like_a_date(raw) else lenient_date(raw)
        if parsed is None:
            self.skipped.append(f"<{name}> {raw.strip()!r} (not a date)")
            return None
        self.places[at] = element
        return parsed.isoformat()
