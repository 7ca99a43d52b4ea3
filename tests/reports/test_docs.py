"""docs/REPORTS.md lists every definition and the whole HTCDS mapping; the core never imports Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldapp.reports import htcds
from fieldapp.reports.definitions import DEFINITIONS

DOC = Path(__file__).resolve().parents[2] / "docs" / "REPORTS.md"


def test_every_figure_is_defined_in_the_docs() -> None:
    text = DOC.read_text("utf-8")
    for key, (title, definition) in DEFINITIONS.items():
        assert f"`{key}`" in text and title in text and definition in text


def test_docs_have_the_htcds_mapping_and_what_we_do_not_collect() -> None:
    text = DOC.read_text("utf-8")
    for name, source, _ in htcds.MAPPING:
        assert f"| `{name}` |" in text and source in text
    for field in htcds.not_collected():
        assert f"| `{field.name}` |" in text


def test_reports_and_exports_import_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import fieldapp.reports, fieldapp.reports.figures, fieldapp.reports.suppress\n"
        "import fieldapp.reports.source, fieldapp.reports.htcds, fieldapp.reports.render\n"
        "import fieldapp.services.figures, fieldapp.reports.hq_report, fieldapp.services.exports\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
