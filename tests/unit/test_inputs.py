import orjson

from streams.inputs import read_messages


def test_jsonl_lines_pass_through_byte_for_byte(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"url": "https://e.org/1", "title": "A", "body": "B"}\n\n{not json\n')
    assert list(read_messages(str(path))) == [
        b'{"url": "https://e.org/1", "title": "A", "body": "B"}',
        b"{not json",
    ]


def test_json_array_and_object_files(tmp_path) -> None:
    (tmp_path / "one.json").write_text('{"url": "https://e.org/1", "title": "A", "body": "B"}')
    (tmp_path / "many.json").write_text('[{"title": "x"}, {"title": "y"}]')
    titles = [orjson.loads(m)["title"] for m in read_messages(str(tmp_path))]
    assert titles == ["x", "y", "A"]


def test_text_file_becomes_an_article(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline here\n\nFirst paragraph.\n\nSecond.")
    (message,) = read_messages(str(path))
    article = orjson.loads(message)
    assert article["title"] == "Headline here"
    assert article["body"].strip() == "First paragraph.\n\nSecond."
    assert article["url"] == path.resolve().as_uri()
