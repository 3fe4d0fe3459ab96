"""Every node of expanded JSON-LD documents in one map by `@id`: what pyld's `flatten` gives, in
linear time.

pyld's flatten checks each value it adds against every value the property already holds (to
drop duplicates), so an article with n `mentions` costs n²/2 comparisons: 10,000 of them took a
minute. Here each property keeps a set of what it holds. The walk keeps its own stack, so no
nesting can exhaust Python's; named graphs (`@graph` inside a node) and `@included` nodes join
the one map, as a lenient reader wants them.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

Node = dict[str, Any]

_SCHEMA_IRI = re.compile(r"^https?://(?:www\.)?schema\.org/?", re.IGNORECASE)


def local(iri: str) -> str:
    """A schema.org IRI as its bare term (`http://schema.org/headline` → `headline`)."""
    return _SCHEMA_IRI.sub("", iri)


_Task = tuple[Any, str | None, str, list[Any] | None, bool]
"""What is left to walk: an element, the node and property it is a value of (or the list it goes
into), and whether the link is a reverse one (the element's node gets the property)."""


class NodeMap:
    """The nodes of any number of expanded documents; a node named in several is merged.

    Values are `{"@id": ...}` links, value objects, or `{"@list": [...]}` of those; blank nodes
    are relabelled per document (`_:d0b3`), since their labels mean nothing outside it.
    """

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self._held: dict[tuple[str, str], set[tuple[str, str]]] = {}
        self._documents = 0

    def add(self, expanded: list[Any]) -> None:
        """Add the nodes of one expanded document."""
        prefix = f"_:d{self._documents}b"
        self._documents += 1
        blank: dict[str, str] = {}
        count = itertools.count()

        def label(iri: str | None) -> str:
            if iri is not None and not iri.startswith("_:"):
                return iri
            if iri is None:
                return f"{prefix}{next(count)}"
            if iri not in blank:
                blank[iri] = f"{prefix}{next(count)}"
            return blank[iri]

        stack: list[_Task] = [(expanded, None, "", None, False)]
        while stack:
            element, subject, prop, into, reverse = stack.pop()
            if isinstance(element, list):
                stack += [(item, subject, prop, into, reverse) for item in reversed(element)]
            elif not isinstance(element, dict):
                continue
            elif "@value" in element:
                self._link(subject, prop, element, into)
            elif "@list" in element:
                items: list[Any] = []
                self._link(subject, prop, {"@list": items}, into)
                stack += [(item, subject, prop, items, False) for item in reversed(element["@list"])]
            else:
                node_id = label(element.get("@id"))
                node = self.nodes.setdefault(node_id, {"@id": node_id, "@type": []})
                if reverse and subject is not None:
                    self._link(node_id, prop, {"@id": subject}, None)
                else:
                    self._link(subject, prop, {"@id": node_id}, into)
                for kind in element.get("@type", []):
                    self._link(node_id, "@type", local(kind), None)
                pending: list[_Task] = []
                for key, values in element.items():
                    if key in ("@graph", "@included"):
                        pending.append((values, None, "", None, False))
                    elif key == "@reverse":
                        pending += [(v, node_id, local(p), None, True) for p, v in values.items()]
                    elif not key.startswith("@"):
                        node.setdefault(local(key), [])
                        pending.append((values, node_id, local(key), None, False))
                stack += reversed(pending)

    def _link(self, subject: str | None, prop: str, value: Any, into: list[Any] | None) -> None:
        """Add `value` to a list, or to `subject`'s `prop` unless the property holds it already."""
        if into is not None:
            into.append(value)
            return
        if subject is None:
            return  # a value outside any node: JSON-LD drops it
        if not (isinstance(value, dict) and "@list" in value):
            held = self._held.setdefault((subject, prop), set())
            key = _identity(value)
            if key in held:
                return
            held.add(key)
        self.nodes[subject].setdefault(prop, []).append(value)


def _identity(value: Any) -> tuple[str, str]:
    """What makes two values of a property the same one: a link's `@id`, a type's IRI, or the
    whole value object."""
    if isinstance(value, str):
        return ("@type", value)
    if set(value) == {"@id"}:
        return ("@id", value["@id"])
    return ("@value", json.dumps(value, sort_keys=True))
