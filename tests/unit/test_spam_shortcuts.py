"""The quick looks that spare the spam check a regex or a reading never change an answer."""

from __future__ import annotations

import math
import re

import pytest

from worker.spam import phrases, reach, urls
from worker.spam.classifier import NAME_MIN_DOCS, SMOOTHING, Label, ModelState
from worker.spam.features import bucket, features, is_link_feature
from worker.spam.phrases import tokens, unjoined
from worker.spam.reach import spelled_emails
from worker.text import fold

_SEPARATORS = (" (dot) ", "[dot]", "{ . }", " dot ", " point ", " . ", ".", " .", ". ", "(.)", "< point >", " [ . ] ")


@pytest.mark.parametrize("ending", reach._ENDINGS.split("|"))
def test_an_address_spelled_with_any_dot_and_any_ending_is_still_read(ending: str) -> None:
    for separator in _SEPARATORS:
        for at in (" (at) ", " arobase ", " @ ", "[at]"):
            text = fold(f"ecris a jeanne.martin{at}gmail{separator}{ending} merci")
            assert spelled_emails(text) == 1, text


def test_the_quick_look_for_a_dotted_ending_changes_no_count(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        fold(f"{name}{at}{host}{separator}{ending} {tail}")
        for name in ("ecris a jeanne", "look", "mail me")
        for at in (" at ", " (at) ", "@")
        for host in ("gmail", "example", "laposte")
        for separator in _SEPARATORS
        for ending in ("com", "fr", "de", "it", "house")
        for tail in ("", "-x", "now")
    ]
    quick = [spelled_emails(text) for text in texts]
    monkeypatch.setattr(reach, "_DOTTED_ENDING", re.compile(""))  # matches every text: the pattern alone decides
    assert quick == [spelled_emails(text) for text in texts]
    assert any(quick)


_MARKUP = (
    "see <a href='https://shop.example/x'>this</a> now",
    "see [url=https://shop.example/x]this[/url] now",
    "see [this](https://shop.example/x) now",
)


@pytest.mark.parametrize("text", (*_MARKUP, "see [url]https://shop.example/x[/url]", "[link=https://shop.example]x"))
def test_link_markup_of_every_kind_is_still_replaced(text: str) -> None:
    assert urls.replace_markup(text, "linkurl") == urls._MARKUP_SYNTAX.sub(" linkurl ", text) != text


@pytest.mark.parametrize("text", _MARKUP)
def test_a_link_written_as_markup_still_gives_way_to_its_label(text: str) -> None:
    assert urls.replace_markup_links(text, lambda href: False) == "see  this  now"


@pytest.mark.parametrize("text", ("contactez-le aujourd'hui", "it's a well-known trick", "l’arnaque d’un faux-site"))
def test_the_unjoined_text_has_the_words_a_fresh_reading_finds(text: str) -> None:
    folded = fold(text)
    phrases._READ.clear()
    unjoined.cache_clear()
    joined = unjoined(folded)
    assert tokens(joined) == tuple(re.findall(r"\w+", joined)) == tokens(folded)


def _reference(
    model: ModelState, text: str, name: str = "", url: str | None = None
) -> tuple[float, float, list[tuple[float, str]]]:
    """Weigh a comment from :func:`features`, as the classifier's formula says, feature by feature."""
    counts = model.to_fields()
    base = math.log((counts.get("docs:ham", 0) + 2 * SMOOTHING) / (counts.get("docs:spam", 0) + 2 * SMOOTHING))
    weighed: list[tuple[float, str]] = []
    grams: list[tuple[float, str]] = []
    links: list[float] = []
    n_grams = 0
    for feature in features(text, name, url):
        spam, ham = counts.get(f"spam:{bucket(feature)}", 0), counts.get(f"ham:{bucket(feature)}", 0)
        seen = spam + ham >= NAME_MIN_DOCS if feature.startswith("n:") else spam or ham
        log_odds = math.log((spam + SMOOTHING) / (ham + SMOOTHING)) + base if seen else None
        if feature.startswith("g:"):
            n_grams += 1
            if log_odds is not None:
                grams.append((log_odds, feature))
        elif log_odds is not None:
            weighed.append((log_odds, feature))
            if is_link_feature(feature):
                links.append(log_odds)
    grams = [(log_odds * (1.0 / n_grams), f) for log_odds, f in grams]
    weighed += grams
    links += [log_odds for log_odds, _ in grams]
    return math.fsum(w for w, _ in weighed), math.fsum(links), sorted(weighed)


_COMMENTS = (
    ("buy cheap pills now at https://pills.example/buy", "Cheap Pills", "https://pills.example"),
    ("lovely song, thanks for the link https://music.example/a and www.other.example", "Anna", None),
    ("call 1-844-555-0199 now, <a href='https://x.example'>here</a> cheap pills 2,000 $5", "", None),
    ("thanks for the song, thanks for the song", "Paul 23", None),
    ("Merci pour l'article, très clair ! linkurl cheap", "Lectrice 12", "http://blog.example"),
)


def test_weighing_words_through_their_own_memos_gives_what_the_features_weigh() -> None:
    model = ModelState()
    for text, name, url in _COMMENTS[:3]:
        model.learn(text, Label.SPAM, author_name=name, author_url=url)
    for text, name, url in _COMMENTS[3:]:
        model.learn(text, Label.HAM, author_name=name, author_url=url)
    for _ in range(2):  # the memos empty, then full
        for text, name, url in (*_COMMENTS, ("words never met before", "Zoé", None)):
            weighing = model.weigh(text, author_name=name, author_url=url)
            assert (weighing.logit, weighing.link_logit, sorted(weighing.weighed)) == _reference(model, text, name, url)
    model.learn("cheap song", Label.SPAM)  # learning empties the memos and the base the weights are measured from
    for text, name, url in _COMMENTS:
        weighing = model.weigh(text, author_name=name, author_url=url)
        assert (weighing.logit, weighing.link_logit, sorted(weighing.weighed)) == _reference(model, text, name, url)
