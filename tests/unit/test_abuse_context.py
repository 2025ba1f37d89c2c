"""The abuse check's context step: mentioned, countered, reclaimed or criticising words are read apart from abuse."""

from __future__ import annotations

import pytest

from worker.abuse.context import STRONG, charged, read
from worker.abuse.speech import quoted
from worker.profanity.normalise import fold_text


def spans(text: str, *words: str) -> list[tuple[int, int]]:
    """Return the span of the first occurrence of each word, in the given order (heaviest first)."""
    found = []
    for word in words:
        start = text.index(word)
        found.append((start, start + len(word)))
    return found


def test_a_quoted_insult_that_the_comment_condemns_is_lowered_and_says_why() -> None:
    text = "A man wrote 'idiot' under her photo. That is unacceptable and I reported it."
    reading = read(text, spans(text, "idiot"))
    assert reading.discount == STRONG and reading.guard is None
    assert {"quoted", "condemned"} <= set(reading.cues)


def test_french_reported_speech_with_a_complaint_is_lowered() -> None:
    text = "Un voisin a traité ma fille d'abrutie dans l'escalier, nous avons porté plainte."
    reading = read(text, spans(text, "abrutie"))
    assert reading.discount == STRONG and {"reported", "condemned"} <= set(reading.cues)


def test_a_quote_that_nothing_condemns_keeps_its_score_because_abusers_quote_too() -> None:
    text = "My favourite line tonight: 'what a stupid cow' lol"
    reading = read(text, spans(text, "stupid"))
    assert reading.discount == 0 and "quoted" in reading.cues


def test_an_insult_addressed_to_the_reader_outside_the_quote_is_never_lowered() -> None:
    text = "He called her 'a liar', which is unacceptable, but you are an idiot."
    assert read(text, spans(text, "idiot", "liar")) == read(text, spans(text, "idiot"))
    reading = read(text, spans(text, "idiot", "liar"))
    assert reading.guard == "addressed" and reading.discount == 0


def test_a_french_insult_to_tu_in_the_same_sentence_as_a_condemnation_is_never_lowered() -> None:
    text = "Il l'a traité de menteur, c'est honteux, mais toi t'es un abruti."
    reading = read(text, spans(text, "abruti", "menteur"))
    assert reading.guard == "addressed" and reading.discount == 0


def test_a_threat_in_the_speakers_own_voice_and_a_disclaimer_stop_the_step() -> None:
    threat = "Calling him 'scum' is unacceptable? I will find you and hurt you."
    assert read(threat, spans(threat, "scum")).guard == "threat"
    disclaimer = "No offense but calling them 'animals' is just the truth, sad and unacceptable."
    assert read(disclaimer, spans(disclaimer, "animals")).guard == "disclaimer"


def test_the_speaker_calling_names_is_a_use_not_a_report() -> None:
    text = "From now on I will call them vermin, and if that is racist so be it."
    reading = read(text, spans(text, "vermin"))
    assert "reported" not in reading.cues and reading.discount == 0


def test_a_reported_word_does_not_condemn_itself() -> None:
    text = "The thief calling someone else a racist, how funny."
    reading = read(text, spans(text, "racist"))
    assert "condemned" not in reading.cues and reading.discount == 0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ce n'est pas parce qu'il est musulman qu'il est dangereux.", "dangereux"),
        ("Being a refugee does not make anyone a criminal.", "criminal"),
        ("Disabled people are not a burden, they work and vote.", "burden"),
        ("L'homophobie n'a pas sa place dans ce club.", "homophobie"),
    ],
)
def test_counter_speech_is_lowered(text: str, word: str) -> None:
    reading = read(text, spans(text, word))
    assert "countered" in reading.cues and reading.discount == STRONG


def test_a_group_that_has_no_place_here_is_hate_not_counter_speech() -> None:
    text = "Those people have no place here and they never will."
    assert read(text, spans(text, "people")).discount == 0


def test_a_word_reclaimed_by_the_speakers_own_group_is_lowered_but_a_self_insult_is_not() -> None:
    reclaimed = "As a queer woman I loved the festival this year."
    assert "reclaimed" in read(reclaimed, spans(reclaimed, "queer")).cues
    french = "En tant que gouine fière de l'être, j'étais à la marche."
    assert read(french, spans(french, "gouine")).discount == STRONG
    insult = "Honestly I'm a lazy bitch on Sundays."
    assert read(insult, spans(insult, "bitch")).discount == 0


def test_a_word_inside_the_title_of_a_song_or_a_lyric_attributed_to_its_singer_is_named() -> None:
    title = "La chanson « Les Sales Rats » du groupe parle de la ville."
    assert "named" in read(title, spans(title, "Sales")).cues
    lyric = "The bitch is back, sings the old rocker, and the crowd sang along."
    assert "named" in read(lyric, spans(lyric, "bitch")).cues


