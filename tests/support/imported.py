"""Put an XLSForm-imported form beside the shipped ones for a test (forms/ copied to tmp)."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Any

from fieldapp.formkit.xlsform import Conversion, convert
from fieldapp.resources import forms_dir
from fieldapp.services import submit

DATA = Path(__file__).resolve().parents[1] / "data"
HTCDS_FORM = DATA / "htcds" / "htcds_xlsform.xlsx"


def install(monkeypatch: Any, tmp_path: Path, workbook: Path, name: str = "imported",
            **kw: Any) -> Conversion:
    """Convert ``workbook`` into a copy of forms/ that the services then use."""
    folder = tmp_path / "forms"
    if not folder.exists():
        shutil.copytree(forms_dir(), folder)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = convert(workbook, forms_dir=folder, **kw)
    (folder / f"{name}.yaml").write_text(result.yaml_text, encoding="utf-8")
    monkeypatch.setattr(submit, "forms_dir", lambda: folder)
    submit.shipped_forms.cache_clear()
    return result
