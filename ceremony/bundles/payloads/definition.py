"""The definition bundle's payload, ``definition.json`` (platform → bureau).

It describes every bureau of the election: members and roles, scrutins
(contests) with their candidate lists in the drawn order, electors, times,
seats and seat rules, manifestos and logos (attached files), and names the
platform key and the voting software fingerprint, and the Belenios group of
the elections (``group``: Ed25519 or BELENIOS-2048; a definition written
before this field existed has none and means BELENIOS-2048).

Times are Europe/Paris local times written with their offset
(``2024-12-02T09:00:00+01:00``); the grace period is in minutes.

Unions: a list carries one or more unions with integer shares; a common list's
vote-split key is ``share / sum(shares)`` (e.g. ``[["A", 1], ["B", 1]]`` splits
equally). Seat rules name the method and the ordered tie-break rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.keys import PublicKey
from ceremony.bundles.payloads.common import (
    MEMBER_ROLES,
    FileRef,
    SoftwareFingerprint,
    public_key,
    reader,
)
from ceremony.bundles.schema import ID_RE, SHA256_RE, Reader, paris_text, unique

PAYLOAD_NAME: Final = "definition.json"
GENDERS: Final = frozenset({"F", "M"})
SEAT_METHODS: Final = frozenset({"quotient_highest_average"})
"""The methods the count computes: anything else is refused at import, before sealing."""
TIE_BREAKS: Final = frozenset({"most_votes", "most_candidates", "drawing_of_lots"})
"""The tie-break rules the count applies (``drawing_of_lots`` must come last)."""
REVOTE_POLICIES: Final = frozenset({"none", "last"})
"""``none``: a validated vote is final (art. 17 of the 2019 arrêté), an urn holding two
ballots for one credential is refused; ``last``: Belenios counts each credential's last."""
MAX_GRACE_MINUTES: Final = 240
GROUPS: Final = frozenset({"Ed25519", "BELENIOS-2048"})
"""The Belenios groups a definition may choose for its elections (§4.10 ``group``)."""
LEGACY_GROUP: Final = "BELENIOS-2048"
"""The group of a definition without a ``group`` field (written before it existed)."""


class UnsupportedSeatRuleError(PayloadSchemaError):
    """A seat method or tie-break the count does not compute: refused at import, not at
    the count (after sealing, too late to correct the definition)."""

    default_message = (
        "La définition nomme une règle de répartition des sièges que Bureau ne calcule pas. "
        "Elle est refusée avant le scellement ; demandez à l'organisateur de la corriger."
    )


@dataclass(frozen=True)
class Candidate:
    name: str
    gender: str

    def to_dict(self) -> dict[str, Any]:
        return {"gender": self.gender, "name": self.name}

    @classmethod
    def from_reader(cls, r: Reader) -> Candidate:
        r.keys({"gender", "name"})
        return cls(r.text("name"), r.choice("gender", GENDERS))


@dataclass(frozen=True)
class UnionShare:
    """A union presenting the list, and its share of the list's votes."""

    name: str
    share: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "share": self.share}

    @classmethod
    def from_reader(cls, r: Reader) -> UnionShare:
        r.keys({"name", "share"})
        return cls(r.text("name"), r.integer("share", minimum=1, maximum=1_000_000))


@dataclass(frozen=True)
class CandidateList:
    list_id: str
    name: str
    unions: tuple[UnionShare, ...]
    candidates: tuple[Candidate, ...]
    manifesto: FileRef | None
    logo: FileRef | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "candidates": [c.to_dict() for c in self.candidates],
            "list_id": self.list_id,
            "logo": self.logo.to_dict() if self.logo else None,
            "manifesto": self.manifesto.to_dict() if self.manifesto else None,
            "name": self.name,
            "unions": [u.to_dict() for u in self.unions],
        }

    @classmethod
    def from_reader(cls, r: Reader) -> CandidateList:
        r.keys({"candidates", "list_id", "logo", "manifesto", "name", "unions"})
        unions = r.objects("unions", UnionShare.from_reader, max_items=50)
        candidates = r.objects("candidates", Candidate.from_reader, max_items=1000)
        if not unions or not candidates:
            raise r.fail("a list needs at least one union and one candidate")
        unique([u.name for u in unions], PayloadSchemaError, f"{r.where}.unions")
        return cls(
            r.text("list_id", pattern=ID_RE),
            r.text("name"),
            unions,
            candidates,
            None if r.data["manifesto"] is None else FileRef.from_reader(r.child("manifesto")),
            None if r.data["logo"] is None else FileRef.from_reader(r.child("logo")),
        )


