"""What the procès-verbal is drawn from: plain data the ceremony engine fills.

Times are timezone-aware datetimes (printed in Paris time); event texts are
French sentences written by the engine from the journal, in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from ceremony.report.errors import InvalidReportDataError
from ceremony.tally.results import ContestResult

EventKind = Literal[
    "session",
    "closing",
    "seal",
    "test_vote",
    "status_check",
    "intervention",
    "decision",
    "expert_conclusion",
    "urn_opening",
    "tally",
    "lot_drawing",
    "finding",
]

EVENT_LABELS: dict[EventKind, str] = {
    "session": "Séance",
    "closing": "Clôture du vote",
    "seal": "Scellement",
    "test_vote": "Vote à blanc",
    "status_check": "Contrôle",
    "intervention": "Intervention sur le système",
    "decision": "Décision du bureau",
    "expert_conclusion": "Conclusions de l’expert",
    "urn_opening": "Ouverture de l’urne",
    "tally": "Dépouillement",
    "lot_drawing": "Tirage au sort",
    "finding": "Constatation",
}


def _dt(text: object) -> datetime:
    return datetime.fromisoformat(str(text))


def _kind(name: object) -> EventKind:
    for kind in EVENT_LABELS:
        if kind == name:
            return kind
    raise InvalidReportDataError(f"unknown event kind {name!r}")


@dataclass(frozen=True)
class Member:
    """A member of the bureau; ``role`` is the printed French title."""

    member_id: str
    name: str
    role: str
    represents: str = ""
    must_sign: bool = True
    civility: str = ""
    """"Mme" or "M." from the definition (words about the member agree); "" neutral."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "member_id": self.member_id,
            "name": self.name,
            "role": self.role,
            "represents": self.represents,
            "must_sign": self.must_sign,
        }
        if self.civility:
            out["civility"] = self.civility
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Member:
        return cls(
            str(data["member_id"]),
            str(data["name"]),
            str(data["role"]),
            str(data.get("represents", "")),
            bool(data.get("must_sign", True)),
            str(data.get("civility", "")),
        )


@dataclass(frozen=True)
class Session:
    """A public session of the bureau and its roll-call (``held_at``: its opening).

    ``recorded`` False: no roll-call was entered, so presence is not established
    (the PV says so rather than guess it from the cards used).
    """

    title: str
    held_at: datetime
    present: tuple[str, ...]
    closed_at: datetime | None = None
    place: str = ""
    absent: tuple[str, ...] = ()
    replaced: tuple[tuple[str, str], ...] = ()
    """(member id, who stands in)."""
    arrivals: tuple[tuple[str, datetime], ...] = ()
    departures: tuple[tuple[str, datetime], ...] = ()
    recorded: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "held_at": self.held_at.isoformat(),
            "present": list(self.present),
            "closed_at": None if self.closed_at is None else self.closed_at.isoformat(),
            "place": self.place,
            "absent": list(self.absent),
            "replaced": [list(r) for r in self.replaced],
            "arrivals": [[m, t.isoformat()] for m, t in self.arrivals],
            "departures": [[m, t.isoformat()] for m, t in self.departures],
            "recorded": self.recorded,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Session:
        closed = data.get("closed_at")
        return cls(
            str(data["title"]),
            _dt(data["held_at"]),
            tuple(data["present"]),
            None if closed is None else _dt(closed),
            str(data.get("place", "")),
            tuple(data.get("absent", ())),
            tuple((str(m), str(w)) for m, w in data.get("replaced", ())),
            tuple((str(m), _dt(t)) for m, t in data.get("arrivals", ())),
            tuple((str(m), _dt(t)) for m, t in data.get("departures", ())),
            bool(data.get("recorded", True)),
        )


@dataclass(frozen=True)
class Elected:
    """The candidates a list gets elected, by name, in the list's order."""

    contest_id: str
    list_name: str
    names: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_id": self.contest_id,
            "list_name": self.list_name,
            "names": list(self.names),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Elected:
        return cls(str(data["contest_id"]), str(data["list_name"]), tuple(data["names"]))


