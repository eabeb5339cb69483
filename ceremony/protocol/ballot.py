"""Ballots (spec §4.11, §4.15): creation, complete verification, revote rule last(B).

Public API:

- ``HomomorphicAnswer``, ``Signature``, ``Ballot``: frozen structures;
  ``Ballot.from_bytes(data, election, check_elements=True)`` keeps the exact
  bytes (the smart ballot tracker ``Ballot.tracker`` and the archive name hash
  them); ``to_dict`` / ``to_bytes`` in the spec's field order;
  ``unsigned_hash()`` is the hash the signature covers (§4.14, §4.15);
  ``elements()`` lists every group element of the ballot.
- ``make_ballot(election, credential, plaintexts, rng) -> Ballot`` (§4.11–4.15):
  ``plaintexts`` has one list per question, with the leading blank slot m0
  when blank is allowed, exactly like ``belenios-tool election generate-ballot``
  input (``[[0, 1, 0, 0]]``: not blank, second answer).
- ``verify_ballot(election, ballot, credentials, powers=None) -> int``: every
  check of §3.5.1 step 1 on one ballot; returns weight(b) or raises the named
  error of the first failed check (see ``BallotError`` subclasses).
- ``last(items, credential_of) -> list``: B̂ = last(B) (§4.15).

Checks and their errors (``BallotError.check`` is the check's name):
``WrongElectionError`` ("election"), ``UnknownCredentialError``
(credentials; "credential"), ``MalformedBallotError`` ("format"),
``NotInSubgroupError`` (group; "subgroup"), ``InvalidIndividualProofError``
("individual_proof"), ``InvalidBlankProofError`` ("blank_proof"),
``InvalidOverallProofError`` ("overall_proof"), ``InvalidSignatureError``
("signature").
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ceremony.protocol.credentials import CredentialList, derive_secret
from ceremony.protocol.election import Election, HomomorphicQuestion
from ceremony.protocol.elgamal import Ciphertext, PlainPowers, Powers, encrypt
from ceremony.protocol.errors import InvalidScalarError, MalformedDataError, ProtocolError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.hashing import sha256_b64
from ceremony.protocol.lists import (
    ListsAnswer,
    as_lists_question,
    parse_lists_answer,
    verify_lists_answer,
)
from ceremony.protocol.proofs import (
    InvalidProofError,
    Proof,
    make_blank_proof,
    make_iproof,
    make_overall_blank_proof,
    make_signature,
    parse_proofs,
    verify_blank_proof,
    verify_iproof,
    verify_overall_blank_proof,
    verify_signature,
)
from ceremony.protocol.serialization import (
    dumps,
    get_field,
    loads,
    require_canonical,
    require_dict,
    require_list,
    require_str,
)
from ceremony.protocol.version import element_text

T = TypeVar("T")


class BallotError(ProtocolError):
    """A ballot fails one check of §3.5.1; ``check`` names it."""

    check = "ballot"
    default_message = "Un bulletin est invalide."


class MalformedBallotError(BallotError, MalformedDataError):
    """The ballot is not a well-formed ``ballot`` structure (§4.15) for this election."""

    check = "format"
    default_message = "Un bulletin est mal formé : il est abîmé ou falsifié."


class WrongElectionError(BallotError):
    """election_uuid or election_hash does not match the election (§4.15)."""

    check = "election"
    default_message = "Un bulletin a été préparé pour une autre élection."


class InvalidIndividualProofError(BallotError, InvalidProofError):
    """An individual proof (m in [0..1]) is wrong (§4.11.1, §4.12)."""

    check = "individual_proof"
    default_message = "Un bulletin contient une preuve de choix fausse : il est falsifié."


class InvalidBlankProofError(BallotError, InvalidProofError):
    """The blank_proof (m0 = 0 or mΣ = 0) is wrong (§4.13)."""

    check = "blank_proof"
    default_message = "Un bulletin contient une preuve de vote blanc fausse : il est falsifié."


class InvalidOverallProofError(BallotError, InvalidProofError):
    """The overall_proof (number of choices within [min..max]) is wrong (§4.11.1, §4.13)."""

    check = "overall_proof"
    default_message = "Un bulletin contient une preuve de nombre de choix fausse : il est falsifié."


class InvalidListsAnswerError(BallotError, InvalidProofError):
    """A proof of a Lists answer is wrong (Belenios 3.x; ``lists.verify_lists_answer``)."""

    check = "lists_proof"
    default_message = "Un bulletin contient une preuve de choix de liste fausse : il est falsifié."


class InvalidSignatureError(BallotError, InvalidProofError):
    """The signature, or the hash it signs, is wrong (§4.14)."""

    check = "signature"
    default_message = "La signature d'un bulletin est fausse : il est falsifié."


@dataclass(frozen=True)
class HomomorphicAnswer:
    """answer_h (§4.11): choices, individual_proofs, overall_proof, ?blank_proof."""

    choices: tuple[Ciphertext, ...]
    individual_proofs: tuple[tuple[Proof, ...], ...]
    overall_proof: tuple[Proof, ...]
    blank_proof: tuple[Proof, ...] | None

    def to_dict(self) -> dict[str, Any]:
        """JSON form in the spec's field order (§4.11)."""
        out: dict[str, Any] = {
            "choices": [c.to_dict() for c in self.choices],
            "individual_proofs": [[p.to_dict() for p in ps] for ps in self.individual_proofs],
            "overall_proof": [p.to_dict() for p in self.overall_proof],
        }
        if self.blank_proof is not None:
            out["blank_proof"] = [p.to_dict() for p in self.blank_proof]
        return out


