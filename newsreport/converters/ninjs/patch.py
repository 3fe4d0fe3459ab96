"""RFC 7386 JSON Merge Patch: the extension that carries what ninjs cannot say.

A merge patch, not a JSON Patch (RFC 6902) or a full copy of the report: it is itself a plain
JSON object holding exactly the parts of the report that reading the native document does not
give back, so the extension is empty (and left out) for a report ninjs says in full, and small
for one it says nearly in full. Arrays are replaced whole (RFC 7386 has no array operations).
A `null` in a patch removes a key; our dumps leave unknown values out (`exclude_none`), so a
null always means "absent" and nothing is lost by the one weakness of merge patches.
"""

from __future__ import annotations

from typing import Any


def diff(source: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    """The merge patch that turns `source` into `target`."""
    patch: dict[str, Any] = {key: None for key in source if key not in target}
    for key, value in target.items():
        old = source.get(key)
        if isinstance(value, dict) and isinstance(old, dict):
            inner = diff(old, value)
            if inner:
                patch[key] = inner
        elif key not in source or old != value or type(old) is not type(value):
            patch[key] = value
    return patch


def apply(target: Any, patch: Any) -> Any:
    """`target` with the merge `patch` applied (RFC 7386, section 2); `target` is not changed."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = apply(out.get(key), value)
    return out
