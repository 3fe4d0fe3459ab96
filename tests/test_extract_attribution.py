"""Source-cue-content triples: direct, partial and indirect statements found in plain text."""

from __future__ import annotations

from newsreport.extraction.attribution import find_attributions
from newsreport.extraction.blocks import find_blocks
from newsreport.extraction.cues import find_cues
from newsreport.extraction.found import Attribution, Stretch
from newsreport.extraction.quotes import find_quotes
from newsreport.extraction.sentences import find_sentences


def _found(text: str) -> tuple[Attribution, ...]:
    return find_attributions(text, find_blocks(text))


def _words(text: str, stretch: Stretch | None) -> str | None:
    return None if stretch is None else text[stretch[0] : stretch[1]]


def _triples(text: str) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    """Each attribution as (kind, content, cue, source, follows), in words."""
    return [
        (found.kind, _words(text, found.content), _words(text, found.cue), _words(text, found.source), found.follows)
        for found in _found(text)
    ]


def test_quote_then_pronoun_and_cue() -> None:
    """`"A," he said.`: the quotation without its comma, cue `said`, source `he`."""
    assert _triples('"We will fight for every vote," he said.') == [
        ("direct", "We will fight for every vote", "said", "he", None)
    ]


def test_inverted_cue_then_name() -> None:
    """`"A," said Jane Doe, a spokeswoman.`: the name after the cue is the source."""
    assert _triples("\u201cThe numbers speak for themselves,\u201d said Jane Doe, a campaign spokeswoman.") == [
        ("direct", "The numbers speak for themselves", "said", "Jane Doe", None)
    ]


def test_split_quote_is_two_attributions_with_one_cue_and_source() -> None:
    """`"A," said X. "B."`: one attribution per piece, both with the cue and source between them."""
    text = "\u201cWe will win this race,\u201d said Jane Doe. \u201cNobody can stop us now.\u201d"
    assert _triples(text) == [
        ("direct", "We will win this race", "said", "Jane Doe", None),
        ("direct", "Nobody can stop us now.", "said", "Jane Doe", None),
    ]


def test_split_quote_in_one_sentence() -> None:
    """`"A," X said, "b."`: the second piece has the same cue and source."""
    text = '"It was a long night," Smith said, "but we expected that."'
    assert _triples(text) == [
        ("direct", "It was a long night", "said", "Smith", None),
        ("direct", "but we expected that.", "said", "Smith", None),
    ]


def test_cue_before_quote_with_colon() -> None:
    """`X told reporters: "A."`: the cue and subject before the quotation."""
    text = "The mayor told reporters: \u201cWe are ready for the storm.\u201d"
    assert _triples(text) == [("direct", "We are ready for the storm.", "told", "The mayor", None)]


def test_colon_alone_is_the_cue() -> None:
    """`Trump on Twitter: "A."`: no reporting verb, the colon is the cue."""
    text = "Earlier, the governor on Twitter: \u201cThe media is not telling the truth.\u201d"
    assert _triples(text) == [("direct", "The media is not telling the truth.", ":", "the governor", None)]


def test_nyt_two_apostrophes() -> None:
    """NYT's `''...''` is a double quotation, attributed as any other."""
    text = "''Good news for the country is bad news for them,'' said Geoff Smith, a pollster."
    assert _triples(text) == [("direct", "Good news for the country is bad news for them", "said", "Geoff Smith", None)]


def test_huffpost_bar_and_name() -> None:
    """huff-post's `"A" ― Name`: the horizontal bar is the cue, the name after it the source."""
    text = "\u201cI just want my vote to count.\u201d\u2015 Maria Lopez, 54, of Phoenix"
    assert _triples(text) == [("direct", "I just want my vote to count.", "\u2015", "Maria Lopez", None)]


def test_floating_quote_paragraph_follows_the_previous_speaker() -> None:
    """A quote paragraph with no attribution of its own continues the previous quote: its cue and
    source, and `follows` naming it."""
    text = "\u201cWe will win,\u201d Smith said on Monday.\n\n\u201cNobody can stop us now, not this year.\u201d"
    assert _triples(text) == [
        ("direct", "We will win", "said", "Smith", None),
        ("direct", "Nobody can stop us now, not this year.", "said", "Smith", 0),
    ]


