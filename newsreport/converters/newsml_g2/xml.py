"""Namespaces, safe parsing and small helpers shared by the NewsML-G2 reader, writer and checks."""

from __future__ import annotations

import collections
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypedDict

from lxml import etree

from newsreport.errors import ReadError
from newsreport.limits import MAX_XML_DEPTH
from newsreport.model import Span

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
NR = "https://w3id.org/newsreport/ns#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XS = "http://www.w3.org/2001/XMLSchema"
NSMAP = {None: NAR, "nitf": NITF, "nr": NR, "xs": XS}

IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
CV = "https://w3id.org/newsreport/cv/"
SCHEMES = {
    "nrrel": CV + "rel/",
    "nrrole": CV + "role/",
    "nrstmt": CV + "statementkind/",
    "nrevent": CV + "eventkind/",
    "nrname": CV + "namerole/",
}
"""The project's schemes, declared in every item's inline catalog."""
ID_SCHEME = CV + "id/"
"""Base of the scheme URIs declared for identifier schemes that IPTC's catalog lacks."""
IPTC_ALIASES = frozenset({"ninat", "stat", "cpnat", "wikidata", "geonames", "iso3166-1a2", "medtop", "nprov"})
"""Aliases of IPTC's catalog that we write or check: only these are certain (vendor examples)."""


def nr(name: str) -> str:
    return f"{{{NR}}}{name}"


def spans_value(spans: tuple[Span, ...] | list[Span]) -> str:
    """Spans as an attribute value: `START-END` tokens, space-separated."""
    return " ".join([span_value(s) for s in spans])


def span_value(span: Span) -> str:
    """One span as an attribute value: `START-END`."""
    return f"{span.start}-{span.end}"


def parse_spans(value: str | None) -> list[dict[str, int]]:
    """The spans an attribute value lists: `START-END` tokens in ASCII digits (`int` would also
    take `+5`, ` 5` or other scripts' digits); anything else is a ValueError naming it."""
    spans = []
    for token in (value or "").split():
        start, dash, end = token.partition("-")
        if not (dash and token.isascii() and start.isdigit() and end.isdigit()):
            raise ValueError(f"{token!r} is not a span (START-END)")
        spans.append({"start": int(start), "end": int(end)})
    return spans


_PROLOG_DOCTYPE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<!DOCTYPE", re.DOTALL)
"""A DOCTYPE before the root element, found before the parser sees it (no entity is ever built)."""


class _SafeOptions(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    dtd_validation: bool
    huge_tree: bool
    remove_blank_text: bool


_SAFE: _SafeOptions = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": True,  # libxml2's fixed bounds (10,000,000 bytes of text) would refuse what we write
    "remove_blank_text": False,
}
"""The parser settings of every XML document or item read, whole or a piece at a time. Our own
bounds replace libxml2's: the document size limit, checked before parsing (an item's while it is
read), and `MAX_XML_DEPTH`."""
_PARSER = etree.XMLParser(**_SAFE)
_TOO_DEEP = etree.XPath("(" + "/*" * (MAX_XML_DEPTH + 1) + ")[1]")
"""The first element nested deeper than the limit (each step visits one level of the tree once)."""


def parse(data: bytes, source: str) -> etree._Element:
    """Parse XML safely: no DTD, no entity expansion, no network, no file a document asks for.

    A DOCTYPE is refused outright: NewsML-G2 never needs one, and it is how entity bombs and
    external-entity reads get in.
    """
    check_prolog(data, source)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, source) from None
    check_no_doctype(root, source)
    too_deep = _TOO_DEEP(root)
    if too_deep:
        raise nested_too_deep(too_deep[0], source)
    return root


def pull_parser() -> etree.XMLPullParser:
    """A parser fed a piece at a time, reporting each element's start and end, with the settings
    of `parse`; its reader checks the prolog, the DOCTYPE and the depth as `parse` does."""
    return etree.XMLPullParser(events=("start", "end"), **_SAFE)


def check_prolog(head: bytes, source: str) -> None:
    """Refuse a document whose first bytes, `head`, hold a DOCTYPE before the root element.

    Bytes without `<!DOCTYPE` anywhere cannot match, and a search for it is far cheaper than
    the pattern, whose lazy `.*?` tries every later `?>` (to the end of the document) before
    it fails."""
    if b"<!DOCTYPE" in head and _PROLOG_DOCTYPE.match(head):
        raise _doctype_refused(source)


def check_no_doctype(root: etree._Element, source: str) -> None:
    """Refuse a document whose parser met a DOCTYPE (one `check_prolog` could not see)."""
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _doctype_refused(source)


def _doctype_refused(source: str) -> ReadError:
    return ReadError("a DOCTYPE is not allowed (entities and DTDs are refused)", source=source, format="newsml-g2")