@dataclass(frozen=True)
class Signature:
    """signature (§4.14): the hash of the unsigned ballot and a proof."""

    hash: str
    proof: Proof

    def to_dict(self) -> dict[str, Any]:
        """JSON form in the spec's field order (§4.14)."""
        return {"hash": self.hash, "proof": self.proof.to_dict()}


@dataclass(frozen=True)
class Ballot:
    """ballot (§4.15), with the exact bytes it was read from (if any)."""

    election_uuid: str
    election_hash: str
    credential: Element
    answers: tuple[HomomorphicAnswer | ListsAnswer, ...]
    signature: Signature | None
    raw: bytes = field(default=b"", repr=False, compare=False)
    credential_text: str = field(default="", repr=False, compare=False)
    """The credential as the group writes it (§4.2), as read or made."""

    @property
    def credential_str(self) -> str:
        """The credential's JSON string (base 10, or hex in Ed25519)."""
        return self.credential_text or str(self.credential)

    def to_dict(self, *, signed: bool = True) -> dict[str, Any]:
        """JSON form in the spec's field order (§4.15); ``signed=False`` drops the signature."""
        out: dict[str, Any] = {
            "election_uuid": self.election_uuid,
            "election_hash": self.election_hash,
            "credential": self.credential_str,
            "answers": [a.to_dict() for a in self.answers],
        }
        if signed and self.signature is not None:
            out["signature"] = self.signature.to_dict()
        return out

    def to_bytes(self) -> bytes:
        """The exact bytes read, or the compact serialisation (§4.15)."""
        return self.raw or dumps(self.to_dict())

    def unsigned_hash(self) -> str:
        """H_JSON of the ballot without its signature field: what the signature covers (§4.14).

        The ballot is serialised in the spec's field order whatever the order
        it was read in. From the bytes read, the numbers are reused as written
        (they are canonical: the group's parsers refuse any other spelling).
        """
        if self.raw:
            return sha256_b64(dumps(_unsigned_from_json(loads(self.raw))))
        return sha256_b64(dumps(self.to_dict(signed=False)))

    @property
    def tracker(self) -> str:
        """The smart ballot tracker: H_JSON of the whole ballot (§4.15)."""
        return sha256_b64(self.to_bytes())

    def elements(self) -> Iterator[Element]:
        """Every group element the ballot carries (§4.2): credential, alphas, betas."""
        yield self.credential
        for answer in self.answers:
            if isinstance(answer, ListsAnswer):
                yield from answer.elements()
                continue
            for c in answer.choices:
                yield c.alpha
                yield c.beta

    @classmethod
    def from_bytes(cls, data: bytes, election: Election, *, check_elements: bool = True) -> Ballot:
        """Read a ballot for ``election`` (§4.15).

        With ``check_elements`` (the default) every element is tested for
        membership of G (x^q = 1, ``NotInSubgroupError``). ``fastverify``
        passes False and runs a batched test on ``elements()`` instead; the
        range 1 <= x < p is checked either way.
        """
        try:
            return _parse_ballot(data, election, check_elements)
        except MalformedBallotError:
            raise
        except (MalformedDataError, InvalidScalarError) as e:
            raise MalformedBallotError(e.technical) from e