@dataclass(frozen=True)
class RecordNotes:
    """What the arrêté asks the PV to say beyond the figures (art. 5, 22, 23)."""

    unrepresented_lists: tuple[str, ...] = ()
    """Lists without a delegate in the bureau."""
    publication: str = ""
    """Where the results are published; the five days to contest run from then."""
    elected: tuple[Elected, ...] = ()
    short_lists: tuple[tuple[str, str, int], ...] = ()
    """(contest id, list name, candidates presented) of lists capped by their candidates."""
    sealed: tuple[tuple[str, str], ...] = ()
    """(what, SHA-256) of each item sealed at the sealing session (art. 15)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "unrepresented_lists": list(self.unrepresented_lists),
            "publication": self.publication,
            "elected": [e.to_dict() for e in self.elected],
            "short_lists": [list(s) for s in self.short_lists],
            "sealed": [list(s) for s in self.sealed],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecordNotes:
        return cls(
            tuple(data.get("unrepresented_lists", ())),
            str(data.get("publication", "")),
            tuple(Elected.from_dict(e) for e in data.get("elected", ())),
            tuple((str(c), str(n), int(k)) for c, n, k in data.get("short_lists", ())),
            tuple((str(w), str(h)) for w, h in data.get("sealed", ())),
        )


@dataclass(frozen=True)
class PvEvent:
    """One dated finding or event, as recorded in the journal."""

    at: datetime
    kind: EventKind
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PvEvent:
        return cls(_dt(data["at"]), _kind(data["kind"]), str(data["text"]))


@dataclass(frozen=True)
class Fingerprint:
    """A hash tying the PV to the record (election fingerprint, seal, archive)."""

    label: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "value": self.value}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fingerprint:
        return cls(str(data["label"]), str(data["value"]))


@dataclass(frozen=True)
class MemberSignature:
    """A member's card signature over the PV (the engine has verified it)."""

    member_id: str
    signed_at: datetime
    key_id: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "member_id": self.member_id,
            "signed_at": self.signed_at.isoformat(),
            "key_id": self.key_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MemberSignature:
        return cls(str(data["member_id"]), _dt(data["signed_at"]), str(data["key_id"]))


@dataclass(frozen=True)
class PvData:
    """Everything one bureau's procès-verbal shows.

    ``signed_sha256`` is the hash of the unsigned PV the members signed; it is
    given (with ``signatures``) when the signed edition is drawn.
    """

    organiser: str
    instance: str
    bureau_name: str
    place: str
    voting_opens: datetime
    voting_closes: datetime
    drawn_up_at: datetime
    members: tuple[Member, ...]
    sessions: tuple[Session, ...]
    events: tuple[PvEvent, ...]
    results: tuple[ContestResult, ...]
    fingerprints: tuple[Fingerprint, ...]
    signatures: tuple[MemberSignature, ...] = ()
    signed_sha256: str | None = None
    notes: RecordNotes = RecordNotes()
    signers: tuple[str, ...] | None = None
    """Member ids who sign (present at the count session); None: every member's line."""
    training: bool = False
    """Made in training (simulated platform): every page carries the training mark."""

    def __post_init__(self) -> None:
        ids = {m.member_id for m in self.members}
        if len(ids) != len(self.members):
            raise InvalidReportDataError("duplicate member ids")
        for session in self.sessions:
            if not set(session.present) <= ids:
                raise InvalidReportDataError(f"unknown member present at {session.title!r}")
        for signature in self.signatures:
            if signature.member_id not in ids:
                raise InvalidReportDataError(f"signature of unknown member {signature.member_id}")
        if self.signatures and self.signed_sha256 is None:
            raise InvalidReportDataError("signatures given without the signed PV hash")
        if list(self.events) != sorted(self.events, key=lambda e: e.at):
            raise InvalidReportDataError("events are not in chronological order")

    def to_dict(self) -> dict[str, Any]:
        return {
            "organiser": self.organiser,
            "instance": self.instance,
            "bureau_name": self.bureau_name,
            "place": self.place,
            "voting_opens": self.voting_opens.isoformat(),
            "voting_closes": self.voting_closes.isoformat(),
            "drawn_up_at": self.drawn_up_at.isoformat(),
            "members": [m.to_dict() for m in self.members],
            "sessions": [s.to_dict() for s in self.sessions],
            "events": [e.to_dict() for e in self.events],
            "results": [r.to_dict() for r in self.results],
            "fingerprints": [f.to_dict() for f in self.fingerprints],
            "signatures": [s.to_dict() for s in self.signatures],
            "signed_sha256": self.signed_sha256,
            "notes": self.notes.to_dict(),
            "signers": None if self.signers is None else list(self.signers),
            # Only when set: a real ceremony's PV data hash the same as before.
            **({"training": True} if self.training else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PvData:
        return cls(
            organiser=str(data["organiser"]),
            instance=str(data["instance"]),
            bureau_name=str(data["bureau_name"]),
            place=str(data["place"]),
            voting_opens=_dt(data["voting_opens"]),
            voting_closes=_dt(data["voting_closes"]),
            drawn_up_at=_dt(data["drawn_up_at"]),
            members=tuple(Member.from_dict(m) for m in data["members"]),
            sessions=tuple(Session.from_dict(s) for s in data["sessions"]),
            events=tuple(PvEvent.from_dict(e) for e in data["events"]),
            results=tuple(ContestResult.from_dict(r) for r in data["results"]),
            fingerprints=tuple(Fingerprint.from_dict(f) for f in data["fingerprints"]),
            signatures=tuple(MemberSignature.from_dict(s) for s in data.get("signatures", [])),
            signed_sha256=data.get("signed_sha256"),
            notes=RecordNotes.from_dict(data.get("notes", {})),
            signers=None if data.get("signers") is None else tuple(data["signers"]),
            training=bool(data.get("training", False)),
        )
