"""Conversion between NewsReport and IPTC NewsML-G2 (a newsItem; a newsMessage for many).

The reader, writer and checker are imported on first use (`deferred`): knowing the format costs
nothing until a NewsML-G2 document is read or written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsreport.converters.format import Format, deferred

if TYPE_CHECKING:
    from newsreport.converters.newsml_g2.reader import read, read_items
    from newsreport.converters.newsml_g2.writer import write, write_message
else:
    read = deferred("newsreport.converters.newsml_g2.reader", "read")
    read_items = deferred("newsreport.converters.newsml_g2.reader", "read_items")
    write = deferred("newsreport.converters.newsml_g2.writer", "write")
    write_message = deferred("newsreport.converters.newsml_g2.writer", "write_message")

FORMAT = Format(
    name="newsml-g2",
    extensions=(".xml", ".newsml.xml"),
    media_type="application/vnd.iptc.g2.newsitem+xml",
    summary="IPTC NewsML-G2 2.35: a newsItem, or a newsMessage for many",
    read=read,
    write=write,
    read_stream=read_items,
    write_stream=write_message,
    check=deferred("newsreport.converters.newsml_g2.check", "check"),
)

__all__ = ["FORMAT", "read", "read_items", "write", "write_message"]
