"""Paragraphs and subheadings found in plain text."""

from __future__ import annotations

from newsreport.extraction.blocks import find_blocks


def _words(text: str) -> list[tuple[str, str]]:
    return [(block.kind, text[block.start : block.end]) for block in find_blocks(text)]


def test_paragraphs_split_on_blank_lines_without_surrounding_space() -> None:
    """Blank lines separate paragraphs; a leading space and a trailing newline stay out of the spans."""
    text = " First paragraph here.\n\nSecond one, longer, ends here.\n  \nThird.\n"
    assert _words(text) == [
        ("paragraph", "First paragraph here."),
        ("paragraph", "Second one, longer, ends here."),
        ("paragraph", "Third."),
    ]


def test_single_newline_text_has_a_paragraph_per_line() -> None:
    """A text with no blank line but several lines has one paragraph per line."""
    assert _words("One line.\nAnother line.\n") == [("paragraph", "One line."), ("paragraph", "Another line.")]


def test_crlf_and_nbsp_are_edge_space() -> None:
    """CRLF line ends and no-break spaces around a paragraph are not part of it."""
    text = "\u00a0Alpha beta gamma.\r\n\r\nDelta epsilon.\u00a0\r\n"
    assert _words(text) == [("paragraph", "Alpha beta gamma."), ("paragraph", "Delta epsilon.")]


def test_subheading_is_short_and_has_no_final_stop() -> None:
    """A short line with no stop between paragraphs is a subheading; a sentence is not."""
    text = "The talks went on for hours.\n\nCouncil chief praises the deal\n\nShe left early."
    assert [kind for kind, _ in _words(text)] == ["paragraph", "subheading", "paragraph"]


def test_seed_article_blocks(article: str) -> None:
    """The seed article: 12 paragraphs and one subheading, the first from its leading space on."""
    blocks = find_blocks(article)
    assert len(blocks) == 13
    assert (blocks[0].start, blocks[0].end) == (1, 151)
    assert [(b.start, b.end) for b in blocks if b.kind == "subheading"] == [(2498, 2564)]


def test_single_line_break_after_a_sentence_ends_a_paragraph_in_a_blank_line_text() -> None:
    """In a text with blank lines, a line break after a sentence's end also ends a paragraph; a
    hard-wrapped line inside a sentence does not."""
    text = "First paragraph ends here.\nSecond one starts, and it wraps\nin the middle.\n\nThird."
    assert _words(text) == [
        ("paragraph", "First paragraph ends here."),
        ("paragraph", "Second one starts, and it wraps\nin the middle."),
        ("paragraph", "Third."),
    ]


def test_a_line_signed_with_a_bar_ends_its_paragraph() -> None:
    """HuffPost's readers' quotes, one a line, each signed `― Name`, in a text with blank lines."""
    text = (
        "Readers wrote in.\n\n\u201cIt was a bully.\u201d \u2015 Ann Lee\n"
        "\u201cIt was sad.\u201d \u2015 Bo Ray\n\nThe end."
    )
    assert [text[block.start : block.end] for block in find_blocks(text)] == [
        "Readers wrote in.",
        "\u201cIt was a bully.\u201d \u2015 Ann Lee",
        "\u201cIt was sad.\u201d \u2015 Bo Ray",
        "The end.",
    ]
