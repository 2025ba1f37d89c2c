"""A reply's opening handles are the names of the readers it answers, not words the classifier weighs."""

from __future__ import annotations

from worker.spam.classifier import Label, ModelState
from worker.spam.features import reading


def test_the_handles_a_reply_opens_on_are_not_read_as_words() -> None:
    assert reading("@marie_l @Paul75, je suis d'accord avec vous").words == reading("je suis d'accord avec vous").words
    assert reading("  @jean : merci pour le lien").words == reading("merci pour le lien").words


def test_a_handle_given_later_in_the_comment_is_still_read() -> None:
    # "Telegram @x" is a handle given to be contacted: its words stay evidence.
    assert "recup_fonds_pro" in reading("Écrivez-nous sur Telegram @recup_fonds_pro").words
    assert "marie" in reading("Merci @Marie pour le conseil").words


def test_a_handle_that_the_model_learned_as_spam_does_not_weigh_on_a_reply() -> None:
    model = ModelState()
    for _ in range(5):
        model.learn("user bonus offer winner", Label.SPAM)
        model.learn("je suis d'accord avec vous sur ce point", Label.HAM)
    assert model.weigh("@user je suis d'accord").logit == model.weigh("je suis d'accord").logit
    assert model.weigh("user je suis d'accord").logit > model.weigh("je suis d'accord").logit
