"""The project's own labelled set: disguised profanity that must be found, innocent look-alikes that must not.

Written by the project (no line comes from a third-party data set). ``bench/bench_profanity_quality.py``
reuses these lists to report recall on obfuscated forms.
"""

from __future__ import annotations

import pytest

from worker.checks.profanity import matcher_for

# (comment, the word that must be found)
DISGUISED: dict[str, list[tuple[str, str]]] = {
    "case": [("FUCK this", "fuck"), ("What a ConNaRd", "connard"), ("ShIt happens", "shit")],
    "accents": [("fück off mate", "fuck off"), ("quel cönnard", "connard"), ("sâlope", "salope"), ("shït", "shit")],
    "look-alikes": [
        ("fuсk (Cyrillic es)", "fuck"),
        ("what а bitch (Cyrillic a)", "bitch"),
        ("ѕhit (Cyrillic dze)", "shit"),
        ("cοnnard (Greek omicron)", "connard"),
        ("𝐟𝐮𝐜𝐤 (bold maths)", "fuck"),
    ],
    "full-width": [("ｆｕｃｋ", "fuck"), ("ｐｕｔｅ", "pute"), ("ＳＨＩＴ", "shit")],
    "invisible": [
        ("fu\u200bck", "fuck"),
        ("con\u200dnard", "connard"),
        ("sh\u00adit", "shit"),
        ("bi\u2060tch", "bitch"),
        ("pu\ufeffte", "pute"),
    ],
    "combining marks": [("fu\u0308ck", "fuck"), ("ence\u0301ule", None), ("encule\u0301", "encule")],
    "leetspeak": [
        ("sh1t", "shit"),
        ("$hit", "shit"),
        ("5h!t", "shit"),
        ("a$$hole", "asshole"),
        ("b!tch", "bitch"),
        ("b1tch", "bitch"),
        ("c0nnard", "connard"),
        ("s@lope", "salope"),
        ("3ncul3", "encule"),
        ("n1gger", "nigger"),
        ("f4gg0t", "faggot"),
        ("p|_|te", None),
        ("fvck", "fvck"),
        ("cvnt", "cunt"),
    ],
    "repeated letters": [
        ("fuuuuuck", "fuck"),
        ("shiiiiit", "shit"),
        ("connnnnard", "connard"),
        ("sal000pe", "salope"),
        ("fuuuckkkk", "fuck"),
        ("puuuute", "pute"),
    ],
    "separators": [
        ("f.u.c.k", "fuck"),
        ("f-u-c-k", "fuck"),
        ("f_u_c_k", "fuck"),
        ("c-o-n-n-a-r-d", "connard"),
        ("s.h.i.t", "shit"),
        ("fu.ck", "fuck"),
        ("con-nard", "connard"),
    ],
    "spaced letters": [
        ("f u c k you", "fuck"),
        ("you are a c u n t", "cunt"),
        ("f . u . c . k", "fuck"),
        ("f. u. c. k", "fuck"),
        ("p u t e", "pute"),
        ("s / h / i / t", "shit"),
    ],
    "at the very end": [("the end, f.u.c.k", "fuck"), ("the end f u c k", "fuck"), ("il est vraiment c-o-n", "con")],
    "masks": [
        ("f*ck", "fuck"),
        ("f**k", "fuck"),
        ("sh*t", "shit"),
        ("p*te", "pute"),
        ("c*nnard", "connard"),
        ("b#tch", "bitch"),
        ("f***ing", "fucking"),
        ("enc*lé", "encule"),
        ("m*rde", "merde"),
    ],
    "glued": [
        ("motherfucker", "motherfucker"),
        ("fuckface", "fuckface"),
        ("fuckwit", "fuckwit"),
        ("dumbass", "dumbass"),
        ("shitstorm", "shitstorm"),
        ("clusterfuck", "fuck"),
        ("fuckyou", "fuckyou"),
        ("gofuckyourself", "gofuckyourself"),
        ("fuckoffyou", "fuck"),
        ("whatthefuck", "fuck"),
        ("twatwaffle", "twat"),
        ("bitchface", "bitch"),
        ("grosconnard", "connard"),
        ("grossepute", "pute"),
        ("filsdepute", "filsdepute"),
    ],
    "phrases": [("fils de pute", "fils de pute"), ("ta gueule", "ta gueule"), ("sale arabe", "sale arabe")],
    "punctuation around": [("(fuck)", "fuck"), ('"merde!"', "merde"), ("#connard", "connard"), ("*shit*", "shit")],
}

