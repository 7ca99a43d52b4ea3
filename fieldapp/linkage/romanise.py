"""Any script to lower-case Latin: our own Khmer table, diacritic folding, anyascii for the rest.

The Khmer table follows the spellings Cambodians use for their own names on documents
(UNGEGN-like, simplified: ស -> s, ខ -> kh, ី -> ei, ំ -> m), because what we need is a form
that a Latin spelling typed at another post resembles, not a reversible transliteration.
anyascii (ISC) covers Thai, Chinese (pinyin), Lao, Myanmar and everything else.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

COENG = "\u17d2"

CONSONANTS = {
    "ក": "k", "ខ": "kh", "គ": "k", "ឃ": "kh", "ង": "ng",
    "ច": "ch", "ឆ": "chh", "ជ": "ch", "ឈ": "chh", "ញ": "nh",
    "ដ": "d", "ឋ": "th", "ឌ": "d", "ឍ": "th", "ណ": "n",
    "ត": "t", "ថ": "th", "ទ": "t", "ធ": "th", "ន": "n",
    "ប": "b", "ផ": "ph", "ព": "p", "ភ": "ph", "ម": "m",
    "យ": "y", "រ": "r", "ល": "l", "វ": "v", "ឝ": "s", "ឞ": "s",
    "ស": "s", "ហ": "h", "ឡ": "l", "អ": "",
}
INDEPENDENT_VOWELS = {
    "ឣ": "a", "ឤ": "a", "ឥ": "e", "ឦ": "ei", "ឧ": "o", "ឨ": "ok", "ឩ": "ou", "ឪ": "au",
    "ឫ": "reu", "ឬ": "reu", "ឭ": "leu", "ឮ": "leu", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao",
    "ឲ": "ao", "ឳ": "au",
}
DEPENDENT_VOWELS = {
    "ា": "a", "ិ": "e", "ី": "ei", "ឹ": "oe", "ឺ": "eu", "ុ": "o", "ូ": "ou", "ួ": "uo",
    "ើ": "aeu", "ឿ": "oea", "ៀ": "ie", "េ": "e", "ែ": "ae", "ៃ": "ai", "ោ": "ao",
    "ៅ": "au", "ំ": "m", "ះ": "h", "ៈ": "a",
}
KHMER_DIGITS = {chr(0x17E0 + i): str(i) for i in range(10)}
#: Signs that change a vowel's series or mark silence: nothing to romanise.
_SILENT = set("\u17c9\u17ca\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17d1\u17d3\u17dd\u200b\u200c\u200d")
_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_LATIN_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "ß": "ss", "ł": "l", "æ": "ae"})


def khmer_to_latin(text: str) -> str:
    """Romanise Khmer text; characters outside the Khmer block pass through unchanged.

    A consonant followed straight by another consonant carries its inherent vowel, written
    "a" (ចន្ធូ -> chanthou, រស្មី -> rasmei), and a nikahit right after a consonant reads "om"
    (មំ -> mom), so that the vowels line up with how the name is spelt in Latin.
    """
    out: list[str] = []
    chars = [ch for ch in text if ch not in _SILENT]
    for i, ch in enumerate(chars):
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        prev = chars[i - 1] if i else ""
        if ch == "ំ" and prev in CONSONANTS:
            out.append("om")
        elif ch in CONSONANTS:
            out.append(CONSONANTS[ch])
            if nxt in CONSONANTS and ch != "អ":
                out.append("a")
            elif ch == "អ" and nxt in CONSONANTS:
                out.append("a")
        elif ch in DEPENDENT_VOWELS:
            out.append(DEPENDENT_VOWELS[ch])
        elif ch in INDEPENDENT_VOWELS:
            out.append(INDEPENDENT_VOWELS[ch])
        elif ch in KHMER_DIGITS:
            out.append(KHMER_DIGITS[ch])
        elif ch == COENG or _KHMER.match(ch):
            continue
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """Lower-case, diacritics removed ("Nguyễn" -> "nguyen"); other scripts untouched."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA))
    kept = []
    for ch in decomposed:
        if 0x300 <= ord(ch) <= 0x36F:  # Latin diacritics only: Thai and Khmer signs stay
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).casefold()


_THAI = re.compile("[\u0e00-\u0e7f]")
_THAI_LEADING = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")
_THAI_FINAL_N = re.compile("[\u0e0d\u0e13\u0e23\u0e25\u0e2c](?=[\u0e48-\u0e4c]*(\\s|$))")


def thai_spoken_order(text: str) -> str:
    """What anyascii needs to read Thai as Thais romanise it: a leading vowel written before
    its consonant moves after it (แสง -> saeng), and a final ร ล ญ ณ sounds n (ศิริพร -> siriphon).
    """
    text = _THAI_LEADING.sub(r"\2\1", text).replace("รร", "ัน").replace("ญ", "น")
    return _THAI_FINAL_N.sub("น", text)


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """Any name to plain lower-case ASCII words separated by single spaces."""
    latin = khmer_to_latin(text) if _KHMER.search(text) else text
    if _THAI.search(latin):
        latin = thai_spoken_order(latin)
    latin = fold(latin)
    if not latin.isascii():
        # Chinese gives "WangXiaoMing": keep syllables apart before lower-casing.
        latin = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", anyascii(latin)).casefold()
    return " ".join(w for w in _NOT_WORD.split(latin) if w)