def _parse_ballot(data: bytes, election: Election, check: bool) -> Ballot:
    group = election.group
    element = group.parse_element if check else _range_parser(group)
    obj = require_dict(loads(data), "ballot")
    if set(obj) - {"election_uuid", "election_hash", "credential", "answers", "signature"}:
        raise MalformedBallotError("ballot has unknown fields")
    answers_data = require_list(get_field(obj, "answers", "ballot"), "ballot.answers")
    if len(answers_data) != len(election.questions):
        raise MalformedBallotError(
            f"ballot has {len(answers_data)} answers for {len(election.questions)} questions"
        )
    answers: list[HomomorphicAnswer | ListsAnswer] = []
    for i, (item, question) in enumerate(zip(answers_data, election.questions, strict=True)):
        lists = as_lists_question(question)
        if lists is not None:  # Belenios 3.x, read and verified only
            answers.append(parse_lists_answer(group, element, item, lists, f"answers[{i}]"))
            continue
        if not isinstance(question, HomomorphicQuestion):
            raise MalformedBallotError(f"question {i} is not homomorphic: unsupported")
        answers.append(_parse_answer(group, element, item, question, f"answers[{i}]"))
    signature = None
    if "signature" in obj:
        sig = require_dict(obj["signature"], "signature")
        signature = Signature(
            require_str(get_field(sig, "hash", "signature"), "signature.hash"),
            Proof.from_dict(group, get_field(sig, "proof", "signature"), "signature.proof"),
        )
    credential = get_field(obj, "credential", "ballot")
    ballot = Ballot(
        election_uuid=require_str(get_field(obj, "election_uuid", "ballot"), "election_uuid"),
        election_hash=require_str(get_field(obj, "election_hash", "ballot"), "election_hash"),
        credential=element(credential, "credential"),
        answers=tuple(answers),
        signature=signature,
        raw=bytes(data),
        credential_text=str(credential),
    )
    # §4.15: ballots are stored in canonical form. A ballot re-encoded (fields
    # reordered, spaces, an extra field in a proof) keeps a valid signature
    # but gets another hash: it could pass for a new ballot and undo a revote.
    require_canonical(data, ballot.to_dict(), "ballot")
    return ballot


def _unsigned_from_json(obj: dict[str, Any]) -> dict[str, Any]:
    """The parsed JSON of a validated ballot, reordered as §4.15 and §4.11, no signature."""

    def proofs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"challenge": p["challenge"], "response": p["response"]} for p in items]

    answers = []
    for a in obj["answers"]:
        if "list_proofs" in a:  # a validated Lists answer
            nz = a["nonzero_proof"]
            answers.append(
                {
                    "choices": [[{"alpha": c["alpha"], "beta": c["beta"]} for c in row]
                                for row in a["choices"]],
                    "individual_proofs": [[proofs(ps) for ps in row]
                                          for row in a["individual_proofs"]],
                    "overall_proof": proofs([a["overall_proof"]])[0],
                    "list_proofs": [proofs(ps) for ps in a["list_proofs"]],
                    "nonzero_proof": {"commitment": nz["commitment"],
                                      "challenge": nz["challenge"], "response": nz["response"]},
                }
            )  # fmt: skip
            continue
        answer: dict[str, Any] = {
            "choices": [{"alpha": c["alpha"], "beta": c["beta"]} for c in a["choices"]],
            "individual_proofs": [proofs(ps) for ps in a["individual_proofs"]],
            "overall_proof": proofs(a["overall_proof"]),
        }
        if "blank_proof" in a:
            answer["blank_proof"] = proofs(a["blank_proof"])
        answers.append(answer)
    return {
        "election_uuid": obj["election_uuid"],
        "election_hash": obj["election_hash"],
        "credential": obj["credential"],
        "answers": answers,
    }


