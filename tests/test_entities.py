"""The entity registry (fieldapp/domain/entities.py) is the one list of record types.

Each test fails when an entity is added in one place and not in the registry, or added to
the registry without what every layer needs (a store model with an outbox, a sync schema,
HQ validation, a parent link that is a real foreign key, a handler for its forms, a label
in English and Khmer).
"""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from sqlalchemy import inspect

from fieldapp.domain import entities
from fieldapp.domain.entities import BY_NAME, ENTITIES, FORM_RECORDS, MERGED_ENTITIES
from fieldapp.resources import resource_path

PACKAGE = Path(__file__).resolve().parents[1] / "fieldapp"


def test_every_store_model_with_an_outbox_is_in_the_registry_and_back() -> None:
    from fieldapp.store.models import SYNCED_MODELS, AuditEvent, Base, Synced

    synced = {m.class_.__name__: m.class_ for m in Base.registry.mappers
              if issubclass(m.class_, Synced)}
    assert {c.SYNC_ENTITY for c in synced.values()} == set(MERGED_ENTITIES)
    assert set(SYNCED_MODELS) == set(MERGED_ENTITIES)
    for name, model in SYNCED_MODELS.items():
        assert model.__tablename__ == name  # type: ignore[attr-defined]
    # The only record on the wire that is not merged is the audit chain.
    assert [e.name for e in ENTITIES if not e.merged] == [AuditEvent.__tablename__]


def test_every_entity_has_a_sync_schema_hq_validation_and_real_links() -> None:
    from fieldapp.sync import protocol
    from fieldapp.sync.apply import PARENTS
    from fieldapp.sync.schema import check_fields, field_specs, links

    assert protocol.SYNCED_ENTITIES == entities.SYNCED_ENTITIES
    for e in ENTITIES:
        specs = field_specs(e.name)
        assert specs, f"{e.name}: no sync schema"
        assert check_fields(e.name, {}) is None, f"{e.name}: HQ refuses every change of it"
        # The registry's links are exactly the model's foreign keys to other records.
        assert dict(e.links) == links(e.name), e.name
        if e.parent_field:
            assert e.parent_field in specs, e.name
            assert not e.links or e.links[0][0] == e.parent_field, e.name
        assert {f: m.SYNC_ENTITY for f, m in PARENTS.get(e.name, ())} == dict(e.links)
    # A change naming an entity outside the registry is refused at the wire.
    change = {"seq": 1, "entity": "consent_form", "entity_id": "x", "post_code": "P",
              "fields": {}}
    try:
        protocol.Change.model_validate(change)
    except ValueError as exc:
        assert "unknown entity" in str(exc)
    else:
        raise AssertionError("an unknown entity was accepted")
    protocol.Change.model_validate({**change, "entity": "victim"})


def test_every_list_is_derived_from_the_registry() -> None:
    from fieldapp.formkit import loader
    from fieldapp.hq import service as hq_service
    from fieldapp.reports import source
    from fieldapp.services import exports, stats, submit
    from fieldapp.store.models import SYNCED_MODELS

    assert hq_service.PARENT_FIELD == {e.name: e.parent_field for e in ENTITIES if e.parent_field}
    assert hq_service.STATS_KEYS == {e.name: e.stats_key for e in ENTITIES if e.stats_key}
    assert set(stats.STAT_KEYS) <= set(hq_service.STATS_KEYS.values())
    assert [r[0] for r in exports.RECORDS] == [e.name for e in ENTITIES if e.export_omit is not None]
    for name, model, omit in exports.RECORDS:
        assert model is SYNCED_MODELS[name]
        assert omit <= set(inspect(model).columns.keys()), name
    assert set(source._MODELS) == {e.name for e in ENTITIES if e.in_reports}
    assert set(source._MODELS) <= set(source.COLUMNS)
    assert loader.RECORDS == FORM_RECORDS
    assert set(submit._HANDLERS) == set(submit._HANDLER_OF) == FORM_RECORDS
    for form in submit.shipped_forms().values():
        assert form.record in FORM_RECORDS, form.form_id


def _strings(node: ast.AST) -> list[str] | None:
    """The string keys/elements of a literal dict, set, list or tuple (None if not all are)."""
    if isinstance(node, ast.Dict):
        items: list[ast.AST | None] = list(node.keys)
    elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = list(node.elts)
    else:
        return None
    out = []
    for item in items:
        if isinstance(item, ast.Tuple) and item.elts:  # {(entity, field): ...}
            item = item.elts[0]
        if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
            return None
        out.append(item.value)
    return out


def test_no_list_of_entities_names_one_the_registry_does_not_know() -> None:
    """Per-entity tables kept in a layer (HQ's protected fields, form mappings, report
    columns...) may only name registry entities or form records: adding a record type to
    one of them without the registry fails here."""
    known = set(BY_NAME) | FORM_RECORDS
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        # The vocabulary's audit actions share some words with entity names ("referral"...)
        # without being a table of entities.
        if "migrations" in rel.parts or rel.as_posix() in ("domain/entities.py",
                                                           "vocabulary.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = _strings(node)
            if not names or len(set(names) & set(BY_NAME)) < 3:
                continue
            unknown = sorted(set(names) - known)
            if unknown:
                offenders.append(f"{rel}:{getattr(node, 'lineno', 0)} names {unknown}")
    assert offenders == []


def test_every_entity_has_a_label_in_english_and_khmer(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n", "fieldapp_km.qm")))
    for e in ENTITIES:
        assert e.label, f"{e.name}: no label"
        khmer = translator.translate("Labels", e.label)
        assert khmer and khmer != e.label, f"{e.name}: no Khmer for {e.label!r}"
        assert any("\u1780" <= ch <= "\u17ff" for ch in khmer), e.name


def test_the_window_labels_entities_from_the_registry(qapp: QCoreApplication) -> None:
    from fieldapp.ui import i18n

    try:
        i18n.set_language("km")
        translator = QTranslator()
        assert translator.load(str(resource_path("i18n", "fieldapp_km.qm")))
        for e in ENTITIES:
            assert i18n.entity_label(e.name) == translator.translate("Labels", str(e.label))
        assert i18n.entity_label("user") == "user"
    finally:
        i18n.set_language("en")
    assert [i18n.entity_label(e.name) for e in ENTITIES] == [e.label for e in ENTITIES]
