"""Reference lists for compound raids: every country, the languages met, embassies; one validation."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import InvalidInput
from fieldapp.services import intake, submit
from fieldapp.services.workspace import Workspace
from fieldapp.store import reference
from fieldapp.store.models import Rescue, ServiceProvider


def test_every_iso_country_has_english_and_khmer_names() -> None:
    rows = reference.countries()
    codes = [c for c, _, _ in rows]
    assert len(codes) == len(set(codes)) >= 249 + 2  # ISO 3166-1 + stateless + not known
    assert codes[:4] == ["KHM", "THA", "VNM", "LAO"]  # the frequent ones first
    assert {"PHL", "IND", "KEN", "TWN", "UGA", "ETH", "LKA", "XXA", "XXX"} <= set(codes)
    assert all(en and km for _, en, km in rows)
    assert dict((c, km) for c, _, km in rows)["THA"] == "ថៃ"


def test_languages_include_those_met_in_raids_and_cambodias_indigenous_languages() -> None:
    codes = {c for c, _, _ in reference.languages()}
    assert {"tgl", "hin", "ben", "nep", "swa", "amh", "kor", "rus"} <= codes
    assert {"cmo", "kdt", "tpu", "jra", "krr", "brb", "cja"} <= codes  # Bunong, Kuy, Tampuan…
    assert all(en and km for _, en, km in reference.languages())


def test_embassies_and_immigration_are_providers(ws: Workspace) -> None:
    with ws.tx() as s:
        emb = s.get(ServiceProvider, "EMB-PHL")
        gdi = s.get(ServiceProvider, "GDI")
        assert emb is not None and emb.kind == "embassy" and emb.country == "PHL"
        assert gdi is not None and gdi.kind == "government"
        assert s.get(ServiceProvider, "PTC").kind == "centre"  # type: ignore[union-attr]


def test_the_forms_offer_exactly_what_the_services_accept(ws: Workspace, rescue: Rescue) -> None:
    prepared = submit.prepare(ws, "victim", {"rescue_id": rescue.id})
    offered = {c.value for c in prepared.choices.get("nationalities").choices}  # type: ignore[union-attr]
    assert offered == reference.nationality_codes()
    langs = {c.value for c in prepared.choices.get("languages").choices}  # type: ignore[union-attr]
    assert langs == reference.language_codes()
    v = intake.add_victim(ws, rescue.id, name_latin="A", sex="male", nationality="PHL",
                          languages=["tgl", "eng"])
    assert v.nationality == "PHL"


@pytest.mark.parametrize("values,message", [
    ({"nationality": "ZZZ"}, "nationality: not a country code"),
    ({"nationality": "KH"}, "nationality: not a country code"),
    ({"languages": ["km"]}, "languages: not in the list of languages: km"),
])
def test_the_service_refuses_codes_the_form_would_refuse(ws: Workspace, rescue: Rescue, values,  # type: ignore[no-untyped-def]
                                                          message) -> None:
    with pytest.raises(InvalidInput, match=message):
        intake.add_victim(ws, rescue.id, name_latin="A", sex="male", **values)
    with pytest.raises(InvalidInput, match="nationality"):
        intake.add_suspect(ws, rescue.id, name="S", role="broker", nationality="ZZZ")


def test_wording_fixes() -> None:
    forms = submit.shipped_forms()
    vul = {c.value: c.label for c in forms["victim"].choices["vulnerabilities"].choices}
    assert vul["irregular_migration"].km == "ចំណាកស្រុកមិនទៀងទាត់"
    assert "វប្បធម៌" not in vul["low_education"].km
    assert vul["documents_withheld"].en == "Documents withheld by traffickers"
    docs = {c.value: c.label for c in forms["victim"].choices["documents"].choices}
    assert "ខ្មែរ" not in docs["id_card"].km
