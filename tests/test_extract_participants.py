"""The cast of a text: persons with their titles, organizations, places, and each attribution's speakers."""

from __future__ import annotations

import re

import pytest

from newsreport import NewsReport
from newsreport.extraction.dateline import find_dateline
from newsreport.extraction.found import Attribution, Cast, FoundBlock
from newsreport.extraction.participants import find_cast
from newsreport.model import Organization, Person, Place


def _blocks(text: str) -> tuple[FoundBlock, ...]:
    """Paragraphs split on blank lines, as `find_blocks` gives them (without its subheadings)."""
    return tuple(FoundBlock("paragraph", m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\n))*", text))


def _cast(text: str, attributions: tuple[Attribution, ...] = ()) -> Cast:
    blocks = _blocks(text)
    return find_cast(text, blocks, find_dateline(text, blocks), attributions)


def _by_source(text: str, *sources: str) -> tuple[Attribution, ...]:
    """Indirect attributions whose source is each pattern's first match (its group 1 if it has one);
    cue and content are placeholders after it."""
    attributions = []
    for pattern in sources:
        match = re.search(pattern, text)
        assert match is not None, pattern
        start, end = match.span(1 if match.re.groups else 0)
        attributions.append(Attribution("indirect", (end + 1, end + 2), (end, end + 1), (start, end)))
    return tuple(attributions)


def _persons(cast: Cast) -> dict[str, Person]:
    return {p.id: p for p in cast.participants if isinstance(p, Person)}


def _names(cast: Cast, kind: type[Person | Organization | Place]) -> list[str]:
    return [p.name for p in cast.participants if isinstance(p, kind)]


def test_seed_participants(article: str, report: NewsReport) -> None:
    """The seed article's persons, organizations and places are the key's, ISO codes added."""
    cast = _cast(article)
    found = {p.id: p for p in cast.participants}
    for key in report.participants:
        assert key.id in found, key.id
        assert found[key.id].model_copy(update={"identifiers": ()}) == key
    assert set(found) == {p.id for p in report.participants}
    codes = {p.id: p.identifiers[0].value for p in cast.participants if isinstance(p, Place) and p.identifiers}
    assert codes == {"iran": "IR", "iraq": "IQ", "lebanon": "LB", "syria": "SY", "israel": "IL", "palestine": "PS"}
    assert cast.dateline_place == "tehran"


def test_seed_speakers(article: str) -> None:
    """Names, pronouns, roles and places as sources resolve as the key's statements do."""
    attributions = _by_source(
        article,
        "Iran and Iraq",
        r"(Qalibaf) emphasized",
        r"(he) said",
        "The Iranian parliament speaker",
        r"(He) described",
        r"(Mashhadani) affirmed",
        "the Iraqi parliament speaker",
        r"(he) stressed",
        r"where (Iranian official)",
        "The Iranian official",
    )
    cast = _cast(article, attributions)
    assert cast.speakers == (
        ("iran", "iraq"),
        ("qalibaf",),
        ("qalibaf",),
        ("qalibaf",),
        ("qalibaf",),
        ("mashhadani",),
        ("mashhadani",),
        ("mashhadani",),
        ("mohseni-ejei",),
        ("mohseni-ejei",),
    )


def test_short_names_and_honorifics_merge() -> None:
    """`Trump` and `Mr. Trump` are Donald Trump; `Sen. Cruz` is Ted Cruz, with his title."""
    text = (
        "Donald Trump met Sen. Ted Cruz of Texas on Monday.\n\nMr. Trump later praised Cruz, and Trump's aides agreed."
    )
    persons = _persons(_cast(text))
    assert set(persons) == {"trump", "cruz"}
    assert persons["trump"].name == "Donald Trump"
    assert [text[m.start : m.end] for m in persons["trump"].mentions] == ["Donald Trump", "Trump", "Trump"]
    assert [t.text for t in persons["cruz"].titles] == ["Sen."]
    assert len(persons["cruz"].mentions) == 2


def test_same_surname_goes_to_the_nearest() -> None:
    """Two Clintons get full-name ids; a lone `Clinton` is the one named last before it."""
    text = "Bill Clinton spoke first. Later Hillary Clinton took the stage.\n\nClinton said the race was close."
    cast = _cast(text, _by_source(text, r"(Clinton) said"))
    persons = _persons(cast)
    assert set(persons) == {"bill-clinton", "hillary-clinton"}
    assert cast.speakers == (("hillary-clinton",),)


