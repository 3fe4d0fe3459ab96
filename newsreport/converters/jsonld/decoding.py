"""An HTML page's bytes as text, decoded as browsers decode it (the HTML standard's encoding
sniffing, without a transport layer).

1. A byte order mark decides (UTF-8, UTF-16 LE or BE).
2. Else the `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">`
   of the head is looked for: the standard's prescan reads the first 1024 bytes, and real pages
   put the tag later, after a long head or after the first non-ASCII byte, so the whole head is
   searched (up to `</head>`, and at most `_HEAD_LIMIT` bytes).
3. Bytes that decode as strict UTF-8 are UTF-8, whatever a legacy label says: a page labelled
   ISO-8859-1 whose non-ASCII bytes all form UTF-8 sequences is a mislabelled UTF-8 page (the
   other way round is next to impossible in real text), and reading it as labelled is mojibake.
4. Else the declared encoding (labels as the WHATWG Encoding standard maps them: `iso-8859-1`
   and `ascii` are windows-1252), or windows-1252, the fallback of browsers in most locales.
   A page declared UTF-8 that is not is decoded with replacement characters, as browsers do.
"""

from __future__ import annotations

import codecs
import re

_HEAD_LIMIT = 1 << 20
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "iso_8859-1"}
_WINDOWS_1252_LABELS |= {"cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1"}
_UTF8_LABELS = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be"}
"""A meta tag saying UTF-16 means UTF-8: the page could not carry it in ASCII otherwise."""


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it was decoded with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    declared = declared_encoding(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = declared or "windows-1252"
    return data.decode(encoding, errors="replace"), encoding


def declared_encoding(data: bytes) -> str | None:
    """The encoding the page's head declares in a meta tag, as a Python codec name; None if none
    or an unknown one."""
    end = _HEAD_END.search(data, 0, _HEAD_LIMIT)
    head = data[: end.start() if end else max(1024, min(len(data), _HEAD_LIMIT))]
    for meta in _META.finditer(head):
        found = _CHARSET.search(meta[0])
        if found:
            encoding = _codec(found[1].decode("ascii").lower())
            if encoding:
                return encoding
    return None


def _codec(label: str) -> str | None:
    if label in _UTF8_LABELS:
        return "utf-8"
    if label in _WINDOWS_1252_LABELS:
        return "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
