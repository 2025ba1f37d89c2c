"""Spam signals: each one is a pure function of the comment (or its facts) with a name, a weight and evidence."""

from __future__ import annotations

import re

import pytest

from worker.models import Comment
from worker.spam import facts as fact
from worker.spam import signals
from worker.spam.signals import WEIGHTS, detect


def comment(content: str = "Nice post.", **fields: str | None) -> Comment:
    base: dict[str, str | None] = {"author_name": "Ann", "author_email": "ann@example.org"}
    return Comment(id="c1", post_id="p1", content=content, **{**base, **fields})  # type: ignore[arg-type]


def names(found: list[signals.Signal]) -> set[str]:
    return {s.name for s in found}


def test_one_link_is_a_signal_and_more_links_weigh_more() -> None:
    one = signals.links(comment("see https://example.com/a"))
    three = signals.links(comment("https://a.com www.b.net c.org/page"))
    assert one is not None and three is not None
    assert one.evidence == {"count": 1, "hosts": ["example.com"]}
    assert three.evidence["count"] == 3 and three.weight > one.weight


def test_a_bare_domain_under_the_documentation_tld_example_is_a_link_as_under_com() -> None:
    found = signals.links(comment("They sell it at saffronroad.example, use code HOME10."))
    assert found is not None and found.evidence == {"count": 1, "hosts": ["saffronroad.example"]}
    assert signals.links(comment("For example. Nothing else.")) is None


def test_text_without_links_has_no_link_signal() -> None:
    assert signals.links(comment("I read it twice, e.g. on the train.")) is None


def test_html_bbcode_and_markdown_link_markup_are_found() -> None:
    for text in ('<a href="http://x.top">x</a>', "[url=http://x.top]x[/url]", "[cheap](https://x.top)"):
        assert signals.link_markup(comment(text)) is not None, text
    assert signals.link_markup(comment("[citation needed] and (see above)")) is None


def test_url_shorteners_are_named_in_the_evidence() -> None:
    found = signals.shortener(comment("look bit.ly/3abc and https://example.com"))
    assert found is not None and found.evidence == {"hosts": ["bit.ly"]}


def test_a_link_in_the_author_name_is_a_signal() -> None:
    found = signals.link_in_name(comment(author_name="Cheap SEO www.rank-fast.xyz"))
    assert found is not None and found.evidence == {"hosts": ["rank-fast.xyz"]}
    assert signals.link_in_name(comment(author_name="Ann Smith")) is None


def test_a_website_weighs_a_little_and_a_suspicious_domain_more() -> None:
    plain = signals.website(comment(author_url="https://www.annsmith.fr/about"))
    shady = signals.website(comment(author_url="http://best-casino-bonus.top"))
    assert [(s.name, s.evidence) for s in plain] == [("website", {"domain": "annsmith.fr"})]
    assert names(shady) == {"website", "website_suspicious"}
    assert signals.website(comment(author_url=None)) == []


def test_phone_numbers_email_addresses_and_messaging_apps_count_as_contact_details() -> None:
    found = signals.contact(comment("Call +33 6 12 34 56 78, write to bob@mail.example or on WhatsApp"))
    assert found is not None
    assert found.evidence == {"emails": 1, "phones": 1, "apps": ["whatsapp"]}


def test_view_counts_and_years_are_not_phone_numbers() -> None:
    assert signals.contact(comment("2 000 000 000 views since 2012, and 1.500.000 likes")) is None


def test_self_promotion_is_found_in_english_and_french() -> None:
    for text in ("Check out my channel!", "Abonnez-vous à ma chaîne"):
        found = signals.phrasing(comment(text))
        assert "self_promotion" in names(found), text


def test_money_crypto_pharmacy_seo_gambling_adult_and_phishing_topics_are_separate_signals() -> None:
    text = (
        "Earn $500 per day with bitcoin, cheap viagra without prescription, backlinks for your site, "
        "online casino, hot singles, click here"
    )
    assert {"money", "crypto", "pharmacy", "seo", "gambling", "adult", "phishing"} <= names(
        signals.phrasing(comment(text))
    )


