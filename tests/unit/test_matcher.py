from streams.tagger.matcher import Term, TermMatcher, fold_case


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(hit.concept, text[hit.start : hit.end]) for hit in matcher.find(text)]


def test_whole_words_only_unless_prefix() -> None:
    matcher = TermMatcher([Term("war", ("WAR",)), Term("deploy*", ("MOVE",))])
    text = "Warsaw saw no war; troops redeployed, then deployment and Deploys."
    assert found(matcher, text) == [("WAR", "war"), ("MOVE", "deployment"), ("MOVE", "Deploys")]


def test_multi_word_terms_and_case_folding() -> None:
    matcher = TermMatcher([Term("long-term storage", ("STORAGE",))])
    assert found(matcher, "from Long-Term Storage.") == [("STORAGE", "Long-Term Storage")]


def test_case_sensitive_terms_match_only_as_written() -> None:
    matcher = TermMatcher([Term("US", ("actor:USA",), case_sensitive=True)])
    assert found(matcher, "US troops told us about the USSR") == [("actor:USA", "US")]


def test_one_term_can_stand_for_several_concepts() -> None:
    matcher = TermMatcher([Term("troops", ("FORCES", "MILITARY"))])
    assert {c for c, _ in found(matcher, "troops")} == {"FORCES", "MILITARY"}


def test_offsets_survive_characters_whose_lower_case_is_longer() -> None:
    text = "İstanbul troops"
    assert len(fold_case(text)) == len(text)
    matcher = TermMatcher([Term("troops", ("FORCES",))])
    assert found(matcher, text) == [("FORCES", "troops")]
