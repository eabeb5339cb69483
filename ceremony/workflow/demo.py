"""``bureau demo``: a whole ceremony with training cards and the platform simulator.

Every step goes through the same engine as a real election; the demo only
plays the people (members with training cards, the expert) and the platform.
It is resumable: each step is skipped when the journal says it is done, so a
demo killed at any point and run again ends with the same results.

Training PINs are derived from the demo seed in memory; they are never
written anywhere.
"""

from __future__ import annotations

import hashlib
import resource
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from ceremony.bundles.payloads.common import Intervention
from ceremony.bundles.payloads.definition import Schedule
from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.cards.training import TrainingCard
from ceremony.simulator.calendar import SimulatedCalendar, read_report
from ceremony.simulator.platform import PlatformSimulator
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource, KeySource
from ceremony.tally.errors import LotDrawRequiredError
from ceremony.workflow import rollcall
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.interventions import record_measures, reported
from ceremony.workflow.phases import Phase

DEMO_BUREAU = "csn"


class DemoPins:
    """A training member typing their PIN: derived from the demo seed, never stored."""

    def __init__(self, seed: str, member_id: str) -> None:
        self._digest = hashlib.sha256(f"{seed}:training-pin:{member_id}".encode()).digest()

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        if prompt.kind is PinKind.CURRENT_USER:
            return "123456"  # a new training card's factory PIN, replaced at once
        if prompt.kind is PinKind.CURRENT_ADMIN:
            return "12345678"
        number = int.from_bytes(
            self._digest[:8]
            if prompt.kind in (PinKind.ADMIN, PinKind.NEW_ADMIN)
            else self._digest[8:16],
            "big",
        )
        length = 8 if prompt.kind in (PinKind.ADMIN, PinKind.NEW_ADMIN) else 6
        return str(number % 10**length).zfill(length).replace("0", "7", 1)


@dataclass
class StepTimes:
    rows: list[tuple[str, float, int]] = field(default_factory=list)

    @contextmanager
    def step(self, name: str, out: TextIO) -> Iterator[None]:
        print(f"… {name}", file=out, flush=True)
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        peak = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        self.rows.append((name, elapsed, peak))
        print(f"  ✓ {name} ({elapsed:.1f} s)", file=out, flush=True)


def store_folder(out: Path) -> Path:
    """The demo bureau's working store, beside the archive folder."""
    return out.with_name(out.name + ".store")


def open_simulated_bureau(
    store_folder: Path, schedule: Schedule, key_source: KeySource | None = None
) -> Bureau:
    """A bureau whose clock is the simulated calendar (:mod:`ceremony.simulator.calendar`):
    sealing days before the opening, the count after the closing, whatever the wall clock.
    The calendar follows the ceremony's phase and resumes after the journal's last entry."""
    calendar = SimulatedCalendar(schedule)
    store = open_store(store_folder, now=calendar)
    entries = store.entries()
    calendar.resume_after(entries[-1].moment if entries else None)
    bureau = Bureau(store, now=calendar, key_source=key_source)
    calendar.phase = lambda: bureau.phase
    return bureau


def run_demo(
    out: Path,
    ballots: int,
    *,
    seed: str = "bureau-demo",
    stream: TextIO = sys.stdout,
    after_step: Callable[[str], None] | None = None,
    description: dict[str, Any] | None = None,
    cards: Mapping[str, PresentCard] | None = None,
    group: str | None = None,
) -> Bureau:
    """Run (or resume) the demo ceremony; return the engine over its store.

    ``cards`` replaces some members' training cards (e.g. OpenPGP cards in tests);
    ``group`` overrides the description's choice of Belenios group (Ed25519 by default).
    """
    times = StepTimes()
    work = store_folder(out)
    with times.step("Plateforme simulée : définition de l'élection", stream):
        simulator = PlatformSimulator(
            seed=seed,
            ballots=ballots,
            bureau_id=DEMO_BUREAU,
            description=description,
            group=group,
        )
    bureau = open_simulated_bureau(
        work / "store", simulator.bureau().schedule, FileKeySource(work / "workstation-key")
    )
    store = bureau.store
    hook = after_step or (lambda _name: None)
    try:
        _run(bureau, simulator, work, out, seed, times, stream, hook, cards or {})
    finally:
        store.close()
    print("\nTemps et mémoire par étape :", file=stream)
    for name, elapsed, peak in times.rows:
        print(f"  {name:<55} {elapsed:8.1f} s  {peak / 1024:8.0f} Mo", file=stream)
    return bureau


