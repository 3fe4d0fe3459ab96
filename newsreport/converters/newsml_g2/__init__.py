"""Conversion between NewsReport and IPTC NewsML-G2 (a newsItem; a newsMessage for many)."""

from __future__ import annotations

from newsreport.converters.format import Format
from newsreport.converters.newsml_g2.check import check
from newsreport.converters.newsml_g2.reader import read, read_items
from newsreport.converters.newsml_g2.writer import write, write_message

FORMAT = Format(
    name="newsml-g2",
    extensions=(".xml", ".newsml.xml"),
    media_type="application/vnd.iptc.g2.newsitem+xml",
    summary="IPTC NewsML-G2 2.35: a newsItem, or a newsMessage for many",
    read=read,
    write=write,
    read_stream=read_items,
    write_stream=write_message,
    check=check,
)

__all__ = ["FORMAT", "read", "read_items", "write", "write_message"]
