"""The entity registry: every kind of record the app keeps, synchronises, counts and exports.

One place names each entity and what the other layers need to know about it; sync's wire
names, the merge's parent links, HQ's parent field and statistics, the device's statistics,
exports, report sources, the forms' record names and the window's labels are all derived
from `ENTITIES` (see docs/ARCHITECTURE.md, "Adding a kind of record").

The entity's name is its table name in the device store, its ``SYNC_ENTITY`` and its name
on the wire. Labels are English here and translated by the window (context "Labels"); the
marker below lets ``pyside6-lupdate`` find them (``fieldapp.ui.i18n_build`` reads this file).
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation in `context`; returns it unchanged (domain imports no Qt)."""
    return text


@dataclass(frozen=True)
class EntityDef:
    """What every layer needs to know about one kind of record."""

    #: Table, SYNC_ENTITY and wire name.
    name: str
    #: English label shown for the record type (the window translates it), or None if no
    #: screen names the type on its own.
    label: str | None = None
    #: The field that links the record to its parent (HQ's `Record.parent_id`).
    parent_field: str | None = None
    #: Every link to another record a device must have before applying this one:
    #: (field, entity). The first is the parent; an attachment's owner can be any record.
    links: tuple[tuple[str, str], ...] = ()
    #: The key its count has in statistics (device `fieldapp stats`, HQ `/stats`).
    stats_key: str | None = None
    #: Counted by the device's own statistics too (not only HQ's).
    device_stats: bool = False
    #: Exported by `fieldapp export` (csv/json), leaving out these columns; None: not exported.
    export_omit: frozenset[str] | None = None
    #: Form `record:` names whose answers end up on this record (its unbound answers kept here).
    form_records: tuple[str, ...] = ()
    #: Read by the reports' record sources (figures).
    in_reports: bool = False
    #: Shown as part of a case (the case list and case view reload when one is written).
    in_case: bool = False
    #: May own attachments (photos, scans, recordings).
    owns_attachments: bool = False
    #: A store model merged field by field (`store.models.Synced`); False for the audit
    #: chain, which travels on the wire but is appended, never merged.
    merged: bool = True


#: The order is stored (`store.models.RECORD_NAMES` codes record kinds by it): append only.
ENTITIES: tuple[EntityDef, ...] = (
    EntityDef("rescue", QT_TRANSLATE_NOOP("Labels", "Rescue"),
              in_case=True, owns_attachments=True,
              stats_key="rescues", device_stats=True, export_omit=frozenset({"hlc"}),
              form_records=("rescue",), in_reports=True),
    EntityDef("victim", QT_TRANSLATE_NOOP("Labels", "Victim"),
              in_case=True, owns_attachments=True,
              parent_field="rescue_id", links=(("rescue_id", "rescue"),),
              stats_key="victims", device_stats=True, export_omit=frozenset({"hlc"}),
              form_records=("victim",), in_reports=True),
    EntityDef("statement", QT_TRANSLATE_NOOP("Labels", "Statement"),
              in_case=True, owns_attachments=True,
              parent_field="victim_id", links=(("victim_id", "victim"), ("amends_id", "statement")),
              stats_key="statements", device_stats=True,
              export_omit=frozenset({"hlc", "narrative"}), form_records=("statement",)),
    EntityDef("suspect", QT_TRANSLATE_NOOP("Labels", "Suspect"), in_case=True,
              parent_field="rescue_id", links=(("rescue_id", "rescue"),),
              stats_key="suspects", device_stats=True, export_omit=frozenset({"hlc"}),
              form_records=("suspect",), in_reports=True),
    EntityDef("referral", QT_TRANSLATE_NOOP("Labels", "Referral"), in_case=True,
              parent_field="victim_id", links=(("victim_id", "victim"),),
              stats_key="referrals", device_stats=True, export_omit=frozenset({"hlc"}),
              form_records=("referral", "referral_event", "return_reintegration", "tracing"),
              in_reports=True),
    EntityDef("referral_event", QT_TRANSLATE_NOOP("Labels", "Referral step"),
              parent_field="referral_id", links=(("referral_id", "referral"),),
              stats_key="referral_events", device_stats=True, export_omit=frozenset({"hlc"}),
              in_reports=True),
    EntityDef("attachment", QT_TRANSLATE_NOOP("Labels", "Attachment"), in_case=True,
              parent_field="owner_id", stats_key="attachments",
              export_omit=frozenset({"hlc", "file_key"})),
    EntityDef("audit_event", QT_TRANSLATE_NOOP("Labels", "Audit event"),
              stats_key="audit_events", merged=False),
    EntityDef("suspect_case", QT_TRANSLATE_NOOP("Labels", "Suspect in a case"),
              parent_field="suspect_id", links=(("suspect_id", "suspect"), ("rescue_id", "rescue")),
              in_reports=True),
    EntityDef("suspect_event", QT_TRANSLATE_NOOP("Labels", "Suspect status change"),
              parent_field="suspect_id", links=(("suspect_id", "suspect"),), in_reports=True),
    EntityDef("suspect_identifier", QT_TRANSLATE_NOOP("Labels", "Suspect identifier"),
              parent_field="suspect_id", links=(("suspect_id", "suspect"),)),
    EntityDef("person_link", QT_TRANSLATE_NOOP("Labels", "Person link")),
    # Case work after the rescue (issue 13): family and guardians, the case plan, transfers.
    EntityDef("family_member", QT_TRANSLATE_NOOP("Labels", "Family member"), in_case=True,
              parent_field="victim_id", links=(("victim_id", "victim"),),
              export_omit=frozenset({"hlc"}), form_records=("family_member",)),
    EntityDef("follow_up", QT_TRANSLATE_NOOP("Labels", "Follow-up"), in_case=True,
              parent_field="victim_id", links=(("victim_id", "victim"),),
              export_omit=frozenset({"hlc"}), form_records=("follow_up",)),
    EntityDef("case_transfer", QT_TRANSLATE_NOOP("Labels", "Case transfer"), in_case=True,
              parent_field="rescue_id", links=(("rescue_id", "rescue"),)),
)

