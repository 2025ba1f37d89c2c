"""Only a verb or an advert's label before a number calls to action: "leur numéro" is how readers pass one on."""

from __future__ import annotations

from worker.models import Comment
from worker.spam.signals import detect


def signals(content: str) -> dict[str, float]:
    return {s.name: s.weight for s in detect(Comment(id="c", post_id="p", author_name="Claire", content=content), {})}


def test_a_noun_before_a_number_is_no_call_to_action_but_a_verb_or_a_label_is() -> None:
    assert "call_to_action" not in signals("Leur numéro est le 01 40 05 48 48 depuis des années.")
    assert "call_to_action" in signals("Appelez le 01 40 05 48 48 pour un devis.")
    assert "call_to_action" in signals("Plombier disponible, tel: 01 40 05 48 48")


def test_the_number_after_a_call_verb_is_looked_for_in_the_text_the_verb_was_found_in() -> None:
    padded = "Bonjour," + "\n" * 60 + "Appelez le 06 12 34 56 78 pour un devis."
    assert "call_to_action" in signals(padded)
    later = "Je vous appelle demain, promis, merci pour tout. 06 12 34 56 78"
    digits_before = "Commande 4521 reçue." + " " * 60 + later
    assert "call_to_action" not in signals(digits_before)


def test_a_writer_telling_of_a_call_they_had_to_make_is_no_call_to_action() -> None:
    assert "call_to_action" not in signals("J'ai dû appeler le 3900 trois fois avant d'avoir quelqu'un.")
    assert "call_to_action" not in signals("I had to call 0800 328 2020 three times before anyone answered.")
    assert "call_to_action" not in signals("J’ai essayé d’appeler le 01 40 20 50 50 toute la matinée.")
    assert "call_to_action" in signals("You have to call 0800 123 4567 now to claim your prize.")
    assert "call_to_action" in signals("I decided to contact him on +234 801 234 5678 and my husband came back.")