@dataclass(frozen=True)
class SeatRule:
    method: str
    tie_breaks: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "tie_breaks": list(self.tie_breaks)}

    @classmethod
    def from_reader(cls, r: Reader) -> SeatRule:
        r.keys({"method", "tie_breaks"})
        tie_breaks = r.texts("tie_breaks")
        method = r.data.get("method")
        if method not in SEAT_METHODS:
            raise UnsupportedSeatRuleError(
                f"{r.where}: seat method {method!r} is not computed; supported: "
                f"{sorted(SEAT_METHODS)}",
                user_message=(
                    f"La définition demande la répartition des sièges « {method} », que Bureau "
                    "ne sait pas calculer (seule la représentation proportionnelle au quotient "
                    "puis à la plus forte moyenne l'est). Elle est refusée avant le scellement ; "
                    "demandez à l'organisateur une définition corrigée."
                ),
            )
        unknown = [rule for rule in tie_breaks if rule not in TIE_BREAKS]
        if not tie_breaks or unknown or len(set(tie_breaks)) != len(tie_breaks):
            raise UnsupportedSeatRuleError(
                f"{r.where}: tie-break rules {list(tie_breaks)} unsupported {unknown}; "
                f"supported (distinct, non-empty): {sorted(TIE_BREAKS)}",
                user_message=(
                    "La définition nomme une règle de départage des listes à égalité que Bureau "
                    f"n'applique pas ({', '.join(unknown) or 'aucune règle'}). Elle est refusée "
                    "avant le scellement ; demandez à l'organisateur une définition corrigée."
                ),
            )
        if "drawing_of_lots" in tie_breaks and tie_breaks[-1] != "drawing_of_lots":
            raise UnsupportedSeatRuleError(
                f"{r.where}: drawing_of_lots must be the last tie-break rule",
                user_message=("Le tirage au sort ne peut être que la dernière règle de départage."),
            )
        return cls(str(method), tie_breaks)


@dataclass(frozen=True)
class Electors:
    """Registered electors: count, hash of the list, and the public credentials file."""

    count: int
    list_sha256: str
    credentials: FileRef

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "credentials": self.credentials.to_dict(),
            "list_sha256": self.list_sha256,
        }

    @classmethod
    def from_reader(cls, r: Reader) -> Electors:
        r.keys({"count", "credentials", "list_sha256"})
        return cls(
            r.integer("count", minimum=1, maximum=10_000_000),
            r.text("list_sha256", pattern=SHA256_RE),
            FileRef.from_reader(r.child("credentials")),
        )