def test_a_mild_judgement_of_a_thing_or_a_performance_is_criticism_but_of_the_reader_it_is_not() -> None:
    policy = "What a ridiculous policy, the library loses again."
    assert read(policy, spans(policy, "ridiculous")).cues == ("criticism",)
    referee = "L'arbitre a été nul ce soir."
    assert "criticism" in read(referee, spans(referee, "arbitre", "nul")).cues
    reader = "You are ridiculous and so is your policy."
    assert read(reader, spans(reader, "ridiculous")).guard == "addressed"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("This is ridiculous, the bus is late again.", "ridiculous"),
        ("Honestly, that's pathetic.", "pathetic"),
        ("it's absurd", "absurd"),
        ("Honnêtement, ça c'est ridicule.", "ridicule"),
    ],
)
def test_a_mild_judgement_said_of_this_that_or_ca_is_criticism(text: str, word: str) -> None:
    assert read(text, spans(text, word)).cues == ("criticism",)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("This guy is ridiculous.", "ridiculous"),  # a person named between the subject and the judgement
        ("He is pathetic.", "pathetic"),
        ("This is what pathetic people do.", "pathetic"),  # the judgement is not what "this is"
    ],
)
def test_a_mild_judgement_of_someone_after_this_is_not_criticism(text: str, word: str) -> None:
    assert "criticism" not in read(text, spans(text, word)).cues


def test_the_charged_words_are_the_listed_ones_not_the_topic_words_weighing_with_them() -> None:
    listed = "The minister said the plan was retarded"
    assert charged(fold_text(listed), spans(listed, "minister", "retarded")) == spans(listed, "retarded")
    unlisted = "The minister said the plan was late"
    assert charged(fold_text(unlisted), spans(unlisted, "minister", "late")) == spans(unlisted, "minister")


def test_no_weighty_word_means_nothing_to_read() -> None:
    assert read("Anything at all", []).discount == 0


def test_the_speaker_in_french_calling_names_with_a_pronoun_between_is_a_use() -> None:
    text = "Je l'ai traité de connard devant tout le monde et personne n'a réagi."
    reading = read(text, spans(text, "connard"))
    assert "reported" not in reading.cues and reading.discount == 0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Muslims are not terrorists, they are our neighbours.", "terrorists"),
        ("Les Roms ne sont pas des voleurs, ce sont des familles.", "voleurs"),
        ("Les jeunes de la cité ne sont pas tous des dealers.", "dealers"),
    ],
)
def test_denying_a_word_of_a_group_is_counter_speech(text: str, word: str) -> None:
    reading = read(text, spans(text, word))
    assert "countered" in reading.cues and reading.discount == STRONG


def test_a_denial_next_to_an_undenied_insult_is_not_counter_speech() -> None:
    text = "They are not terrorists, they are vermin."
    assert read(text, spans(text, "vermin", "terrorists")).discount == 0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The choir calls itself the Misfits and sings every Friday.", "Misfits"),
        ("Mes collègues et moi, on se traite de bourrins avec tendresse.", "bourrins"),
    ],
)
def test_a_group_calling_itself_the_word_is_reclaimed(text: str, word: str) -> None:
    assert "reclaimed" in read(text, spans(text, word)).cues


def test_denying_a_group_its_humanity_or_its_place_is_not_counter_speech() -> None:
    english = "Those migrants are not human and never will be."
    assert "countered" not in read(english, spans(english, "human")).cues
    french = "Ces gens-là ne sont pas des Français, qu'ils repartent."
    assert "countered" not in read(french, spans(french, "Français")).cues


def test_the_nearest_verb_of_speech_governs_the_word_so_a_boast_after_a_report_is_a_use() -> None:
    english = "Nobody said a thing when I called the new guy a moron, and rightly so."
    assert read(english, spans(english, "moron")).discount == 0
    french = "Personne n'a rien dit quand je l'ai traité d'abruti, et c'est normal."
    assert read(french, spans(french, "abruti")).discount == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'idiot' he said", [(0, 7)]),
        ("he wrote 'you idiot' and left", [(9, 20)]),
        ("rock'n'roll isn't quoted", []),
        ("9'abc' x", []),
        ('« idiot » and “moron” and "clown"', [(0, 9), (14, 21), (26, 33)]),
        ("no quote at all", []),
    ],
)
def test_a_quotation_opens_with_its_mark_and_an_apostrophe_inside_a_word_opens_none(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert quoted(fold_text(text)) == expected
