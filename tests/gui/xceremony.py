"""A whole training ceremony in the real `bureau-app`, with the keyboard only (xdotool).

The members are played from outside the process: they read the application's
log to know what it asks, and press keys in the active window. ``Plan`` adds
the incidents of a real session: a typo in the fingerprint, corrected; a wrong
PIN; a cancelled PIN; the secretary opening instead of the president; an absent
delegate replaced by another.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.workflow.demo import DemoPins
from tests.gui.xsession import SEED, AppFailedError, XSession

# The demo bureau's members, in the definition's order (the training reader's order).
MEMBERS = ("presidente", "secretaire", "del-aph", "del-inph", "del-cmh-snam")
WRONG_PIN = "97531864"
LAST_STEP = "export_archive"


@dataclass
class Plan:
    """What goes differently from the plain path, step kind → what happens."""

    fingerprint_typo: bool = False
    cards: dict[str, list[str]] = field(default_factory=dict)
    """Step kind → the members who come, in order (default: whom the reader proposes)."""
    wrong_pin: set[str] = field(default_factory=set)
    """Step kinds where the first code typed is wrong (then retyped with "Ressaisir")."""
    cancel_pin: set[str] = field(default_factory=set)
    """Step kinds where the first code is cancelled (then retyped with "Ressaisir")."""
    cancel_lots: bool = False
    """The first value of a drawing of lots is cancelled: the count stops, then is redone."""
    roll_calls: dict[str, dict[str, str]] = field(default_factory=dict)
    """Session → member → "absent", "replaced" (the president: by the secretary) or
    "replaced:Name" (a delegate by the substitute their union named); others present."""
    arrivals: dict[str, list[str]] = field(default_factory=dict)
    """Session → members whose arrival is entered right after the call (Ctrl+Maj+M)."""


INCIDENTS = Plan(
    fingerprint_typo=True,
    roll_calls={
        # Dr Perrin is late for the sealing session: absent at the call, his arrival is
        # entered before the key ceremony (which takes every card).
        "sealing": {"del-inph": "absent"},
        # At the count the president is absent, replaced by the secretary (art. 5), and
        # Dr Perrin is absent.
        "count": {"presidente": "replaced", "del-inph": "absent"},
    },
    arrivals={"sealing": ["del-inph"]},
    cards={
        # The test vote takes every member's card, in whatever order they come.
        "test_vote": ["secretaire", "del-aph", "del-inph", "presidente", "del-cmh-snam"],
        # At the count the president is absent: the secretary opens; and Dr Perrin
        # (del-inph) is absent: Dr Benali replaces him.
        "count": ["secretaire", "del-aph", "del-cmh-snam"],
    },
    wrong_pin={"sign_seal"},
    cancel_pin={"count"},
)


@dataclass
class CeremonyRun:
    x: XSession
    fingerprint: str
    plan: Plan = field(default_factory=Plan)
    shots: Path | None = None
    steps: list[str] = field(default_factory=list)
    incidents: list[str] = field(default_factory=list)
    checked: dict[str, list[str]] = field(default_factory=dict)
    lots: list[tuple[str, str]] = field(default_factory=list)
    """(member, "commit" | "reveal") for each value typed in a drawing of lots."""
    _step: str = ""
    _lots_cancelled: bool = False
    _inserted: int = 0
    _pin_trouble_done: set[str] = field(default_factory=set)
    _shot_names: set[str] = field(default_factory=set)
    _serials: dict[str, str] = field(default_factory=dict)
    _sessions: list[str] = field(default_factory=list)
    """The sessions opened so far, in order ("sealing", then "count")."""
    _arrivals: list[str] = field(default_factory=list)
    """Arrivals still to enter in the session just opened."""
    roll_call_keys: list[str] = field(default_factory=list)
    """What was done at each roll-call, for the test to check."""

    # --- screenshots ----------------------------------------------------------------------

    def shot(self, name: str) -> None:
        if self.shots is None or name in self._shot_names:
            return
        self._shot_names.add(name)
        width, height = self.x.size
        self.x.screenshot(self.shots / f"{width}x{height}-{len(self._shot_names):02d}-{name}.png")

    # --- the members' answers ----------------------------------------------------------------

    def member_of(self, serial: str) -> str:
        if serial not in self._serials:
            from ceremony.cards.training import TrainingCard

            folder = self.x.folder / "demo" / "cartes-entrainement"
            for path in folder.glob("*.card"):
                self._serials[TrainingCard(path).serial] = path.stem
        return self._serials[serial]

    def next_action(self) -> None:
        self.x.wait_window("Bureau de vote")
        self.shot(f"main-{len(self.steps) + 1:02d}")
        self.x.key("ctrl+Return")

    def fingerprint_dialog(self) -> None:
        self.x.wait_window("Empreinte")
        groups = self.fingerprint
        if self.plan.fingerprint_typo:
            # The last character wrong: "Différente", the Confirm button stays disabled.
            wrong = "0" if groups[-1] != "0" else "1"
            self.x.type(groups[:-1] + wrong)
            self.shot("fingerprint-typo")
            self.x.key("Return")  # refused: nothing is recorded
            time.sleep(0.3)
            self.x.key("BackSpace")
            self.x.type(groups[-1])
            self.incidents.append("fingerprint typo corrected")
        else:
            self.x.type(groups)
        self.shot("fingerprint-typed")
        self.x.key("Return")

    def insert_card(self) -> None:
        self.x.wait_window(_title_hint(self._step))
        wanted = self.plan.cards.get(self._step)
        if wanted is not None and self._inserted < len(wanted):
            member = wanted[self._inserted]
            self.x.key("alt+t", "Home", *(["Down"] * MEMBERS.index(member)))
            self.shot(f"quorum-{self._step}-{member}")
            self.x.key("alt+i")
        else:
            self.shot(f"quorum-{self._step}")
            self.x.key("Return")
        self._inserted += 1

    def answer_pin(self, serial: str, kind: str) -> None:
        self.x.wait_window("Code de la carte")
        member = self.member_of(serial)
        pin_kind = PinKind(kind)
        pin = DemoPins(SEED, member).get_pin(PinPrompt(pin_kind, "", serial), None)
        trouble = self._step not in self._pin_trouble_done and pin_kind is PinKind.USER
        if trouble and self._step in self.plan.cancel_pin:
            self._pin_trouble_done.add(self._step)
            self.shot("pin-before-cancel")
            self.x.key("Escape")
            self.incidents.append(f"{self._step}: PIN of {member} cancelled")
            return
        if trouble and self._step in self.plan.wrong_pin:
            self._pin_trouble_done.add(self._step)
            self.x.type(WRONG_PIN)
            self.x.key("Return")
            self.incidents.append(f"{self._step}: wrong PIN for {member}")
            return
        self.x.type(pin)
        if pin_kind in (PinKind.NEW_USER, PinKind.NEW_ADMIN):
            self.x.key("Tab")
            self.x.type(pin)
        self.shot(f"pin-{kind}")
        self.x.key("Return")

    def lots_value(self, member: str, phase: str) -> None:
        """A tie in the count: each member present types a value, then reveals it."""
        self.x.wait_window("Tirage au sort")
        if self.plan.cancel_lots and not self._lots_cancelled:
            self._lots_cancelled = True
            self.shot("lots-before-cancel")
            self.x.key("Escape")
            self.incidents.append(f"lots value of {member} cancelled")
            return
        self.shot(f"lots-{phase}-{member}")
        self.x.type(lots_value(member))
        self.x.key("Return")
        self.lots.append((member, phase))

    def open_session(self) -> None:
        """The call: the focus starts on the president's line; a letter picks the state
        ("a" absent, "r" replaced), Tab goes to the next line (or the substitute's name)."""
        self.x.wait_window("Appel des membres")
        session = "sealing" if not self._sessions else "count"
        self._sessions.append(session)
        plan = self.plan.roll_calls.get(session, {})
        for index, member in enumerate(MEMBERS):
            state = plan.get(member, "present")
            if state == "absent":
                self.x.type("a")
            elif state.startswith("replaced"):
                self.x.type("r")
                _, _, substitute = state.partition(":")
                if substitute:
                    self.x.key("Tab")
                    self.x.type(substitute)
            if index < len(MEMBERS) - 1:
                self.x.key("Tab")
            self.roll_call_keys.append(f"{session}:{member}:{state}")
        self.shot(f"rollcall-open-{session}")
        self.x.key("Return")
        self._arrivals = list(self.plan.arrivals.get(session, []))

    def movement(self) -> None:
        """An arrival: the only absent member is proposed, at the time of the clock."""
        self.x.wait_window("Arrivée ou départ")
        self.shot(f"rollcall-arrival-{self._sessions[-1]}")
        self.x.key("Return")

    def close_session(self) -> None:
        self.x.wait_window("Lever la")
        self.shot(f"rollcall-close-{self._sessions[-1]}")
        self.x.key("Return")

    def results_page(self) -> None:
        """The results open by themselves after the count; Ctrl+Entrée is "Continuer"."""
        self.x.wait_for(r"page shown: results", timeout=30)
        self.x.wait_window("Bureau de vote")
        self.shot("results")
        self.x.key("ctrl+Return")
        self.incidents.append("results shown after the count")

    def retry_pin(self, member: str) -> None:
        self.x.wait_window(_title_hint(self._step))
        self.shot(f"quorum-after-pin-trouble-{self._step}")
        self.x.key("alt+r")  # "Ressaisir le code de …"
        self.incidents.append(f"{self._step}: PIN of {member} typed again")

    # --- the ceremony -----------------------------------------------------------------------

    def run(self, timeout: float = 900) -> list[str]:
        deadline = time.monotonic() + timeout
        self.next_action()
        while time.monotonic() < deadline:
            line = self.x.wait_for(
                r"step started: (\w+)|step finished: (\w+)|dialog opened: (\w+)"
                r"|card prompt opened|quorum prompt opened: (\w+)"
                r"|quorum prompt: card of ([\w-]+) (checked, more needed|checked, complete"
                r"|not taken: (\w+))|PIN asked: card (\S+), ([\w-]+)"
                r"|lots value asked: ([\w-]+), (\w+)|step stopped by a cancelled entry: (\w+)",
                timeout=max(1.0, deadline - time.monotonic()),
            )
            text = line.group(0)
            if text.startswith("step started"):
                self._step = line.group(1)
                self._inserted = 0
            elif text.startswith("step finished"):
                self.steps.append(line.group(2))
                if line.group(2) == LAST_STEP:
                    self.shot("main-finished")
                    return self.steps
                if line.group(2) == "count":
                    self.results_page()
                if line.group(2) in ("open_session", "session_movement") and self._arrivals:
                    member = self._arrivals.pop(0)
                    self.x.wait_window("Bureau de vote")
                    self.shot(f"main-before-arrival-{member}")
                    self.x.key("ctrl+shift+m")  # Séance ▸ Arrivée ou départ d'un membre
                    self.incidents.append(f"arrival of {member} entered")
                    continue
                self.next_action()
            elif text.startswith("dialog opened"):
                kind = line.group(3)
                if kind == "FingerprintDialog":
                    self.fingerprint_dialog()
                elif kind == "ExpertDialog":
                    self.x.wait_window("Conclusions")
                    self.shot("expert")
                    self.x.key("Return")
                elif kind == "SessionOpenDialog":
                    self.open_session()
                elif kind == "SessionCloseDialog":
                    self.close_session()
                elif kind == "MovementDialog":
                    self.movement()
                elif kind == "ErrorDialog":
                    raise AppFailedError(f"error dialog at {self._step}:\n{self.x.log_tail()}")
            elif text.startswith("card prompt opened"):
                self.x.wait_window("Carte à insérer")
                self.shot("card-prompt")
                self.x.key("Return")
            elif text.startswith("quorum prompt opened"):
                self.insert_card()
            elif text.startswith("quorum prompt: card of"):
                member, what = line.group(5), line.group(6)
                if what.startswith("checked"):
                    self.checked.setdefault(self._step, []).append(member)
                    if what.endswith("more needed"):
                        self.insert_card()
                else:
                    self.retry_pin(member)
            elif text.startswith("PIN asked"):
                self.answer_pin(line.group(8), line.group(9))
            elif text.startswith("lots value asked"):
                self.lots_value(line.group(10), line.group(11))
            elif text.startswith("step stopped by a cancelled entry"):
                # Nothing of the count was kept: the bureau starts it again.
                self.incidents.append(f"{self._step} stopped by {line.group(12)}, redone")
                self.next_action()
        raise AssertionError(f"the ceremony did not end in time; steps: {self.steps}")


def _title_hint(step: str) -> str:
    return {
        "generate_keys": "Créer les clés",
        "test_vote": "vote à blanc",
        "sign_seal": "Signer le scellement",
        "count": "dépouiller",
        # "Signer le procès-verbal avec une carte du quorum", then "Faire signer le
        # procès-verbal par chaque membre présent" (every member present at the count signs).
        "sign_pv": "procès-verbal",
        "export_results": "résultats",
    }.get(step, "")


def lots_value(member: str) -> str:
    """The value a member types for the drawing of lots (the same at commit and reveal)."""
    return f"valeur-{member}-2026"


def platform_fingerprint() -> str:
    """What the simulated organiser reads out (the simulator of `bureau-app --demo`)."""
    from ceremony.simulator.platform import PlatformSimulator
    from tests.gui.xsession import BALLOTS

    return PlatformSimulator(seed=SEED, ballots=BALLOTS, workers=1).platform_key_id


def failures_in_log(text: str) -> list[str]:
    return re.findall(r".*(?:erreur inattendue|unexpected exception|Fatal Python error).*", text)