def test_lower_case_title_before_a_name() -> None:
    """`Democratic presidential candidate` is printed before the name, and is its title."""
    text = "Democratic presidential candidate Bernie Sanders spoke in Iowa."
    persons = _persons(_cast(text))
    assert [t.text for t in persons["sanders"].titles] == ["Democratic presidential candidate"]
    places = {p.name: p for p in _cast(text).participants if isinstance(p, Place)}
    assert places["Iowa"].place_type == "region"


def test_pronouns_follow_the_last_person_of_their_gender() -> None:
    """`she` skips the man named last; pronouns are never mentions."""
    text = "Mrs. Jane Doe met Mr. John Roe. She said the talks went well, and he agreed."
    cast = _cast(text, _by_source(text, "She", r"(he) agreed"))
    assert cast.speakers == (("doe",), ("roe",))
    assert all(text[m.start : m.end] not in ("She", "he") for p in cast.participants for m in p.mentions)


def test_follows_and_unresolved() -> None:
    """An attribution that follows another shares its speakers; an unknown source resolves to none."""
    text = "Jane Doe said the plan was sound, stressing its cost. Someone said no."
    attributions = (
        *_by_source(text, "Jane Doe"),
        Attribution("indirect", (45, 52), (34, 43), None, follows=0),
        *_by_source(text, "Someone"),
    )
    assert _cast(text, attributions).speakers == (("doe",), ("doe",), ())


def test_lone_source_becomes_a_person() -> None:
    """A lone name nobody else bears is a person when it is a source; otherwise it is dropped."""
    text = '"We will win," said Caddell. Monday was cold in Ohio.'
    start = text.index("Caddell")
    attributions = (Attribution("direct", (1, 12), (15, 19), (start, start + 7)),)
    cast = _cast(text, attributions)
    assert _names(cast, Person) == ["Caddell"]
    assert cast.speakers == (("caddell",),)


def test_role_after_a_demonym_and_apposition() -> None:
    """`his French counterpart, Jean Dupont` gives Dupont his country; `the French minister` is his title."""
    text = (
        "The German minister Anna Schmidt hosted her French counterpart, Jean Dupont, in Berlin.\n\n"
        "The French foreign minister said the talks were useful."
    )
    cast = _cast(text, _by_source(text, "The French foreign minister"))
    persons = _persons(cast)
    assert persons["dupont"].country == "france"
    assert [t.text for t in persons["dupont"].titles] == ["French foreign minister"]
    assert cast.speakers == (("dupont",),)
    places = {p.id: p for p in cast.participants if isinstance(p, Place)}
    assert places["berlin"].place_type == "city" and places["berlin"].country == "germany"


def test_dateline_place_is_a_place() -> None:
    """The dateline's place is a participant, a city unless the gazetteer says otherwise."""
    text = "MIDWAY ATOLL - Seventy-four years ago the battle of Midway Atoll began."
    cast = _cast(text)
    places = {p.id: p for p in cast.participants if isinstance(p, Place)}
    assert cast.dateline_place == "midway-atoll"
    assert places["midway-atoll"].name == "Midway Atoll" and places["midway-atoll"].place_type == "city"
    assert len(places["midway-atoll"].mentions) == 2 and _names(cast, Person) == []


@pytest.mark.parametrize(
    ("text", "organization", "country"),
    [
        ("The Iraqi government said so.", "Iraqi government", "iraq"),
        ("The Democratic National Committee met.", "Democratic National Committee", None),
        ("A White House statement followed.", "White House", None),
    ],
)
def test_organizations(text: str, organization: str, country: str | None) -> None:
    """Organizations by their noun, after a demonym, or from the lexicon."""
    found = [p for p in _cast(text).participants if isinstance(p, Organization)]
    assert [(o.name, o.country) for o in found] == [(organization, country)]


def test_coordinated_places_speak_together() -> None:
    """A source naming the second of two places joined by `and` speaks for both."""
    text = "Iran and Iraq have reaffirmed their commitment."
    cast = _cast(text, _by_source(text, r"Iran and (Iraq)"))
    assert cast.speakers == (("iran", "iraq"),)


def test_titles_of_international_news() -> None:
    """Offices after demonyms, organizations and acronyms, with their organization and country."""
    text = (
        "UN Secretary-General Antonio Guterres met Chinese Foreign Ministry spokesperson Mao Ning. "
        "IRGC Commander Major General Hossein Salami and Russian President Vladimir Putin were absent."
    )
    persons = _persons(_cast(text))
    assert [(t.text, t.organization) for t in persons["guterres"].titles] == [("UN Secretary-General", "un")]
    ning = persons["ning"]
    assert [(t.text, t.organization) for t in ning.titles] == [
        ("Chinese Foreign Ministry spokesperson", "chinese-foreign-ministry")
    ]
    assert ning.country == "china"
    assert [t.text for t in persons["salami"].titles] == ["IRGC Commander", "Major General"]
    assert persons["putin"].country == "russia"


