""" "Lists" questions of Belenios 3.x: reading and verifying their ballots (spec 3.1 §4.9, §4.11).

A Lists question offers candidate lists; each list is a head followed by its
candidates. An answer encrypts one 0/1 value per head and per candidate and
proves, with the prefix S = φ|credential (§4.11) and S' = S|all choices:

- each value is 0 or 1 (``individual_proofs``, ``prove|S|alpha,beta|...``);
- exactly one head is chosen (``overall_proof``: the product of the heads
  encrypts 1, one branch of ``prove|S'|...``);
- in each list, the head is chosen or no candidate is (``list_proofs``,
  ``lproof|S'|A0,B0,A1,B1``);
- the candidates chosen, over all lists, are not zero in number
  (``nonzero_proof``, ``nonzero|S'|C,A1,A2``).

Bureau never writes Lists questions; it reads and verifies records that have
them. The group is used only through its interface, so both groups work.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ceremony.protocol.election import OtherQuestion, Question
from ceremony.protocol.elgamal import Ciphertext
from ceremony.protocol.errors import MalformedDataError
from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.hashing import hash_to_zq
from ceremony.protocol.proofs import InvalidProofError, Proof, parse_proofs
from ceremony.protocol.serialization import get_field, require_dict, require_list, require_str
from ceremony.protocol.version import element_text, elements_text

LISTS = "Lists"


@dataclass(frozen=True)
class ListsQuestion:
    """``{"type": "Lists", "value": {answers: [[head, candidates...], ...], question}}``."""

    answers: tuple[tuple[str, ...], ...]
    question: str

    @property
    def shape(self) -> tuple[int, ...]:
        """Number of ciphertexts of each list (head and candidates)."""
        return tuple(len(a) for a in self.answers)


def as_lists_question(question: Question) -> ListsQuestion | None:
    """The Lists question ``question`` is, or None for any other kind."""
    if not isinstance(question, OtherQuestion) or question.data.get("type") != LISTS:
        return None
    value = require_dict(question.data.get("value"), "Lists question value")
    answers = require_list(get_field(value, "answers", "Lists question"), "Lists answers")
    lists = []
    for i, item in enumerate(answers):
        names = require_list(item, f"Lists answers[{i}]")
        if not names:
            raise MalformedDataError(f"Lists answers[{i}] is empty")
        lists.append(tuple(require_str(n, "Lists answer") for n in names))
    if not lists:
        raise MalformedDataError("Lists question has no list")
    return ListsQuestion(tuple(lists), require_str(value.get("question"), "Lists question"))


@dataclass(frozen=True)
class NonzeroProof:
    """``nonzero_proof``: commitment C, challenge and the response pair (t1, t2)."""

    commitment: Element
    commitment_text: str
    challenge: Scalar
    response: tuple[Scalar, Scalar]

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order."""
        return {
            "commitment": self.commitment_text,
            "challenge": str(self.challenge),
            "response": [str(self.response[0]), str(self.response[1])],
        }


@dataclass(frozen=True)
class ListsAnswer:
    """The answer to a Lists question (``question_l.atd``).

    ``choices`` holds the ciphertexts list after list (flat, as the tally and
    the membership tests take them); ``shape`` gives each list's length.
    """

    choices: tuple[Ciphertext, ...]
    shape: tuple[int, ...]
    individual_proofs: tuple[tuple[Proof, ...], ...]
    overall_proof: Proof
    list_proofs: tuple[tuple[Proof, ...], ...]
    nonzero_proof: NonzeroProof

    @property
    def rows(self) -> tuple[tuple[Ciphertext, ...], ...]:
        """The ciphertexts of each list (head first)."""
        return unflatten(self.choices, self.shape)

    def to_dict(self) -> dict[str, Any]:
        """Fields in belenios-tool's order."""
        proofs = unflatten(self.individual_proofs, self.shape)
        return {
            "choices": [[c.to_dict() for c in row] for row in self.rows],
            "individual_proofs": [[[p.to_dict() for p in ps] for ps in row] for row in proofs],
            "overall_proof": self.overall_proof.to_dict(),
            "list_proofs": [[p.to_dict() for p in ps] for ps in self.list_proofs],
            "nonzero_proof": self.nonzero_proof.to_dict(),
        }

    def elements(self) -> Iterator[Element]:
        """Every group element of the answer."""
        for c in self.choices:
            yield c.alpha
            yield c.beta
        yield self.nonzero_proof.commitment


T = TypeVar("T")