def _range_parser(group: Group) -> Callable[[object, str], Element]:
    def parse(text: object, what: str) -> Element:
        try:
            return group.parse_raw_element(text, what)
        except MalformedDataError as e:
            raise MalformedBallotError(e.technical) from e

    return parse


def _parse_answer(
    group: Group,
    element: Callable[[object, str], Element],
    data: object,
    question: HomomorphicQuestion,
    what: str,
) -> HomomorphicAnswer:
    obj = require_dict(data, what)
    allowed = {"choices", "individual_proofs", "overall_proof", "blank_proof"}
    if set(obj) - allowed:
        raise MalformedBallotError(f"{what} has unknown fields")
    choices = []
    for j, c in enumerate(require_list(get_field(obj, "choices", what), f"{what}.choices")):
        cw = f"{what}.choices[{j}]"
        cd = require_dict(c, cw)
        if set(cd) != {"alpha", "beta"}:
            raise MalformedBallotError(f"{cw} must have exactly alpha and beta")
        alpha, beta = cd["alpha"], cd["beta"]
        choices.append(
            Ciphertext(
                element(alpha, f"{cw}.alpha"), element(beta, f"{cw}.beta"), f"{alpha},{beta}"
            )
        )
    if len(choices) != question.choice_count:
        raise MalformedBallotError(
            f"{what} has {len(choices)} choices, the question needs {question.choice_count}"
        )
    individual = require_list(
        get_field(obj, "individual_proofs", what), f"{what}.individual_proofs"
    )
    if len(individual) != len(choices):
        raise MalformedBallotError(f"{what}: one individual proof per choice is required")
    blank = obj.get("blank_proof")
    if (blank is not None) != question.blank_allowed:
        raise MalformedBallotError(
            f"{what}: blank_proof must be present exactly when blank is allowed"
        )
    return HomomorphicAnswer(
        choices=tuple(choices),
        individual_proofs=tuple(
            parse_proofs(group, p, f"{what}.individual_proofs[{j}]")
            for j, p in enumerate(individual)
        ),
        overall_proof=parse_proofs(
            group, get_field(obj, "overall_proof", what), f"{what}.overall_proof"
        ),
        blank_proof=None if blank is None else parse_proofs(group, blank, f"{what}.blank_proof"),
    )


def _product(group: Group, cs: Iterable[Ciphertext]) -> Ciphertext:
    alpha, beta = group.identity, group.identity
    for c in cs:
        alpha = group.mul(alpha, c.alpha)
        beta = group.mul(beta, c.beta)
    return Ciphertext(alpha, beta)