def _cards(bureau: Bureau, work: Path, seed: str) -> dict[str, PresentCard]:
    folder = work / "cartes-entrainement"
    folder.mkdir(parents=True, exist_ok=True)
    cards = {}
    for member in bureau.bureau_definition().members:
        path = folder / f"{member.member_id}.card"
        card = TrainingCard(path) if path.exists() else TrainingCard.create(path)
        cards[member.member_id] = PresentCard(
            member.member_id, card, DemoPins(seed, member.member_id)
        )
    return cards


def _run(
    bureau: Bureau,
    sim: PlatformSimulator,
    work: Path,
    out: Path,
    seed: str,
    times: StepTimes,
    stream: TextIO,
    hook: Callable[[str], None],
    given: Mapping[str, PresentCard],
) -> None:
    state = bureau.state
    if state.platform_key_id is None:
        with times.step("Empreinte de la clé de la plateforme confirmée", stream):
            bureau.confirm_platform_key(sim.platform_key_id)
        hook("platform_key")
    if bureau.state.definition_blob is None:
        with times.step("Définition importée et vérifiée", stream):
            bureau.import_definition(sim.definition_bundle(), DEMO_BUREAU)
        hook("definition")
    cards = {**_cards(bureau, work, seed), **given}
    for member_id, card in cards.items():
        if member_id not in bureau.state.members:
            with times.step(f"Carte de {member_id} initialisée et enregistrée", stream):
                bureau.register_member(card)
            hook(f"register:{member_id}")
    quorum = _quorum(bureau, cards)
    if bureau.phase is Phase.KEY_CEREMONY and "sealing" not in bureau.state.sessions:
        with times.step("Séance de scellement ouverte : appel des membres", stream):
            everyone = [m.member_id for m in bureau.bureau_definition().members]
            rollcall.open_session(bureau, "sealing", bureau.now(), everyone)
        hook("sealing_session")
    if bureau.phase is Phase.KEY_CEREMONY:
        with times.step("Cérémonie des clés (Single + Pedersen sur les cartes)", stream):
            bureau.generate_keys(list(cards.values()))
        hook("keys")
    if bureau.phase is Phase.TEST_VOTE:
        with times.step("Vote à blanc", stream):
            bureau.run_test_vote(list(cards.values()))
        hook("test_vote")
    if bureau.phase is Phase.SEALING:
        for card in quorum:
            if card.member_id not in bureau.state.seal_signers:
                with times.step(f"Scellement signé par {card.member_id}", stream):
                    bureau.sign_seal(card)
                hook(f"seal:{card.member_id}")
        with times.step("Paquet de scellement exporté", stream):
            bureau.export_seal()
        hook("seal_export")
    sealing_call = rollcall.roll_call(bureau.state, "sealing")
    if bureau.phase is Phase.VOTE_OPEN and sealing_call and sealing_call.closed_at is None:
        with times.step("Séance de scellement levée", stream):
            # Entered by the bureau: a few minutes after the seal, on the sealing day.
            sealed_at = bureau.store.entries()[-1].moment
            rollcall.close_session(bureau, "sealing", sealed_at + timedelta(minutes=3))
        hook("sealing_session_closed")
    state = bureau.state
    seal = bureau.sealed(state)
    assert state.seal_blob is not None and state.keys is not None
    sim.accept_seal(bureau.store.get_blob(state.seal_blob))
    schedule = bureau.bureau_definition(state).schedule
    calendar = bureau.now
    assert isinstance(calendar, SimulatedCalendar)
    imported = {s["sequence"] for s in state.statuses}
    votes = None
    if state.urn is None:
        with times.step(f"Plateforme simulée : {sim.ballots} votants", stream):
            votes = sim.cast_votes()
        midday = schedule.opening + (schedule.closing - schedule.opening) / 2
        reports = [
            (1, "open", schedule.opening, ()),
            (
                2,
                "open",
                midday,
                (
                    Intervention(
                        midday - timedelta(minutes=20),
                        "exploitant",
                        "Redémarrage planifié d’un serveur frontal, sans effet sur l’urne ; "
                        "service rétabli en deux minutes.",
                        "Bascule du trafic sur le second serveur frontal pendant le "
                        "redémarrage ; journaux du serveur conservés pour l’expert.",
                    ),
                ),
            ),
            (
                3,
                "closed",
                schedule.closing + timedelta(minutes=schedule.grace_minutes),
                (Intervention(_slow_page_at(schedule), "hébergeur", SLOW_PAGE),),
            ),
        ]
        for sequence, vote_state, as_of, interventions in reports:
            if sequence not in imported:
                # The bureau reads each report a few minutes after the platform issued it.
                read_report(calendar, as_of)
                with times.step(f"État du vote n° {sequence} importé", stream):
                    bureau.import_status(
                        sim.status_bundle(sequence, vote_state, as_of, votes, interventions)
                    )
                hook(f"status:{sequence}")
        if not any(r.measures for r in reported(bureau.store.entries()) if r.actor == "hébergeur"):
            # The platform's last report gives no measures for this one: the bureau enters
            # them as the operator reported them by telephone.
            with times.step("Mesures prises après une intervention consignées", stream):
                record_measures(bureau, _slow_page_at(schedule), SLOW_PAGE_MEASURES)
            hook("intervention_measures")
        with times.step("Plateforme simulée : bulletins chiffrés, urne close", stream):
            elections = {u: bureau.store.get_blob(b) for u, b in state.keys["elections"].items()}
            urn = sim.urn_bundle(
                seal, bureau.store.get_blob(state.keys["trustees"]), elections, votes
            )
        progress = _Progress(stream)
        with times.step("Urne importée et chaque bulletin vérifié", stream):
            bureau.import_urn(urn, progress)
        hook("urn")
    if bureau.phase is Phase.EXPERT and "count" not in bureau.state.sessions:
        with times.step("Séance de dépouillement ouverte : appel des membres", stream):
            _open_count_session(bureau)
        hook("count_session")
    count_call = rollcall.roll_call(bureau.state, "count")
    late = count_call is not None and count_call.absent and not count_call.arrivals
    if bureau.phase is Phase.EXPERT and late:
        assert count_call is not None
        with times.step("Arrivée d’un délégué consignée", stream):
            _record_late_arrival(bureau, count_call)
        hook("count_arrival")
    if bureau.phase is Phase.EXPERT:
        with times.step("Conclusions de l'expert consignées", stream):
            bureau.record_expert(
                "M. Luc Garnier, expert indépendant",
                "Les scellements sont intacts et la solution de vote n’a fait l’objet "
                "d’aucune altération.",
                no_alteration=True,
            )
        hook("expert")
    if bureau.phase is Phase.COUNT:
        with times.step("Dépouillement : déchiffrement par le quorum de cartes", stream):
            try:
                bureau.count(quorum)
            except LotDrawRequiredError as tie:
                # Played in public in a real count: here the seed comes from the demo's.
                lot_seed = hashlib.sha256(f"{seed}:tirage-au-sort".encode()).hexdigest()[:16]
                print(
                    f"  Égalité parfaite ({', '.join(tie.tied_lists)}) : tirage au sort "
                    f"public, graine {lot_seed}",
                    file=stream,
                )
                bureau.count(quorum, lot_seed=lot_seed)
        hook("count")
    if bureau.phase is Phase.PV:
        count_call = rollcall.roll_call(bureau.state, "count")
        if count_call is not None and count_call.closed_at is None:
            # The closing time is entered before the PV is drawn: the PV states it.
            with times.step("Séance de dépouillement levée", stream):
                _close_count_session(bureau)
            hook("count_session_closed")
        if bureau.state.pv is None:
            with times.step("Procès-verbal établi", stream):
                bureau.make_pv()
            hook("pv")
        signers = rollcall.present_members(bureau.state, "count") or frozenset()
        for member_id in sorted(signers | {c.member_id for c in quorum}):
            if member_id not in bureau.state.pv_signatures:
                with times.step(f"Procès-verbal signé par {member_id}", stream):
                    bureau.sign_pv(cards[member_id])
                hook(f"pv_sign:{member_id}")
        with times.step("Paquet des résultats exporté", stream):
            bureau.export_results(quorum)
        hook("results")
    with times.step("Archive de la cérémonie écrite", stream):
        bureau.export_archive(out)
    hook("archive")