@dataclass(frozen=True)
class Contest:
    """One scrutin: one Belenios election, one question (exactly one list, blank allowed)."""

    contest_uuid: str
    name: str
    seats: int
    seat_rule: SeatRule
    lists: tuple[CandidateList, ...]
    """In the drawn order."""
    electors: Electors
    revote_policy: str = "last"
    """:data:`REVOTE_POLICIES`; absent from older definitions, which meant Belenios' rule."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "contest_uuid": self.contest_uuid,
            "electors": self.electors.to_dict(),
            "lists": [c.to_dict() for c in self.lists],
            "name": self.name,
            "revote_policy": self.revote_policy,
            "seat_rule": self.seat_rule.to_dict(),
            "seats": self.seats,
        }

    @classmethod
    def from_reader(cls, r: Reader) -> Contest:
        r.keys(
            {"contest_uuid", "electors", "lists", "name", "seat_rule", "seats"},
            frozenset({"revote_policy"}),
        )
        lists = r.objects("lists", CandidateList.from_reader, max_items=100)
        if not lists:
            raise r.fail("a contest needs at least one list")
        unique([c.list_id for c in lists], PayloadSchemaError, f"{r.where}.lists")
        return cls(
            r.text("contest_uuid", pattern=ID_RE),
            r.text("name"),
            r.integer("seats", minimum=1, maximum=1000),
            SeatRule.from_reader(r.child("seat_rule")),
            lists,
            Electors.from_reader(r.child("electors")),
            r.choice("revote_policy", REVOTE_POLICIES) if "revote_policy" in r.data else "last",
        )


CIVILITIES: Final = frozenset({"Mme", "M."})


@dataclass(frozen=True)
class Member:
    """A bureau member; a delegate names the list(s) they represent."""

    member_id: str
    name: str
    role: str
    list_ids: tuple[str, ...]
    title: str = ""
    """The role's title as agreed with its holder ("Mme la présidente", "délégué")."""
    civility: str = ""
    """"Mme" or "M.": the PV's words about the member agree ("Présente", "Remplacé");
    empty in older definitions, which get neutral wording."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "list_ids": list(self.list_ids),
            "member_id": self.member_id,
            "name": self.name,
            "role": self.role,
        }
        if self.title:
            out["title"] = self.title
        if self.civility:
            out["civility"] = self.civility
        return out

    @classmethod
    def from_reader(cls, r: Reader) -> Member:
        r.keys({"list_ids", "member_id", "name", "role"}, frozenset({"title", "civility"}))
        role = r.choice("role", MEMBER_ROLES)
        list_ids = r.texts("list_ids", pattern=ID_RE)
        if (role == "delegate") != bool(list_ids):
            raise r.fail("delegates, and only they, name the lists they represent")
        return cls(
            r.text("member_id", pattern=ID_RE),
            r.text("name"),
            role,
            list_ids,
            r.optional_text("title") or "",
            r.choice("civility", CIVILITIES) if r.optional_text("civility") is not None else "",
        )


@dataclass(frozen=True)
class Schedule:
    opening: datetime
    closing: datetime
    grace_minutes: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "closing": paris_text(self.closing),
            "grace_minutes": self.grace_minutes,
            "opening": paris_text(self.opening),
        }

    @classmethod
    def from_reader(cls, r: Reader) -> Schedule:
        r.keys({"closing", "grace_minutes", "opening"})
        opening, closing = r.paris_time("opening"), r.paris_time("closing")
        if opening >= closing:
            raise r.fail("opening must come before closing")
        return cls(opening, closing, r.integer("grace_minutes", maximum=MAX_GRACE_MINUTES))


@dataclass(frozen=True)
class RecordTexts:
    """Names the procès-verbal prints, as the organiser wrote them (never made up in code).

    Empty in older definitions: the PV then says the item was not given.
    """

    organiser: str = ""
    instance: str = ""
    sealing_place: str = ""
    count_place: str = ""
    administration_representative: str = ""
    publication: str = ""
    """Where the results are published (the contest period runs from then, art. 22)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "administration_representative": self.administration_representative,
            "count_place": self.count_place,
            "instance": self.instance,
            "organiser": self.organiser,
            "publication": self.publication,
            "sealing_place": self.sealing_place,
        }

    @classmethod
    def from_reader(cls, r: Reader) -> RecordTexts:
        names = (
            "administration_representative",
            "count_place",
            "instance",
            "organiser",
            "publication",
            "sealing_place",
        )
        r.keys(set(), frozenset(names))
        return cls(**{name: r.optional_text(name) or "" for name in names})