def unflatten(items: Sequence[T], shape: Sequence[int]) -> tuple[tuple[T, ...], ...]:
    """``items`` cut into consecutive rows of the lengths in ``shape``."""
    if len(items) != sum(shape):
        raise MalformedDataError(f"{len(items)} items for the shape {tuple(shape)}")
    out, start = [], 0
    for size in shape:
        out.append(tuple(items[start : start + size]))
        start += size
    return tuple(out)


_FIELDS = {"choices", "individual_proofs", "overall_proof", "list_proofs", "nonzero_proof"}


def parse_lists_answer(
    group: Group, element: Any, data: object, question: ListsQuestion, what: str
) -> ListsAnswer:
    """Read a Lists answer of the question's shape; ``element`` parses a group element."""
    obj = require_dict(data, what)
    if set(obj) != _FIELDS:
        raise MalformedDataError(f"{what} does not have the fields of a Lists answer")
    rows = require_list(obj["choices"], f"{what}.choices")
    proofs = require_list(obj["individual_proofs"], f"{what}.individual_proofs")
    lproofs = require_list(obj["list_proofs"], f"{what}.list_proofs")
    if not len(rows) == len(proofs) == len(lproofs) == len(question.answers):
        raise MalformedDataError(f"{what} does not have one entry per list")
    choices = []
    individual = []
    for i, (row, prow, size) in enumerate(zip(rows, proofs, question.shape, strict=True)):
        cells = require_list(row, f"{what}.choices[{i}]")
        pcells = require_list(prow, f"{what}.individual_proofs[{i}]")
        if len(cells) != size or len(pcells) != size:
            raise MalformedDataError(f"{what} list {i} has not {size} choices")
        parsed = []
        for j, c in enumerate(cells):
            cd = require_dict(c, f"{what}.choices[{i}][{j}]")
            if set(cd) != {"alpha", "beta"}:
                raise MalformedDataError(f"{what}.choices[{i}][{j}] must have alpha and beta")
            alpha, beta = cd["alpha"], cd["beta"]
            parsed.append(
                Ciphertext(element(alpha, "alpha"), element(beta, "beta"), f"{alpha},{beta}")
            )
        choices.append(tuple(parsed))
        individual.append(
            tuple(parse_proofs(group, p, f"{what}.individual_proofs[{i}]") for p in pcells)
        )
    nz = require_dict(obj["nonzero_proof"], f"{what}.nonzero_proof")
    if set(nz) != {"commitment", "challenge", "response"}:
        raise MalformedDataError(f"{what}.nonzero_proof has the wrong fields")
    response = require_list(nz["response"], f"{what}.nonzero_proof.response")
    if len(response) != 2:
        raise MalformedDataError(f"{what}.nonzero_proof.response is not a pair")
    commitment = nz["commitment"]
    return ListsAnswer(
        choices=tuple(c for row in choices for c in row),
        shape=question.shape,
        individual_proofs=tuple(p for row in individual for p in row),
        overall_proof=Proof.from_dict(group, obj["overall_proof"], f"{what}.overall_proof"),
        list_proofs=tuple(
            parse_proofs(group, p, f"{what}.list_proofs[{i}]") for i, p in enumerate(lproofs)
        ),
        nonzero_proof=NonzeroProof(
            element(commitment, "nonzero commitment"),
            str(commitment),
            group.parse_scalar(nz["challenge"], "nonzero challenge"),
            (
                group.parse_scalar(response[0], "nonzero response"),
                group.parse_scalar(response[1], "nonzero response"),
            ),
        ),
    )


class InvalidListsProofError(InvalidProofError):
    """A proof of a Lists answer does not verify; ``check`` names which."""

    check = "lists_proof"


def _product(group: Group, cs: Sequence[Ciphertext]) -> Ciphertext:
    alpha = beta = group.g_pow(0)
    for c in cs:
        alpha, beta = group.mul(alpha, c.alpha), group.mul(beta, c.beta)
    return Ciphertext(alpha, beta)


def _text(group: Group, c: Ciphertext) -> str:
    return c.text or f"{element_text(group, c.alpha)},{element_text(group, c.beta)}"


def _disjunction(
    group: Group,
    y: Element,
    prefix: str,
    c: Ciphertext,
    proofs: Sequence[Proof],
    values: Sequence[int],
) -> bool:
    # prove|S|alpha,beta|A0,B0,...: c encrypts one of ``values`` (d_i = g^-m_i).
    if len(proofs) != len(values):
        return False
    commitments: list[Element] = []
    for proof, m in zip(proofs, values, strict=True):
        beta_m = group.div(c.beta, group.g_pow(m)) if m else c.beta
        commitments.append(
            group.mul(group.g_pow(proof.response), group.pow(c.alpha, proof.challenge))
        )
        commitments.append(
            group.mul(group.pow(y, proof.response), group.pow(beta_m, proof.challenge))
        )
    text = f"prove|{prefix}|{_text(group, c)}|{elements_text(group, commitments)}"
    return bool(hash_to_zq(group, text) == sum(p.challenge for p in proofs) % group.q)