def _slow_page_at(schedule: Schedule) -> datetime:
    return schedule.closing - timedelta(hours=2, minutes=10)


SLOW_PAGE = "Ralentissement de la page de confirmation du vote pendant six minutes."
SLOW_PAGE_MEASURES = (
    "Ajout d’une instance du service de confirmation ; aucun bulletin perdu, les électeurs "
    "concernés ont reçu leur accusé de réception."
)


def _open_count_session(bureau: Bureau) -> None:
    """The demo's count session: a delegate replaced by the substitute their union named
    (art. 9), another arriving a few minutes after the roll-call (recorded at the close)."""
    members = bureau.bureau_definition().members
    delegates = [m.member_id for m in members if m.role == "delegate"]
    heads = [m.member_id for m in members if m.role != "delegate"]
    replaced = {delegates[-1]: SUBSTITUTE} if len(delegates) > 2 else {}
    late = delegates[1:2] if len(delegates) > 1 else []
    present = [*heads, *(d for d in delegates if d not in replaced and d not in late)]
    rollcall.open_session(bureau, "count", bureau.now(), present, late, replaced)


SUBSTITUTE = "Dr Marc Lefort, délégué suppléant désigné par son organisation syndicale"


def _record_late_arrival(bureau: Bureau, call: rollcall.RollCall) -> None:
    """The late delegate arrives four minutes after the roll-call, before the urn is opened
    with their card: the arrival is entered when it happens."""
    calendar = bureau.now
    assert isinstance(calendar, SimulatedCalendar)
    arrived_at = call.opened_at + timedelta(minutes=4)
    calendar.advance_to(arrived_at)
    for member_id in call.absent:
        rollcall.record_movement(
            bureau, "count", "arrivals", rollcall.Movement(member_id, arrived_at)
        )


def _close_count_session(bureau: Bureau) -> None:
    rollcall.close_session(bureau, "count", bureau.now())


def _quorum(bureau: Bureau, cards: dict[str, PresentCard]) -> list[PresentCard]:
    definition = bureau.bureau_definition()
    president = next(m.member_id for m in definition.members if m.role == "president")
    delegates = [m.member_id for m in definition.members if m.role == "delegate"]
    return [cards[president], *(cards[d] for d in delegates[: definition.delegate_quorum])]


class _Progress:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.start = time.perf_counter()

    def __call__(self, done: int) -> None:
        if done % 1000 == 0:
            rate = done / max(time.perf_counter() - self.start, 1e-9)
            print(f"    {done} bulletins vérifiés ({rate:.0f}/s)", file=self.stream, flush=True)