def test_signature_paragraph_attributes_the_quote_before() -> None:
    """`"A." ¶ -Name, Place.`: the dash and the name sign the quote paragraph before them."""
    text = "Voters spoke.\n\n\u201cThe whole idea needs to stop, and soon.\u201d\n\n-Michelle Marks, Philadelphia."
    assert _triples(text) == [("direct", "The whole idea needs to stop, and soon.", "-", "Michelle Marks", None)]


def test_unknown_verb_after_a_comma_quote() -> None:
    """`"A," Trump shot back.` / `"A," opined the Daily.`: an -ed verb after name and comma quote."""
    assert _triples("\u201cThat is not true,\u201d Jones barked.") == [
        ("direct", "That is not true", "barked", "Jones", None)
    ]


def test_quote_over_paragraphs_is_one_attribution() -> None:
    """A quote over two paragraphs is one attribution from its first word to its last."""
    text = "She said: \u201cFirst we fix the roads.\n\n\u201cThen we fix the schools.\u201d"
    assert _triples(text) == [
        ("direct", "First we fix the roads.\n\n\u201cThen we fix the schools.", "said", "She", None)
    ]


def test_nested_quote_is_inside_its_quotation() -> None:
    """A quotation inside a quotation is part of the outer one's content."""
    text = "\u201cHe told me \u2018never again\u2019 and left,\u201d she said."
    assert _triples(text) == [("direct", "He told me \u2018never again\u2019 and left", "said", "she", None)]


def test_scare_quote_is_no_statement() -> None:
    """A quoted phrase in a sentence without a reporting verb is not a statement."""
    assert _triples("The film \u201cHigh Noon\u201d opened in 1952 to good reviews.") == []


def test_participle_follows_the_statement_before_it() -> None:
    """`X praised A, stressing that B.`: two indirect statements, the second following the first."""
    text = "The minister praised the new plan, stressing that it would create jobs."
    assert _triples(text) == [
        ("indirect", "the new plan", "praised", "The minister", None),
        ("indirect", "it would create jobs", "stressing", None, 0),
    ]


def test_partial_quote_inside_indirect_statement() -> None:
    """Quoted words inside reported speech: a partial quote with the statement's cue and source."""
    text = "The senator described the deal as \u201ca historic step\u201d for the region."
    assert _triples(text) == [
        ("indirect", "the deal as \u201ca historic step\u201d for the region", "described", "The senator", None),
        ("partial", "a historic step", "described", "The senator", None),
    ]


def test_according_to_before_and_after() -> None:
    """`According to X, A.` and `A, according to X.`: the nominal cue with its source and content."""
    assert _triples("According to the report, unemployment fell to 5 percent.") == [
        ("indirect", "unemployment fell to 5 percent", "According to", "the report", None)
    ]
    assert _triples("Unemployment fell to 5 percent, according to the report.") == [
        ("indirect", "Unemployment fell to 5 percent", "according to", "the report", None)
    ]


def test_clause_then_source_and_cue() -> None:
    """`A, officials said.`: the content is the sentence before the comma."""
    assert _triples("The talks will resume next week, officials said.") == [
        ("indirect", "The talks will resume next week", "said", "officials", None)
    ]


def test_seed_article_statements(article: str, example_data: dict[str, object]) -> None:
    """The seed article: every statement of examples/report.json found with its kind and cue."""
    found = _found(article)
    statements = example_data["statements"]
    assert isinstance(statements, list)
    for statement in statements:
        span, verb = statement["span"], statement["reporting_verb"]["span"]
        matches = [
            f
            for f in found
            if f.kind == statement["kind"] and f.content[0] < span["end"] and span["start"] < f.content[1]
        ]
        assert matches, statement["id"]
        assert matches[0].cue == (verb["start"], verb["end"]), statement["id"]
    direct = {(f.content, _words(article, f.source)) for f in found if f.kind == "direct"}
    assert direct == {((568, 745), "he"), ((2032, 2099), "he")}
    assert [(f.content, f.cue) for f in found if f.kind == "partial"] == [((1019, 1028), (976, 985))]