def syntax_error(exc: etree.XMLSyntaxError, source: str) -> ReadError:
    """libxml2's complaint as one line, at the line and column it names."""
    line, column = exc.position
    message = (exc.msg or "syntax error").splitlines()[0].removesuffix(f", line {line}, column {column}")
    return ReadError(f"not well-formed XML: {message}", source=source, location=f"line {line}, column {column}")


def nested_too_deep(element: etree._Element, source: str) -> ReadError:
    """The error for `element`, the first one nested deeper than `MAX_XML_DEPTH`."""
    message = f"elements nest deeper than {MAX_XML_DEPTH} (MAX_XML_DEPTH)"
    return ReadError(message, source=source, location=f"line {element.sourceline}", format="newsml-g2")


def local(element: etree._Element) -> str:
    """An element's name without its namespace, lower-cased (agencies vary both)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2].lower()
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_KEPT:
            _LOCAL_NAMES[tag] = name
    return name


_LOCAL_NAMES: dict[str, str] = {}
"""`local` of each tag met (a document uses a few dozen, over and over)."""
_LOCAL_NAMES_KEPT = 10_000
"""How many tags `_LOCAL_NAMES` keeps: a document of made-up names does not grow it further."""


_Index = dict[etree._Element, dict[str, list[etree._Element]]]
_INDEX: ContextVar[_Index | None] = ContextVar("newsml_g2_index", default=None)


@contextmanager
def indexed() -> Iterator[None]:
    """Inside it, `child` and `children` index an element's children by name the first time
    they are asked about it, and answer from that index after: reading one item asks about the
    same few elements over and over (`contentMeta` dozens of times), and comparing every child's
    name each time was a third of the read. The tree must not change inside it."""
    token = _INDEX.set({})
    try:
        yield
    finally:
        _INDEX.reset(token)


def _named(index: _Index, element: etree._Element) -> dict[str, list[etree._Element]]:
    """An element's children by `local` name, each list in document order, indexed once."""
    found = index.get(element)
    if found is None:
        found = index[element] = {}
        for c in element:
            found.setdefault(local(c), []).append(c)
    return found


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    """Child elements called `name`, whatever their namespace or letter case."""
    if element is None:
        return []
    index = _INDEX.get()
    if index is None:
        lower = name.lower()
        return [c for c in element if local(c) == lower]
    return list(_named(index, element).get(name.lower(), ()))


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    index = _INDEX.get()
    if index is None:
        lower = name.lower()
        return next((c for c in element if local(c) == lower), None)
    found = _named(index, element).get(name.lower())
    return found[0] if found else None


def child_names(element: etree._Element) -> set[str]:
    """The `local` names of an element's child elements."""
    index = _INDEX.get()
    if index is None:
        return {local(e) for e in element if isinstance(e.tag, str)}
    return {name for name in _named(index, element) if name}  # comments and the like are named ""


def text_of(element: etree._Element | None) -> str:
    """All the text inside an element, exactly."""
    if element is None:
        return ""
    if len(element) == 0:  # no child, not even a comment: its own text is all of it
        return element.text or ""
    return "".join(element.itertext())


_NAMESPACE = re.compile(r"\{[^}]*\}")


class PathNames:
    """`path` for many elements of one tree, each parent's children counted once.

    lxml's `getelementpath` counts an element's same-named siblings on every call, so naming a
    problem for each of n subjects of one contentMeta is quadratic; this counts each parent's
    children once and holds them, so lxml gives back the same element objects after."""

    def __init__(self) -> None:
        self._steps: dict[etree._Element, str] = {}

    def __call__(self, element: etree._Element) -> str:
        steps = []
        node, parent = element, element.getparent()
        while parent is not None:
            if node not in self._steps:
                self._count(parent)
            steps.append(self._steps[node])
            node, parent = parent, parent.getparent()
        root = "/" + etree.QName(node).localname
        return "/".join([root, *reversed(steps)])

    def _count(self, parent: etree._Element) -> None:
        named = [child for child in parent if isinstance(child.tag, str)]
        totals = collections.Counter(child.tag for child in named)
        seen: collections.Counter[str] = collections.Counter()
        for child in named:
            tag = str(child.tag)
            name = etree.QName(tag).localname
            seen[tag] += 1
            self._steps[child] = f"{name}[{seen[tag]}]" if totals[tag] > 1 else name


def path(element: etree._Element) -> str:
    """A readable XPath of an element, by local names: `/newsItem/contentMeta/subject[3]`.

    lxml counts the siblings in C (counting them here made naming each of 8,000 problems in one
    contentMeta take 45 s)."""
    tree = element.getroottree()
    inside = tree.getelementpath(element)
    root = "/" + etree.QName(tree.getroot()).localname
    return root if inside == "." else f"{root}/{_NAMESPACE.sub('', inside)}"
