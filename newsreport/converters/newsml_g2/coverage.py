"""What of a newsItem the reader has mapped, so that the rest is named in a warning.

The reader marks each element it maps (with everything inside it, or as a container whose
children are judged one by one); `unmapped` then walks the item and names every element that
is neither mapped nor inside a mapped one, grouped by name: nothing is dropped without a word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lxml import etree

from newsreport.converters.newsml_g2.xml import local


class Coverage:
    """The elements of one item that the reader mapped."""

    def __init__(self) -> None:
        self._whole: set[etree._Element] = set()  # mapped with everything inside
        self._containers: set[etree._Element] = set()  # mapped, their children judged on their own
        self._attributes: Counter[str] = Counter()  # `<element>@attribute` not mapped, by name

    def attributes(self, element: etree._Element, mapped: Iterable[str]) -> None:
        """The attributes of a mapped `element` other than `mapped` (local names) are named."""
        keep = set(mapped)
        for name in element.attrib:
            attribute = etree.QName(name).localname if name.startswith("{") else name
            if attribute not in keep:
                self._attributes[f"{etree.QName(element).localname}@{attribute}"] += 1

    def take(self, element: etree._Element | None, but: Iterable[str] = ()) -> None:
        """`element` is mapped with everything inside it, except its children called one of `but`
        (local names, lower case), which stay to be mapped or named."""
        if element is None:
            return
        leave = set(but)
        if not leave:
            self._whole.add(element)
            return
        self._containers.add(element)
        for inner in element:
            if isinstance(inner.tag, str) and local(inner) not in leave:
                self._whole.add(inner)

    def enter(self, element: etree._Element | None) -> None:
        """`element` itself is mapped; each child is mapped or named on its own."""
        if element is not None:
            self._containers.add(element)

    def merge(self, other: Coverage) -> None:
        """What `other` marked is marked here too."""
        self._whole |= other._whole
        self._containers |= other._containers

    def taken(self, element: etree._Element) -> bool:
        """Whether `element` is mapped, itself or as part of a mapped element."""
        return any(e in self._whole for e in _self_and_ancestors(element)) or element in self._containers

    def unmapped(self, root: etree._Element) -> list[tuple[str, int]]:
        """The elements under `root` not mapped, as (name, how many), in order of first meeting;
        an element named covers what it holds."""
        found: Counter[str] = Counter()
        stack = [root]
        while stack:
            element = stack.pop()
            if element in self._whole:
                continue
            if element not in self._containers:
                found[etree.QName(element).localname] += 1
                continue
            stack.extend(reversed([e for e in element if isinstance(e.tag, str)]))
        return list(found.items()) + list(self._attributes.items())


def named(unmapped: list[tuple[str, int]]) -> str:
    """The unmapped elements and attributes as one phrase: `<altId> (6), <service>, <subject>@why (2)`."""
    return ", ".join(_one(name) + (f" ({count})" if count > 1 else "") for name, count in unmapped)


def _one(name: str) -> str:
    element, at, attribute = name.partition("@")
    return f"<{element}>{at}{attribute}"


def _self_and_ancestors(element: etree._Element) -> Iterable[etree._Element]:
    current: etree._Element | None = element
    while current is not None:
        yield current
        current = current.getparent()