def test_mixed_quote_is_an_indirect_statement_holding_a_partial_quote() -> None:
    """Reporter's words, then a quote, then the cue: the clause is reported, the quote partial."""
    text = 'They will pick whoever leads "and that will surely be the governor," he said.'
    assert _triples(text) == [
        ("indirect", 'They will pick whoever leads "and that will surely be the governor', "said", "he", None),
        ("partial", "and that will surely be the governor", "said", "he", None),
    ]


def test_attitude_cue_reports_its_object() -> None:
    """`endorsed`: a stance towards its object is reported as an indirect statement."""
    assert _triples("The union endorsed the senator's plan for new roads.") == [
        ("indirect", "the senator's plan for new roads", "endorsed", "The union", None)
    ]


def test_participle_before_quote_takes_the_clause_subject() -> None:
    """`X bristled at it, saying, "A."`: the participle's speaker is the clause's subject."""
    text = 'Christie bristled at the question, saying, "The advice I give is my own."'
    assert _triples(text) == [("direct", "The advice I give is my own.", "saying", "Christie", None)]


def test_participle_after_quote_takes_the_speaker_just_named() -> None:
    """`"A," Cruz said, adding: "B."`: both pieces are Cruz's."""
    text = '"I respect the governor," Cruz said, adding: "I would welcome his support."'
    assert _triples(text) == [
        ("direct", "I respect the governor", "said", "Cruz", None),
        ("direct", "I would welcome his support.", "adding", "Cruz", None),
    ]


def test_short_sentence_before_the_quote_attributes_it() -> None:
    """`Jane Doe agreed. "A."`: a sentence of a source and a cue only, right before the quote."""
    text = "Jane Doe agreed. \u201cMainstream voters are running out of time.\u201d"
    assert _triples(text) == [("direct", "Mainstream voters are running out of time.", "agreed", "Jane Doe", None)]


def test_name_before_colon_is_the_speaker() -> None:
    """`The timing does not surprise pollster Daron Shaw: "A."`: the name right before the colon."""
    text = "The timing does not surprise pollster Daron Shaw: \u201cHistory shows it every year.\u201d"
    assert _triples(text) == [("direct", "History shows it every year.", ":", "pollster Daron Shaw", None)]


def test_inverted_source_with_abbreviation_and_party() -> None:
    """`said Sen. Bernie Sanders (I-Vt.)`: the source runs past the abbreviation and takes the party."""
    text = '"We will keep fighting," said Sen. Bernie Sanders (I-Vt.) on Tuesday.'
    assert _triples(text) == [("direct", "We will keep fighting", "said", "Sen. Bernie Sanders (I-Vt.)", None)]


def test_appositive_between_name_and_cue() -> None:
    """`"A," Smith, a spokesman for the campaign, said.`: the name before the appositive."""
    text = "\u201cWe have nothing to add,\u201d John Smith, a spokesman for the campaign, said."
    assert _triples(text) == [("direct", "We have nothing to add", "said", "John Smith", None)]


def test_cues_are_words_not_parts_or_nouns() -> None:
    """Cue forms are whole words (`unsaid` is none), multiword forms win, nouns after a determiner
    are no cues."""
    text = "He said it, left it unsaid, pointed to the report and the claims; the polls show gains."
    assert [(text[c.start : c.end], c.lemma) for c in find_cues(text, 0, len(text))] == [
        ("said", "say"),
        ("pointed to", "point to"),
        ("show", "show"),
    ]


def test_sentences_keep_abbreviations_and_quotes_whole() -> None:
    """`Mr.`, `Sept.` and a stop inside a quotation do not end a sentence; `."` does."""
    text = '"We won. They lost," Mr. Smith said on Sept. 4. "Fine." She left.'
    quotes = find_quotes(text, find_blocks(text))
    assert [text[a:b] for a, b in find_sentences(text, 0, len(text), quotes)] == [
        '"We won. They lost," Mr. Smith said on Sept. 4.',
        '"Fine."',
        "She left.",
    ]


def test_quote_over_paragraphs_signed_at_its_end_is_two_quotes() -> None:
    """An unclosed quote whose next paragraph's quote has its own cue (`"B," she said.`) is two."""
    text = 'Obama said: "It is a talking point.\n\n"It is a distraction," Obama said on Monday.'
    assert _triples(text) == [
        ("direct", "It is a talking point.", "said", "Obama", None),
        ("direct", "It is a distraction", "said", "Obama", None),
    ]
    found = _found(text)
    assert found[0].source != found[1].source


