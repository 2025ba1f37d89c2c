"""Scam families are caught however they give their contact; readers using the same words are not held."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action


@pytest.mark.parametrize(
    "content",
    (
        # marabouts, with and without accents, testimonials, every way to be reached
        "Grâce au grand maître Houénou, mon mari est rentré à la maison en 4 jours. Contactez-le : +229 97 44 12 08",
        "grace au maitre spirituel Zinsou mon ex est revenu, il est tres fort. whatsapp:+22961457788",
        "Je vous recommande le voyant Papa Agossa, il a fait revenir ma compagne. Écrivez-lui : papagossa (at) gmail "
        "(dot) com",
        "Marabout sérieux, retour de l'être aimé, protection, chance aux jeux. Tél : 00 229 95 11 47 20",
        "Médium puissant, résultats en 3 jours, désenvoûtement. Telegram : @medium_benin ou WhatsApp +229 66 02 14 58",
        # loans between individuals
        "Je suis une particulière qui prête de 3 000 à 150 000 € à 2 %. Écrivez-moi : sylvie.credit arobase gmail "
        "point com",
        "Pret entre particulier serieux et rapide, reponse en 48h. mail: prets.fiables[at]outlook[dot]fr",
        "J'ai eu mon prêt grâce à Madame Fontaine, prêteuse honnête, je la recommande : fontaine.pret@yahoo.fr",
        # hackers for hire and fund recovery
        "J'ai perdu 30 000 € sur un faux site de trading, un hacker éthique a tout récupéré. Telegram : @recup_pro",
        "Récupération de fonds crypto garantie par des hackers professionnels, whatsapp:+447418361259",
        "Thanks to Dr Adebayo I got my stolen bitcoin back in a week, I recommend him: adebayo.recover at gmail dot "
        "com",
        # paid customer-service numbers and fake insurance or credit offers
        "Numéro service client Bouygues : 08 92 23 41 07, un conseiller vous répond tout de suite",
        "Rachat de crédits sans frais, divisez vos mensualités par deux, simulation gratuite au 09 72 18 30 44",
        "Assurance emprunteur pas chère, devis en 2 minutes, appelez le 01 84 60 22 71",
        # English support and booking lines
        "Norton antivirus support phone number +1 (888) 555-0142, certified technicians, call anytime",
        "United Airlines reservations number 1-844-555-0123, book or change your flight now",
    ),
)
def test_a_scam_family_is_caught_however_it_gives_its_contact(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Attention, c'est une arnaque : ces prêts entre particuliers exigent des frais d'avance, ne les contactez pas.",
        "The trial of the self-styled marabout who defrauded dozens of women opened this week in Paris.",
        "Les voyants médiums à la télé, franchement, c'est du grand n'importe quoi.",
        "Quelqu'un a le numéro de la mairie ? Leur site ne marche plus depuis hier.",
        "Leur numéro pour les urgences est le 01 40 05 48 48, ils ont été très efficaces avec mon fils cette nuit.",
    ),
)
def test_a_reader_naming_the_same_words_is_not_held(content: str) -> None:
    assert action(content) is Action.APPROVE