def test_french_money_and_phishing_phrasing_is_found_without_accents_mattering() -> None:
    found = {s.name: s for s in signals.phrasing(comment("Gagnez 300 € par jour ! Vérifiez votre compte ici"))}
    assert found["money"].evidence["phrases"] == ["gagnez", "300 €", "par jour"]
    assert "phishing" in found


def test_a_wallet_in_a_pocket_is_no_crypto_word_but_a_crypto_wallet_is() -> None:
    for text in ("Don't forget your wallet at the stadium.", "Le ministre garde son portefeuille."):
        assert "crypto" not in names(signals.phrasing(comment(text))), text
    for text in ("Send it to my wallet address today", "Connect your wallet to claim", "Ouvrez un portefeuille crypto"):
        assert "crypto" in names(signals.phrasing(comment(text))), text


def test_phrases_match_whole_words_not_substrings() -> None:
    assert signals.phrasing(comment("The seoul trip was a bet on good weather, it paid off.")) == []


def test_spam_phrasing_in_the_author_name_counts_too() -> None:
    assert "seo" in names(signals.phrasing(comment("Thanks!", author_name="Best SEO Services")))


def test_ordinary_comments_raise_no_phrasing_signal() -> None:
    for text in ("Great article, thanks!", "Merci pour cet article, très clair.", "I disagree with point two."):
        assert signals.phrasing(comment(text)) == [], text


def test_shouting_needs_mostly_capitals_over_enough_letters() -> None:
    assert signals.shouting(comment("BUY NOW THE BEST OFFER EVER")) is not None
    assert signals.shouting(comment("I LOVE IT")) is None
    assert signals.shouting(comment("A calm sentence with One Capital.")) is None


def test_shouting_counts_latin1_capitals_as_it_counts_those_of_any_script() -> None:
    latin1 = "ÉNORME ARNAQUE, ÇA SUFFIT À LA FIN ÆØ µ ß ª"
    beyond = latin1 + " Ω"  # one character past Latin-1: the letters are then looked at one by one
    for text in (latin1, beyond, "PLAIN ASCII SHOUTING HERE"):
        expected = (sum(map(str.isupper, text)), sum(map(str.isalpha, text)))
        assert signals._capitals_and_letters(text, 0) == expected, text
    assert signals._capitals_and_letters("Été", 5) == (1, 0)  # too few capitals: the letters are not counted
    found, found_beyond = signals.shouting(comment(latin1)), signals.shouting(comment(beyond))
    assert found is not None and found_beyond is not None


@pytest.mark.parametrize(
    "text",
    ["wow!!!!!!", "aaaa bbbb", "     ", "\x1c\x1c\x1c\x1c\x1c", "ééééé", "ĀĀĀĀĀ", "ok ĀĀĀĀ", "abcd", "", "xxxxx yy"],
)
def test_a_run_of_five_characters_is_found_where_the_pattern_finds_it(text: str) -> None:
    expected, found = signals._CHAR_RUN.search(text), signals._char_run(text)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def test_repeated_characters_and_repeated_words_are_repetition() -> None:
    chars = signals.repetition(comment("wow!!!!!!"))
    words = signals.repetition(comment("free free free free stuff for you here now"))
    assert chars is not None and chars.evidence == {"run": "!!!!!!"}
    assert words is not None and words.evidence == {"word": "free", "times": 4}
    assert signals.repetition(comment("A normal sentence, said once.")) is None


def test_a_disposable_email_domain_is_a_signal_showing_the_domain_only() -> None:
    found = signals.disposable_email(comment(author_email="someone.private@mailinator.com"))
    assert found is not None and found.evidence == {"domain": "mailinator.com"}
    assert "someone.private" not in repr(found)
    assert signals.disposable_email(comment(author_email="ann@example.org")) is None


