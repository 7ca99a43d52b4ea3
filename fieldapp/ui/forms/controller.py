"""The logic of one open form: answers in a FormState, live redraws, checks, drafts, submit."""

from __future__ import annotations

import json
import logging
import mimetypes
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLayout, QWidget

from fieldapp.domain.ids import uuid7
from fieldapp.formkit import FormState
from fieldapp.formkit.errors import FieldValueError
from fieldapp.formkit.model import (
    MSG_CONSTRAINT,
    MSG_REQUIRED,
    Field,
    GeopointField,
    Group,
    Item,
    MetadataField,
    NoteField,
    Repeat,
    SelectOneField,
)
from fieldapp.services import drafts, submit
from fieldapp.services.submit import Submitted
from fieldapp.services.workspace import Workspace
from fieldapp.ui.forms import attach
from fieldapp.ui.forms.editors import AttachmentEditor, editor_for
from fieldapp.ui.forms.view import FieldRow, InstanceFrame, RepeatBox, SectionBox
from fieldapp.ui.tasks import TaskRunner, user_message

log = logging.getLogger("fieldapp.ui.forms")
Index = tuple[int, ...]
Key = tuple[str, Index]
#: A change is written to the draft this long after it was made, at the latest.
DRAFT_DELAY_MS = 500