def test_cue_right_before_a_title_like_quote_keeps_it() -> None:
    """`chanted "USA! USA!"`, `tweeted "Crooked Hillary"`: capitalised words right after a speech
    cue are a quotation, not a title."""
    assert _triples("The crowd chanted \u201cLock Her Up\u201d for an hour.") == [
        ("direct", "Lock Her Up", "chanted", "The crowd", None)
    ]


def test_quote_in_a_subheading_is_attributed() -> None:
    """A subheading's quote is attributed; subheadings hold no indirect statements."""
    text = "The vote was close.\n\nRyan: \u2018No Place In A Campaign\u2019\n\nHe spoke later."
    assert _triples(text) == [("direct", "No Place In A Campaign", ":", "Ryan", None)]


def test_speaker_far_from_its_cue_is_the_clause_subject() -> None:
    """`X, a senior fellow at Y, which works on Z, said that A.`: the name opening the clause."""
    text = "Scott Morris, a fellow at the Center, which works on poverty, said that support was growing."
    assert _triples(text) == [("indirect", "support was growing", "said", "Scott Morris", None)]


def test_name_and_colon_opening_a_paragraph_reports_what_follows() -> None:
    """`Sanders: Clinton Email Story Has Moved.` (a headline) and `A: Well, I think so.` (a transcript)."""
    assert _triples("Sanders: Clinton Email Story Has Moved.") == [
        ("indirect", "Clinton Email Story Has Moved", ":", "Sanders", None)
    ]
    assert _triples("A: Well, I think he has a lot of people afraid.") == [
        ("indirect", "Well, I think he has a lot of people afraid", ":", "A", None),
        ("indirect", "he has a lot of people afraid", "think", "I", None),
    ]


def test_coordinated_cue_takes_the_subject_of_the_earlier_cue() -> None:
    """`The president noted that A, and added: "B."`: the quote is the president's."""
    text = "The president noted that he taught law, and added: \u201cI know a little about this.\u201d"
    found = [t for t in _triples(text) if t[0] == "direct"]
    assert found == [("direct", "I know a little about this.", "added", "The president", None)]


def test_determined_subject_opening_the_sentence() -> None:
    """`The Republican candidate appeared to ... by saying, "A."`: the noun phrase before its verb."""
    text = "The Republican candidate appeared to assert his plans by saying, \u201cI am trying to save lives.\u201d"
    assert [t for t in _triples(text) if t[0] == "direct"] == [
        ("direct", "I am trying to save lives.", "saying", "The Republican candidate", None)
    ]


def test_capitalised_modal_is_a_name() -> None:
    """`"A," Will wrote.`: `Will` is a name there, not the modal verb."""
    assert _triples("\u201cThis should hasten the eclipse of the others,\u201d Will wrote.") == [
        ("direct", "This should hasten the eclipse of the others", "wrote", "Will", None)
    ]


def test_question_then_a_long_sentence_opening_with_source_and_cue() -> None:
    """`"Who knows?" Trump told ITV in an interview ...`: the next sentence attributes the question."""
    text = "\u201cIt looks like we will not get along, who knows?\u201d Trump told ITV in an interview aired on Monday."
    assert [t for t in _triples(text) if t[0] == "direct"] == [
        ("direct", "It looks like we will not get along, who knows?", "told", "Trump", None)
    ]


def test_long_source_with_a_name_in_it() -> None:
    """`"A," former George W. Bush speechwriter Noam Neusner wrote.`: seven words, a name among them."""
    text = '"These are dark days," former George W. Bush speechwriter Noam Neusner wrote in a column.'
    assert _triples(text) == [
        ("direct", "These are dark days", "wrote", "former George W. Bush speechwriter Noam Neusner", None)
    ]


def test_capitalised_cue_opening_an_inverted_sentence() -> None:
    """`Said Trump: "A."`: a cue may open the sentence, its source after it."""
    assert _triples("Said Trump: \u201cI do not get the sense she is interested.\u201d") == [
        ("direct", "I do not get the sense she is interested.", "Said", "Trump", None)
    ]