def test_configured_word_lists_match_whole_words_in_any_field() -> None:
    pattern = signals.WordList.of_terms(["casino"])
    found = signals.word_list("blocklist", pattern, comment("hi", author_url="http://casino.example"))
    assert found is not None and found.evidence == {"field": "author_url", "term": "casino"}
    assert signals.word_list("blocklist", pattern, comment("casinos are loud")) is None


def test_a_word_list_finds_what_its_whole_pattern_finds() -> None:
    texts = (
        "gagner de l'argent vite", "gagner de largent", "l'argent", "casino\ten\n ligne", "cryptos", "le crypto!",
        "a#promo", "#promo here", "get $$$ fast", "ça marche", "çamarche", "nothing at all", "", "crypto_x",
    )  # fmt: skip
    words_first = ("gagner de l'argent", "casino  en ligne", "crypto", "ça marche")
    for terms in (words_first, (*words_first, "#promo", "$$$ fast")):  # then some terms start with a mark
        folded = sorted({" ".join(t.split()) for t in terms}, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, t.split())) for t in folded)
        pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
        listed = signals.WordList.of(pattern, folded)
        assert (listed.first_words is None) == (len(terms) > len(words_first))
        for text in texts:
            expected, found = pattern.search(text), listed.search(text)
            assert (found.group() if found else None) == (expected.group() if expected else None), (terms, text)


def test_a_known_author_lowers_the_score() -> None:
    found = signals.known_author({fact.KNOWN_AUTHOR: True})
    assert found is not None and found.weight < 0
    assert signals.known_author({}) is None


def test_earlier_copies_by_others_are_a_campaign_signal_growing_with_the_copies() -> None:
    one, many = signals.campaign({fact.DUPLICATES: 1}), signals.campaign({fact.DUPLICATES: 5})
    assert one is not None and many is not None and many.weight > one.weight
    assert signals.campaign({fact.DUPLICATES: 0}) is None
    assert signals.campaign({fact.DUPLICATES: True}) is None


def test_every_signal_detect_can_return_has_a_default_weight() -> None:
    spammy = comment(
        "CHECK OUT MY CHANNEL!!!!! bit.ly/x <a href='http://x.top'>x</a> whatsapp free bitcoin viagra seo casino",
        author_name="www.spam.xyz",
        author_url="http://pills.top",
        author_email="x@mailinator.com",
    )
    found = detect(spammy, {fact.KNOWN_AUTHOR: True, fact.DUPLICATES: 2})
    assert names(found) <= set(WEIGHTS)
    assert len(found) >= 10


def test_a_run_of_five_characters_is_found_as_the_repeated_backreference_finds_it() -> None:
    before = re.compile(r"(\S)\1{4,}")  # the pattern as first written
    for text in ("soooooo good", "!!!!!", "!!!!", "aaaa aaaaaaaaaaaaaaa", "ab" * 10 + "ééééééé", "", "zzzzzzz"):
        found, expected = signals._CHAR_RUN.search(text), before.search(text)
        assert (found.span() if found else None) == (expected.span() if expected else None), text


@pytest.mark.parametrize(
    "text",
    ["Please vote for me in the contest!", "Vote for my cover, link in my channel", "Votez pour moi, merci !"],
)
def test_a_vote_asked_for_oneself_is_engagement_bait(text: str) -> None:
    assert "engagement_bait" in {s.name for s in detect(Comment(id="c", post_id="p", content=text), {})}


@pytest.mark.parametrize(
    "text",
    [
        "These people are morons, they'll vote for anyone who promises free stuff.",
        "I will never vote for the mayor again after this.",
        "Ceux qui votez pour lui, relisez son programme.",
    ],
)
def test_a_vote_argued_about_in_politics_is_not_engagement_bait(text: str) -> None:
    assert "engagement_bait" not in {s.name for s in detect(Comment(id="c", post_id="p", content=text), {})}
