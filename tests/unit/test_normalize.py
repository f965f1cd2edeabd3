"""Normalization: one spelling of the text, stable ids, content fingerprints."""

import pytest

from streams.article import RawArticle
from streams.errors import ValidationError
from streams.normalize import canonical_url, normalize_article, normalize_text


def article(**changes: str) -> RawArticle:
    fields = {"url": "https://example.org/a", "title": "Title", "body": "Body text.", **changes}
    return RawArticle(**fields)


def test_html_is_stripped_to_paragraphs_without_scripts_or_chrome() -> None:
    body = (
        "<html><nav>Home | World</nav><p>First <b>bold</b> para.</p><script>var x=1;</script>"
        "<p>Second&nbsp;para &amp; more.</p><footer>(c) Site</footer></html>"
    )
    assert normalize_article(article(body=body)).body == "First bold para.\n\nSecond para & more."


def test_text_is_nfkc_with_plain_quotes_and_collapsed_whitespace() -> None:
    text = "\u201cWe\u2019re  \ufb01ne,\u201d he\u00a0said.\u200b\n\n\n\n  Next   line\nwraps."
    assert normalize_text(text) == '"We\'re fine," he said.\n\nNext line wraps.'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain `quoted` text.", "Plain 'quoted' text."),
        (" Leading and trailing ", "Leading and trailing"),
        ("Tab\there, form\x0cfeed,  double.", "Tab here, form feed, double."),
        ("Line\nbreak and\u00a0no-break\u2028space.", "Line break and no-break space."),
        ("\u00c9t\u00e9 `ici`", "\u00c9t\u00e9 'ici'"),
        ("  \t \n\n Para\x1ctwo ", "Para two"),
    ],
)
def test_ascii_and_already_spaced_text_take_the_same_rules(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_boilerplate_paragraphs_are_dropped_but_long_paragraphs_kept() -> None:
    long_para = "Advertisement " + "real news " * 30
    body = f"Story starts.\n\nAdvertisement\n\nSubscribe to our newsletter\n\n{long_para}"
    assert normalize_article(article(body=body)).body == f"Story starts.\n\n{long_para.strip()}"


def test_canonical_url_drops_tracking_fragment_and_case() -> None:
    url = "HTTPS://Example.ORG/news/item/?utm_source=x&id=7&fbclid=abc#comments"
    assert canonical_url(url) == "https://example.org/news/item?id=7"


def test_same_article_gets_same_id_and_fingerprint() -> None:
    first = normalize_article(article(url="https://example.org/a?utm_medium=feed"))
    again = normalize_article(article(url="https://EXAMPLE.org/a#top"))
    assert (first.id, first.fingerprint) == (again.id, again.fingerprint)
    assert first.id.startswith("u-")


def test_changed_body_changes_fingerprint_not_id() -> None:
    first = normalize_article(article())
    edited = normalize_article(article(body="Body text, corrected."))
    assert first.id == edited.id
    assert first.fingerprint != edited.fingerprint


def test_input_id_wins_over_derived_id() -> None:
    assert normalize_article(article(id="wire-123")).id == "wire-123"


def test_body_with_no_text_left_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_article(article(body="<script>only()</script>"))
    assert caught.value.reason == "empty_body"


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The defence ministry said troops had returned to their barracks on Friday.", "en"),
        ("Министерство обороны сообщило о возвращении войск в казармы в пятницу.", "ru"),
        ("Міністерство оборони повідомило про повернення військ до казарм у пʼятницю.", "uk"),
    ],
)
def test_language_is_detected_when_not_given(body: str, language: str) -> None:
    assert normalize_article(article(title="", body=body)).language == language


def test_given_language_wins_over_detection() -> None:
    assert normalize_article(article(body="Troops moved.", language="de")).language == "de"
