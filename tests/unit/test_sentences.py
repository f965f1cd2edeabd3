import pytest

from streams.tagger.sentences import MAX_SENTENCE_CHARS, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_splits_on_end_punctuation_and_paragraphs() -> None:
    text = 'Troops moved. "We are ready," he said! Drills began?\n\nNew paragraph without stop'
    assert sentences(text) == [
        "Troops moved.",
        '"We are ready," he said!',
        "Drills began?",
        "New paragraph without stop",
    ]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Gen. Ivanov met U.S. officials and J. Smith on Jan. 5. They talked."
    assert sentences(text) == [
        "Gen. Ivanov met U.S. officials and J. Smith on Jan. 5.",
        "They talked.",
    ]


@pytest.mark.parametrize("abbreviation", ["Capt.", "Sept.", "approx.", "Corp.", "Prof.", "e.g."])
def test_longer_abbreviations_do_not_end_sentences(abbreviation: str) -> None:
    text = f"They met {abbreviation} Reyes in Lyon. They talked."
    assert sentences(text) == [f"They met {abbreviation} Reyes in Lyon.", "They talked."]


def test_lower_case_after_a_period_continues_the_sentence() -> None:
    assert sentences("It cost 5 mln. dollars in all.") == ["It cost 5 mln. dollars in all."]


def test_offsets_point_into_the_text() -> None:
    text = "  One.   Two.  "
    assert [text[s:e] for s, e in split_sentences(text)] == ["One.", "Two."]


def test_run_without_punctuation_is_cut_into_bounded_pieces() -> None:
    text = "word " * 2000
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in pieces)
    assert "".join(text[s:e] + " " for s, e in pieces).split() == text.split()


@pytest.mark.parametrize(
    "text",
    [
        "W Polsce powstaje 1. Dywizja Piechoty Legionów.",
        "Sformowano 12. Szczecińską Dywizję Zmechanizowaną.",
        "Żołnierze 6. Brygady Powietrznodesantowej ćwiczą.",
        "Jednostki 44. Korpusu Armijnego przerzucono.",
    ],
)
def test_an_ordinal_before_a_units_name_ends_no_sentence(text: str) -> None:
    assert sentences(text + " Dalej.") == [text, "Dalej."]


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 12. Brigade commanders said so.",
        "Liczba ofiar wzrosła do 12. Ratownicy szukają dalej.",
        "Ćwiczenia zakończą się w 2027. Dywizja wróci do koszar.",
    ],
)
def test_a_number_that_ends_a_sentence_still_ends_it(text: str) -> None:
    assert len(sentences(text)) == 2