BY_NAME: dict[str, EntityDef] = {e.name: e for e in ENTITIES}
#: Every entity on the wire, in registry order (`sync.protocol.Change.entity`).
SYNCED_ENTITIES: tuple[str, ...] = tuple(e.name for e in ENTITIES)
#: Entities stored as `store.models.Synced` models (merged field by field).
MERGED_ENTITIES: tuple[str, ...] = tuple(e.name for e in ENTITIES if e.merged)
#: Reference data HQ sends to every device (same record shape, post_code null); not entities
#: a device writes.
REFERENCE_ENTITIES: tuple[str, ...] = ("post", "centre", "provider", "province")
#: Each entity's parent field (HQ keeps it as the record's parent id).
PARENT_FIELD: dict[str, str] = {e.name: e.parent_field for e in ENTITIES if e.parent_field}
#: entity -> its statistics key, for every entity counted at HQ.
STATS_KEYS: dict[str, str] = {e.name: e.stats_key for e in ENTITIES if e.stats_key}
#: The statistics keys a device prints (HQ prints these and more), in registry order.
DEVICE_STAT_KEYS: tuple[str, ...] = tuple(
    e.stats_key for e in ENTITIES if e.stats_key and e.device_stats)
#: Entities exported, with the columns left out.
EXPORTED: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (e.name, e.export_omit) for e in ENTITIES if e.export_omit is not None)
#: Entities the reports read.
REPORT_ENTITIES: tuple[str, ...] = tuple(e.name for e in ENTITIES if e.in_reports)
#: Record kinds shown as part of a case, in registry order.
CASE_ENTITIES: tuple[str, ...] = tuple(e.name for e in ENTITIES if e.in_case)
#: Record kinds an attachment may belong to.
ATTACHMENT_OWNERS: tuple[str, ...] = tuple(e.name for e in ENTITIES if e.owns_attachments)
#: Form record name -> the entity its answers are kept on.
FORM_RECORD_ENTITY: dict[str, str] = {r: e.name for e in ENTITIES for r in e.form_records}
#: Every `record:` a form definition may name.
FORM_RECORDS: frozenset[str] = frozenset(FORM_RECORD_ENTITY)


def entity(name: str) -> EntityDef:
    """The registry entry for `name` (KeyError for a name that is not an entity)."""
    return BY_NAME[name]