def test_verb_after_that_and_quote_after_a_noun_like_verb() -> None:
    """`a message that said, "A."` (a verb after `that`, the relative pronoun its source, as PolNeAR
    marks who and which) and `went on to state, "A."` (a form that
    is also a noun, right before a quotation)."""
    assert [
        t for t in _triples('It was replaced by a message that said, "Sorry, the item is gone."') if t[0] == "direct"
    ] == [("direct", "Sorry, the item is gone.", "said", "that", None)]
    assert [t[2] for t in _triples('The report went on to state, "Vigo County is a bellwether."')] == ["state"]


def test_put_it_and_titled() -> None:
    """`as X put it, "A"` and `a memo titled "The Facts"` attribute their quotations."""
    assert [t[2:4] for t in _triples('As Dana Milbank put it, "Republicans are unmoved."')] == [
        ("put it", "Dana Milbank")
    ]
    assert [t[:3] for t in _triples('Mook released a memo titled "The Facts on the Race."')] == [
        ("direct", "The Facts on the Race.", "titled")
    ]


def test_noun_after_a_determiner_before_a_quote_is_no_cue() -> None:
    """`X wrote in an email: "A."`: the cue is `wrote`, not `email`."""
    text = 'John Weaver, a strategist, wrote in an email: "This is bad for the campaign."'
    assert _triples(text) == [("direct", "This is bad for the campaign.", "wrote", "John Weaver", None)]


def test_long_appositive_after_a_noun_phrase_source() -> None:
    """`"A," a White House official, who spoke on condition of anonymity to ..., said.`"""
    text = '"He will stay," a White House official, who spoke on the condition of anonymity to discuss it, said.'
    assert _triples(text) == [("direct", "He will stay", "said", "a White House official", None)]


def test_unknown_verb_after_a_described_name() -> None:
    """`"A," an angry Hollande retaliated.`: article and adjective before the name."""
    assert _triples("\u201cFrance will always be France,\u201d an angry Hollande retaliated.") == [
        ("direct", "France will always be France", "retaliated", "an angry Hollande", None)
    ]


def test_no_break_space_after_the_closing_mark() -> None:
    """`"A,"\u00a0Butz, 49, told The Huffington Post.`: the name before the cue, past the NBSP."""
    text = "\u201cIt is all about the women in my life,\u201d\u00a0Butz, 49, told The Huffington Post."
    assert _triples(text) == [("direct", "It is all about the women in my life", "told", "Butz", None)]


def test_according_to_after_the_cue_is_the_source_the_reader_is_given() -> None:
    """`"A," Walker said, according to an agency account.`: PolNeAR's convention, the outer source."""
    text = "\u201cDelegates should vote as they see fit,\u201d Walker said, according to an agency account."
    assert _triples(text) == [
        ("direct", "Delegates should vote as they see fit", "according to", "an agency account", None)
    ]


def test_party_in_brackets_before_the_cue_belongs_to_the_name() -> None:
    """`Rep. Jane Roe (D-Wis.) said`: the source is the name with its party, not the party alone."""
    text = "\u201cIt is a dog whistle,\u201d Rep. Jane Roe (D-Wis.) said Friday."
    assert _triples(text) == [("direct", "It is a dog whistle", "said", "Rep. Jane Roe (D-Wis.)", None)]


def test_quote_introduced_by_a_colon_keeps_its_cue_before_a_participle() -> None:
    """`X said: "A," adding that ...`: the quotation is the colon's; the participle reports the rest."""
    text = 'In a statement, Acme said: "The plant was a success for years," adding that it had grown.'
    triples = _triples(text)
    assert ("direct", "The plant was a success for years", "said", "Acme", None) in triples


def test_nested_closing_mark_after_a_comma_still_looks_after_the_quote() -> None:
    """`"... you called 'miracles,'" she said`: the comma before the nested mark ends the quote."""
    text = "\u201cThey are the products you called \u2018miracles,\u2019\u201d she said."
    assert _triples(text) == [("direct", "They are the products you called \u2018miracles,\u2019", "said", "she", None)]


