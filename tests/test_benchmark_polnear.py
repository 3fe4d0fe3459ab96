"""The PolNeAR benchmark's brat reader on a made-up article, and its metric on hand-computed cases."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import benchmarks.extract.__main__ as runner
from benchmarks.extract.metric import Predicted, Tally, coverage, covering, figures, inside_some, overlap, score
from benchmarks.extract.polnear import GoldAttribution, PolnearError, read_split
from newsreport.model import NewsReport

FIXTURE = Path(__file__).parent / "data" / "polnear-like"
NAME = "gazette_2016-09-12_synthetic-bridge-story"


@pytest.fixture(scope="module")
def article_text() -> str:
    return (FIXTURE / "text" / f"{NAME}.txt").read_text(encoding="utf-8")


def at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def test_reads_the_article_with_its_first_annotation_file_by_name() -> None:
    """The name gives publisher and date; `_a111.ann` is read, `_b222.ann` (one span, no E) is not."""
    (article,) = read_split(FIXTURE)
    assert (article.name, article.publisher, article.published) == (NAME, "gazette", date(2016, 9, 12))
    assert article.annotation.name == f"{NAME}_a111.ann"
    assert len(article.attributions) == 5


def test_a_split_quote_is_one_content_of_two_pieces_in_offset_order(article_text: str) -> None:
    """E1's content is listed as `81 99;32 59`; the reader gives the pieces sorted, joined in that order."""
    first = read_split(FIXTURE)[0].attributions[0]
    assert first.content == (at(article_text, "“We will build the bridge,”"), at(article_text, "“It opens in May.”"))
    assert first.content_text == "“We will build the bridge,” “It opens in May.”"
    assert first.direct
    assert first.source == (at(article_text, "Mayor Ada Lane"),)
    assert first.cue == (at(article_text, "said"),)


def test_arguments_in_any_order_and_no_source(article_text: str) -> None:
    """E2 lists its trigger last; E3 is an `Attribution-no-source`: no source, a cue, not direct."""
    _, second, third, *_ = read_split(FIXTURE)[0].attributions
    assert second.source == (at(article_text, "The council"),)
    assert second.content_text == "that the cost was too high"
    assert third.source == ()
    assert third.cue == (at(article_text, "rumoured"),)
    assert not third.direct


def test_content2_joins_the_content(article_text: str) -> None:
    fourth = read_split(FIXTURE)[0].attributions[3]
    assert fourth.content == (at(article_text, "the plan"), at(article_text, "is flawed"))
    assert fourth.content_text == "the plan is flawed"


def test_covered_text_over_continuation_lines(article_text: str) -> None:
    """T18's covered text holds two newlines, so the record goes on over two more lines (one empty)."""
    fifth = read_split(FIXTURE)[0].attributions[4]
    start = article_text.index("“The first")
    end = article_text.index("ends it,”") + len("ends it,”")
    assert fifth.content == ((start, end),)
    assert fifth.content_text == "“The first paragraph of a long quote.\n\n“The second paragraph ends it,”"
    assert fifth.direct
    assert fifth.source == (at(article_text, "Lane", end),)


def split_with(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "split"
    shutil.copytree(FIXTURE, folder)
    annotation = folder / "attributions" / f"{NAME}_a111.ann"
    annotation.write_text(annotation.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("E6\tAttribution:T3 Speaker:T1\n", "unknown argument 'Speaker:T1'"),
        ("E6\tContent:T4 Cue:T2\n", "no Attribution or Attribution-no-source trigger"),
        ("E6\tAttribution:T3 Content:T99\n", "content T99 is not a span of the file"),
        ("a stray line\n", "not a brat record"),
        ("T23\tCue 320 9999\tadded\n", "span 320 9999 is outside the text"),
        ("T23\tCue 323 328\tsaid\n", "the covered text is not the text at 323 328"),
        ("T23\tCue 323\tadded\n", "not a span line"),
    ],
)
def test_a_malformed_line_is_refused_naming_file_and_line(tmp_path: Path, extra: str, message: str) -> None:
    """The fixture's file has 30 lines; the line added is line 31, and the error says so in one line."""
    with pytest.raises(PolnearError, match=message) as refused:
        read_split(split_with(tmp_path, extra))
    assert f"{NAME}_a111.ann:31: " in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_text_without_annotation_file_is_refused(tmp_path: Path) -> None:
    folder = split_with(tmp_path, "")
    (folder / "text" / "gazette_2016-09-13_another.txt").write_text("Nothing.", encoding="utf-8")
    with pytest.raises(PolnearError, match=r"no attributions/gazette_2016-09-13_another_XXXX\.ann"):
        read_split(folder)


