"""Threats made to the reader are found and held; the same verbs in everyday, quoted or denied use are not."""

from __future__ import annotations

import pytest

from tests.helpers import LEANS_CLEAN as SILENT
from worker.abuse.categories import category
from worker.abuse.context import read
from worker.abuse.features import words
from worker.abuse.threats import threats
from worker.checks.abuse import DEFAULT_THREAT, AbuseCheck, build
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Policy

CHECK = AbuseCheck(english=0.0)


def check(text: str, checker: AbuseCheck = CHECK) -> tuple[float | None, list[Action], dict]:  # type: ignore[type-arg]
    result = checker.check(Comment(id="c1", post_id="p1", content=text), SILENT)
    evidence = result.reasons[0].evidence if result.reasons else {}
    return result.score, [r.action for r in result.reasons], evidence


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Keep talking and I'll kill you.", "I'll kill you"),
        ("i will find you", "i will find you"),
        ("One more post like that and we're going to break your legs", "we're going to break your legs"),
        ("gonna slit your throat when you least expect it", "gonna slit your throat"),
        ("Honestly I'm not afraid to stab you", "I'm not afraid to stab you"),
        ("someone should shoot you", "someone should shoot you"),
        ("imma beat you up after school", "imma beat you"),
        ("I'd love to smash his skull in", "I'd love to smash his skull"),
        ("I'll kick your ass so hard", "I'll kick your ass"),
        ("i will knock your teeth out", "i will knock your teeth"),
        ("You're gonna die, loser", "You're gonna die"),
        ("you'll get stabbed tonight", "you'll get stabbed"),
        ("I really hope you die", "hope you die"),
        ("You deserve to be shot", "You deserve to be shot"),
        ("Nobody cares. Kill yourself", "Kill yourself"),
        ("kys", "kys"),
        ("We know where you live, Mark", "We know where you live"),
        ("Je vais te tuer", "Je vais te tuer"),
        ("je vais te retrouver, sale lâche", "je vais te retrouver"),
        ("J'vais t'égorger comme un mouton", "J'vais t'égorger"),
        ("on va te faire la peau", "on va te faire la peau"),
        ("Je te retrouverai et tu le sais", "Je te retrouverai"),
        ("Tu vas crever !", "Tu vas crever"),
        ("Crève, ordure", "Crève"),
        ("Va te pendre", "Va te pendre"),
        ("J'espère que tu vas crever", "J'espère que tu vas crever"),
        ("Fais gaffe, on sait où tu habites", "on sait où tu habites"),
        ("Si je te croise t'es mort.", "t'es mort"),
    ],
)
def test_a_threat_made_to_the_reader_is_found_with_its_span(text: str, threat: str) -> None:
    [found] = threats(text)
    assert found.text == threat and text[found.start : found.end] == threat


@pytest.mark.parametrize(
    "text",
    [
        "He said he'd kill me if I told anyone.",
        "They were going to kill you, the doctors said, and you pulled through.",
        "I'd never hurt you, you know that.",
        "I won't kill you, relax.",
        "This joke killed me",
        "Just kill the process and restart it.",
        "The bug that killed my build is fixed.",
        "Smoking will kill you eventually.",
        "I'll shoot you an email tomorrow.",
        "I'll find you a better link.",
        "I'll find you at the station at six.",
        "I'll beat you at chess any day.",
        "I'll cut you some slack this time.",
        "You'll die laughing at this one.",
        "We all die one day, you will die too someday.",
        "Don't kill yourself over a deadline.",
        "Do you really think I'd hurt you?",
        "She told him: 'I will find you'. The police took it seriously.",
        "He threatened her, I will kill you, he wrote.",
        "I'll kill you with kindness.",
        "I'll shoot your mom a text tonight.",
        "I'm going to mess your hair up, sorry.",
        "Je vais te retrouver au café demain.",
        "Je vais te retrouver le lien de l'article.",
        "Je ne vais pas te tuer, promis.",
        "Je vais te défoncer à FIFA ce soir.",
        "Je suis crevé après cette semaine.",
        "Crevé, je rentre.",
        "Je crève de chaud dans ce bureau.",
        "Tu vas mourir de rire en lisant ça.",
        "Tu vas payer combien pour le billet ?",
        "Il a dit « je vais te tuer » à sa voisine, c'est inadmissible.",
        "Je sais pas où tu habites maintenant.",
        "Il a insulté tes morts, c'est lamentable.",
    ],
)
def test_everyday_quoted_reported_denied_or_asked_uses_of_the_same_verbs_are_not_threats(text: str) -> None:
    assert threats(text) == []


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Watch your back, clown.", "Watch your back"),
        ("you'd better watch your back when you leave that office", "you'd better watch your back"),
        ("Keep lying. You'll regret it.", "You'll regret it"),
        ("You will regret writing this, I promise you that.", "You will regret writing this"),
        ("you're going to regret the day you wrote that", "you're going to regret the day"),
        ("You'll pay for this", "You'll pay for this"),
        ("I will make you pay for every word.", "I will make you pay"),
        ("Sleep with one eye open.", "Sleep with one eye open"),
        ("I know where your kids go to school.", "I know where your kids go to school"),
        ("It would be a shame if something happened to your family.", "shame if something happened to your family"),
        ("I hope someone runs you over", "hope someone runs you over"),
        ("someone should shoot him before he does more damage", "someone should shoot him"),
        ("They should all be lined up and shot.", "They should all be lined up and shot"),
        ("people like you should be hanged", "people like you should be hanged"),
    ],
)
def test_warnings_wishes_and_calls_to_kill_without_a_violent_verb_on_you_are_threats(text: str, threat: str) -> None:
    [found] = threats(text)
    assert found.text == threat


