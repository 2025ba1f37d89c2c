"""Export alt-profanity-check's English model as plain weights the abuse check reads without scikit-learn.

Run from the project root (needs the ``train`` extra: ``.venv/bin/pip install -e '.[train]'``):

    .venv/bin/python scripts/export_english_model.py [--out worker/abuse/data/english.json.gz]

alt-profanity-check (MIT licence, (c) 2018 Victor Zhou, 2021 Menelaos Kotoglou and Dimitrios Mistriotis;
the notice is shipped beside the weights as ``english.LICENSE``) is a TF-IDF over single English words
(15,442 of them, English stop words left out) and a linear SVM calibrated by five sigmoids. Its model
learnt from Davidson et al.'s tweets and the Jigsaw toxic comment training set (Wikipedia talk pages).
This writes, for every word of its vocabulary, the word's IDF and its five SVM weights, and for each
calibrated SVM its intercept and sigmoid; :mod:`worker.abuse.english` computes the same probability
from them. The file holds single words only, never a sentence.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.abuse.english import DEFAULT_WEIGHTS, FORMAT  # noqa: E402

TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # noqa: S105 - scikit-learn's default, as in worker.abuse.english
DIGITS = 6
"""Decimals kept: the probabilities differ from the package's by less than 1e-5."""


def export() -> dict[str, Any]:
    """Return the weights file's content, read from the installed alt-profanity-check."""
    from profanity_check import profanity_check as package

    vectorizer, model = package.vectorizer, package.model
    params = vectorizer.get_params()
    expected = {"lowercase": True, "ngram_range": (1, 1), "norm": "l2", "sublinear_tf": False, "use_idf": True}
    wrong = {k: params[k] for k, v in expected.items() if params[k] != v}
    if wrong or params["token_pattern"] != TOKEN_PATTERN or model.method != "sigmoid":
        raise SystemExit(f"alt-profanity-check's model is not the one this script knows: {wrong or params}")
    calibrated = model.calibrated_classifiers_
    columns = [c.estimator.coef_[0] for c in calibrated]
    words = {
        str(word): [round(float(vectorizer.idf_[j]), DIGITS), *(round(float(col[j]), DIGITS) for col in columns)]
        for word, j in sorted(vectorizer.vocabulary_.items())
    }
    sigmoids = [
        [round(float(c.estimator.intercept_[0]), DIGITS), float(c.calibrators[0].a_), float(c.calibrators[0].b_)]
        for c in calibrated
    ]
    version = metadata.version("alt-profanity-check")
    return {
        "format": FORMAT,
        "source": f"alt-profanity-check {version} (MIT licence, see english.LICENSE)",
        "calibrated": sigmoids,
        "words": words,
    }


def main() -> int:
    """Write the weights file and the licence notice beside it; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    args = parser.parse_args()
    content = export()
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", compresslevel=9, mtime=0) as f:  # mtime 0: same bytes each run
        f.write(body)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(packed.getvalue())
    dist = metadata.distribution("alt-profanity-check")
    notice = next((f for f in dist.files or () if f.name == "LICENSE"), None)
    if notice is None:
        raise SystemExit("alt-profanity-check's LICENSE file is missing from its installation")
    args.out.with_name("english.LICENSE").write_text(
        "The English model's weights (english.json.gz) are exported from alt-profanity-check:\n\n"
        + Path(str(dist.locate_file(notice))).read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(content['words'])} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
