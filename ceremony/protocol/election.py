"""Questions (§4.9) and elections (§4.10); creation from a template like ``make-election``.

Public API:

- ``HomomorphicQuestion(answers, blank, min, max, question)`` (§4.9.1):
  ``from_dict`` / ``to_dict`` (spec field order; ``blank`` written only when
  given), ``choice_count`` (answers + 1 when blank is allowed).
- ``OtherQuestion(data)``: a ``question_gen`` (§4.9.2) kept verbatim; ballots
  for it are not supported by this package.
- ``Election``: the election structure (§4.10); ``from_bytes(data)`` keeps the
  exact bytes (a trailing newline included: belenios-tool hashes it), because
  the fingerprint φ (``fingerprint``) is the hash of the serialisation (§4.15)
  and must never be recomputed from a re-serialisation;
  ``to_bytes()``; ``group``; ``public_key``.
- ``make_election(template, uuid, group, public_key) -> Election``: what
  ``belenios-tool setup make-election`` does with a 2.0 template (the
  questions objects directly in ``questions``, DESIGN.md §2).
- ``combine_public_keys(group, keys) -> Element``: y = Π y_τ (§3.1.1).

Belenios 3.3 adds an optional ``language`` (``[code, "ltr" | "rtl"]``), taken
from the template and written last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ceremony.protocol.base58 import check_uuid
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.group import Element, Group, get_group
from ceremony.protocol.hashing import sha256_b64
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    loads,
    require_bool,
    require_dict,
    require_int,
    require_list,
    require_str,
)

ELECTION_VERSION = 1


@dataclass(frozen=True)
class HomomorphicQuestion:
    """A question_h (§4.9.1): choose between ``min`` and ``max`` of ``answers``."""

    answers: tuple[str, ...]
    blank: bool | None
    min: int
    max: int
    question: str

    def __post_init__(self) -> None:
        if not 0 <= self.min <= self.max <= len(self.answers):
            raise MalformedDataError(
                f"question bounds min={self.min}, max={self.max} do not fit "
                f"{len(self.answers)} answers"
            )

    @property
    def blank_allowed(self) -> bool:
        """True when a blank vote is allowed: ``blank`` present and true (§4.9.1)."""
        return bool(self.blank)

    @property
    def choice_count(self) -> int:
        """Length of ``choices`` in an answer: one more with the leading blank slot (§4.11.1)."""
        return len(self.answers) + (1 if self.blank_allowed else 0)

    @classmethod
    def from_dict(cls, data: object, what: str = "question") -> HomomorphicQuestion:
        """Read a question_h (§4.9.1)."""
        obj = require_dict(data, what)
        answers = require_list(get_field(obj, "answers", what), f"{what}.answers")
        blank = obj.get("blank")
        return cls(
            answers=tuple(require_str(a, f"{what}.answers") for a in answers),
            blank=None if blank is None else require_bool(blank, f"{what}.blank"),
            min=require_int(get_field(obj, "min", what), f"{what}.min"),
            max=require_int(get_field(obj, "max", what), f"{what}.max"),
            question=require_str(get_field(obj, "question", what), f"{what}.question"),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form in the spec's order (§4.9.1): answers, ?blank, min, max, question."""
        out: dict[str, Any] = {"answers": list(self.answers)}
        if self.blank is not None:
            out["blank"] = self.blank
        out.update({"min": self.min, "max": self.max, "question": self.question})
        return out