@pytest.mark.parametrize(
    "text",
    [
        "Watch your back posture when lifting, my physio says.",
        "Always watch your back in that part of town.",
        "Watch Your Back is a tense thriller with a weak ending.",
        "In the film the killer tells him to watch your back.",
        'She read out the messages in court: "watch your back", "you\'ll regret this".',
        "He told her she would regret it.",
        "you'll regret not booking early, it sells out",
        "Try it, you won't regret it.",
        "Would you regret it?",
        "You'll pay for it later with higher bills.",
        "I'll make you pay less tax, the minister promised.",
        "I sleep with one eye open since the burglary.",
        "Someone should shoot this film in colour.",
        "Someone should kill this bill.",
        "These scenes should be shot at night.",
        "They should be shot on location in Iceland.",
        "The trailer ends with 'you'll pay for this' and a door slamming.",
    ],
)
def test_the_same_warnings_as_advice_titles_reports_or_film_talk_are_not_threats(text: str) -> None:
    assert threats(text) == []


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("This is your last warning.", "This is your last warning"),
        ("Consider yourself warned, buddy.", "Consider yourself warned"),
        ("You have been warned, clown.", "You have been warned"),
        ("It would be a shame if something happened to your car.", "shame if something happened to your car"),
        ("I'll be waiting for you outside.", "I'll be waiting for you outside"),
        ("I'll be waiting for you when you leave.", "I'll be waiting for you when you leave"),
        ("Tu vas payer pour ce que tu as écrit.", "Tu vas payer"),
        ("Keep posting. You won't see it coming.", "You won't see it coming"),
        ("I'd watch my step if I were you.", "I'd watch my step if I were you"),
        ("We're coming for you, traitor.", "We're coming for you"),
        ("C'est mon dernier avertissement.", "C'est mon dernier avertissement"),
        ("T'es prévenue, sale menteuse.", "T'es prévenue"),
        ("Tu es prévenu.", "Tu es prévenu"),
        (
            "Ce serait dommage qu'il arrive quelque chose à ta famille.",
            "dommage qu'il arrive quelque chose à ta famille",
        ),
        ("Je t'attends à la sortie.", "Je t'attends à la sortie"),
        ("On se retrouvera, crois-moi.", "On se retrouvera"),
        ("Tu ne verras rien venir.", "Tu ne verras rien venir"),
        ("Dors que d'un œil.", "Dors que d'un œil"),
        ("Fais gaffe à toi.", "Fais gaffe à toi"),
        ("Tu vas me le payer cher !", "Tu vas me le payer cher"),
        ("Tes jours sont comptés.", "Tes jours sont comptés"),
        ("Je vais venir te chercher, espèce de lâche.", "Je vais venir te chercher"),
    ],
)
def test_intimidation_without_a_violent_verb_is_a_threat_with_its_span(text: str, threat: str) -> None:
    [found] = threats(text)
    assert found.text == threat and text[found.start : found.end] == threat


