"""The layouts the reader takes, and how the tables of an earlier one map onto today's.

Layout 1.0 (before the model grew) had no tables for texts, tags, concepts, media and links,
kept its authors in `authors.csv` (no `field`, `code` or `role`), and had none of the newer
single-value columns of `reports`. Layout 2.0 had no statement `source` columns and no
`drafted_by_` columns on `reports` (its reports read as checked ones). Reading an earlier
layout, each of today's tables is read from where that layout kept its rows, the columns it
lacks taking the cell given here (empty: unknown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsreport.converters.csv_.tables import BY_NAME, LAYOUT_VERSION, TABLES


@dataclass(frozen=True)
class Source:
    """Where a layout keeps a table's rows: its resource (none: the layout has no such rows),
    and the cell each row gets for a column the layout lacks."""

    resource: str | None
    filled: dict[str, str] = field(default_factory=dict)

    def header(self, table: str) -> list[str]:
        """The columns the layout's file has."""
        return [c for c in BY_NAME[table].header if c not in self.filled]


_DRAFTED_BY = ("drafted_by_software", "drafted_by_version", "drafted_by_pipeline")
_SOURCE = ("source", "source_start_char", "source_end_char")
_LAYOUT_2_0 = {
    "reports": Source("reports", dict.fromkeys(_DRAFTED_BY, "")),
    "statements": Source("statements", dict.fromkeys(_SOURCE, "")),
}
"""What layout 2.0 lacks: the columns of a statement's source words and of a report's drafting program."""

_REPORTS_1_0 = (
    "first_created",
    "version_created",
    "version",
    "status",
    "embargoed_until",
    "publisher_code",
    "publisher_role",
    "byline",
    "credit_line",
    "slugline",
    "urgency",
    "free_access",
    "rights",
    "rights_holder_kind",
    "rights_holder_name",
    "rights_holder_url",
    "rights_holder_code",
    "rights_holder_role",
    "rights_license",
    "body_origin",
    *_DRAFTED_BY,
)

LAYOUTS: dict[str, dict[str, Source]] = {
    LAYOUT_VERSION: {table.name: Source(table.name) for table in TABLES},
    "2.0": {table.name: Source(table.name) for table in TABLES} | _LAYOUT_2_0,
    "1.0": {table.name: Source(table.name) for table in TABLES}
    | _LAYOUT_2_0
    | {
        "reports": Source("reports", dict.fromkeys(_REPORTS_1_0, "")),
        "agents": Source("authors", {"field": "author", "code": "", "role": ""}),
    }
    | {name: Source(None) for name in ("texts", "tags", "concepts", "concept_names", "media", "links")},
}
"""For each layout the reader takes, where each of today's tables is."""
