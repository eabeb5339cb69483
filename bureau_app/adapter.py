"""The engine adapter: ``ceremony.workflow.engine.Bureau`` driven from the window.

It shows the engine's state (``bureau_app.steps``), and when the bureau asks
for the next action it collects what the step needs from people (cards through
the card prompt, PINs through ``QtPinHandler``, a fingerprint, the expert's
words), runs the engine's method as a ``Job`` with a progress dialog, shows a
``CeremonyError`` in the error dialog, and refreshes journal, results and PV.
Every decision is the engine's: a refused step changes nothing.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog

from bureau_app.card_prompt import CardPromptDialog
from bureau_app.card_sources import CardSource
from bureau_app.error_dialog import ErrorDialog
from bureau_app.lots_bridge import LotsEntryCancelledError, QtLotsAsker
from bureau_app.pin_bridge import QtPinHandler
from bureau_app.platform_sources import PlatformSource, urn_ballots
from bureau_app.progress_dialog import ProgressDialog
from bureau_app.quorum import Need, everyone_need, quorum_need
from bureau_app.quorum_prompt import QuorumPromptDialog
from bureau_app.records import contest_results, journal_rows
from bureau_app.roles import expected_card, list_names, role_word
from bureau_app.shell import BureauWindow
from bureau_app.step_dialogs import DecisionDialog, ExpertDialog, FingerprintDialog
from bureau_app.step_pins import StepPins
from bureau_app.steps import (
    Step,
    StepKind,
    heads,
    next_step,
    optional_steps,
    phase_views,
)
from bureau_app.text import fill
from bureau_app.worker import Job, Progress
from ceremony.bundles.payloads.definition import BureauDefinition, Member
from ceremony.cards.errors import CardError, PinEntryCancelledError
from ceremony.errors import CeremonyError
from ceremony.fingerprint import PREFIX
from ceremony.workflow.engine import Bureau
from ceremony.workflow.errors import PlatformKeyNotConfirmedError
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.state import CeremonyState, current_phase

log = logging.getLogger(__name__)
T = TypeVar("T")
V = TypeVar("V")

_DEMO_EXPERT = "Expert indépendant (démonstration)"
_DEMO_CONCLUSION = (
    "Les scellements sont intacts et le système de vote n'a fait l'objet d'aucune altération."
)


class CeremonyAdapter(QObject):
    """Connects one ``Bureau`` to one ``BureauWindow``."""

    # For tests and accessibility tools: each dialog as it opens.
    card_prompt_opened = Signal(object)  # CardPromptDialog
    # FingerprintDialog, ExpertDialog, DecisionDialog, ErrorDialog, ProgressDialog
    dialog_opened = Signal(object)
    step_finished = Signal(str)  # the StepKind value, after the journal has it
    step_failed = Signal(object)  # the exception, already shown
    step_cancelled = Signal(str)  # the StepKind value; nothing was recorded
    refreshed = Signal()

    def __init__(
        self,
        window: BureauWindow,
        bureau: Bureau,
        platform: PlatformSource,
        cards: Callable[[dict[str, str]], CardSource],
        pins: QtPinHandler | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.bureau = bureau
        self.platform = platform
        self._make_cards = cards
        self._cards: CardSource | None = None
        self.pins = pins or QtPinHandler(window)
        # A perfect tie for the last seat is drawn inside the count, by the members present.
        self.lots = QtLotsAsker(self._member_name, window)
        self.busy = False
        self._definition: tuple[str, BureauDefinition] | None = None
        self._sealed: tuple[str, str] | None = None  # seal blob, the fingerprint it records
        self._shown_pv: str | None = None
        self._archive_folder: Path | None = None
        self._import_file: Path | None = None  # the file being imported, named on failure
        self.last_error: ErrorDialog | None = None
        self._step_pins: StepPins | None = None
        window.action_requested.connect(self.request_action)
        window.optional_action_requested.connect(self.request_optional)
        window.projection_requested.connect(self.show_projection)
        self.projection: QObject | None = None
        from bureau_app.rollcall_flow import RollCallFlow

        # The roll-call of each session: its steps, and who is present to bring a card.
        self.sessions = RollCallFlow(self)
        # The « Cartes » menu: show, check, unblock or wipe a card, at any time (issue 15).
        from bureau_app.card_manage_menu import CardManager

        self.card_manager = CardManager(self)
        window.card_action_requested.connect(self.card_manager.open)
        self.refresh(show_current=True)

    # --- reading the engine ----------------------------------------------------------------

    def definition(self, state: CeremonyState) -> BureauDefinition | None:
        """The bureau's definition, parsed once per imported bundle."""
        if state.definition_blob is None:
            return None
        if self._definition is None or self._definition[0] != state.definition_blob:
            self._definition = (state.definition_blob, self.bureau.bureau_definition(state))
        return self._definition[1]

    def sealed_fingerprint(self, state: CeremonyState) -> str | None:
        """Our software fingerprint as the exported seal records it, read once per seal."""
        if not state.seal_exported or state.seal_blob is None:
            return None
        if self._sealed is None or self._sealed[0] != state.seal_blob:
            recorded = self.bureau.sealed(state).bureau_software.sha256
            self._sealed = (state.seal_blob, PREFIX + recorded)
        return self._sealed[1]

    def card_source(self) -> CardSource:
        if self._cards is None:
            definition = self.definition(self.bureau.state)
            members = {m.member_id: m.name for m in definition.members} if definition else {}
            self._cards = self._make_cards(members)
        return self._cards

    def next_step(self) -> Step | None:
        state = self.sessions.view_state(self.bureau.state)
        return next_step(state, self.definition(state))

    def refresh(self, *, show_current: bool = False) -> None:
        state = self.bureau.state
        definition = self.definition(state)
        if definition is not None:
            self.window.set_bureau_name(definition.name)
        self.window.set_phases(phase_views(self.sessions.view_state(state), definition))
        self.window.sealed_fingerprint = self.sealed_fingerprint(state)
        names: dict[str, str] = {}
        if definition is not None:
            for member in definition.members:
                names[member.member_id] = member.name
                card = state.members.get(member.member_id)
                if card is not None:
                    names[str(card["serial"])] = member.name
        contests = {c.contest_uuid: c.name for c in definition.contests} if definition else {}
        self.window.journal_view.set_rows(
            journal_rows(self.bureau.store.entries(), names, contests)
        )
        if state.count is not None:
            order = [c.contest_uuid for c in definition.contests] if definition else []
            self.window.results_view.set_results(contest_results(self.bureau.figures(state), order))
        if state.pv is not None and definition is not None:
            needed = quorum_need(definition).missing(())
            self.window.set_pv_signatures(len(state.pv_signatures), needed)
        if state.archive is not None:
            self.window.set_archive(self._archive_folder, state.archive.get("files", {}))
        self._show_pv(state)
        # Follow the ceremony, unless the bureau is reading the journal or the results.
        if show_current or self.window.current_page() is not None:
            self.window.show_phase(current_phase(state).value)
        self.refreshed.emit()

    def _show_pv(self, state: CeremonyState) -> None:
        """The draft the members read and sign; once archived, the signed edition.

        The archived edition carries the page of signatures (one page more than
        the draft): what is printed after the ceremony is that file.
        """
        if state.pv is None:
            return
        path = self.bureau.store.blob_path(state.pv["pdf"])
        name = self.tr("proces-verbal.pdf")
        archived = self.window.summary.path_of("proces-verbal.pdf")
        if state.archive is not None and archived is not None and archived.is_file():
            path, name = archived, archived.name
        if str(path) != self._shown_pv:
            self._shown_pv = str(path)
            self.window.pv_preview.set_document(path, name)

    # --- running a step --------------------------------------------------------------------

    def request_action(self, phase_key: str) -> None:
        step = self.next_step()
        if step is None or phase_key != self.bureau.phase.value:
            return
        self.start_step(step)

    def request_optional(self, phase_key: str, action_key: str) -> None:
        """An optional step (a decision during the vote), if the current phase offers it."""
        if phase_key != self.bureau.phase.value:
            return
        state = self.sessions.view_state(self.bureau.state)
        for step in optional_steps(state, self.definition(state)):
            if step.kind.value == action_key:
                self.start_step(step)
                return

    def start_step(self, step: Step) -> None:
        """Run ``step`` (the engine refuses it if it is not its turn); ignored while busy."""
        if self.busy:
            return
        log.info("step started: %s", step.kind.value)
        self.busy = True
        try:
            self._start(step)
        except Exception:
            self.busy = False
            raise

    def _start(self, step: Step) -> None:
        bureau = self.bureau
        window = self.window
        kind = step.kind
        if kind in (StepKind.OPEN_SESSION, StepKind.CLOSE_SESSION, StepKind.SESSION_MOVEMENT):
            self.sessions.start(step)
        elif kind is StepKind.CONFIRM_KEY:
            dialog = FingerprintDialog(
                self.platform.key_fingerprint(),
                window,
                previous=bureau.state.platform_key_id or "",
            )

            def confirm(key_id: str) -> None:
                self._run(step, lambda _p: bureau.confirm_platform_key(key_id))

            # The key is read here, on the GUI thread, while the dialog still exists.
            self._open_then(dialog, dialog.key_id, confirm)
        elif kind is StepKind.IMPORT_DEFINITION:
            chosen = self.platform.definition(window)
            if chosen is None:
                self._cancelled()
                return
            read, bureau_id = chosen
            self._import_file = getattr(self.platform, "last_chosen", None)
            self._run(step, lambda _p: bureau.import_definition(read(), bureau_id))
        elif kind is StepKind.REGISTER:
            assert step.member is not None
            self._with_cards(
                [step.member],
                lambda cards: self._run(step, lambda _p: bureau.register_member(cards[0])),
                known_serials=False,
            )
        elif kind is StepKind.GENERATE_KEYS:
            self._with_quorum(
                step,
                everyone_need(self._definition_now()),
                lambda cards: self._run(
                    step,
                    lambda p: self._report_then(
                        p,
                        self.tr(
                            "Création de la clé du bureau et écriture d'une part sur chaque carte…"
                        ),
                        lambda: bureau.generate_keys(cards),
                    ),
                ),
            )
        elif kind is StepKind.TEST_VOTE:
            # Every card is opened and checked before the seal (issue 15): a bad card is found
            # while the key ceremony can still be run again.
            self._with_quorum(
                step,
                everyone_need(self._definition_now()),
                lambda cards: self._run(
                    step,
                    lambda p: self._report_then(
                        p,
                        self.tr(
                            "Vote à blanc : bulletins de test chiffrés, vérifiés puis dépouillés "
                            "avec les cartes présentes…"
                        ),
                        lambda: bureau.run_test_vote(cards),
                    ),
                ),
            )
        elif kind is StepKind.SIGN_SEAL:
            self._with_quorum(
                step,
                quorum_need(self._definition_now()),
                lambda cards: self._run(step, lambda _p: bureau.sign_seal(cards[0])),
                already=bureau.state.seal_signers,
                one=True,
            )
        elif kind is StepKind.EXPORT_SEAL:
            deliver = self.platform.deliver_seal(window)
            if deliver is None:
                self._cancelled()
                return

            def export(_p: Progress) -> object:
                return deliver(bureau.export_seal())  # where it went, when it is a file

            self._run(step, export)
        elif kind is StepKind.IMPORT_STATUS:
            read_status = self.platform.status(window, bureau)
            if read_status is None:
                self._cancelled()
                return
            self._import_file = getattr(self.platform, "last_chosen", None)
            self._run(step, lambda _p: bureau.import_status(read_status()))
        elif kind is StepKind.IMPORT_URN:
            self._import_urn(step)
        elif kind is StepKind.RECORD_EXPERT:
            training = self.platform.training
            expert = ExpertDialog(
                _DEMO_EXPERT if training else "", _DEMO_CONCLUSION if training else "", window
            )

            def record(values: tuple[str, str, bool]) -> None:
                name, conclusion, no_alteration = values
                self._run(
                    step,
                    lambda _p: bureau.record_expert(name, conclusion, no_alteration=no_alteration),
                )

            # Read on the GUI thread before the dialog is deleted; the job gets plain text.
            self._open_then(expert, expert.values, record)
        elif kind is StepKind.COUNT:

            def count(cards: list[PresentCard]) -> None:
                def work(progress: Progress) -> None:
                    progress.report(0.0, self.tr("Déchiffrement avec les cartes du quorum…"))
                    bureau.count(cards, progress=self._count_progress(progress), lots=self.lots)

                self._run(step, work)

            self._with_quorum(step, quorum_need(self._definition_now()), count)
        elif kind is StepKind.DECIDE:
            self._decide(step)
        elif kind is StepKind.MAKE_PV:
            self._run(step, lambda _p: bureau.make_pv())
        elif kind is StepKind.SIGN_PV:
            need = quorum_need(self._definition_now())
            if need.complete(bureau.state.pv_signatures):
                need = everyone_need(self._definition_now())  # a signature beyond the quorum
            self._with_quorum(
                step,
                need,
                lambda cards: self._run(step, lambda _p: bureau.sign_pv(cards[0])),
                already=bureau.state.pv_signatures,
                one=True,
            )
        elif kind is StepKind.EXPORT_RESULTS:
            # The engine signs the results with cards whose holders signed the PV.
            self._with_quorum(
                step,
                quorum_need(self._definition_now(), eligible=bureau.state.pv_signatures),
                lambda cards: self._run(
                    step,
                    lambda p: self._report_then(
                        p,
                        self.tr("Signature des résultats avec les cartes présentes…"),
                        lambda: bureau.export_results(cards),
                    ),
                ),
            )
        elif kind is StepKind.EXPORT_ARCHIVE:
            folder = self.platform.archive_folder(window)
            if folder is None:
                self._cancelled()
                return
            self._archive_folder = folder
            self._run(step, lambda _p: bureau.export_archive(folder))

    @staticmethod
    def _report_then(progress: Progress, message: str, work: Callable[[], T]) -> T:
        """Say what is being computed from the first second (never a bare "Démarrage…")."""
        progress.say(message)
        return work()

    def _count_progress(self, progress: Progress) -> Callable[[str, int, int], None]:
        from ceremony.workflow.count import ARCHIVE, DECRYPTION, RESULT

        messages = {
            DECRYPTION: self.tr("Déchiffrements partiels faits et vérifiés : étape %1 sur %2"),
            RESULT: self.tr("Résultats calculés, scrutin par scrutin : étape %1 sur %2"),
            ARCHIVE: self.tr("Archive de chaque scrutin écrite : étape %1 sur %2"),
        }

        def report(kind: str, done: int, total: int) -> None:
            template = messages.get(kind, self.tr("Dépouillement : étape %1 sur %2"))
            progress.report(done / total if total else 0.0, fill(template, str(done), str(total)))

        return report

    def _decide(self, step: Step) -> None:
        """Decision, reason and signer; then the folder, the card, and the engine in a job."""
        definition = self._definition_now()
        signers = heads(definition)
        lists = list_names(definition)
        dialog = DecisionDialog(
            [(m.member_id, f"{m.name} ({role_word(m, lists)})") for m in signers],
            self.bureau.allowed_decisions(),
            self.window,
        )
        bureau = self.bureau

        def read() -> tuple[str | None, str, str, str]:
            return (
                dialog.decision(),
                dialog.reason_text(),
                dialog.authorisation_text(),
                dialog.signer_id(),
            )

        def chosen(values: tuple[str | None, str, str, str]) -> None:
            decision, reason, authorisation, signer_id = values
            member = next(m for m in signers if m.member_id == signer_id)
            assert decision is not None
            number = len(bureau.state.decisions) + 1
            deliver = self.platform.deliver_decision(
                self.window, f"decision-{number:02d}-{decision}.zip"
            )
            if deliver is None:
                self._cancelled()
                return

            def sign(cards: list[PresentCard]) -> None:
                def work(_p: Progress) -> object:
                    return deliver(
                        bureau.export_decision(cards[0], decision, reason, authorisation)
                    )

                self._run(step, work)

            self._with_cards([member], sign)

        self._open_then(dialog, read, chosen)

    def _import_urn(self, step: Step) -> None:
        make = self.platform.urn(self.window, self.bureau)
        if make is None:
            self._cancelled()
            return
        bureau = self.bureau
        self._import_file = getattr(self.platform, "last_chosen", None)

        def work(progress: Progress) -> None:
            with tempfile.TemporaryDirectory(prefix="bureau-app-urn-") as scratch:
                progress.report(0.0, self.tr("Préparation de l'urne…"))
                path = make(Path(scratch))
                total = urn_ballots(path)
                seen = {"offset": 0, "last": 0}

                def ballots_done(done: int) -> None:
                    # The engine counts per contest; the bar counts the whole urn.
                    if done < seen["last"]:
                        seen["offset"] += seen["last"]
                    seen["last"] = done
                    # Safe: the engine stores nothing before every ballot is checked.
                    progress.check_cancelled()
                    checked = seen["offset"] + done
                    progress.report(
                        checked / total if total else 0.0,
                        fill(
                            self.tr("Vérification des bulletins : %1 sur %2"),
                            str(checked),
                            str(total),
                        ),
                    )

                bureau.import_urn_file(path, ballots_done)

        self._run(step, work, cancellable=True)

    def _member_name(self, member_id: str) -> str:
        definition = self.definition(self.bureau.state)
        members = definition.members if definition is not None else ()
        return next((m.name for m in members if m.member_id == member_id), member_id)

    def _definition_now(self) -> BureauDefinition:
        definition = self.definition(self.bureau.state)
        assert definition is not None
        return definition

    def _cancelled(self) -> None:
        log.info("step cancelled before it ran")
        self.busy = False

    def _open_then(
        self, dialog: QDialog, read: Callable[[], V], then: Callable[[V], object]
    ) -> None:
        """Open ``dialog``; once accepted, ``read()`` its values on the GUI thread before
        the dialog is deleted, and hand ``then`` those plain values (never the widgets)."""

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                dialog.deleteLater()
                self._cancelled()
                return
            values = read()
            dialog.deleteLater()
            then(values)

        dialog.finished.connect(finished)
        dialog.open()
        self._opened(dialog)

    def _with_cards(
        self,
        members: Sequence[Member],
        then: Callable[[list[PresentCard]], object],
        *,
        known_serials: bool = True,
    ) -> None:
        """Ask for each member's card in turn; ``then`` gets them all, or nothing happens."""
        source = self.card_source()
        registered = self.bureau.state.members
        collected: list[PresentCard] = []

        def ask(index: int) -> None:
            if index == len(members):
                then(collected)
                return
            member = members[index]
            serial = registered.get(member.member_id, {}).get("serial") if known_serials else None
            prompt = CardPromptDialog(
                expected_card(member, serial, list_names(self._definition_now())),
                source.events,
                self.window,
                reader=source.reader_widget(member.member_id),
            )
            if len(members) > 1:
                prompt.setWindowTitle(
                    fill(self.tr("Carte à insérer (%1 sur %2)"), str(index + 1), str(len(members)))
                )

            def finished(result: int) -> None:
                prompt.deleteLater()
                if result != QDialog.DialogCode.Accepted or prompt.inserted_serial is None:
                    self._cancelled()
                    return
                try:
                    client = source.client(prompt.inserted_serial)
                except Exception as error:  # noqa: BLE001 - shown to the bureau, step not run
                    self._failed(error)
                    return
                collected.append(PresentCard(member.member_id, client, self.pins))
                ask(index + 1)

            prompt.finished.connect(finished)
            prompt.open()
            log.info("card prompt opened: %s", member.member_id)
            self.card_prompt_opened.emit(prompt)

        ask(0)

    def _with_quorum(
        self,
        step: Step,
        need: Need,
        then: Callable[[list[PresentCard]], object],
        *,
        already: Collection[str] = (),
        one: bool = False,
    ) -> None:
        """Ask for any legal set of cards (``need``), each PIN checked as it comes; ``then``
        gets them, or nothing happens. The PINs are forgotten when the step ends."""
        source = self.card_source()
        definition = self._definition_now()
        state = self.bureau.state
        # Only the members present at the session bring a card; the prompt names the others.
        need, absent, absent_members = self.sessions.narrow(step, need)
        pins = StepPins(self.pins)
        self._step_pins = pins
        prompt = QuorumPromptDialog(
            step.label,
            need,
            events=source.events,
            serials={str(card["serial"]): mid for mid, card in state.members.items()},
            open_client=source.client,
            pins=pins,
            runner=self.window.runner,
            lists=list_names(definition),
            already=already,
            one=one,
            reader=source.reader_widget,
            absent=absent,
            absent_members=absent_members,
            on_card_event=lambda member_id, event, tries_left: self.bureau.record_card_event(
                member_id, event, step.kind.value, tries_left
            ),
            parent=self.window,
        )

        def finished(result: int) -> None:
            prompt.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                pins.forget()
                self._cancelled()
                self.window.statusBar().showMessage(
                    fill(self.tr("Annulé, rien n'a été enregistré : %1"), step.label), 10_000
                )
                return
            then(list(prompt.present))

        prompt.finished.connect(finished)
        prompt.open()
        log.info("quorum prompt opened: %s", step.kind.value)
        self.card_prompt_opened.emit(prompt)

    def _opened(self, dialog: QDialog) -> None:
        log.info("dialog opened: %s", type(dialog).__name__)
        self.dialog_opened.emit(dialog)

    def _run(
        self, step: Step, fn: Callable[[Progress], Any], *, cancellable: bool = False
    ) -> Job[Any]:
        job: Job[Any] = Job(fn, cancellable=cancellable)
        dialog = ProgressDialog(step.label, job, self.window)
        started = time.monotonic()
        job.succeeded.connect(lambda result: self._succeeded(step, started, result))
        job.failed.connect(self._failed)
        job.cancelled.connect(lambda: self._cancelled_job(step))
        dialog.open()
        self._opened(dialog)
        self.window.runner.start(job)
        return job

    def _forget_pins(self) -> None:
        if self._step_pins is not None:
            self._step_pins.forget()
            self._step_pins = None

    def _succeeded(self, step: Step, started: float, result: object = None) -> None:
        log.info("step finished: %s (%.1f s)", step.kind.value, time.monotonic() - started)
        self._forget_pins()
        self.busy = False
        self._import_file = None
        self.refresh()
        written = result if isinstance(result, Path) else None
        if step.kind is StepKind.EXPORT_ARCHIVE and self._archive_folder is not None:
            written = self._archive_folder
        if written is not None:
            # An export: where the file went stays on screen until the next message.
            self.window.statusBar().showMessage(
                fill(self.tr("Fait : %1. Écrit dans : %2"), step.label, str(written))
            )
        else:
            self.window.statusBar().showMessage(fill(self.tr("Fait : %1"), step.label), 10_000)
        self.step_finished.emit(step.kind.value)

    def _cancelled_job(self, step: Step) -> None:
        self._forget_pins()
        self.busy = False
        self._import_file = None
        self.refresh()
        self.window.statusBar().showMessage(
            fill(self.tr("Annulé, rien n'a été enregistré : %1"), step.label), 10_000
        )
        self.step_cancelled.emit(step.kind.value)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PinEntryCancelledError):
            # The member cancelled the code: a choice, not a problem to report.
            log.info("step stopped by a cancelled entry: %s", type(error).__name__)
            self._forget_pins()
            self.busy = False
            self.refresh()
            message = (
                self.tr(
                    "Tirage au sort interrompu : rien du tirage n'a été enregistré. "
                    "Relancez le dépouillement pour le refaire."
                )
                if isinstance(error, LotsEntryCancelledError)
                else self.tr(
                    "Saisie du code annulée : rien n'a été enregistré. Recommencez l'étape."
                )
            )
            self.window.statusBar().showMessage(message, 15_000)
            self.step_cancelled.emit("pin")
            return
        log.warning("step failed: %r", error, exc_info=error)
        self._forget_pins()
        self.busy = False
        if self._import_file is not None and isinstance(error, CeremonyError):
            error.bureau_file = self._import_file.name  # type: ignore[attr-defined]
        self._import_file = None
        self.refresh()
        self.last_error = ErrorDialog(error, self.window, advice=self._advice(error))
        self.last_error.open()
        self._opened(self.last_error)
        self.step_failed.emit(error)

    def _advice(self, error: BaseException) -> str:
        """The way on after a refusal, where the bureau has one."""
        state = self.bureau.state
        if (
            isinstance(error, PlatformKeyNotConfirmedError)
            and state.platform_key_id is not None
            and state.definition_blob is None
        ):
            return self.tr(
                "Si l'empreinte a été mal saisie, corrigez-la avec « Corriger l'empreinte de "
                "la plateforme », puis importez de nouveau la définition. Si elle est juste, "
                "n'allez pas plus loin et prévenez l'organisateur."
            )
        if isinstance(error, CardError):
            return self.tr(
                "Rien n'a été enregistré pour cette étape ; ce qui était fait avant le reste. "
                "Recommencez l'étape, avec la même carte ou celle d'un autre membre."
            )
        return ""

    # --- projection -------------------------------------------------------------------------

    def show_projection(self) -> None:
        from bureau_app.projection import open_projection

        self.projection = open_projection(
            self.window.results_view.contests, self.window, training=self.window.training
        )

    def close(self) -> None:
        self.pins.cancel_all()
        if self._cards is not None:
            self._cards.close()
