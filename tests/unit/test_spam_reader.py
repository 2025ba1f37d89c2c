"""A reader's comment: code is told by its marks, keywords, calls, file names and paths; thanks go to a name."""

from __future__ import annotations

import pytest

from worker.spam.reader import reader
from worker.spam.signals import WEIGHTS
from worker.text import fold


def kinds(text: str) -> dict[str, object]:
    found = reader(text, fold(text), WEIGHTS)
    return dict(found.evidence) if found is not None else {}


@pytest.mark.parametrize(
    "text",
    (
        "use `pip install x` here",
        "then def main(): runs",
        "I wrote import os; and it broke",
        "SELECT name FROM users;",
        "it calls self.read(x) first",
        "see settings.yaml for that",
        "end of line {",
        "echo $HOME now",
        "the file is in /etc/hosts",
        "my files\n~/notes",
        "x => y",
    ),
)
def test_code_is_told_by_its_marks_keywords_calls_file_names_and_paths(text: str) -> None:
    assert kinds(text).get("code") is True


@pytest.mark.parametrize(
    "text",
    (
        "a definite answer (at last)",
        "the function of this " + "word " * 12 + "(far away)",
        "undef(x) is not a keyword",
        "I had it at home/etc",
        "merci beaucoup pour cet article",
    ),
)
def test_prose_with_brackets_or_words_like_keywords_is_not_code(text: str) -> None:
    assert "code" not in kinds(text)


def test_thanks_go_to_a_name_written_after_a_greeting_at_a_word_start() -> None:
    assert kinds("Thanks to all, and thanks Anna!").get("thanks") == "Anna"
    assert "thanks" not in kinds("ohi Bob, nothing")
    assert "thanks" not in kinds("thanks Everyone")
