"""The case search index: an FTS5 trigram table inside the encrypted store (any script, substrings).

One document per rescue lives in `search_doc`; the FTS5 index `case_search` over it is
external-content and kept in step by triggers (migration 0002). A document holds the case
number and, for every victim and suspect of the case (a suspect also in every further case
linked to them), the names as written, their diacritic-free romanisation ("Nguyễn" ->
"nguyen", "សុខ" -> "sokh"), their phonetic keys (~SRMM~: Sreymom, Srey Mom, ស្រីមុំ),
phone numbers as digits, and the suspects' identifiers (handles, plates, aliases).

Documents are stored folded (`linkage.romanise.fold`) and the index keeps only which
documents hold each trigram (no positions, migration 0015): it gives candidates, and each
candidate is checked for the folded query text. Text shorter than a trigram is looked for
in every document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, bindparam, column, func, or_, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FromClause

from fieldapp.store.compact import CompactId

_CHUNK = 500  # stay well under SQLite's bound-parameter limit
_UPSERT = text("""INSERT INTO search_doc (rescue_id, body) VALUES (:rescue_id, :body)
                  ON CONFLICT (rescue_id) DO UPDATE SET body = excluded.body""").bindparams(
    bindparam("rescue_id", type_=CompactId()))


def mark(session: Session, rescue_id: str) -> None:
    """Queue a rescue for reindexing when the transaction commits (once, however many edits)."""
    session.info.setdefault("reindex", set()).add(rescue_id)


def before_commit(session: Session) -> None:
    pending = sorted(session.info.pop("reindex", ()))
    if pending:
        session.flush()
        reindex(session, pending)


def reindex(session: Session, rescue_ids: Iterable[str]) -> None:
    ids = list(rescue_ids)
    for start in range(0, len(ids), _CHUNK):
        docs = documents(session, ids[start:start + _CHUNK])
        if docs:
            session.connection().execute(
                _UPSERT, [{"rescue_id": rid, "body": body} for rid, body in docs.items()])


def merge_segments(session: Session) -> None:
    """Merge the index into one segment (FTS5 `optimize`). Rescues indexed a transaction
    at a time leave many small segments, together a quarter larger than one; an index in
    one segment is left as it is, at no cost. Run after each sync round."""
    session.connection().exec_driver_sql(
        "INSERT INTO case_search (case_search) VALUES ('optimize')")


def suspect_cases(session: Session, suspect_id: str) -> set[str]:
    """The cases whose documents carry this suspect's names and identifiers."""
    from fieldapp.store.models import Suspect, SuspectCase

    with session.no_autoflush:
        first = session.scalar(select(Suspect.rescue_id).where(Suspect.id == suspect_id))
        more = set(session.scalars(select(SuspectCase.rescue_id)
                                   .where(SuspectCase.suspect_id == suspect_id)))
    return more | ({first} if first else set())


class Key(str):
    """A phonetic key term (`~SRMM~`): stored apart from the text around it (`layout`)."""


def name_terms(text_: str) -> list[str]:
    """A name as written, romanised without diacritics, and its words' phonetic keys."""
    from fieldapp.linkage.keys import skeleton
    from fieldapp.linkage.romanise import to_latin

    if not text_:
        return []
    words = to_latin(text_).split()
    # Keys of each word and of each two words run together (Srey Mom is found as Sreymom).
    runs = words + [a + b for a, b in zip(words, words[1:], strict=False)]
    return [text_, " ".join(words),
            *dict.fromkeys(Key(f"~{skeleton(w)}~") for w in runs if skeleton(w))]


def phone_terms(phone: str) -> list[str]:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return [digits, digits[-8:]] if len(digits) >= 6 else ([phone] if phone else [])


def documents(session: Session, rescue_ids: list[str]) -> dict[str, str]:
    """The search document of each rescue (only rescues that exist)."""
    return {rid: layout(words) for rid, words in terms(session, rescue_ids).items()}


def terms(session: Session, rescue_ids: list[str]) -> dict[str, list[str]]:
    """The terms of each rescue's search text, in order (only rescues that exist)."""
    from fieldapp.store.models import (
        Rescue,
        Suspect,
        SuspectCase,
        SuspectIdentifier,
        Victim,
    )

    # Core execution (plain rows, no ORM result handling); the caller flushed.
    execute = session.connection().execute
    parts: dict[str, list[str]] = {
        rid: [num] for rid, num in execute(
            select(Rescue.id, Rescue.case_number).where(Rescue.id.in_(rescue_ids)))}
    if not parts:
        return {}
    for v in execute(select(Victim.rescue_id, Victim.name_km, Victim.name_latin,
                            Victim.contact_phone).where(Victim.rescue_id.in_(parts))):
        parts[v.rescue_id] += [*name_terms(v.name_km), *name_terms(v.name_latin),
                               *phone_terms(v.contact_phone)]
    # A suspect belongs to their first case and to every case linked to them since.
    cases: dict[str, set[str]] = {}
    for sid, rid in execute(select(Suspect.id, Suspect.rescue_id)
                            .where(Suspect.rescue_id.in_(parts))):
        cases.setdefault(sid, set()).add(rid)
    for sid, rid in execute(select(SuspectCase.suspect_id, SuspectCase.rescue_id)
                            .where(SuspectCase.rescue_id.in_(parts))):
        cases.setdefault(sid, set()).add(rid)
    if cases:
        of_suspect: dict[str, list[str]] = {sid: [] for sid in cases}
        for x in execute(select(Suspect.id, Suspect.name, Suspect.alias)
                         .where(Suspect.id.in_(cases))):
            of_suspect[x.id] += [*name_terms(x.name), *name_terms(x.alias)]
        for i in execute(select(SuspectIdentifier.suspect_id, SuspectIdentifier.kind,
                                SuspectIdentifier.value, SuspectIdentifier.normalised)
                         .where(SuspectIdentifier.suspect_id.in_(cases))):
            of_suspect[i.suspect_id] += (phone_terms(i.value) if i.kind == "phone"
                                          else [i.value, i.normalised, *name_terms(i.value)])
        for sid, rids in cases.items():
            for rid in rids:
                parts[rid] += of_suspect[sid]
    return parts