def test_participle_takes_the_subject_of_the_clause_it_hangs_on() -> None:
    """`..., where about 50 protesters had gathered, chanting "A"`: not the name opening the sentence."""
    text = 'Clinton spoke nearby, where about 50 protesters had gathered on Monday, chanting "no contract, no peace."'
    assert ("direct", "no contract, no peace.", "chanting", "about 50 protesters", None) in _triples(text)


def test_relative_that_before_a_cue_is_the_source() -> None:
    """`T-shirts appeared that said "A."`: the relative pronoun, not the words before it."""
    text = 'T-shirts quickly appeared in front of the headquarters that said "We won."'
    assert ("direct", "We won.", "said", "that", None) in _triples(text)


def test_cue_of_a_relative_clause_after_the_source_is_stepped_over() -> None:
    """`"A," Cruz, who has proposed repealing it, said`: the cue is `said`, the source `Cruz`."""
    text = "\u201cI am for the mandate,\u201d Cruz, who has proposed repealing the mandate over five years, said then."
    assert ("direct", "I am for the mandate", "said", "Cruz", None) in _triples(text)


def test_cue_coordinated_after_a_partial_quote_leaves_it_to_the_clause_before() -> None:
    """`They call them "lone wolves" and describe ...`: the quote is `call`'s partial quote."""
    text = 'Obama and Clinton call them "lone wolves" and describe their actions as crimes.'
    partial = [t for t in _triples(text) if t[0] == "partial"]
    assert [(t[1], t[2]) for t in partial] == [("lone wolves", "call")]


def test_name_before_a_dash_introducing_a_quote() -> None:
    """`candidate Mitt Romney -- ''A'' --`: a dash after a name introduces its words, like a colon."""
    text = "Critics included former candidate Mitt Romney -- ''It is disqualifying to refuse'' -- and others."
    assert ("direct", "It is disqualifying to refuse", "--", "candidate Mitt Romney", None) in _triples(text)


def test_name_after_from_before_a_colon() -> None:
    """`A lesson from Loretta Lynch: 'A.'`: the name after `from` is the speaker."""
    text = "A lesson from Jane Roe: \u2018Be the voice that people hear.\u2019"
    assert [t[3] for t in _triples(text) if t[0] == "direct"] == ["Jane Roe"]


def test_unknown_verb_in_the_short_sentence_after_a_question() -> None:
    """`"Would it be negotiable?" Hannity pressed.`: a verb the lexicon lacks, in the next sentence."""
    text = "\u201cWould it be negotiable about the millions?\u201d Hannity pressed. \u201cMaybe some could stay?\u201d"
    assert _triples(text)[0] == ("direct", "Would it be negotiable about the millions?", "pressed", "Hannity", None)


def test_coordinated_cue_takes_the_subject_of_its_own_clause() -> None:
    """`When asked whom she supported, Ms. Roe smiled and said, "A."`: not the earlier cue's `she`."""
    text = "When asked whom she supported, Ms. Roe smiled and said, \u201cI am waiting for someone else.\u201d"
    assert ("direct", "I am waiting for someone else.", "said", "Ms. Roe", None) in _triples(text)


def test_name_before_an_infinitive_cue() -> None:
    """`The columnist Jane Roe went so far as to say: "A."`: the name a few words before `to say`."""
    text = "Critics piled on. The columnist Jane Roe went so far as to say: \u201cTwitter is over.\u201d"
    assert ("direct", "Twitter is over.", "say", "Jane Roe", None) in _triples(text)


def test_cue_inside_a_subordinate_clause_after_the_quote_is_not_its_attribution() -> None:
    """`footage of Trump saying, "A," when Clinton blasted him`: the quote is `saying`'s."""
    text = "It shows Trump saying in the debate, \u201cThat makes me smart,\u201d when Clinton blasted him."
    found = [t for t in _triples(text) if t[1] == "That makes me smart"]
    assert [t[2] for t in found] == ["saying"] and "Trump" in str(found[0][3])


def test_subordinate_clause_closed_by_a_comma_before_the_cue() -> None:
    """`"A," when asked about it, Sanders said`: the cue after the clause's comma attributes the quote."""
    text = "\u201cWe will see,\u201d when asked about it, Sanders said."
    assert _triples(text)[0][2:4] == ("said", "Sanders")
