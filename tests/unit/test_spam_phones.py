"""Phone numbers disguised to dodge filters are read; ids, hashes, counts and addresses are not numbers to call."""

from __future__ import annotations

import re

import pytest

from worker.spam.phones import find_phones


def dialled(text: str) -> list[str]:
    return [p.digits for p in find_phones(text) if not p.loose]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("our agentsRing0800-555-0142today", "08005550142"),
        ("the deskI-800-555-O142 answers", "18005550142"),
        ("bookings+44l20l7946l0958anytime", "442079460958"),
        ("desk at 1i800i555i0142 for help", "18005550142"),
        ("helpline 206a555a0173 open", "2065550173"),
        ("dial 1-800i5S5i0I42 now", "18005550142"),
        ("reach us on 206-555-0.1.7.3 today", "2065550173"),
        ("ring 8 0 0 - 5 5 5 - 0 1 4 2 now", "8005550142"),
        ("remedies+91-9812345678instantly", "919812345678"),
    ],
)
def test_numbers_glued_to_words_split_by_letters_or_spaced_out_are_read(text: str, digits: str) -> None:
    assert dialled(text) == [digits]


@pytest.mark.parametrize(
    "text",
    [
        "my commit 3f9a2c7e8d41b0956e2f1a7c3d5b8e90f4a6c2d1 broke the build",
        "thanks @user-b4c2e90f1a3d5e7c96a8:disqus, good point",
        "the id is 123e4567-e89b-12d3-a456-426614174000",
        "Windows update fails with 0x80070005 every time I call it",
        "see https://shop.example/item/171183229277?ref=p3984.m1555.l2649",
        "the route 10.20.30.40/24 and 321-987-4.2.4.23/2 overlap",
        "pages 7 8 9 10 11 12 of the manual",
        "screens at 1920x1080 and 2560x1440 look fine",
        "ISBN 978-3-16-148410-0, second edition",
        "Python 3.11.4 on build 22631.3007",
        "h = (h * 31 + 998244353) % size, then x + 1000000007",
        "int64 r = (a+1000000007) % m",
    ],
)
def test_hashes_ids_urls_counts_and_addresses_are_not_read_as_phone_numbers(text: str) -> None:
    assert dialled(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "powerbank https://www.amazon.com/dp/B00X5RV14Y/ref=sr_1_3?ie=UTF8&qid=1512261941&sr=8-3 works",
        "the thread www.example.org/t/2019/05/5551234567 explains it",
    ],
)
def test_digits_inside_a_link_are_not_even_a_loose_number(text: str) -> None:
    assert find_phones(text) == ()


def test_a_number_next_to_a_link_is_still_read() -> None:
    assert [p.digits for p in find_phones("call 1-888-555-0199 or see https://example.com/help")] == ["18885550199"]


def test_a_business_number_mentioned_in_passing_is_read_once_with_its_own_digits() -> None:
    found = find_phones("I phoned the bakery on 020 7946 0958 and they had it ready by noon.")
    assert [(p.digits, p.loose) for p in found] == [("02079460958", False)]


@pytest.mark.parametrize(
    "text",
    [
        "+91-9950211818 call now",
        "1 - 844-780-67 62 toll free",
        "(((08295003531))) baba ji",
        "I-888-884-Olll any time",
        "00 33 1 23 45 67 89 from abroad",
        "+\u00a044\u200920 7946 0958 with odd spaces",
        "call 0800/555/0142 or 0800.555.0142",
        "o l i S B | 1 2 3 4 5 look-alikes before digits",
        "12 34 and 56, 78 and 9 are apart",
        "digits 1a2b3c4d5e between letters",
        "year 2019, page 40 and comment (1234)",
        "room 12345 on floor 3",
    ],
)
def test_texts_without_five_digits_written_as_a_number_find_what_the_full_scan_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = find_phones.__wrapped__(text)
    monkeypatch.setattr("worker.spam.phones._GROUPED_DIGITS", re.compile(""))  # every text scanned in full
    assert find_phones.__wrapped__(text) == quick


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("Le cabinet de garde, c'est le 03 21 45 67 89. Il a soigné notre chien.", "0321456789"),
        ("I rang the desk at 1-800-555-0142 I was rebooked in ten minutes", "18005550142"),
    ],
)
def test_a_number_is_read_without_the_next_sentences_first_word_even_when_it_looks_like_digits(
    text: str, digits: str
) -> None:
    (found,) = find_phones(text)
    assert found.digits == digits and not any(ch.isalpha() for ch in found.text)


def test_a_lettered_group_glued_to_the_number_is_still_read_as_digits() -> None:
    assert dialled("call I-888-884-Olll any time") == ["18888840111"]