def layout(words: Iterable[str]) -> str:
    """A document as stored: the terms joined by spaces, folded, cut at the phonetic keys
    into runs of text, each run once on its own line, then each key once (`~hg~smps~`).

    Before this layout the terms were stored joined by spaces, keys in place. A query
    without `~` or a line break (it is stripped) could only match inside one run of text
    between two keys, and still does; a key (`~SMPS~`) matches as before.
    """
    from fieldapp.linkage.romanise import fold

    runs: list[list[str]] = [[]]
    keys: list[str] = []
    for term in words:
        if isinstance(term, Key):
            keys.append(term)
            runs.append([])
        elif term:
            runs[-1].append(term)
    lines = dict.fromkeys(fold(" ".join(run)) for run in runs if run)
    if keys:
        lines["~" + "~".join(fold(k[1:-1]) for k in dict.fromkeys(keys)) + "~"] = None
    return "\n".join(lines)


#: The search tables, for queries (migrations 0002 and 0015 make them, not the models).
#: A rescue's id is kept as `Rescue.id` is (`store.compact`), so the two join.
SEARCH_DOC = table("search_doc", column("rowid"), column("rescue_id", CompactId()),
                   column("body"))
CASE_SEARCH = table("case_search", column("rowid"), column("case_search"))
MIN_TRIGRAM = 3


@dataclass(frozen=True)
class Match:
    """Where a search reads from, the key its matches come in order of, and the condition."""

    source: FromClause
    key: ColumnElement[Any]
    condition: ColumnElement[bool]


def _query_texts(query: str) -> list[str]:
    """What to look for, folded as documents are: the text, and for something that may be a
    phone number also its last eight digits (as numbers are indexed: +855 12 345 678 =
    012345678), for a one-word name its phonetic key."""
    from fieldapp.linkage.romanise import fold

    q = query.strip()
    out = [fold(q)]
    digits = "".join(ch for ch in q if ch.isdigit())
    if len(digits) >= 6 and all(ch.isdigit() or ch in " +-()." for ch in q):
        out.append(digits[-8:])
    key = _phonetic_key(out[0])
    if key:
        out.append(fold(key))
    return list(dict.fromkeys(out))


def match(query: str) -> Match:
    """The documents containing `query` (any script, any position in a name, any diacritics).

    The index gives the documents holding every trigram of a text; each is then checked
    for the text itself. A text shorter than a trigram is looked for in every document.
    User text is always a bound value or quoted FTS5 trigrams, never FTS5 syntax.
    A Latin name of one word also finds its phonetic variants (Sreimom finds Sreymom), and
    a phone number finds the number however it was written.
    """
    texts = _query_texts(query)
    holds = or_(*(func.instr(SEARCH_DOC.c.body, t) > 0 for t in texts))
    if len(texts[0]) < MIN_TRIGRAM:
        return Match(SEARCH_DOC, SEARCH_DOC.c.rowid, holds)
    candidates = " OR ".join("(" + " AND ".join(
        '"' + t.replace('"', '""') + '"' for t in _trigrams(text_)) + ")" for text_ in texts)
    return Match(CASE_SEARCH.join(SEARCH_DOC, SEARCH_DOC.c.rowid == CASE_SEARCH.c.rowid),
                 CASE_SEARCH.c.rowid,
                 and_(CASE_SEARCH.c.case_search.op("MATCH")(candidates), holds))


def _trigrams(text_: str) -> list[str]:
    return list(dict.fromkeys(text_[i:i + MIN_TRIGRAM] for i in range(len(text_) - 2)))


def _phonetic_key(q: str) -> str | None:
    """The phonetic key of a one-word Latin query long enough to mean a name."""
    from fieldapp.linkage.keys import skeleton

    if len(q) < 4 or not q.isascii() or not q.isalpha():
        return None
    key = skeleton(q.lower())
    return f"~{key}~" if len(key) >= 3 else None


def matching_rescue_ids(query: str) -> Select[Any]:
    found = match(query)
    return select(SEARCH_DOC.c.rescue_id).select_from(found.source).where(found.condition)
