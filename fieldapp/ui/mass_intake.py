"""The quick list of a raid: everyone found, one line each, typed fast; bulk referral of a selection.

Keyboard-first: Tab moves along a line and wraps to the next, a new empty line appears
when the last one is used, Ctrl+S saves every new line in ONE service call
(`mass_intake.quick_list`), Ctrl+R refers the selected people in one action
(`referrals.refer_many`), Ctrl+E records their screening (`screening.screen_many`). Lines already saved are shown read-only with their stage and
screening; each is completed later with the full victim form (the same record).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import DecidingBody, Role
from fieldapp.services import mass_intake, referrals, screening
from fieldapp.services.changes import Changes
from fieldapp.services.mass_intake import QuickPerson
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext
from fieldapp.ui.localdigits import DateEdit
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, ok_cancel

CODE = Qt.ItemDataRole.UserRole
COLUMNS = ("name", "sex", "approx_age", "nationality", "languages", "interpreter_needed",
           "consent", "embassy_contact", "age_disputed", "status")
EMPTY_LINES = 5


@dataclass(frozen=True)
class Lists:
    """Code → label, per column with a closed list (labels already in the current language)."""

    sexes: list[tuple[str, str]]
    countries: list[tuple[str, str]]
    languages: list[tuple[str, str]]
    yes_no: list[tuple[str, str]]
    consents: list[tuple[str, str]]


def load_lists() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The ISO lists the services validate against (read off the UI thread)."""
    from fieldapp.services import mass_intake

    return mass_intake.iso_lists()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box that filters as you type (code or name), storing the code."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in self.choices:
            box.addItem(f"{label} ({code})" if len(self.choices) > 8 else label, code)
        completer = box.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        at = editor.findData(index.data(CODE))
        editor.setCurrentIndex(max(at, 0) if index.data(CODE) else -1)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        code = editor.currentData()
        label = dict(self.choices).get(code, "") if code else ""
        model.setData(index, code or "", CODE)
        model.setData(index, label, Qt.ItemDataRole.DisplayRole)


class ReferDialog(QDialog):
    """Where to refer the selected people: service, provider, and a supervisor's override."""

    def __init__(self, parent: QWidget, ctx: ViewContext, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refer %1 people").replace("%1", i18n.digits(count)))
        self.service = QComboBox()
        self.provider = QComboBox()
        for code in ("repatriation", "shelter", "medical", "psychosocial", "legal_aid",
                     "family_tracing", "reintegration"):
            self.service.addItem(i18n.service_label(code), code)
        for c in ctx.choices.providers:
            self.provider.addItem(i18n.ref_name(c.en, c.km), c.code)
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("Only if consent is missing: why refer anyway"))
        form = QFormLayout()
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Provider"), self.provider)
        if ctx.role is Role.SUPERVISOR:
            form.addRow(self.tr("Supervisor's override"), self.override)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row, _ok, _cancel = ok_cancel(self, self.tr("Refer"), self.tr("Cancel"))
        layout.addLayout(row)

    def values(self) -> dict[str, Any]:
        return {"service": self.service.currentData(), "provider_code": self.provider.currentData(),
                "override_reason": self.override.text().strip()}