@pytest.mark.parametrize(
    "text",
    [
        "Last warning before the bridge closes at ten.",
        "This is your last warning to renew your subscription.",
        "You've been warned about the weather, pack a coat.",
        "Spoilers ahead, you've been warned.",
        "It would be a shame if something happened to the old library.",
        "I'm coming for you at 6 to pick you up.",
        "I'll be waiting for you outside the cinema at eight.",
        "I won't be waiting for you when you leave.",
        "Tu vas payer pour le billet.",
        "You won't see it coming, the twist in chapter three.",
        'He wrote "you won\'t see it coming" under every post.',
        "I'm not coming for you, relax.",
        "Vous êtes prévenus, le film dure trois heures.",
        "Il m'a dit « t'es prévenu » et il est parti.",
        "Ce serait dommage qu'il arrive quelque chose à la vieille bibliothèque.",
        "On se retrouvera au café.",
        "On se retrouvera demain à midi.",
        "Tu vas le payer cher, ce forfait.",
        "Tu ne vas pas le payer, c'est offert.",
        "Je viens te chercher à la gare.",
        "Je t'attends à la sortie du métro, à 18h.",
        "Fais gaffe à toi sur la route, il gèle.",
        "Je ne dors que d'un œil depuis le cambriolage.",
        "Tu verras rien venir ?",
    ],
)
def test_the_same_warnings_with_a_place_a_time_an_object_or_someone_else_s_voice_are_not_threats(text: str) -> None:
    assert threats(text) == []


def test_a_comment_that_only_reposts_a_threat_makes_it_its_own() -> None:
    assert [t.text for t in threats("@someone “I will find you”")] == ["I will find you"]


def test_overlapping_constructions_make_one_threat() -> None:
    assert [t.text for t in threats("j'espère que tu vas crever")] == ["j'espère que tu vas crever"]


def test_a_threat_in_everyday_words_is_held_with_category_threat_and_its_span_first() -> None:
    text = "Keep posting and I will find you."
    score, actions, evidence = check(text)
    assert actions == [Action.FLAG] and score == pytest.approx(DEFAULT_THREAT)
    assert evidence["category"] == "threat"
    first = evidence["terms"][0]
    assert first["text"] == "I will find you" and text[slice(*first["span"])] == "I will find you"
    assert first["log_odds"] > 0


def test_the_same_words_without_a_threat_are_not_held() -> None:
    score, actions, _ = check("Keep posting and I will find you a better source.")
    assert actions == [] and score is not None and score < CHECK.flag_at


def test_a_threat_alone_never_rejects() -> None:
    _, actions, _ = check("I will find you.", AbuseCheck(english=0.0, flag_at=0.5, reject_at=0.8))
    assert actions == [Action.FLAG]


def test_the_policy_sets_the_threat_score_and_zero_turns_threats_off() -> None:
    off = build(Policy.from_mapping({"abuse": {"threat": 0, "english": 0}}).section("abuse"))
    assert off.threat == 0 and check("Je vais te tuer.", off)[1] == []
    assert build(Policy.from_mapping({}).section("abuse")).threat == DEFAULT_THREAT
    with pytest.raises(ConfigError, match="threat"):
        build(Policy.from_mapping({"abuse": {"threat": 1.5}}).section("abuse"))


def test_a_threat_keeps_the_context_step_from_lowering_the_score() -> None:
    text = "Calling him a moron is unacceptable, they said. Fine: I will find you."
    start = text.index("moron")
    assert read(text, [(start, start + len("moron"))]).guard == "threat"


def test_the_category_is_threat_when_the_comment_threatens_else_from_the_cues() -> None:
    assert category(words("t'es qu'un crétin"), threat=True) == "threat"
    assert category(words("t'es qu'un crétin")) == "insult"
    assert category(words("je vais te retrouver au café, crétin")) == "insult"


@pytest.mark.parametrize(
    "text",
    [
        "I'd never say you'll pay for this",
        "I would never say this is your last warning.",
        "I'm not saying you'll regret this, just that the figures are wrong.",
        "Nobody is saying you'll pay for this, calm down.",
        "I didn't say I'll kill you, I said I'd kill the thread.",
        "Je n'ai jamais dit que tu vas le payer.",
        "Je dis pas que tu vas le payer, je dis que c'est faux.",
    ],
)
def test_a_warning_the_speaker_denies_saying_is_not_a_threat(text: str) -> None:
    assert threats(text) == []


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Don't worry, you'll pay for this.", "you'll pay for this"),
        ("I won't say it twice: you'll pay for this", "you'll pay for this"),
        ("I never forget. You'll pay for this.", "You'll pay for this"),
        ("T'inquiète pas, tu vas le payer.", "tu vas le payer"),
        ("I'm not saying you'll regret this, but think twice.", "you'll regret this"),
        ("Je dis pas que tu vas le payer, mais fais attention.", "tu vas le payer"),
    ],
)
def test_a_negation_elsewhere_or_a_but_after_the_denial_leaves_a_threat(text: str, threat: str) -> None:
    assert [t.text for t in threats(text)] == [threat]