@dataclass(frozen=True)
class OtherQuestion:
    """A question_gen (§4.9.2), e.g. NonHomomorphic, kept as it was read."""

    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The question_gen JSON object as it was read (§4.9.2)."""
        return self.data


Question = HomomorphicQuestion | OtherQuestion


def parse_question(data: object, what: str = "question") -> Question:
    """A question_h, or a question_gen when the object has ``type`` and ``value`` (§4.9)."""
    obj = require_dict(data, what)
    if "type" in obj and "value" in obj and "answers" not in obj:
        return OtherQuestion(obj)
    return HomomorphicQuestion.from_dict(obj, what)


@dataclass(frozen=True)
class Election:
    """The election structure (§4.10), with the exact bytes it was read from."""

    version: int
    description: str
    name: str
    group: Group
    public_key: Element
    questions: tuple[Question, ...]
    uuid: str
    administrator: str | None = None
    credential_authority: str | None = None
    raw: bytes = field(default=b"", repr=False, compare=False)
    language: tuple[str, str] | None = None
    """Belenios 3.3: (language code, "ltr" or "rtl"), written last when present."""

    @property
    def fingerprint(self) -> str:
        """φ = H_JSON(serialisation of the election) (§4.15), the ballots' election_hash."""
        return sha256_b64(self.raw or self.to_bytes())

    def to_dict(self) -> dict[str, Any]:
        """JSON form in the spec's field order (§4.10)."""
        out: dict[str, Any] = {
            "version": self.version,
            "description": self.description,
            "name": self.name,
            "group": self.group.name,
            "public_key": str(self.public_key),
            "questions": [q.to_dict() for q in self.questions],
            "uuid": self.uuid,
        }
        if self.administrator is not None:
            out["administrator"] = self.administrator
        if self.credential_authority is not None:
            out["credential_authority"] = self.credential_authority
        if self.language is not None:
            out["language"] = list(self.language)
        return out

    def to_bytes(self) -> bytes:
        """The exact bytes read, or the compact serialisation of a new election (§4.10)."""
        return self.raw or dumps(self.to_dict())

    @classmethod
    def from_bytes(cls, data: bytes) -> Election:
        """Read an election file (§4.10); the public key must be in the group."""
        obj = require_dict(loads(data), "election")
        what = "election"
        version = require_int(get_field(obj, "version", what), "election.version")
        if version != ELECTION_VERSION:
            raise MalformedDataError(f"unsupported election version {version}")
        group = get_group(require_str(get_field(obj, "group", what), "election.group"))
        questions = require_list(get_field(obj, "questions", what), "election.questions")
        admin = obj.get("administrator")
        authority = obj.get("credential_authority")
        return cls(
            version=version,
            description=require_str(get_field(obj, "description", what), "election.description"),
            name=require_str(get_field(obj, "name", what), "election.name"),
            group=group,
            public_key=group.parse_public_key(get_field(obj, "public_key", what), "public_key"),
            questions=tuple(
                parse_question(q, f"election.questions[{i}]") for i, q in enumerate(questions)
            ),
            uuid=check_uuid(get_field(obj, "uuid", what)),
            administrator=None if admin is None else require_str(admin, "administrator"),
            credential_authority=(
                None if authority is None else require_str(authority, "credential_authority")
            ),
            raw=bytes(data),
            language=parse_language(obj.get("language")),
        )


def combine_public_keys(group: Group, keys: Iterable[Element]) -> Element:
    """The election key y = Π y_τ of the trustees' sub-keys (§3.1.1)."""
    y = group.identity
    for key in keys:
        y = group.mul(y, group.check_element(key, "trustee sub-key"))
    return group.check_public_key(y, "election public key")


def make_election(template: object, uuid: str, group: Group, public_key: Element) -> Election:
    """Create the election from a 2.0 template, as ``setup make-election`` does (§3.1 step 10).

    The template carries ``description``, ``name``, ``questions`` (question
    objects directly, §4.9) and optionally ``administrator`` and
    ``credential_authority``; version, group, key and uuid are filled in.
    """
    obj = require_dict(template, "template")
    questions = require_list(get_field(obj, "questions", "template"), "template.questions")
    admin = obj.get("administrator")
    authority = obj.get("credential_authority")
    election = Election(
        version=ELECTION_VERSION,
        description=require_str(get_field(obj, "description", "template"), "description"),
        name=require_str(get_field(obj, "name", "template"), "name"),
        group=group,
        public_key=group.check_public_key(public_key, "election public key"),
        questions=tuple(
            parse_question(q, f"template.questions[{i}]") for i, q in enumerate(questions)
        ),
        uuid=check_uuid(uuid),
        administrator=None if admin is None else require_str(admin, "administrator"),
        credential_authority=(
            None if authority is None else require_str(authority, "credential_authority")
        ),
        language=parse_language(obj.get("language")),
    )
    return Election.from_bytes(election.to_bytes())


def parse_language(value: object) -> tuple[str, str] | None:
    """The optional ``language`` of Belenios 3.3: ``[code, "ltr" | "rtl"]``."""
    if value is None:
        return None
    items = require_list(value, "language")
    if len(items) != 2 or items[1] not in ("ltr", "rtl"):
        raise MalformedDataError('language must be [code, "ltr" or "rtl"]')
    return require_str(items[0], "language code"), str(items[1])