def verify_ballot(
    election: Election,
    ballot: Ballot,
    credentials: CredentialList,
    powers: Powers | None = None,
) -> int:
    """Every check of one ballot (§3.2 step 3, §3.5.1 step 1); returns weight(b).

    Order: election (uuid, fingerprint), credential in L, then each answer's
    individual proofs, blank proof and overall proof, then the signature.
    Element membership is checked when the ballot is parsed. Raises the
    ``BallotError`` of the first failed check.
    """
    if ballot.election_uuid != election.uuid:
        raise WrongElectionError("election_uuid differs from the election's uuid")
    phi = election.fingerprint
    if ballot.election_hash != phi:
        raise WrongElectionError("election_hash differs from the election fingerprint")
    weight = credentials.weight_of(ballot.credential)
    if len(ballot.answers) != len(election.questions):
        raise MalformedBallotError("ballot has the wrong number of answers")
    if ballot.signature is None:
        raise InvalidSignatureError("ballot is not signed")
    powers = powers or PlainPowers(election.group, election.public_key)
    prefix = f"{phi}|{ballot.credential_str}"
    for i, (answer, question) in enumerate(zip(ballot.answers, election.questions, strict=True)):
        lists = as_lists_question(question)
        if isinstance(answer, ListsAnswer) and lists is not None:
            try:
                verify_lists_answer(
                    election.group, election.public_key, prefix, lists, answer, f"answers[{i}]"
                )
            except InvalidProofError as e:
                raise InvalidListsAnswerError(e.technical) from e
            continue
        if not isinstance(question, HomomorphicQuestion) or isinstance(answer, ListsAnswer):
            raise MalformedBallotError(f"question {i} is not homomorphic: unsupported")
        verify_answer(powers, prefix, answer, question, f"answers[{i}]")
    if ballot.signature.hash != ballot.unsigned_hash():
        raise InvalidSignatureError("signature.hash is not the hash of the unsigned ballot")
    try:
        verify_signature(powers, ballot.credential, ballot.signature.hash, ballot.signature.proof)
    except InvalidProofError as e:
        raise InvalidSignatureError(e.technical) from e
    return weight


def verify_answer(
    powers: Powers, prefix: str, answer: HomomorphicAnswer, question: HomomorphicQuestion, what: str
) -> None:
    """The proofs of one homomorphic answer (§4.11.1, §4.12, §4.13.3); S0 = ``prefix``."""
    group = powers.group
    choices = answer.choices
    if len(choices) != question.choice_count or len(answer.individual_proofs) != len(choices):
        raise MalformedBallotError(f"{what} does not have the question's shape")
    for j, (c, proofs) in enumerate(zip(choices, answer.individual_proofs, strict=True)):
        try:
            verify_iproof(powers, prefix, c, proofs, (0, 1), f"{what}.individual_proofs[{j}]")
        except InvalidProofError as e:
            raise InvalidIndividualProofError(e.technical) from e
    s = prefix + "|" + ",".join(c.pair_text for c in choices)
    if not question.blank_allowed:
        total = _product(group, choices)
        values = range(question.min, question.max + 1)
        try:
            verify_iproof(powers, s, total, answer.overall_proof, values, f"{what}.overall_proof")
        except InvalidProofError as e:
            raise InvalidOverallProofError(e.technical) from e
        return
    c0, c_sigma = choices[0], _product(group, choices[1:])
    if answer.blank_proof is None:
        raise InvalidBlankProofError(f"{what} has no blank_proof")
    try:
        verify_blank_proof(powers, s, c0, c_sigma, answer.blank_proof, f"{what}.blank_proof")
    except InvalidProofError as e:
        raise InvalidBlankProofError(e.technical) from e
    try:
        verify_overall_blank_proof(
            powers, s, c0, c_sigma, answer.overall_proof, question.min, question.max,
            f"{what}.overall_proof",
        )  # fmt: skip
    except InvalidProofError as e:
        raise InvalidOverallProofError(e.technical) from e


def _check_plaintext(question: HomomorphicQuestion, values: list[int], what: str) -> bool:
    """Validate a plaintext answer; return whether it is a blank vote."""
    if len(values) != question.choice_count or any(v not in (0, 1) for v in values):
        raise MalformedDataError(f"{what}: {question.choice_count} values of 0 or 1 are needed")
    blank = question.blank_allowed and values[0] == 1
    chosen = sum(values[1:]) if question.blank_allowed else sum(values)
    if blank and chosen != 0:
        raise MalformedDataError(f"{what}: a blank vote selects no answer")
    if not blank and not question.min <= chosen <= question.max:
        raise MalformedDataError(f"{what}: between {question.min} and {question.max} answers")
    return blank