def verify_lists_answer(
    group: Group, y: Element, prefix: str, question: ListsQuestion, answer: ListsAnswer, what: str
) -> None:
    """Every proof of a Lists answer, as belenios-tool 3.3 checks them; S = ``prefix``."""
    if answer.shape != question.shape:
        raise InvalidListsProofError(f"{what}: answer shape differs from the question's")
    rows = answer.rows
    proof_rows = unflatten(answer.individual_proofs, answer.shape)
    for i, (row, proofs) in enumerate(zip(rows, proof_rows, strict=True)):
        for j, (c, p) in enumerate(zip(row, proofs, strict=True)):
            if not _disjunction(group, y, prefix, c, p, (0, 1)):
                raise InvalidListsProofError(f"{what}: individual proof [{i}][{j}]")
    s = prefix + "|" + ",".join(_text(group, c) for c in answer.choices)
    heads = _product(group, [row[0] for row in rows])
    if not _disjunction(group, y, s, heads, (answer.overall_proof,), (1,)):
        raise InvalidListsProofError(f"{what}: overall proof (one list chosen)")
    for i, (row, proof) in enumerate(zip(rows, answer.list_proofs, strict=True)):
        if len(proof) != 2 or not _list_proof(group, y, s, row, proof):
            raise InvalidListsProofError(f"{what}: list proof {i} (head chosen or no candidate)")
    candidates = _product(group, [c for row in rows for c in row[1:]])
    if not _nonzero_proof(group, y, s, candidates, answer.nonzero_proof):
        raise InvalidListsProofError(f"{what}: nonzero proof (at least one candidate)")


def _list_proof(
    group: Group, y: Element, s: str, row: Sequence[Ciphertext], proof: Sequence[Proof]
) -> bool:
    c0, c_sigma = row[0], _product(group, row[1:])
    p0, p1 = proof
    commitments = [
        group.mul(group.g_pow(p0.response), group.pow(c0.alpha, p0.challenge)),
        group.mul(
            group.pow(y, p0.response),
            group.pow(group.div(c0.beta, group.g_pow(1)), p0.challenge),
        ),
        group.mul(group.g_pow(p1.response), group.pow(c_sigma.alpha, p1.challenge)),
        group.mul(group.pow(y, p1.response), group.pow(c_sigma.beta, p1.challenge)),
    ]
    h = hash_to_zq(group, f"lproof|{s}|{elements_text(group, commitments)}")
    return bool(h == (p0.challenge + p1.challenge) % group.q)


def _nonzero_proof(group: Group, y: Element, s: str, c: Ciphertext, proof: NonzeroProof) -> bool:
    if element_text(group, proof.commitment) == element_text(group, group.g_pow(0)):
        return False
    t1, t2 = proof.response
    a1 = group.mul(group.pow(c.alpha, t1), group.g_pow(t2))
    a2 = group.mul(
        group.mul(group.pow(c.beta, t1), group.pow(y, t2)),
        group.pow(proof.commitment, proof.challenge),
    )
    text = f"nonzero|{s}|{elements_text(group, [proof.commitment, a1, a2])}"
    return bool(hash_to_zq(group, text) == proof.challenge)


Nesting = tuple[int, ...] | None
"""How one question's row of a tally, decryption or result nests: None for a flat
homomorphic row, the lists' lengths for a Lists question."""


def flatten_row(value: object, what: str) -> tuple[list[Any], Nesting]:
    """One question's JSON row: flat (homomorphic) or a list of lists (Lists)."""
    row = require_list(value, what)
    if row and all(isinstance(item, list) for item in row):
        cells = [require_list(item, what) for item in row]
        return [c for cell in cells for c in cell], tuple(len(c) for c in cells)
    return row, None


def nest_row(items: Sequence[T], nesting: Nesting) -> list[Any]:
    """The JSON row of one question from its flat items (reverse of ``flatten_row``)."""
    if nesting is None:
        return list(items)
    return [list(row) for row in unflatten(items, nesting)]


def question_size(question: Question) -> int:
    """Number of ciphertexts an answer to ``question`` has (homomorphic or Lists)."""
    lists = as_lists_question(question)
    if lists is not None:
        return sum(lists.shape)
    from ceremony.protocol.election import HomomorphicQuestion

    if not isinstance(question, HomomorphicQuestion):
        raise MalformedDataError("question is neither homomorphic nor Lists: unsupported")
    return question.choice_count
