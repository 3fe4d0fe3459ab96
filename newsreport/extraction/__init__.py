"""Drafting a report from its text: who said what, when and where, each fact pointing at its words.

`extract(text)` turns a plain-text article into a drafted `NewsReport`; `extract_into(report)`
drafts the same parts into a report read from another format that has a body but no
statements. The default pipeline is deterministic rules over the text with lexicons shipped in
the package (`lexicons/`); nothing is downloaded.

One module per step, run in this order by `draft`: `blocks` (paragraphs, subheadings),
`dateline`, `attribution` (quotes and reported speech: source, cue, content), `participants`
(persons, organizations, places; who each attribution's source stands for), `events` (the event
covered and earlier ones, with `dates` resolved against the publication date), `happenings`
(dates beside a verb: what happened, and when each statement was made). The steps hand each
other the plain records of `found`; `merge` fits a draft to a report that has participants.
"""

from newsreport.extraction.draft import SOFTWARE, extract, extract_into, text_id

__all__ = ["SOFTWARE", "extract", "extract_into", "text_id"]