@pytest.mark.parametrize(
    ("content", "direct"),
    [
        ("“Yes”", True),
        ('"Yes"', True),
        ("''Yes,'' he said", True),
        ("'Yes'", True),
        ("‘Yes’", True),
        ("”Yes”", True),
        ("«Oui»", True),
        ("„Ja“", True),
        ("\u2039Oui\u203a", True),
        ("\u201aJa\u2018", True),
        ("that yes", False),
        ("— yes", False),
    ],
)
def test_direct_means_the_content_starts_with_a_quote_mark(content: str, direct: bool) -> None:
    assert GoldAttribution(((0, len(content)),), (), (), content).direct is direct


def test_coverage_and_overlap_count_characters_of_the_union() -> None:
    """Gold 0-10 and 20-30 (20 characters); 5-25 covers 5 + 5; overlapping predictions count once."""
    assert overlap([(0, 10), (20, 30)], [(5, 25)]) == 10
    assert coverage([(0, 10), (20, 30)], [(5, 25)]) == 0.5
    assert coverage([(0, 10), (20, 30)], [(0, 8), (4, 10), (28, 40)]) == 0.6
    assert coverage([(0, 10)], []) == 0.0


def test_inside_some_wants_half_in_one_content() -> None:
    """Half inside one content counts, half spread over two does not; an empty span never counts."""
    assert inside_some((0, 10), [[(5, 20)]])
    assert not inside_some((0, 10), [[(6, 20)]])
    assert not inside_some((0, 10), [[(0, 4)], [(4, 8)]])
    assert inside_some((0, 10), [[(0, 4), (6, 8)]])
    assert not inside_some((5, 5), [[(0, 10)]])


def test_covering_is_the_most_overlapping_statement_first_on_a_tie() -> None:
    a, b, c = Predicted("direct", (0, 5)), Predicted("direct", (5, 10)), Predicted("partial", (3, 10))
    assert covering([(0, 10)], [a, b]) is a
    assert covering([(0, 10)], [a, b, c]) is c
    assert covering([(20, 30)], [a, b, c]) is None


def gold(
    content: list[tuple[int, int]], direct: bool, source: list[tuple[int, int]], cue: list[tuple[int, int]]
) -> GoldAttribution:
    return GoldAttribution(tuple(content), tuple(cue), tuple(source), "“quoted" if direct else "that ...")


GOLD = [
    gold([(0, 10), (20, 30)], True, [(12, 15)], [(16, 19)]),  # A: split quote, 20 characters
    gold([(40, 50)], True, [], [(51, 55)]),  # B: direct, no source
    gold([(60, 80)], False, [(56, 59)], [(81, 85)]),  # C: indirect
    gold([(90, 100)], False, [], []),  # D: indirect, nothing else
    GoldAttribution((), ((101, 104),), (), ""),  # E: no content, left out
]
PREDICTED = [
    Predicted("direct", (1, 9), cue=(16, 19), source=(12, 15)),  # 8 of A
    Predicted("direct", (21, 30), speaker_mentions=((13, 14),)),  # 9 of A: covers A, speaker by a mention, no cue
    Predicted("partial", (41, 44), cue=(51, 55)),  # 3 of B: coverage 0.3 exactly
    Predicted("indirect", (60, 70)),  # half of C, inside it
    Predicted("indirect", (95, 110)),  # half of D, but 5 of its 15 inside D
    Predicted("direct", (200, 210)),  # outside every content
]


def test_score_counts_every_figure_of_a_hand_made_article() -> None:
    """A: coverage 17/20 = 0.85, covered by the 9-character statement (speaker by mention, no cue);
    B: 0.3 (recall@0.3 only; no source, so out of the speaker count; cue right); C and D covered
    0.5; precision 2 of 3 direct, 1 of 2 indirect."""
    tally = score(GOLD, PREDICTED)
    assert (tally.gold_direct, tally.direct_covered_03, tally.direct_covered_08) == (2, 2, 1)
    assert (tally.predicted_direct, tally.predicted_direct_inside, tally.predicted_partial) == (3, 2, 1)
    assert (tally.speaker_judged, tally.speaker_right, tally.speaker_no_gold_source) == (1, 1, 1)
    assert (tally.cue_judged, tally.cue_right, tally.cue_no_gold_cue) == (2, 1, 0)
    assert (tally.gold_indirect, tally.indirect_covered_03) == (2, 2)
    assert (tally.predicted_indirect, tally.predicted_indirect_inside) == (2, 1)
    assert figures(tally) == {
        "direct_recall_08": 0.5,
        "direct_recall_03": 1.0,
        "direct_precision": 2 / 3,
        "speaker_accuracy": 1.0,
        "cue_accuracy": 0.5,
        "indirect_recall_03": 1.0,
        "indirect_precision": 0.5,
    }
    assert [(m.what, m.statement) for m in tally.misses] == [
        ("cue", PREDICTED[1]),
        ("recall", PREDICTED[2]),
        ("indirect precision", PREDICTED[4]),
        ("precision", PREDICTED[5]),
    ]
    assert tally.misses[1].gold is GOLD[1] and tally.misses[1].coverage == pytest.approx(0.3)
    assert tally.misses[2].gold is GOLD[3]  # P5 overlaps D, though less than half inside it
    assert tally.misses[3].gold is None  # P6 overlaps no attribution