def test_first_name_alone_leaves_the_surname_to_the_other() -> None:
    """When the text calls one Trump `Ivanka`, a bare `Trump` is the other."""
    text = "Donald Trump spoke after Ivanka Trump. Ivanka smiled. Trump said he was proud."
    cast = _cast(text, _by_source(text, r"(Trump) said"))
    assert cast.speakers == (("donald-trump",),)


def test_names_that_look_like_other_words() -> None:
    """A surname that is a month stays (Theresa May); a given name before `King` is no title."""
    text = "British Prime Minister Theresa May met the family of Martin Luther King Jr. in London."
    persons = _persons(_cast(text))
    assert persons["may"].name == "Theresa May" and persons["may"].country == "united-kingdom"
    assert persons["king"].name == "Martin Luther King Jr." and persons["king"].titles == ()


def test_title_text_is_printed_text() -> None:
    """A title printed with a no-break space keeps it, so each mention holds the title's text."""
    text = "Vermont\u00a0Sen. Bernie Sanders met Vermont Sen. Patrick Leahy."
    persons = _persons(_cast(text))
    for person in persons.values():
        for title in person.titles:
            assert all(text[m.start : m.end].casefold() == title.text.casefold() for m in title.mentions)
    assert [t.text for t in persons["sanders"].titles] == ["Vermont\u00a0Sen."]


def test_hyphenated_given_names_initials_and_party_words() -> None:
    """`Ban Ki-moon` and `U.N.` keep their letters, `South Korean` is one demonym, a party word
    before a name is no part of it, and `Bush-era` names Bush, not `Bush-era`."""
    text = (
        "South Korean President Park Geun-hye met U.N. Secretary-General Ban Ki-moon. "
        "Democrat Hillary Clinton spoke of George W. Bush and of Bush-era rules."
    )
    cast = _cast(text)
    persons = _persons(cast)
    assert persons["geun-hye"].name == "Park Geun-hye" and persons["geun-hye"].country == "south-korea"
    assert [t.text for t in persons["ki-moon"].titles] == ["U.N. Secretary-General"]
    assert persons["clinton"].name == "Hillary Clinton"
    assert [text[m.start : m.end] for m in persons["bush"].mentions] == ["George W. Bush", "Bush"]


def test_pronoun_prefers_the_previous_speaker_to_a_person_named_after_him() -> None:
    """`he` after `said Obama, referring to Clinton` is Obama; a new sentence subject wins over him."""
    text = (
        '"We will win," said Barack Obama, referring to Bill Clinton. "It is close," he added. '
        "Bill Clinton smiled. He said no."
    )
    said_obama = text.index("Barack Obama")
    he = text.index("he added")
    he_2 = text.index("He said")
    attributions = (
        Attribution("direct", (1, 12), (15, 19), (said_obama, said_obama + 12)),
        Attribution("direct", (text.index("It is"), text.index("It is") + 11), (he + 3, he + 8), (he, he + 2)),
        Attribution("indirect", (he_2 + 8, he_2 + 10), (he_2 + 3, he_2 + 7), (he_2, he_2 + 2)),
    )
    assert _cast(text, attributions).speakers == (("obama",), ("obama",), ("clinton",))


def test_a_run_printed_again_is_read_at_each_place() -> None:
    """A run's spelling is read once and kept: each later printing gets its own positions, and
    what stands around it (a possessive, the role after it) is read where it is printed."""
    text = (
        "Chinese Foreign Ministry spokesperson Mao Ning spoke. The Chinese Foreign Ministry said Mao Ning left. "
        "Mao Ning's aide met Chinese Foreign Ministry spokesperson Mao Ning."
    )
    cast = _cast(text)
    spans = {p.id: [(m.start, m.end) for m in p.mentions] for p in cast.participants}
    assert spans["ning"] == [m.span() for m in re.finditer("Mao Ning", text)]
    assert spans["chinese-foreign-ministry"] == [m.span() for m in re.finditer("Chinese Foreign Ministry", text)]
    assert spans["china"] == [m.span() for m in re.finditer("Chinese", text)]
    (title,) = _persons(cast)["ning"].titles
    assert [(m.start, m.end) for m in title.mentions] == [
        m.span() for m in re.finditer("Chinese Foreign Ministry spokesperson", text)
    ]
