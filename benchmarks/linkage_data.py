"""Synthetic people for matching: realistic spellings of the same person, and hard non-matches.

Names are written the ways they reach the store: in Khmer script, or romanised by an officer
at another post (several customary spellings per name, split or run together, family name
first or last, a typo, Vietnamese with or without its diacritics, Thai and Chinese in their
own scripts or in Latin). Non-matches include the hard ones: siblings and twins (same family
name, phone and often birth date), and strangers who share a common family name.

`python -m benchmarks.linkage_data` writes tests/data/linkage_pairs.csv (seeded: the file is
the labelled set the tests and `make bench` read).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, replace
from pathlib import Path

#: (Khmer, customary Latin spellings, the first being the commonest)
KH_FAMILY = [
    ("សុខ", ["Sok", "Sokh"]), ("ចាន់", ["Chan", "Chann"]), ("គឹម", ["Kim", "Keum"]),
    ("ហេង", ["Heng", "Hieng"]), ("លី", ["Ly", "Lee", "Li"]), ("ម៉ៅ", ["Mao", "Mau"]),
    ("ស៊ុន", ["Sun", "Son"]), ("ឈឹម", ["Chhim", "Chim"]), ("ហ៊ុន", ["Hun", "Hunn"]),
    ("ខៀវ", ["Khiev", "Khieu", "Kheav"]), ("ពៅ", ["Pov", "Pao"]), ("កែវ", ["Keo", "Kaev", "Kev"]),
    ("ញឹម", ["Nhim", "Nhem", "Nhoem"]), ("សេង", ["Seng", "Sieng"]), ("ទេព", ["Tep", "Teb"]),
    ("ព្រំ", ["Prum", "Prom"]), ("ឡាយ", ["Lay", "Lai"]), ("ជា", ["Chea", "Jea"]),
    ("អ៊ុក", ["Ouk", "Uk"]), ("វង្ស", ["Vong", "Vorng", "Wong"]), ("ភឹម", ["Phim", "Pim"]),
    ("សួន", ["Suon", "Suorn", "Soun"]), ("ឃុន", ["Khun", "Kun"]), ("ទូច", ["Touch", "Toch"]),
    ("យឹម", ["Yim", "Yem"]), ("ណុប", ["Nop", "Nob"]), ("អ៊ឹម", ["Im", "Eim"]),
]
KH_GIVEN_F = [
    ("ស្រីមុំ", ["Sreymom", "Srey Mom", "Sreimom"]), ("សុភាព", ["Sopheap", "Sophea", "Sophiep"]),
    ("សុភី", ["Sophy", "Sophie", "Sophi"]), ("ពិសី", ["Pisey", "Pisei", "Bisey"]),
    ("វណ្ណា", ["Vanna", "Vana", "Wanna"]), ("ស្រីនាង", ["Sreyneang", "Srey Neang", "Sreineang"]),
    ("ស្រីពៅ", ["Sreypov", "Srey Pov", "Sreypeou"]), ("បុប្ផា", ["Bopha", "Boppha", "Bupha"]),
    ("ធីតា", ["Thida", "Tida", "Thyda"]), ("នារី", ["Neary", "Nary", "Neari"]),
    ("ម៉ាលី", ["Maly", "Mali", "Malee"]), ("កញ្ញា", ["Kanha", "Kagna", "Kanya"]),
    ("រស្មី", ["Raksmey", "Reaksmey", "Rasmey"]), ("លក្ខិណា", ["Leakhena", "Leakena", "Lakhena"]),
    ("សុជាតា", ["Socheata", "Sochetta", "Socheta"]), ("ធារី", ["Theary", "Thary", "Theari"]),
    ("ស្រីលក្ខណ៍", ["Sreyleak", "Srey Leak", "Sreileak"]), ("ចរិយា", ["Chariya", "Jariya", "Chareya"]),
    ("សុខលី", ["Sokly", "Sok Ly", "Sokli"]), ("ដាលីន", ["Dalin", "Daline", "Da Lin"]),
    ("ស្រីល័ក្ខ", ["Sreyluck", "Sreyleak", "Srey Luck"]), ("មុន្នី", ["Monny", "Mony", "Monni"]),
    ("ស្រីអូន", ["Sreyoun", "Srey Oun", "Sreyon"]), ("ចន្ថា", ["Chantha", "Chanta", "Chanthea"]),
]
KH_GIVEN_M = [
    ("ដារ៉ា", ["Dara", "Da Ra", "Darra"]), ("សុខា", ["Sokha", "Sokhar", "Sok Ha"]),
    ("សុផល", ["Sophal", "Sophorl", "Sophall"]), ("សម្បត្តិ", ["Sambath", "Sombath", "Sambat"]),
    ("វិចិត្រ", ["Vichet", "Vichit", "Vicheth"]), ("សុខុម", ["Sokhom", "Sokhum", "Sokhorm"]),
    ("សុវណ្ណ", ["Sovann", "Sovan", "Sovanna"]), ("សំណាង", ["Samnang", "Somnang", "Sam Nang"]),
    ("ពិសិដ្ឋ", ["Piseth", "Pisith", "Piset"]), ("វាសនា", ["Veasna", "Vesna", "Veassna"]),
    ("មករា", ["Makara", "Mackara", "Makkara"]), ("រតនា", ["Ratana", "Rattana", "Rathana"]),
    ("វុទ្ធី", ["Vuthy", "Vuthi", "Vutthy"]), ("ចន្ធូ", ["Chanthou", "Chanthu", "Chantou"]),
    ("បូរ៉ា", ["Bora", "Borra", "Bo Ra"]), ("សារ៉ាត", ["Sarath", "Sarat", "Saroth"]),
    ("ភារុណ", ["Pheareun", "Pharun", "Phearun"]), ("វិសាល", ["Visal", "Wisal", "Vissal"]),
    ("តុលា", ["Tola", "Thola", "Toula"]), ("ឧត្តម", ["Oudom", "Odom", "Udom"]),
    ("រិទ្ធ", ["Rith", "Rit", "Reth"]), ("សុធា", ["Sothea", "Sotha", "Sothear"]),
]
#: Two-syllable given names beyond the common ones above: Khmer names are mostly compounds.
SYLLABLES = [
    ("សុ", ["So", "Sou"]), ("ភា", ["Phea", "Pha"]), ("ណា", ["Na", "Nar"]), ("វណ្ណ", ["Vann", "Van"]),
    ("ដា", ["Da"]), ("រ៉ា", ["Ra", "Rah"]), ("លី", ["Ly", "Li"]), ("ចាន់", ["Chan", "Chann"]),
    ("ធី", ["Thy", "Thi"]), ("នី", ["Ny", "Ni"]), ("មុំ", ["Mom"]), ("ពៅ", ["Pov", "Peou"]),
    ("លក្ខ", ["Leak", "Leakh"]), ("ពិ", ["Pi", "Pe"]), ("សី", ["Sey", "Sei"]), ("កា", ["Ka"]),
    ("មាន", ["Mean", "Mien"]), ("បុ", ["Bo", "Bu"]), ("សារ", ["Sar", "Sa"]), ("រិទ្ធ", ["Rith", "Rit"]),
    ("ចិត្រ", ["Chet", "Chit"]), ("វី", ["Vy", "Vi"]), ("រ័ត្ន", ["Roth", "Rath"]),
    ("នាង", ["Neang", "Nang"]), ("ហ៊ាង", ["Heang", "Hang"]), ("ពេជ្រ", ["Pich", "Petch"]),
    ("កុសល", ["Kosal", "Kusal"]), ("ណាត", ["Nath", "Nat"]), ("ម៉េង", ["Meng"]), ("ឡុង", ["Long"]),
    ("តុង", ["Tong", "Torng"]), ("ហួរ", ["Hour", "Huor"]), ("ពន្លឺ", ["Ponleu", "Ponlue"]),
    ("វិន", ["Vin", "Vinn"]), ("ធា", ["Thea", "Tha"]),
]


def _compounds(prefix: tuple[str, list[str]] | None) -> list[tuple[str, list[str]]]:
    out = []
    for i, (k1, l1) in enumerate(SYLLABLES):
        for k2, l2 in SYLLABLES[i + 1:]:
            first = prefix or (k1, l1)
            second = (k2, l2) if prefix else (k2, l2)
            km = first[0] + second[0]
            latin = [first[1][0] + second[1][0].lower(), f"{first[1][-1]} {second[1][-1]}",
                     first[1][-1] + second[1][0].lower()]
            out.append((km, latin))
            if prefix:
                break
    return out


COMPOUND_F = _compounds(None)[::2] + _compounds(("ស្រី", ["Srey", "Srei"]))
COMPOUND_M = _compounds(None)[1::2]
KH_GIVEN_F = KH_GIVEN_F + COMPOUND_F
KH_GIVEN_M = KH_GIVEN_M + COMPOUND_M
COMMON_GIVEN = 24  # the first entries of each list are the common names, drawn more often

#: (with diacritics, family, middle names by sex, given by sex)
VN_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
             "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
VN_MIDDLE = {"F": ["Thị", "Ngọc", "Thanh", "Thu"], "M": ["Văn", "Minh", "Đức", "Quốc"]}
VN_GIVEN = {"F": ["Hoa", "Lan", "Hương", "Mai", "Linh", "Thảo", "Trang", "Nga", "Hằng", "Yến",
                  "Phương", "Tuyết", "Nhung", "Vy", "Hạnh"],
            "M": ["Tuấn", "Dũng", "Hùng", "Nam", "Long", "Khánh", "Phúc", "Huy", "Sơn",
                  "Thắng", "Bảo", "Cường", "Quang", "Tài", "Vinh"]}
#: Thai: (Thai script, Latin spellings)
TH_FAMILY = [("แสงทอง", ["Saengthong", "Sangthong"]), ("ศรีสุข", ["Srisuk", "Srisook"]),
             ("บุญมี", ["Boonmee", "Bunmi"]), ("รัตนกร", ["Rattanakorn", "Ratanakon"]),
             ("วงศ์ษา", ["Wongsa", "Vongsa"]), ("ใจดี", ["Jaidee", "Chaidi"]),
             ("สุวรรณ", ["Suwan", "Suwanna"]), ("ทองดี", ["Thongdee", "Tongdi"])]
TH_GIVEN = {"F": [("ศิริพร", ["Siriporn", "Siriphon"]), ("มาลี", ["Malee", "Mali"]),
                  ("ณัฐยา", ["Nattaya", "Natthaya"]), ("สุภาพร", ["Supaporn", "Suphaphon"]),
                  ("วนิดา", ["Wanida", "Vanida"]), ("ปราณี", ["Pranee", "Prani"])],
            "M": [("สมชาย", ["Somchai", "Somchay"]), ("สมศักดิ์", ["Somsak", "Somsuk"]),
                  ("ประเสริฐ", ["Prasert", "Prasoet"]), ("วิชัย", ["Wichai", "Vichai"]),
                  ("อนันต์", ["Anan", "Anant"]), ("ธนา", ["Thana", "Tana"])]}
#: Chinese: family and given-name characters with their pinyin.
ZH_FAMILY = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
             ("杨", "Yang"), ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu")]
ZH_CHARS = {"F": [("芳", "fang"), ("丽", "li"), ("静", "jing"), ("娜", "na"), ("秀", "xiu"),
                  ("英", "ying"), ("红", "hong"), ("霞", "xia"), ("燕", "yan"), ("玲", "ling"),
                  ("梅", "mei"), ("婷", "ting")],
            "M": [("明", "ming"), ("伟", "wei"), ("强", "qiang"), ("军", "jun"), ("磊", "lei"),
                  ("洋", "yang"), ("杰", "jie"), ("涛", "tao"), ("斌", "bin"), ("鹏", "peng"),
                  ("华", "hua"), ("平", "ping")]}
ZH_GIVEN = {s: [(a[0] + b[0], a[1] + b[1]) for a in cs for b in cs if a != b] + cs
            for s, cs in ZH_CHARS.items()}

REF_YEAR = 2026
FIELDS = ["name_km", "name_latin", "sex", "date_of_birth", "estimated_age", "ref_year",
          "nationality", "phone"]


@dataclass(frozen=True)
class Identity:
    """A real person: every way of writing them comes from here."""

    culture: str
    family: int
    given: int
    sex: str
    birth: dt.date
    phone: str
    extra: int = 0  # Vietnamese middle name / Chinese entry


@dataclass(frozen=True)
class Record:
    name_km: str
    name_latin: str
    sex: str
    date_of_birth: str
    estimated_age: str
    ref_year: str
    nationality: str
    phone: str


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


_KM_VOWEL_SWAPS = [("ី", "ិ"), ("ិ", "ី"), ("ូ", "ុ"), ("ុ", "ូ"), ("ុំ", "ំ"), ("៉", ""), ("៊", "")]


def _khmer_variant(rng: random.Random, text: str) -> str:
    """A spelling slip an officer makes typing Khmer: long/short vowel, a dropped sign."""
    options = [(a, b) for a, b in _KM_VOWEL_SWAPS if a in text]
    if not options or rng.random() < 0.4:
        return text
    a, b = rng.choice(options)
    return text.replace(a, b, 1)


def _parts(ident: Identity, rng: random.Random, variant: bool) -> tuple[str, str]:
    """(Khmer or native-script name, Latin name) as one post would write them."""
    s = ident.sex
    pick = (lambda opts: rng.choice(opts)) if variant else (lambda opts: opts[0])
    if ident.culture == "KH":
        fam_km, fam_lat = _kh_family(ident.family)
        giv_km, giv_lat = (KH_GIVEN_F if s == "F" else KH_GIVEN_M)[ident.given]
        km = f"{fam_km} {giv_km}"
        fam, giv = pick(fam_lat), pick(giv_lat)
        if variant and rng.random() < 0.2:
            giv = giv.replace(" ", "") if " " in giv else giv
        if variant and rng.random() < 0.12:
            giv = _typo(rng, giv)
        latin = f"{giv} {fam}" if variant and rng.random() < 0.2 else f"{fam} {giv}"
        if variant and rng.random() < 0.15:
            latin = latin.upper()
        return (_khmer_variant(rng, km) if variant else km), latin
    if ident.culture == "VN":
        fam = VN_FAMILY[ident.family]
        mid = VN_MIDDLE[s][ident.extra % len(VN_MIDDLE[s])]
        giv = VN_GIVEN[s][ident.given]
        words = [fam, mid, giv]
        if variant:
            if rng.random() < 0.5:
                words = [_fold(w) for w in words]
            if rng.random() < 0.2:
                words = [fam if rng.random() < 0.5 else _fold(fam), words[2]]  # middle name left out
            if rng.random() < 0.2:
                words = words[-1:] + words[:-1]  # given name first, as on Western forms
        return "", " ".join(words)
    if ident.culture == "TH":
        fam_th, fam_lat = _th_family(ident.family)
        giv_th, giv_lat = TH_GIVEN[s][ident.given]
        if variant and rng.random() < 0.25:
            return f"{giv_th} {fam_th}", ""
        return "", f"{pick(giv_lat)} {pick(fam_lat)}"
    fam_han, fam = ZH_FAMILY[ident.family]
    giv_han, giv = ZH_GIVEN[s][ident.given]
    giv = giv.capitalize()
    if variant and rng.random() < 0.25:
        return fam_han + giv_han, ""
    if variant and rng.random() < 0.3:
        return "", f"{giv} {fam}"  # given name first
    if variant and rng.random() < 0.3 and len(giv_han) == 2:
        split = len(ZH_CHARS[s][0][1])  # pinyin of the first character
        first = next(p for h, p in ZH_CHARS[s] if h == giv_han[0])
        split = len(first)
        return "", f"{fam} {giv[:split]} {giv[split:].capitalize()}"
    return "", f"{fam} {giv}"


def _fold(word: str) -> str:
    import unicodedata
    word = word.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


NATIONALITY = {"KH": "KH", "VN": "VN", "TH": "TH", "ZH": "CN"}


def record(ident: Identity, rng: random.Random, variant: bool = True) -> Record:
    km, latin = _parts(ident, rng, variant)
    if ident.culture == "KH" and variant:
        r = rng.random()
        if r < 0.35:
            latin = ""       # written in Khmer only
        elif r < 0.6:
            km = ""          # written in Latin only
    dob = ident.birth.isoformat()
    est = ""
    ref = str(REF_YEAR)
    if variant:
        r = rng.random()
        if r < 0.45:  # the age was guessed, often a year or two off, maybe in another year
            dob = ""
            ref = str(REF_YEAR - rng.choice([0, 0, 1, 2]))
            est = str(max(1, int(ref) - ident.birth.year + rng.choice([-2, -1, 0, 0, 0, 1, 1, 2])))
        elif r < 0.49:
            dob = ""
    phone = ident.phone if (not variant or rng.random() < 0.5) else ""
    if phone and variant and rng.random() < 0.5:
        phone = "+855 " + phone.lstrip("0")
    return Record(km, latin, ident.sex, dob, est if not dob else "", ref if est else str(REF_YEAR),
                  NATIONALITY[ident.culture], phone)


def identity(rng: random.Random, culture: str | None = None) -> Identity:
    culture = culture or rng.choices(["KH", "VN", "TH", "ZH"], [78, 12, 6, 4])[0]
    sex = rng.choice("FM")
    birth = dt.date(rng.randint(1975, 2014), rng.randint(1, 12), rng.randint(1, 28))
    phone = "0" + str(rng.choice([10, 11, 12, 15, 16, 17, 69, 70, 77, 78, 85, 89, 92, 96, 97])) \
        + f"{rng.randrange(10**6):06d}"
    if culture == "KH":
        names = KH_GIVEN_F if sex == "F" else KH_GIVEN_M
        giv = rng.randrange(COMMON_GIVEN if rng.random() < 0.3 else len(names))
        fam = rng.randrange(len(KH_FAMILY))
    elif culture == "VN":
        fam, giv = rng.randrange(len(VN_FAMILY)), rng.randrange(len(VN_GIVEN[sex]))
    elif culture == "TH":
        fam, giv = rng.randrange(len(TH_FAMILY)), rng.randrange(len(TH_GIVEN[sex]))
    else:
        fam, giv = rng.randrange(len(ZH_FAMILY)), rng.randrange(len(ZH_GIVEN[sex]))
    return Identity(culture, fam, giv, sex, birth, phone, rng.randrange(4))


def _given_count(ident: Identity) -> int:
    s = ident.sex
    return {"KH": len(KH_GIVEN_F if s == "F" else KH_GIVEN_M), "VN": len(VN_GIVEN[s]),
            "TH": len(TH_GIVEN[s]), "ZH": len(ZH_GIVEN[s])}[ident.culture]


def sibling(rng: random.Random, ident: Identity, twin: bool) -> Identity:
    """Same family, same phone; a twin shares the birth date too. Another given name."""
    given = (ident.given + rng.randrange(1, _given_count(ident))) % _given_count(ident)
    birth = ident.birth if twin else dt.date(
        min(2016, ident.birth.year + rng.choice([-6, -4, -3, -2, 2, 3, 5])), ident.birth.month,
        ident.birth.day)
    sex = ident.sex if (twin or rng.random() < 0.5) else ("M" if ident.sex == "F" else "F")
    if sex != ident.sex:
        given = rng.randrange(len({"KH": KH_GIVEN_M if sex == "M" else KH_GIVEN_F,
                                   "VN": VN_GIVEN[sex], "TH": TH_GIVEN[sex], "ZH": ZH_GIVEN[sex]}[ident.culture]))
    return replace(ident, given=given, birth=birth, sex=sex)


def labelled_pairs(seed: int = 14, n_match: int = 400, n_non: int = 400) -> list[tuple[str, int, Record, Record]]:
    rng = random.Random(seed)
    pairs: list[tuple[str, int, Record, Record]] = []
    # Matches: the same person written at two posts.
    for i in range(n_match):
        ident = identity(rng)
        if i < 4:  # the four spellings, as four records of one person
            continue
        pairs.append((f"same_{ident.culture.lower()}", 1, record(ident, rng), record(ident, rng)))
    sok = Identity("KH", 0, 0, "F", dt.date(2007, 3, 14), "012345678")
    four = [Record("", "Sok Sreymom", "F", "", "19", "2026", "KH", ""),
            Record("", "Sok Srey Mom", "F", "", "18", "2025", "KH", "012345678"),
            Record("សុខ ស្រីមុំ", "", "F", "2007-03-14", "", "2026", "KH", ""),
            Record("សុខ ស្រីមំ", "", "F", "", "20", "2026", "KH", "+855 12345678")]
    del sok
    for a in range(4):
        for b in range(a + 1, 4):
            pairs.append(("same_issue14", 1, four[a], four[b]))
    # Hard non-matches.
    for i in range(n_non):
        ident = identity(rng)
        kind = i % 4
        if kind == 0:
            other, label = sibling(rng, ident, twin=True), "twin"
        elif kind == 1:
            other, label = sibling(rng, ident, twin=False), "sibling"
        elif kind == 2:  # a stranger with the same family name, sex and a close age
            other = identity(rng, ident.culture)
            other = replace(other, family=ident.family, sex=ident.sex,
                            given=(ident.given + 1 + rng.randrange(_given_count(ident) - 1)) % _given_count(ident),
                            birth=dt.date(ident.birth.year + rng.randint(-3, 3), 6, 1))
            label = "same_family_name"
        else:  # the same name, another person (a generation apart or the other sex)
            other = replace(identity(rng, ident.culture), family=ident.family, given=ident.given,
                            sex=ident.sex, extra=ident.extra,
                            birth=dt.date(ident.birth.year + (rng.choice([18, 22]) if ident.birth.year < 1995
                                                              else rng.choice([-25, -20])), 1, 1))
            label = "same_name_other_age"
        if other == ident:
            continue
        pairs.append((label, 0, record(ident, rng), record(other, rng)))
    return pairs


def _kh_family(i: int) -> tuple[str, list[str]]:
    """A Khmer family name: one of the common ones, or (past them) a father's given name,
    which is what many Cambodians carry as their family name."""
    return KH_FAMILY[i] if i < len(KH_FAMILY) else KH_GIVEN_M[i - len(KH_FAMILY)]


def _th_family(i: int) -> tuple[str, list[str]]:
    """A Thai family name: past the list, a compound of two (Thai surnames are long and
    nearly unique to a family)."""
    if i < len(TH_FAMILY):
        return TH_FAMILY[i]
    (a_th, a_lat), (b_th, b_lat) = (TH_FAMILY[(i // len(TH_FAMILY)) % len(TH_FAMILY)],
                                    TH_FAMILY[i % len(TH_FAMILY)])
    return a_th + b_th, [x + y.lower() for x, y in zip(a_lat, b_lat, strict=False)]


#: Shares of the people recorded at Cambodian border posts and transit centres, by origin.
CULTURE_SHARE = {"KH": 85, "VN": 8, "TH": 4, "ZH": 3}
_CUM: dict[tuple[int, float], list[float]] = {}


def _zipf(rng: random.Random, n: int, s: float = 1.0) -> int:
    """An index in range(n), the first ones commonest (rank-frequency like real names)."""
    cum = _CUM.get((n, s))
    if cum is None:
        total, cum = 0.0, []
        for rank in range(n):
            total += 1 / (rank + 1) ** s
            cum.append(total)
        _CUM[(n, s)] = cum
    return rng.choices(range(n), cum_weights=cum)[0]


def realistic_identity(rng: random.Random) -> Identity:
    """A person as border posts meet them: mostly Cambodian, more women and girls, aged
    10-50 and mostly young, names drawn by frequency (a few very common family names,
    then a long tail: Khmer family names are often a father's given name)."""
    culture = rng.choices(list(CULTURE_SHARE), list(CULTURE_SHARE.values()))[0]
    sex = "F" if rng.random() < 0.65 else "M"
    band = rng.random()
    age = rng.randint(10, 17) if band < 0.25 else rng.randint(18, 29) if band < 0.75 \
        else rng.randint(30, 50)
    birth = dt.date(REF_YEAR - age, rng.randint(1, 12), rng.randint(1, 28))
    phone = "0" + str(rng.choice([10, 11, 12, 15, 16, 17, 69, 70, 77, 78, 85, 89, 92, 96, 97])) \
        + f"{rng.randrange(10**6):06d}"
    if culture == "KH":
        given = KH_GIVEN_F if sex == "F" else KH_GIVEN_M
        giv = _zipf(rng, len(given), 0.7)
        fam = (_zipf(rng, len(KH_FAMILY)) if rng.random() < 0.6
               else len(KH_FAMILY) + _zipf(rng, len(KH_GIVEN_M), 0.7))
    elif culture == "VN":
        fam, giv = _zipf(rng, len(VN_FAMILY), 1.2), _zipf(rng, len(VN_GIVEN[sex]), 0.5)
    elif culture == "TH":
        fam = rng.randrange(len(TH_FAMILY) * (len(TH_FAMILY) + 1))
        giv = rng.randrange(len(TH_GIVEN[sex]))
    else:
        fam, giv = _zipf(rng, len(ZH_FAMILY), 0.8), rng.randrange(len(ZH_GIVEN[sex]))
    return Identity(culture, fam, giv, sex, birth, phone, rng.randrange(4))


def population(n: int, seed: int = 7, dup_rate: float = 0.1,
               realistic: bool = True) -> tuple[list[Record], list[int]]:
    """n records and each one's true person number; about dup_rate of people appear twice.

    `realistic` draws people by `realistic_identity`; without it, every name of the small
    lexicon is equally likely and ages are uniform over 1975-2014 (the earlier population,
    kept to compare)."""
    rng = random.Random(seed)
    records: list[Record] = []
    truth: list[int] = []
    person = 0
    while len(records) < n:
        ident = realistic_identity(rng) if realistic else identity(rng)
        records.append(record(ident, rng))
        truth.append(person)
        if rng.random() < dup_rate and len(records) < n:
            records.append(record(ident, rng))
            truth.append(person)
        person += 1
    return records, truth


OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "linkage_pairs.csv"


def write(path: Path = OUT) -> int:
    pairs = labelled_pairs()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["kind", "match"] + [f"a_{f}" for f in FIELDS] + [f"b_{f}" for f in FIELDS])
        for kind, label, a, b in pairs:
            w.writerow([kind, label, *(getattr(a, f) for f in FIELDS), *(getattr(b, f) for f in FIELDS)])
    return len(pairs)


if __name__ == "__main__":
    print(write(), "pairs written to", OUT)