def test_wrong_speaker_and_uncovered_quotes() -> None:
    """A source beside the gold one is wrong; a quote covered below 0.3 is judged for neither."""
    quote = gold([(0, 10)], True, [(12, 15)], [(16, 19)])
    wrong = score([quote], [Predicted("direct", (0, 10), cue=(16, 19), source=(15, 20))])
    assert (wrong.speaker_judged, wrong.speaker_right, wrong.cue_right) == (1, 0, 1)
    barely = score([quote], [Predicted("direct", (0, 2), cue=(16, 19), source=(12, 15))])
    assert (barely.direct_covered_03, barely.speaker_judged, barely.cue_judged) == (0, 0, 0)
    assert figures(Tally())["direct_recall_03"] is None


def test_tallies_add_up() -> None:
    """The second article is A alone with the 8-character statement: covered 0.4, one recall miss."""
    both = score(GOLD, PREDICTED) + score(GOLD[:1], PREDICTED[:1])
    assert (both.articles, both.gold_direct, both.direct_covered_03, both.predicted_direct) == (2, 3, 3, 4)
    assert [m.what for m in both.misses] == ["cue", "recall", "indirect precision", "precision", "recall"]


def echo_gold(text: str, *, published: date | None = None, language: str | None = None) -> NewsReport:
    """A stand-in extractor: on the fixture, E1's first piece as a direct quote inside its marks,
    spoken by a participant named at E1's source (no source excerpt); elsewhere nothing."""
    statements, participants = [], []
    if "Ada Lane" in text:
        start, end = at(text, "We will build the bridge,")
        lane = at(text, "Mayor Ada Lane")
        participants = [
            {"id": "lane", "kind": "person", "name": "Ada Lane", "mentions": [{"start": lane[0], "end": lane[1]}]}
        ]
        said = at(text, "said")
        statements = [
            {
                "id": "s1",
                "kind": "direct",
                "speakers": ["lane"],
                "text": text[start:end],
                "span": {"start": start, "end": end},
                "reporting_verb": {"text": "said", "span": {"start": said[0], "end": said[1]}},
            }
        ]
    return NewsReport.model_validate(
        {
            "id": "urn:example:draft",
            "headline": {"text": "draft", "origin": "editorial"},
            "body": {"text": text},
            "participants": participants,
            "statements": statements,
        }
    )


def test_the_runner_prints_one_table_over_the_split(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """E1 (two pieces, 45 characters with their marks) is covered 25/45 >= 0.3, not 0.8; its speaker
    is right by the participant's mention; E5 is missed; 1 of the 1 predicted direct is inside E1."""
    monkeypatch.setattr(runner, "load_extractor", lambda: echo_gold)
    assert runner.main([str(FIXTURE), "--passes", "1", "--errors", "1", "--by-publisher"]) == 0
    out = capsys.readouterr().out
    assert "| direct quotes recall@0.3 | 0.500 (1 of 2) | ≥ 0.97 |" in out
    assert "| direct quotes recall@0.8 | 0.000 (0 of 2) | ≥ 0.92 |" in out
    assert "| direct quotes precision | 1.000 (1 of 1) | ≥ 0.97 |" in out
    assert "| speaker accuracy (covered ≥ 0.3; 0 gold without a source left out) | 1.000 (1 of 1) | ≥ 0.96 |" in out
    assert "| cue accuracy (covered ≥ 0.3; 0 gold without a cue left out) | 1.000 (1 of 1) | ≥ 0.96 |" in out
    assert "| seed: direct statements found | 0 of 2 | all |" in out
    assert "| gazette | 1 | 2 | 1 |" in out
    assert "### recall misses: 2 (the first 1)" in out


def test_the_runner_says_in_one_line_when_there_is_no_extractor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing() -> None:
        raise ImportError("newsreport.extract cannot be imported (ModuleNotFoundError: no)")

    monkeypatch.setattr(runner, "load_extractor", missing)
    assert runner.main([str(FIXTURE)]) == 1
    err = capsys.readouterr().err
    assert err == "benchmarks.extract: error: newsreport.extract cannot be imported (ModuleNotFoundError: no)\n"


def test_a_draft_whose_body_is_not_the_text_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(runner, "load_extractor", lambda: lambda text, **_: echo_gold(text.strip()))
    assert runner.main([str(FIXTURE), "--passes", "0"]) == 1
    assert "body.text is not the article's text" in capsys.readouterr().err