def make_answer(
    powers: Powers,
    prefix: str,
    question: HomomorphicQuestion,
    values: list[int],
    rng: random.Random | None = None,
    what: str = "answer",
) -> HomomorphicAnswer:
    """Encrypt one homomorphic answer with its proofs (§4.11.1, §4.12, §4.13)."""
    group = powers.group
    blank = _check_plaintext(question, values, what)
    rs: list[Scalar] = [group.random_scalar(rng) for _ in values]
    choices = tuple(encrypt(powers, m, r) for m, r in zip(values, rs, strict=True))
    individual = tuple(
        make_iproof(powers, prefix, c, r, m, (0, 1), rng)
        for c, r, m in zip(choices, rs, values, strict=True)
    )
    s = prefix + "|" + ",".join(c.pair_text for c in choices)
    if not question.blank_allowed:
        total, r_total = _product(group, choices), sum(rs) % group.q
        index = sum(values) - question.min
        overall = make_iproof(
            powers, s, total, r_total, index, range(question.min, question.max + 1), rng
        )
        return HomomorphicAnswer(choices, individual, overall, None)
    c0, c_sigma = choices[0], _product(group, choices[1:])
    r0, r_sigma = rs[0], sum(rs[1:]) % group.q
    blank_proof = make_blank_proof(powers, s, c0, c_sigma, r0, r_sigma, blank, rng)
    overall = make_overall_blank_proof(
        powers, s, c0, c_sigma, r0, r_sigma, sum(values[1:]), blank, question.min, question.max,
        rng,
    )  # fmt: skip
    return HomomorphicAnswer(choices, individual, overall, blank_proof)


def make_ballot(
    election: Election,
    credential: str,
    plaintexts: list[list[int]],
    rng: random.Random | None = None,
) -> Ballot:
    """A signed ballot for ``election`` with a private credential (§4.11–4.15)."""
    powers = PlainPowers(election.group, election.public_key)
    signed = sign_ballot(election, powers, credential, plaintexts, rng)
    return Ballot.from_bytes(signed.to_bytes(), election)


def sign_ballot(
    election: Election,
    powers: Powers,
    credential: str,
    plaintexts: list[list[int]],
    rng: random.Random | None = None,
) -> Ballot:
    """The signed ballot of ``make_ballot``, computed with ``powers`` and not read back
    (§4.11–4.15): the platform simulator passes fixed-base tables."""
    secret = derive_secret(election.group, credential, election.uuid)
    return sign_ballot_with_secret(election, powers, secret, plaintexts, rng)


def sign_ballot_with_secret(
    election: Election,
    powers: Powers,
    secret: Scalar,
    plaintexts: list[list[int]],
    rng: random.Random | None = None,
) -> Ballot:
    """``sign_ballot`` for the credential's secret exponent s, public credential g^s (§4.14)."""
    group = election.group
    public = powers.g_pow(secret)
    public_text = element_text(group, public)
    phi = election.fingerprint
    if len(plaintexts) != len(election.questions):
        raise MalformedDataError("one plaintext answer per question is needed")
    answers = []
    for i, (question, values) in enumerate(zip(election.questions, plaintexts, strict=True)):
        if not isinstance(question, HomomorphicQuestion):
            raise MalformedDataError(f"question {i} is not homomorphic: unsupported")
        answers.append(
            make_answer(powers, f"{phi}|{public_text}", question, values, rng, f"answers[{i}]")
        )
    unsigned = Ballot(election.uuid, phi, public, tuple(answers), None, credential_text=public_text)
    ballot_hash = unsigned.unsigned_hash()
    signature = Signature(ballot_hash, make_signature(powers, ballot_hash, secret, rng))
    return Ballot(
        election.uuid, phi, public, tuple(answers), signature, credential_text=public_text
    )


def last(items: Iterable[T], credential_of: Callable[[T], Hashable]) -> list[T]:
    """B̂ = last(B): keep only each credential's last ballot, in that ballot's place (§4.15)."""
    kept: dict[Hashable, T] = {}
    for item in items:
        key = credential_of(item)
        kept.pop(key, None)
        kept[key] = item
    return list(kept.values())
