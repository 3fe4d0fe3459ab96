"""JSON-LD expansion with no network: schema.org's context is answered locally, any other refused.

schema.org's published context is 200 KB of term definitions whose only effect on expansion
that matters to us is `@vocab` (plus the `id`/`type` aliases and the `schema:` prefix); the
rest coerces value types, which our readers ignore. So a four-entry stand-in gives the same
IRIs for every term, and no document can make us fetch anything.

pyld (and the `requests` it imports) is loaded on the first expansion, not on import: a tenth
of a second that every `newsreport` command not reading JSON-LD would otherwise pay.
"""

from __future__ import annotations

from typing import Any

SCHEMA_CONTEXT = {
    "@context": {"@vocab": "http://schema.org/", "id": "@id", "type": "@type", "schema": "http://schema.org/"}
}
_SCHEMA_URLS = {"schema.org", "schema.org/docs/jsonldcontext.jsonld", "schema.org/docs/jsonldcontext.json"}


class RemoteContextError(ValueError):
    """A document asked for a context other than schema.org's."""


def is_schema_org(url: str) -> bool:
    """Whether `url` is schema.org's context in one of the spellings pages use: http or https,
    `www.` or not, any case of the host, with or without a trailing slash."""
    rest = url.strip().split("://", 1)[-1]
    host, _, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}/{path}".rstrip("/") in _SCHEMA_URLS


def _loader(url: str, options: object = None) -> dict[str, Any]:
    if is_schema_org(url):
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": SCHEMA_CONTEXT,
        }
    raise RemoteContextError(f"refusing to fetch the remote context {url!r} (newsreport works offline)")


_OPTIONS = {"documentLoader": _loader}


def expand(doc: object) -> list[dict[str, Any]]:
    """`doc` expanded; a node or list without `@context` is read as schema.org, as publishers mean it."""
    if isinstance(doc, dict) and "@context" not in doc:
        doc = {"@context": "https://schema.org", **doc}
    elif isinstance(doc, list):
        doc = [
            {"@context": "https://schema.org", **d} if isinstance(d, dict) and "@context" not in d else d for d in doc
        ]
    return _run(doc)


def _run(doc: object) -> list[dict[str, Any]]:
    """pyld's expansion, turning its error (whose cause may be our refusal) into a one-line ValueError."""
    from pyld import jsonld

    try:
        result: list[dict[str, Any]] = jsonld.expand(doc, _OPTIONS)
    except jsonld.JsonLdError as exc:
        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, RemoteContextError):
                raise cause from None
            cause = getattr(cause, "cause", None) or cause.__cause__
        raise ValueError(f"not valid JSON-LD: {_first_line(exc)}") from None
    except RecursionError:
        raise ValueError("not valid JSON-LD: nested too deeply") from None
    return result


def _first_line(exc: BaseException) -> str:
    """pyld's errors are multi-line reprs; keep the message and the error code."""
    message = exc.args[0] if exc.args else str(exc)
    code = getattr(exc, "code", None)
    text = str(message).splitlines()[0] if str(message) else type(exc).__name__
    return f"{text} ({code})" if code else text