INNOCENT: dict[str, list[str]] = {
    "Scunthorpe words": [
        "Scunthorpe United won",
        "my assistant is great",
        "a cocktail party",
        "the therapist said",
        "Matsushita Electric",
        "Penistone is a town",
        "shiitake mushrooms",
        "Dickens wrote novels",
        "a glass of grass",
        "classic bass",
        "the peacock and the cockatoo",
        "cumin and cumulative",
        "an assassin's creed",
        "Hancock and Babcock",
    ],
    "French words in the English list": [
        "je suis en retard",
        "il est trop tard",
        "c'est loin d'ici",
        "on prend un pot",
        "la revue de presse",
        "un concours de cuisine",
        "une salopette bleue",
        "un cul-de-sac",
        "le fromage râpé",
        "prends une douche",
        "la baisse des prix",
        "un baiser sur la joue",
    ],
    "English words in the French list": [
        "pros and cons",
        "a mosquito bite",
        "a con artist",
        "he bites",
        "chili con carne",
    ],
    "numbers and ordinals": ["the 73rd floor", "1st and 2nd", "in 2024", "100km", "h2o and mp3"],
    "kisses and roman numerals": ["love you xXx", "xx", "Super Bowl XXX"],
    "religion, names and places": ["Oh my God", "God bless", "hell of a day", "Moby Dick", "Lesbos island"],
    "food and everyday words": [
        "virgin olive oil",
        "pork loin",
        "a cooking pot",
        "a hot dog",
        "a cocker spaniel",
        "magna cum laude",
        "the rooster crowed",
    ],
    "anatomy and health": ["a breast exam", "penis and vagina are anatomy", "urine test", "the uterus"],
    "news vocabulary": ["the murder trial", "kill the process", "heroin addiction", "the Nazi era"],
    "single letters": ["a b c d", "il y a à voir", "I a m here", "Plan A, B or C"],
    "identity words": ["a gay couple", "queer theory", "she is a lesbian"],
}


def found(text: str) -> list[str]:
    return [hit.word for hit in matcher_for().scan(text)]


def _disguised_cases() -> list[tuple[str, str, str | None]]:
    return [(kind, text, word) for kind, cases in DISGUISED.items() for text, word in cases]


def _innocent_cases() -> list[tuple[str, str]]:
    return [(kind, text) for kind, texts in INNOCENT.items() for text in texts]


@pytest.mark.parametrize(("kind", "text", "word"), [c for c in _disguised_cases() if c[2] is not None])
def test_a_disguised_word_is_found(kind: str, text: str, word: str):
    assert word in found(text), kind


@pytest.mark.parametrize(("kind", "text"), _innocent_cases())
def test_an_innocent_look_alike_is_not_flagged(kind: str, text: str):
    assert found(text) == [], kind


def test_a_spaced_out_swear_word_is_found():
    assert found("you f u c k i n g idiot") == ["fucking"]


def test_a_spaced_word_at_the_very_end_of_the_text_is_found():
    assert found("and that is all: s.h.i.t") == ["shit"]
    assert found("and that is all: s h i t") == ["shit"]


def test_glued_words_are_found_only_in_known_shapes():
    assert found("you motherfucking dumbass") == ["motherfucking", "dumbass"]
    assert found("bassist, passport, Cockburn, cocky, shitake, assume") == []


def test_stretching_a_word_into_another_real_word_is_not_a_stretch():
    assert found("la baisse et la bitte d'amarrage") == []


def test_dick_is_a_mild_word_but_known_names_are_exceptions():
    assert found("what a dick") == ["dick"]
    assert found("Philip K. Dick and Dick Van Dyke") == []


def test_recall_on_the_projects_obfuscated_set_is_at_least_90_percent():
    cases = [c for c in _disguised_cases() if c[2] is not None]
    hits = sum(1 for _, text, word in cases if word in found(text))
    assert hits / len(cases) >= 0.9