class FormController(QObject):
    """Builds the widgets for ``prepared.form`` into a layout and keeps them and the state in step.

    Signals: ``problem(text)`` for the dialog's banner, ``saved()`` after each draft
    write, ``submitted(result)`` when the services accepted the form.
    """

    problem = Signal(str)
    saved = Signal()
    submitted = Signal(object)
    busy_changed = Signal(bool)
    chain_changed = Signal(list)
    #: Entry number just removed (the dialog offers Undo), or 0 when nothing can be undone.
    removal_changed = Signal(int)

    def __init__(self, ws: Workspace, runner: TaskRunner, prepared: submit.Prepared,
                 state: FormState, draft_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.prepared = prepared
        self.form = prepared.form
        self.state = state
        self.lang = "en"
        self.draft_id = draft_id or uuid7()
        self.draft_exists = draft_id is not None
        self.rows: dict[Key, FieldRow] = {}
        self.sections: dict[Key, SectionBox] = {}
        self.repeats: dict[Key, RepeatBox] = {}
        self.frames: dict[Key, list[InstanceFrame]] = {}
        self.touched: set[Key] = set()
        self.show_all = False
        self.submitting = False
        self.closed = False
        self.last_removed: tuple[str, int, Index, object] | None = None
        self._saved_snapshot = self._snapshot() if self.draft_exists else ""
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.save_draft)
        #: Swappable for tests: (ws, draft_id, path, filename, mime) -> attachment id.
        self.store_file: Callable[..., str] = attach.store_file

    # ------------------------------------------------------------------------- build
    def build(self, layout: QLayout) -> None:
        """Create every row, section and repeat in form order inside ``layout``."""
        self._build_items(self.form.fields, (), layout)
        self.refresh_all()

    def _build_items(self, items: tuple[Item, ...], index: Index, layout: QLayout) -> None:
        for item in items:
            if isinstance(item, Repeat):
                box = RepeatBox()
                self.repeats[(item.name, index)] = box
                box.add_requested.connect(lambda n=item.name, i=index: self.add_instance(n, i))
                layout.addWidget(box)
                self._build_instances(item, index)
            elif isinstance(item, Group):
                section = SectionBox()
                self.sections[(item.name, index)] = section
                layout.addWidget(section)
                self._build_items(item.children, index, section.body)
            elif isinstance(item, Field):
                row = self._make_row(item, index)
                if row is not None:
                    layout.addWidget(row)

    def _make_row(self, field: Field, index: Index) -> FieldRow | None:
        count, reference = 0, False
        if isinstance(field, SelectOneField):
            count = len(self.state.options(field.name, index))
            reference = self.state.choice_list(field.list_name).reference
        editor = editor_for(field, count, reference)
        if (field.is_computed and not field.label.en) or isinstance(field, MetadataField):
            return None  # a hidden calculation (is_minor) or metadata: nothing to show
        row = FieldRow(editor, note=isinstance(field, NoteField))
        key = (field.name, index)
        self.rows[key] = row
        if editor is not None:
            if isinstance(field, SelectOneField):
                editor.set_choices(self.state.options(field.name, index), self.lang)
            editor.show_value(self.state.get(field.name, index),
                              self.state.raw_text(field.name, index)
                              if field.has_value and not field.is_computed else None)
            editor.edited.connect(lambda raw, k=key: self.on_edited(k, raw))
            editor.left.connect(lambda k=key: self.on_left(k))
            if isinstance(editor, AttachmentEditor):
                editor.file_chosen.connect(lambda p, k=key, e=editor: self.store_attachment(k, e, p))
        return row

    def _build_instances(self, rep: Repeat, index: Index) -> None:
        box = self.repeats[(rep.name, index)]
        for frame in self.frames.pop((rep.name, index), []):
            self._forget(frame)
            frame.setParent(None)
            frame.deleteLater()
        frames = []
        for i in range(self.state.repeat_count(rep.name, index)):
            frame = InstanceFrame()
            frame.remove_requested.connect(
                lambda n=rep.name, p=i, ix=index: self.remove_instance(n, p, ix))
            self._build_items(rep.children, (*index, i), frame.body)
            box.instances.addWidget(frame)
            if box.isVisible():
                frame.show()  # else Qt shows it only at the next event loop pass
            frames.append(frame)
        self.frames[(rep.name, index)] = frames

    def _forget(self, frame: QWidget) -> None:
        """Drop the registry entries of widgets inside a frame about to be deleted."""
        for row in self.rows.values():
            if row.editor is not None and frame.isAncestorOf(row):
                row.editor.blockSignals(True)  # its focus-out as it goes is not an answer
        for registry in (self.rows, self.sections, self.repeats):
            for key in [k for k, w in registry.items() if frame.isAncestorOf(w)]:
                del registry[key]
        for key in [k for k, fs in self.frames.items() if fs and frame.isAncestorOf(fs[0])]:
            del self.frames[key]

    # ---------------------------------------------------------------------- editing
    def on_edited(self, key: Key, raw: Any) -> None:
        name, index = key
        try:
            names = self.state.set(name, raw, index)
            names |= self._drop_filtered_out(names)
        except (KeyError, IndexError):
            log.warning("edit for a field that is gone")
            return
        self.refresh(names, skip=key)
        self.mark_dirty()

    def _drop_filtered_out(self, names: frozenset[str]) -> frozenset[str]:
        """After an edit, an answer its list no longer offers (the post of another province)
        is cleared: the list then shows "choose" and the answer agrees with what is seen."""
        more: frozenset[str] = frozenset()
        for fname, index in list(self.rows):
            field = self.form.field(fname)
            if (fname in names and type(field) is SelectOneField
                    and field.choice_filter is not None and not field.is_computed):
                value = self.state.get(fname, index)
                if value is not None and value not in {
                        c.value for c in self.state.options(fname, index)}:
                    more |= self.state.set(fname, None, index)
        return more

    def on_left(self, key: Key) -> None:
        if key not in self.rows:
            return
        self.touched.add(key)
        self._show_errors(key)
        self.save_draft()

    def add_instance(self, name: str, index: Index = ()) -> int:
        position = self.state.add_repeat(name, index)
        rep = self.form.item(name)
        assert isinstance(rep, Repeat)
        self._build_instances(rep, index)
        self.relabel(self.lang)
        self.refresh_all()
        self.mark_dirty()
        frame = self.frames[(name, index)][position]
        first = self._first_focus(frame)
        if first is not None:
            first.setFocus()
        return position

    def remove_instance(self, name: str, position: int, index: Index = ()) -> None:
        """Remove one entry; it can be put back with ``undo_remove`` (Space on a Remove button
        reached by Tab must never lose a person for good)."""
        removed = self.state.remove_repeat(name, position, index)
        self.last_removed = (name, position, index, removed)
        self.removal_changed.emit(position + 1)
        rep = self.form.item(name)
        assert isinstance(rep, Repeat)
        self.touched = {k for k in self.touched if not self._inside(k, name)}
        self._build_instances(rep, index)
        self.relabel(self.lang)
        self.refresh_all()
        self.mark_dirty()
        self.repeats[(name, index)].add_button.setFocus()

    def undo_remove(self) -> None:
        """Put the last removed entry back where it was, with everything typed in it."""
        if self.last_removed is None:
            return
        name, position, index, removed = self.last_removed
        self.last_removed = None
        self.state.restore_repeat(name, position, removed, index)
        rep = self.form.item(name)
        assert isinstance(rep, Repeat)
        self._build_instances(rep, index)
        self.relabel(self.lang)
        self.refresh_all()
        self.mark_dirty()
        self.removal_changed.emit(0)
        frames = self.frames.get((name, index), [])
        if position < len(frames):
            frames[position].remove_button.setFocus()

    def _inside(self, key: Key, repeat: str) -> bool:
        return any(r.name == repeat for r in self.form.repeats_of(key[0]))

    # ---------------------------------------------------------------------- redraws
    def refresh(self, names: frozenset[str] | set[str], skip: Key | None = None) -> None:
        """Redraw what may have changed: relevance, calculated values, options, messages."""
        for key, row in list(self.rows.items()):
            if key[0] in names:
                self._refresh_row(key, row, key == skip)
        for registry in (self.sections, self.repeats):
            for key, box in registry.items():
                if key[0] in names:
                    box.setVisible(self.state.is_relevant(*key))
        for key, section in self.sections.items():
            if key[0] in names and self.form.item(key[0]).text_refs:
                section.set_texts(self.state.text(key[0], "label", self.lang, key[1]),
                                  self.state.text(key[0], "hint", self.lang, key[1]))
        for key in self.repeats:
            if key[0] in names:
                self._show_errors(key)

    def refresh_all(self) -> None:
        names = set(self.form.items)
        self.refresh(names)
        self.retitle_instances()
        self.update_tab_order()

    def _refresh_row(self, key: Key, row: FieldRow, is_source: bool) -> None:
        name, index = key
        field = self.form.field(name)
        row.setVisible(self.state.is_relevant(name, index))
        editor = row.editor
        if editor is not None:
            if isinstance(field, SelectOneField) and field.choice_filter is not None:
                editor.set_choices(self.state.options(name, index), self.lang)
            if field.is_computed:
                editor.show_value(self.state.get(name, index))
            if field.read_only_if is not None:
                editor.setEnabled(not self.state.is_read_only(name, index))
        if field.text_refs:
            self._set_row_texts(key, row)
        self._show_errors(key)

    def _set_row_texts(self, key: Key, row: FieldRow) -> None:
        """Label and hint with ``${field}`` filled in; a geopoint always carries its warning."""
        name, index = key
        field = self.form.field(name)
        required = field.required is not None and field.required.source == "true()"
        hint = self.state.text(name, "hint", self.lang, index)
        if isinstance(field, GeopointField):
            hint = "\n".join(h for h in (hint, self.geopoint_warning()) if h)
        row.set_texts(self.state.text(name, "label", self.lang, index), hint, required,
                      possible_messages(field, self.lang))

    def geopoint_warning(self) -> str:
        return self.tr("Sensitive: a position can reveal where a victim or a shelter is. Type "
                       "coordinates only if they are needed, never a shelter's or safe house's "
                       "position. This form never reads the device's location.")

    def _show_errors(self, key: Key) -> None:
        name, index = key
        shown = self.show_all or key in self.touched
        messages = self.state.errors(name, index, self.lang) if shown else []
        if key in self.rows:
            self.rows[key].set_error(messages)
        elif key in self.repeats:
            self.repeats[key].set_error(messages)

    def relabel(self, lang: str) -> None:
        """Show every label, hint, option and message in ``lang``; answers stay as typed."""
        self.lang = lang
        for (name, index), row in self.rows.items():
            field = self.form.field(name)
            self._set_row_texts((name, index), row)
            if row.editor is not None:
                row.editor.retranslate(lang)
                if isinstance(field, SelectOneField):
                    row.editor.set_choices(self.state.options(name, index), lang)
            self._show_errors((name, index))
        for (name, index), section in self.sections.items():
            section.set_texts(self.state.text(name, "label", lang, index),
                              self.state.text(name, "hint", lang, index))
        for key, box in self.repeats.items():
            item = self.form.item(key[0])
            box.set_texts(item.label.get(lang), item.hint.get(lang))
            box.add_button.setText(self.tr("Add an entry to “{label}”").format(
                label=item.label.get(lang)))
            self._show_errors(key)
        self.retitle_instances()

    def retitle_instances(self) -> None:
        for (name, _), frames in self.frames.items():
            label = self.form.item(name).label.get(self.lang)
            for i, frame in enumerate(frames, start=1):
                frame.heading.setText(self.tr("{label}: entry {n}").format(label=label, n=i))
                frame.remove_button.setText(self.tr("Remove entry {n}").format(n=i))

    # --------------------------------------------------------------------- keyboard
    def focus_chain(self) -> list[QWidget]:
        """Every Tab stop of the form, in form order (repeat buttons in their place)."""
        out: list[QWidget] = []

        def walk(items: tuple[Item, ...], index: Index) -> None:
            for item in items:
                if isinstance(item, Repeat):
                    frames = self.frames.get((item.name, index), [])
                    for i, frame in enumerate(frames):
                        walk(item.children, (*index, i))
                        out.append(frame.remove_button)
                    box = self.repeats.get((item.name, index))
                    if box is not None:
                        out.append(box.add_button)
                elif isinstance(item, Group):
                    walk(item.children, index)
                elif (item.name, index) in self.rows:
                    editor = self.rows[(item.name, index)].editor
                    if editor is not None:
                        out.extend(editor.focus_widgets())

        walk(self.form.fields, ())
        return out

    def top_sections(self) -> list[tuple[Item, QWidget]]:
        """The form's top-level groups and repeats with their boxes, in form order (what the
        dialog's jump bar leads to)."""
        out: list[tuple[Item, QWidget]] = []
        for item in self.form.fields:
            box = self.sections.get((item.name, ())) or self.repeats.get((item.name, ()))
            if box is not None:
                out.append((item, box))
        return out

    def first_focus_in(self, box: QWidget) -> QWidget | None:
        """The first Tab stop inside `box` (a section), if it has one."""
        return self._first_focus(box)

    def update_tab_order(self) -> None:
        chain = self.focus_chain()
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.chain_changed.emit(chain)

    def _first_focus(self, frame: QWidget) -> QWidget | None:
        for w in self.focus_chain():
            if frame.isAncestorOf(w):
                return w
        return None

    def first_problem_widget(self) -> QWidget | None:
        for row in self.rows.values():
            if row.error.isVisible() and row.editor is not None and row.isVisible():
                widgets = row.editor.focus_widgets()
                if widgets:
                    return widgets[0]
        return None

    # ----------------------------------------------------------------------- drafts
    def _snapshot(self) -> str:
        return json.dumps(self.state.to_draft(), sort_keys=True, ensure_ascii=False, default=str)

    def mark_dirty(self) -> None:
        self._dirty = True
        # Not restarted by later changes: a long burst of typing is still saved every
        # DRAFT_DELAY_MS, so nothing typed more than a second ago can be lost.
        if not self._timer.isActive():
            self._timer.start()

    def save_draft(self) -> None:
        """Queue an encrypted save of everything typed, if anything changed since the last one."""
        self._timer.stop()
        if self.closed or self.submitting or not self.ws.is_open:
            return
        snapshot = self._snapshot()
        if snapshot == self._saved_snapshot:
            return
        if not self._dirty and not self.draft_exists:
            return  # nothing typed yet: no empty drafts
        self._saved_snapshot = snapshot
        values = json.loads(snapshot)
        ws, form_id, ctx, draft_id = self.ws, self.form.form_id, self._draft_context(), self.draft_id
        self.draft_exists = True
        self.runner.run_db("save_draft",
                           lambda: drafts.save_draft(ws, form_id, ctx, values, draft_id),
                           lambda _id: self.saved.emit(), self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        self._saved_snapshot = ""  # try again with the next change
        self.problem.emit(self.tr("The draft could not be saved: {reason}").format(
            reason=user_message(exc)))

    def _draft_context(self) -> dict[str, Any]:
        return {k: v for k, v in self.prepared.context.items() if k in drafts.CONTEXT_KEYS}

    def flush(self, timeout: float = 5.0) -> None:
        """Save now and wait for the write (closing the form or the window)."""
        self.save_draft()
        self.runner.wait_idle(timeout)

    def discard(self, done: Callable[[], None]) -> None:
        self.closed = True
        self._timer.stop()
        ws, draft_id = self.ws, self.draft_id
        if not self.draft_exists:
            done()
            return
        self.runner.run_db("discard_draft", lambda: drafts.discard_draft(ws, draft_id),
                           lambda _r: done(), lambda exc: done())

    # --------------------------------------------------------------------- attachments
    def store_attachment(self, key: Key, editor: AttachmentEditor, path: Path) -> None:
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        ws, draft_id, store = self.ws, self.draft_id, self.store_file
        ctx = dict(self.prepared.context)

        def job() -> str:
            return store(ws, draft_id, path, path.name, mime, ctx)

        def failed(exc: BaseException) -> None:
            editor.attached(None)
            self.problem.emit(user_message(exc))

        self.runner.run_db("store_attachment", job,
                           lambda att_id: editor.attached(att_id, path.name), failed)

    # -------------------------------------------------------------------------- submit
    def check(self) -> int:
        """Show every message; the number of answers that need attention."""
        self.show_all = True
        problems = self.state.validate(self.lang)
        for key in list(self.rows) + list(self.repeats):
            self._show_errors(key)
        return len(problems)

    def submit(self) -> bool:
        """Check, then hand the answers to the services; False if something needs attention."""
        if self.submitting:
            return False
        if self.check():
            return False
        values = self.state.to_record_values()
        self.submitting = True
        self._timer.stop()
        self.busy_changed.emit(True)
        ws, form_id, ctx = self.ws, self.form.form_id, dict(self.prepared.context)
        draft_id = self.draft_id if self.draft_exists else None
        # The runner broadcasts what the submit changed: every open view refreshes itself.
        self.runner.run_op("submit_form",
                           lambda: submit.submit(ws, form_id, ctx, values, draft_id),
                           lambda r: r.changes, self._submitted, self._submit_failed)
        return True

    def _submitted(self, result: Submitted) -> None:
        self.submitting = False
        self.closed = True
        self.busy_changed.emit(False)
        log.info("form %s submitted", self.form.form_id)
        self.submitted.emit(result)

    def _submit_failed(self, exc: BaseException) -> None:
        self.submitting = False
        self.busy_changed.emit(False)
        self.problem.emit(user_message(exc))
        self.mark_dirty()

    def keys(self) -> Iterator[Key]:
        return iter(self.rows)


def possible_messages(field: Field, lang: str) -> tuple[str, ...]:
    """Every message `field` can show while being filled in, in `lang` (none: nothing to
    reserve room for). The engine's own texts: a required answer missing, the definition's
    constraint, and what its type says of text it cannot read."""
    out: list[str] = []
    if field.is_computed or not field.has_value:
        return ()
    if field.required is not None:
        out.append((field.required_message if field.required_message.en else MSG_REQUIRED).get(lang))
    if field.constraint is not None:
        out.append((field.constraint_message if field.constraint_message.en
                    else MSG_CONSTRAINT).get(lang))
    try:
        field.coerce("\u2047")  # text no typed field can read (a text field takes it)
    except FieldValueError as exc:
        out.append(exc.messages.get(lang) or exc.messages["en"])
    return tuple(dict.fromkeys(out))
