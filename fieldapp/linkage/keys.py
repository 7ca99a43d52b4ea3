"""Phonetic keys: a consonant skeleton that Khmer, Latin and folded spellings of a name share.

Vowels are where romanisations disagree most (Sreymom / Sreimom / សុខ ស្រីមុំ -> "sreimom"),
so the skeleton keeps a token's first sound and the classes of its consonants:
voiced and voiceless pairs fall together (k/g, p/b/f, ch/j; not d/t, which Khmer keeps
apart: ដ / ត), aspiration is dropped
(kh -> k), a silent or vowel-like h, y or post-vocalic r (Sophorl, Vorng) disappears, and
a repeated class collapses (Vanna / Vana / វណ្ណា).
"""

from __future__ import annotations

import re
from functools import lru_cache

from fieldapp.linkage.romanise import to_latin

_DIGRAPHS = [
    ("chh", "C"), ("ch", "C"), ("kh", "K"), ("gh", "K"), ("ph", "P"), ("bh", "P"),
    ("th", "T"), ("dh", "D"), ("sh", "S"), ("ng", "G"), ("nh", "N"), ("ny", "N"),
    ("gn", "N"), ("qu", "K"), ("ck", "K"), ("tr", "C"),
]
_SINGLE = {
    "k": "K", "g": "K", "c": "K", "q": "K", "j": "C", "x": "S", "s": "S", "z": "S",
    "d": "D", "t": "T", "b": "P", "p": "P", "f": "P", "v": "V", "w": "V",
    "m": "M", "n": "N", "l": "L", "r": "R",
}
_VOWELS = set("aeiouy")
_POSTVOCALIC_R = re.compile(r"(?<=[aeiou])[rvw](?=[^aeiouy]|$)")  # Sophorl, Pov, Khieu/Khiev


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """The key of one romanised token ("sreymom" -> "SRMM", "vanna" -> "VN")."""
    t = _POSTVOCALIC_R.sub("", token)
    out: list[str] = []
    i = 0
    first = True
    while i < len(t):
        for dg, cls in _DIGRAPHS:
            if t.startswith(dg, i):
                sym, i = cls, i + len(dg)
                break
        else:
            ch = t[i]
            i += 1
            if ch in _VOWELS or ch == "h":
                if first:
                    sym = {"h": "H", "y": "Y"}.get(ch, "A")
                else:
                    if out and out[-1] != "|":
                        out.append("|")  # a vowel separates two equal classes: m-o-m stays MM
                    continue
            else:
                sym = _SINGLE.get(ch, ch.upper())
        first = False
        if out and out[-1] == sym:
            continue
        out.append(sym)
    return "".join(out).replace("|", "")


_VOWEL_RUNS = re.compile(r"[aeiou]+y?|(?<=[^aeiou])y")


@lru_cache(maxsize=65536)
def vowel_key(token: str) -> str:
    """The token's vowels, coarsely: A (any a), E (e, i, y), O (o, u) per run of vowels.

    Skeletons alone make Chantha, Chanthu and Chanthy one name; this tells them apart while
    Chanthou / Chanthu / ចន្ធូ still agree.
    """
    out = []
    for run in _VOWEL_RUNS.findall(token):
        out.append("A" if "a" in run else "O" if run[0] in "ou" else "E")
    return "".join(out)


def tokens(name: str) -> list[str]:
    """Romanised words of a name (any script)."""
    return to_latin(name).split()


def block_keys(words: list[str]) -> list[str]:
    """Exact-match keys: the skeleton of the whole name in every rotation of its words."""
    skel = [skeleton(w) for w in words if w]
    if not skel:
        return []
    return sorted({"".join(skel[i:] + skel[:i]) for i in range(len(skel))})
