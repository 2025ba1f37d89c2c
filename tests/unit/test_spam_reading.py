"""The spam signals read a comment as it is shown: tags out, entities decoded, look-alike letters read plainly."""

from __future__ import annotations

from worker.spam.reading import disguised_words, shown, without_formatting


def test_html_tags_are_taken_out_and_entities_decoded_keeping_link_labels() -> None:
    html = '<p>Call <b>us</b> &amp; ask</p><p>See <a href="https://x.example">the page</a></p>'
    assert shown(html).split() == ["Call", "us", "&", "ask", "See", "the", "page"]


def test_an_empty_tag_inside_a_word_no_longer_splits_it() -> None:
    assert "support" in shown("sup<b></b>port").split()


def test_text_that_only_looks_like_tags_is_left_as_it_is() -> None:
    assert shown("if x<y and z>w then 2 < 3") == "if x<y and z>w then 2 < 3"


def test_plain_text_comes_back_unchanged() -> None:
    text = "Nice post, thanks!"
    assert shown(text) is text


def test_latin_mixed_with_cyrillic_greek_or_cherokee_look_alikes_is_read_plainly() -> None:
    found = disguised_words("Best оnlіne ρharmacy, and Ꮲrinter hеlp")
    assert [(d.word, d.how) for d in found] == [
        ("online", "mixed scripts"),
        ("pharmacy", "mixed scripts"),
        ("printer", "mixed scripts"),
        ("help", "mixed scripts"),
    ]


def test_styled_letters_are_read_plainly() -> None:
    found = disguised_words("Try our 𝐂𝐚𝐬𝐢𝐧𝐨 or ｐｏｋｅｒ tonight, ꜱᴜᴘᴘᴏʀᴛ is open")
    assert [(d.word, d.how) for d in found] == [
        ("casino", "styled letters"),
        ("poker", "styled letters"),
        ("support", "styled letters"),
    ]


def test_accents_whole_words_of_other_scripts_and_short_formulas_are_no_disguise() -> None:
    assert disguised_words("Très bon article, j'ai réussi à compiler après la mise à jour.") == ()
    assert disguised_words("Спасибо за статью, всё работает. Καλή δουλειά!") == ()
    assert disguised_words("p = ρgh and the area is 2πr², with Δx small") == ()


def test_formatting_tags_are_dropped_while_links_and_images_stay_for_the_link_features() -> None:
    html = 'Great<br />post, <b>really</b> <a href="https://x.example">here</a> <img src="https://y.example/a.png">'
    assert without_formatting(html) == (
        'Great\npost, really <a href="https://x.example">here</a> <img src="https://y.example/a.png">'
    )


def test_html_comments_are_not_shown_and_an_unclosed_one_stays_text() -> None:
    assert shown("Nice<!-- buy cheap pills -->post") == "Nicepost"
    assert shown("a <!-- never closed") == "a <!-- never closed"