class ScreenDialog(QDialog):
    """The screening outcome for the selected people: outcome, who decided, when."""

    def __init__(self, parent: QWidget, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Screen %1 people").replace("%1", i18n.digits(count)))
        self.outcome = QComboBox()
        for code in ("presumed_victim", "identified_victim", "not_a_victim", "witness"):
            self.outcome.addItem(i18n.code_label("screening", code), code)
        self.body = QComboBox()
        for body in DecidingBody:
            self.body.addItem(i18n.code_label("deciding_body", body.value), body.value)
        self.day = DateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Decided by"), self.body)
        form.addRow(self.tr("Date"), self.day)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row, _ok, _cancel = ok_cancel(self, self.tr("Save"), self.tr("Cancel"))
        layout.addLayout(row)

    def values(self) -> dict[str, Any]:
        return {"outcome": self.outcome.currentData(), "decided_by": self.body.currentData(),
                "on": self.day.date().toPython()}


class MassIntakeDialog(QDialog):
    """The quick list of one rescue (a raid may free hundreds of people)."""

    def __init__(self, parent: QWidget | None, ctx: ViewContext, rescue_id: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rescue_id = rescue_id
        self.people: list[QuickPerson] = []
        self.lists: Lists | None = None
        self._iso: tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]] = (*load_lists(),)
        self.resize(1180, 640)
        self.banner = Banner()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.count = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._grow)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.refer_button = QPushButton()
        self.refer_button.clicked.connect(self.refer_selected)
        self.screen_button = QPushButton()
        self.screen_button.clicked.connect(self.screen_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Ctrl+R"), self, self.refer_selected)
        QShortcut(QKeySequence("Ctrl+E"), self, self.screen_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.screen_button)
        buttons.addWidget(self.refer_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.reload()

    # -- data -------------------------------------------------------------------------
    def reload(self) -> None:
        ctx, rescue_id = self.ctx, self.rescue_id
        ctx.runner.run_db("quick_list_load", lambda: mass_intake.people_of_rescue(ctx.ws, rescue_id),
                          self._loaded, lambda exc: self.banner.error(user_message(exc)))

    def _loaded(self, people: list[QuickPerson]) -> None:
        kept = self.new_rows()
        self.people = people
        self._render(kept)

    def new_rows(self) -> list[dict[str, Any]]:
        """The lines typed but not saved yet, as the service takes them."""
        rows = []
        for r in range(len(self.people), self.table.rowCount()):
            row = {col: self._value(r, c) for c, col in enumerate(COLUMNS) if col != "status"}
            if not any(v not in ("", [], None) for v in row.values()):
                continue
            rows.append({k: v for k, v in row.items() if v not in ("", [], None)})
        return rows

    def _value(self, r: int, c: int) -> Any:
        item = self.table.item(r, c)
        if item is None:
            return ""
        col = COLUMNS[c]
        if col == "approx_age":
            text = item.text().strip()
            return int(text) if text.isdigit() else text
        if col == "languages":
            return [p for p in item.text().replace(",", " ").split() if p]
        if col == "name":
            return item.text().strip()
        code = item.data(CODE) or ""
        if col in ("interpreter_needed", "age_disputed"):
            return {"yes": True, "no": False}.get(code, "")
        return code

    def save(self) -> None:
        rows = self.new_rows()
        if not rows:
            self.banner.info(self.tr("Type a line for each person first."))
            return
        ctx, rescue_id = self.ctx, self.rescue_id

        def done(ids: list[str]) -> None:
            self.banner.info(self.tr("%1 people saved to the quick list.").replace("%1", i18n.digits(len(ids))))
            self.table.setRowCount(len(self.people))
            self.reload()

        # Every open view (the case, the list, the status bar) refreshes from the broadcast.
        ctx.runner.run_op("quick_list_save", lambda: mass_intake.quick_list(ctx.ws, rescue_id, rows),
                          lambda ids: Changes.of(["victim"], [rescue_id], ids),
                          done, lambda exc: self.banner.error(self._row_message(exc)), origin=self)

    def _row_message(self, exc: BaseException) -> str:
        text = user_message(exc)
        if text.startswith("row "):  # the service counts the new lines from 1
            head, _, rest = text.partition(":")
            n = int(head.split()[1]) + len(self.people)
            return self.tr("Line %1: %2").replace("%1", i18n.digits(n)).replace("%2", rest.strip())
        return text

    def selected_people(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.people[r].id for r in rows if r < len(self.people)]

    def refer_selected(self) -> None:
        ids = self.selected_people()
        if not ids:
            self.banner.error(self.tr("Select saved people first (Shift or Ctrl + click)."))
            return
        dialog = ReferDialog(self, self.ctx, len(ids))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        ctx = self.ctx

        def done(result: referrals.BulkReferral) -> None:
            text = self.tr("%1 referred.").replace("%1", i18n.digits(len(result.created)))
            if result.already:
                text += " " + self.tr("%1 already referred there.").replace(
                    "%1", i18n.digits(len(result.already)))
            if result.refused:
                text += " " + self.tr("%1 left out: their consent to share is missing.").replace("%1", i18n.digits(len(result.refused)))
            self.banner.info(text)

        rescue_id = self.rescue_id
        ctx.runner.run_op("refer_many", lambda: referrals.refer_many(ctx.ws, ids, **values),
                          lambda r: Changes.of(["referral"], [rescue_id], r.created), done,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

    def screen_selected(self) -> None:
        ids = self.selected_people()
        if not ids:
            self.banner.error(self.tr("Select saved people first (Shift or Ctrl + click)."))
            return
        dialog = ScreenDialog(self, len(ids))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        ctx = self.ctx

        def done(people: list[Any]) -> None:
            self.banner.info(self.tr("%1 people screened.").replace("%1", i18n.digits(len(people))))
            self.reload()

        rescue_id = self.rescue_id
        ctx.runner.run_op("screen_many", lambda: screening.screen_many(ctx.ws, ids, **values),
                          Changes.of(["victim"], [rescue_id], ids), done,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

    # -- view -------------------------------------------------------------------------
    def _render(self, new_rows: list[dict[str, Any]] | None = None) -> None:
        lists = self._make_lists()
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(self.people) + max(EMPTY_LINES, len(new_rows or []) + 1))
        for r, p in enumerate(self.people):
            values = {"name": p.name, "sex": p.sex, "approx_age": p.approx_age,
                      "nationality": p.nationality, "languages": p.languages,
                      "interpreter_needed": "yes" if p.interpreter_needed else "no",
                      "consent": p.consent, "embassy_contact": p.embassy_contact,
                      "age_disputed": "yes" if p.age_disputed else "no"}
            self._fill_row(r, values, lists, saved=True)
            status = self._status(p)
            item = QTableWidgetItem(status)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, len(COLUMNS) - 1, item)
        for i, row in enumerate(new_rows or []):
            self._fill_row(len(self.people) + i, row, lists, saved=False)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 people on the list").replace("%1", i18n.digits(len(self.people))))

    def _status(self, p: QuickPerson) -> str:
        stage = self.tr("Quick list") if p.stage == "quick" else self.tr("Completed")
        screened = {"pending": self.tr("not screened yet"),
                    "presumed_victim": self.tr("presumed victim"),
                    "identified_victim": self.tr("identified victim"),
                    "not_a_victim": self.tr("not a victim"),
                    "witness": self.tr("witness")}.get(p.screening, p.screening)
        child = " · " + self.tr("child") if p.is_minor else ""
        return f"{stage} · {screened}{child}"

    def set_cell(self, row: int, col: str, value: Any) -> None:
        """Put one answer in a new line as its editor would (a code for the closed lists)."""
        assert self.lists is not None
        if row >= self.table.rowCount():
            self.table.setRowCount(row + 1)
        self._fill_row(row, {col: value}, self.lists, saved=False, only=(col,))

    def _fill_row(self, r: int, values: dict[str, Any], lists: Lists, saved: bool,
                  only: tuple[str, ...] = ()) -> None:
        closed = {"sex": lists.sexes, "nationality": lists.countries,
                  "interpreter_needed": lists.yes_no, "consent": lists.consents,
                  "embassy_contact": lists.consents, "age_disputed": lists.yes_no}
        for c, col in enumerate(COLUMNS[:-1]):
            if only and col not in only:
                continue
            value = values.get(col)
            if isinstance(value, bool):
                value = "yes" if value else "no"
            if col in closed:
                item = QTableWidgetItem(dict(closed[col]).get(str(value or ""), ""))
                item.setData(CODE, value or "")
            elif col == "languages":
                # A saved person's languages by name; a new line keeps the codes as typed.
                item = QTableWidgetItem(i18n.choice_labels("languages", list(value)) if saved and value
                                        else " ".join(value or []))
            elif saved and col == "approx_age" and value is not None:
                item = QTableWidgetItem(i18n.digits(value))
            else:
                item = QTableWidgetItem("" if value is None else str(value))
            if saved:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, c, item)

    def _make_lists(self) -> Lists:
        countries, languages = self._iso
        self.lists = Lists(
            sexes=[(c, i18n.sex_label(c)) for c in ("female", "male", "other", "unknown")],
            countries=[(c, i18n.ref_name(en, km)) for c, en, km in countries],
            languages=[(c, i18n.ref_name(en, km)) for c, en, km in languages],
            yes_no=[("yes", self.tr("yes")), ("no", self.tr("no"))],
            consents=[("given", self.tr("given")), ("refused", self.tr("refused")),
                      ("not_asked", self.tr("not asked")), ("partial", self.tr("partly given"))],
        )
        for c, col in enumerate(COLUMNS):
            choices = {"sex": self.lists.sexes, "nationality": self.lists.countries,
                       "interpreter_needed": self.lists.yes_no, "consent": self.lists.consents,
                       "embassy_contact": self.lists.consents,
                       "age_disputed": self.lists.yes_no}.get(col)
            old = self.table.itemDelegateForColumn(c)
            self.table.setItemDelegateForColumn(c, ChoiceDelegate(choices, self.table) if choices
                                                else None)  # type: ignore[arg-type]
            if old is not None:
                old.deleteLater()
        return self.lists

    def _grow(self, item: QTableWidgetItem) -> None:
        """Typing on the last line opens a new empty one: no button needed between people."""
        if item.row() == self.table.rowCount() - 1 and item.text().strip():
            self.table.setRowCount(self.table.rowCount() + 1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quick list of people found"))
        self.hint.setText(self.tr(
            "One line per person. Tab moves to the next cell; Ctrl+S saves the new lines; select "
            "saved people and press Ctrl+E to record their screening or Ctrl+R to refer them "
            "together. Languages: codes such as "
            "khm tha vie tgl hin. People stay out of the figures until screened, and each line is "
            "completed later with the full victim form (never entered twice)."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name (as given)"), self.tr("Sex"), self.tr("Age (approx.)"),
            self.tr("Nationality"), self.tr("Languages"), self.tr("Interpreter"),
            self.tr("Consent"), self.tr("Embassy contact"), self.tr("Age disputed"),
            self.tr("Status")])
        self.save_button.setText(self.tr("Save new lines (Ctrl+S)"))
        self.refer_button.setText(self.tr("Refer selected… (Ctrl+R)"))
        self.screen_button.setText(self.tr("Screen selected… (Ctrl+E)"))
        self.close_button.setText(self.tr("Close"))
        self._render(self.new_rows())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