@dataclass(frozen=True)
class BureauDefinition:
    bureau_id: str
    name: str
    delegate_quorum: int
    schedule: Schedule
    members: tuple[Member, ...]
    contests: tuple[Contest, ...]
    texts: RecordTexts = field(default_factory=lambda: RecordTexts())
    """What the procès-verbal names (organiser, instance, places, representative)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "bureau_id": self.bureau_id,
            "contests": [c.to_dict() for c in self.contests],
            "delegate_quorum": self.delegate_quorum,
            "members": [m.to_dict() for m in self.members],
            "name": self.name,
            "schedule": self.schedule.to_dict(),
        }
        if self.texts != RecordTexts():
            out["texts"] = self.texts.to_dict()
        return out

    @classmethod
    def from_reader(cls, r: Reader) -> BureauDefinition:
        r.keys(
            {"bureau_id", "contests", "delegate_quorum", "members", "name", "schedule"},
            frozenset({"texts"}),
        )
        members = r.objects("members", Member.from_reader, max_items=200)
        contests = r.objects("contests", Contest.from_reader, max_items=200)
        quorum = r.integer("delegate_quorum", minimum=1, maximum=100)
        unique([m.member_id for m in members], PayloadSchemaError, f"{r.where}.members")
        unique([c.contest_uuid for c in contests], PayloadSchemaError, f"{r.where}.contests")
        roles = [m.role for m in members]
        if roles.count("president") != 1 or roles.count("secretary") != 1:
            raise r.fail("a bureau has exactly one president and one secretary")
        if roles.count("delegate") < quorum:
            raise r.fail("fewer delegates than the delegate quorum")
        if not contests:
            raise r.fail("a bureau needs at least one contest")
        list_ids = {c.list_id for contest in contests for c in contest.lists}
        if any(set(m.list_ids) - list_ids for m in members):
            raise r.fail("a delegate represents a list that no contest has")
        return cls(
            r.text("bureau_id", pattern=ID_RE),
            r.text("name"),
            quorum,
            Schedule.from_reader(r.child("schedule")),
            members,
            contests,
            RecordTexts.from_reader(r.child("texts")) if "texts" in r.data else RecordTexts(),
        )


@dataclass(frozen=True)
class DefinitionPayload:
    title: str
    bureaux: tuple[BureauDefinition, ...]
    platform_key: PublicKey
    voting_software: SoftwareFingerprint
    group: str | None = None
    """The elections' group; None (field absent) reads as ``LEGACY_GROUP``."""

    @property
    def group_name(self) -> str:
        return self.group or LEGACY_GROUP

    def to_dict(self) -> dict[str, Any]:
        data = {
            "bureaux": [b.to_dict() for b in self.bureaux],
            "platform_key": self.platform_key.to_dict(),
            "title": self.title,
            "voting_software": self.voting_software.to_dict(),
        }
        if self.group is not None:
            data["group"] = self.group
        return data

    @classmethod
    def from_dict(cls, data: Any) -> DefinitionPayload:
        r = reader(data, "definition")
        r.keys({"bureaux", "platform_key", "title", "voting_software"}, frozenset({"group"}))
        bureaux = r.objects("bureaux", BureauDefinition.from_reader, max_items=100)
        if not bureaux:
            raise r.fail("no bureau")
        unique([b.bureau_id for b in bureaux], PayloadSchemaError, "definition.bureaux")
        contests = [c.contest_uuid for b in bureaux for c in b.contests]
        unique(contests, PayloadSchemaError, "definition contests across bureaux")
        return cls(
            r.text("title"),
            bureaux,
            public_key(r, "platform_key"),
            SoftwareFingerprint.from_reader(r.child("voting_software")),
            r.choice("group", GROUPS) if "group" in r.data else None,
        )

    def bureau(self, bureau_id: str) -> BureauDefinition:
        for bureau in self.bureaux:
            if bureau.bureau_id == bureau_id:
                return bureau
        raise PayloadSchemaError(f"definition has no bureau {bureau_id!r}")

    def file_refs(self) -> tuple[FileRef, ...]:
        refs: list[FileRef] = []
        for bureau in self.bureaux:
            for contest in bureau.contests:
                refs.append(contest.electors.credentials)
                for candidate_list in contest.lists:
                    refs.extend(r for r in (candidate_list.manifesto, candidate_list.logo) if r)
        return tuple(refs)

    def bureau_ids(self) -> tuple[str, ...]:
        return tuple(b.bureau_id for b in self.bureaux)

    def contest_uuids(self) -> tuple[str, ...]:
        return tuple(c.contest_uuid for b in self.bureaux for c in b.contests)
