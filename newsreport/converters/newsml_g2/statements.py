"""The statements of one of our items: each a `partMeta` with an `nrstmt:` role."""

from __future__ import annotations

from typing import Any

from newsreport.converters.newsml_g2.context import Context
from newsreport.converters.newsml_g2.participants import Subjects
from newsreport.converters.newsml_g2.xml import child, children, nr, text_of

Node = dict[str, Any]


def statements(ctx: Context, subjects: Subjects, prefix: str) -> list[Node]:
    """The statements, in order; a `partMeta` of another kind is left to be named. `prefix` is
    what a newsMessage put before each id to keep it unique in the message."""
    found: list[Node] = []
    for part in children(ctx.item, "partMeta"):
        role_element = child(part, "role")
        role = role_element.get("qcode", "") if role_element is not None else ""
        if not role.startswith("nrstmt:"):
            continue
        ctx.coverage.take(part)
        ctx.places[f"$.statements[{len(found)}]"] = part
        spans = subjects.spans(part, "span")
        verb = child(part, "reportingVerb")
        verb_spans = subjects.spans(verb, "span") if verb is not None else []
        source = child(part, "source")
        source_spans = subjects.spans(source, "span") if source is not None else []
        found.append(
            {
                "id": part.get("partid", "").removeprefix(prefix),
                "kind": role.removeprefix("nrstmt:"),
                "speakers": [subjects.ref(s) for s in children(part, "infoSource") if s.get("role") == "nrrel:speaker"],
                "text": text_of(child(part, "description")),
                "span": spans[0] if spans else None,
                "reporting_verb": {"text": text_of(verb), "span": verb_spans[0]} if verb is not None else None,
                "source": {"text": text_of(source), "span": source_spans[0]} if source is not None else None,
                "event": part.get(nr("event")),
                "about": [subjects.ref(s) for s in children(part, "subject")],
            }
        )
    return found
