"""Fast ballot verification: fixed-base tables and a batched, sound subgroup test.

Same checks as ``ballot.verify_ballot`` (spec §3.5.1 step 1, §4.11–4.15),
computed faster; results are identical (tests compare both on valid and
altered ballots).

Public API:

- ``FixedBaseTable(group, base)``: base^e with one multiplication per byte of
  e (tables of base^(d·256^i)); ``pow(e)``.
- ``BaseChain(group, base, window)``: base^e for a variable base raised to
  several exponents (Yao's method over base^(2^(window·i))); ``pow(e)``
  equals ``gmpy2.powmod(base, e, p)`` for every e.
- ``TablePowers(group, y)``: the ``elgamal.Powers`` of g and y by tables, and
  ``base_pow(x, e)`` for the proofs' variable bases (§4.12–4.14), shared
  through ``share_bases`` across the branches and proofs of one ballot.
- ``find_non_members(group, elements, rng) -> list[int]``: indices of the
  elements that are not in G (§4.2), by the batched test below; exact
  individual checks locate them when the batch fails.
- ``BallotOutcome``: picklable result of one ballot (ok or the named check
  that failed, tracker, credential, weight, optionally the ciphertexts).
- ``BallotVerifier(election, credentials)``: ``verify_chunk(raws)`` verifies
  ballots given as raw bytes, membership batched over the chunk.
- ``load_credentials(group, data, rng) -> CredentialList``: the public
  credential list with the batched membership test.

Batched subgroup membership (why it is sound). G is the subgroup of order q
of Z*p. For BELENIOS-2048, p - 1 = q · 2 · 3 · r where r has no prime factor
below 2·10^6 and q does not divide r (tests/protocol/test_fastverify.py
checks both), so Z*p is the product of G and cyclic parts of orders 2, 3
and r. An element x is in G iff
its components of order 2, 3 and r are all trivial. For a batch x_1..x_n:

1. Order 2, exact: the component of order 2 is trivial iff x is a square mod
   p, i.e. the Legendre symbol (x/p) = 1 (``gmpy2.jacobi``). Every element is
   tested.
2. Order 3: 24 tests T_j = Π x_i^{e_ij} with e_ij uniform in {0, 1, 2},
   each checked by T_j^q = 1. If some x_i has a component z ≠ 0 in Z_3, for
   any fixed values of the other exponents exactly one of the three values of
   e_ij makes the Z_3 part of T_j vanish: each test passes with probability
   1/3. The two tests of step 3 count too (a uniform 24-bit number is 0 mod 3
   with probability at most 1/3 + 2^-24): all 26 pass with probability at most
   3^-24 · (1/3 + 2^-24)^2 < 2^-41.
3. Order r: 2 tests with e_ij uniform 24-bit numbers. If x_i has a component
   of order d > 1 in the r part (every prime factor of d is at least
   2·10^6 > 2^20.93), a test passes only if e_ij falls in one residue class
   modulo d: probability at most 1/d + 2^-24 < 2^-20.77; both tests pass with
   probability < 2^-41.5.

The exponents come from the OS CSPRNG after the data is fixed. A batch with
a non-member therefore passes with probability below 2^-41 (the largest
of the bounds for the component that is not trivial). A whole election is
accepted wrongly only if a batch with a non-member passes, so the error is
at most 2^-41 ≤ 2^-40 per election, however many batches it has. When a
batch fails, each of its elements is checked exactly (x^q = 1).

For RFC-3526-2048, p = 2q + 1: G is exactly the set of squares, and the
Legendre symbol alone is an exact test. Any other group falls back to x^q = 1.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import gmpy2

from ceremony.protocol.ballot import Ballot, verify_ballot
from ceremony.protocol.credentials import CredentialList, PublicCredential, UnknownCredentialError
from ceremony.protocol.ed25519 import Ed25519Group, VerificationPowers, verification_powers
from ceremony.protocol.election import Election, HomomorphicQuestion
from ceremony.protocol.elgamal import PlainPowers
from ceremony.protocol.errors import NotInSubgroupError, ProtocolError
from ceremony.protocol.group import (
    BELENIOS_2048,
    RFC_3526_2048,
    Element,
    FiniteFieldGroup,
    Group,
    IdentityElementError,
)
from ceremony.protocol.hashing import sha256_b64
from ceremony.protocol.proofs import statement
from ceremony.protocol.serialization import loads, require_list, require_str

ORDER_3_TESTS = 24
ORDER_R_TESTS = 2
ORDER_R_BITS = 24
FIXED_BASE_WINDOW = 11

_SYSTEM_RANDOM = secrets.SystemRandom()


class FixedBaseTable:
    """base^e for a fixed base of G (g, y: §4.11–4.14), one product per ``window`` bits of e.

    Row i holds base^(d · 2^(window·i)) for every digit d; 11-bit windows make
    24 multiplications for a 256-bit exponent, with 49,152 entries per base.
    """

    def __init__(self, group: FiniteFieldGroup, base: Element, window: int | None = None) -> None:
        if window is None:
            # 11-bit windows for a 256-bit q; 8 bits keeps RFC-3526's 2047-bit q at 16 MB.
            window = FIXED_BASE_WINDOW if int(group.q).bit_length() <= 512 else 8
        self.group = group
        self.base = base
        self._window = window
        self._mask = (1 << window) - 1
        p = group.p
        rows: list[list[Element]] = []
        step = gmpy2.mpz(base)
        for _ in range(-(-int(group.q).bit_length() // window)):
            row = [gmpy2.mpz(1)] * (1 << window)
            for d in range(1, 1 << window):
                row[d] = row[d - 1] * step % p
            rows.append(row)
            step = row[-1] * step % p
        self._rows = rows

    def digits(self, e: int) -> list[int]:
        """The digits of e mod q in base 2^window, least significant first (for §4.12 exponents)."""
        q = self.group.q
        n = int(e) if 0 <= e < q else int(e % q)
        mask, window = self._mask, self._window
        out = []
        while n:
            out.append(n & mask)
            n >>= window
        return out

    def pow(self, e: int) -> Element:
        """base^e mod p, e reduced modulo q since base is in G (§4.2)."""
        return self.pow_digits(self.digits(e))

    def pow_digits(self, digits: list[int]) -> Element:
        """base^e from the ``digits`` of e (same window; §4.12 pairs g^r, y^r)."""
        p = self.group.p
        acc = None  # not 1: saves the first product (74 per ballot)
        for row, d in zip(self._rows, digits, strict=False):
            if d:
                acc = row[d] if acc is None else acc * row[d] % p
        return gmpy2.mpz(1) if acc is None else acc


class BaseChain:
    """x^e for one variable base x and several exponents e (Yao's method).

    Why: each choice's alpha is raised to the challenge of both branches of its
    interval proof (§4.12), and the blank choice's alpha and beta to those of
    the blank and overall proofs too (§4.13). GMP's powmod spends 256
    squarings on each 256-bit exponent; here the rows x^(2^(window·i)) are
    squared once, and each exponent costs one product per nonzero digit plus
    2·(2^window - 1) to combine the digit classes. Measured here (2048-bit p,
    Python-level products about 1.4 times the cost of GMP's internal ones):
    2 exponents 7 % faster than two powmods with window 5, 4 exponents 31 %
    faster with window 4; a single exponent is slower, so a base gets a chain
    only when the ballot's shape says it will be raised at least twice.
    """

    def __init__(self, group: FiniteFieldGroup, base: Element, window: int) -> None:
        self.group = group
        self.base = gmpy2.mpz(base) % group.p
        self._window = window
        self._mask = (1 << window) - 1
        p = group.p
        x = self.base
        rows = [x]
        for _ in range(-(-int(group.q).bit_length() // window) - 1):
            for _ in range(window):
                x = x * x % p
            rows.append(x)
        self._rows = rows
        self._bits = window * len(rows)

    def pow(self, e: int) -> Element:
        """base^e mod p, exactly ``gmpy2.powmod(base, e, p)`` (not reduced modulo q:
        membership of the base is tested later, in a batch)."""
        if e < 0 or e >> self._bits:
            return gmpy2.powmod(self.base, e, self.group.p)
        p, mask, window, rows = self.group.p, self._mask, self._window, self._rows
        buckets: list[Element | None] = [None] * (mask + 1)
        n = int(e)
        i = 0
        while n:
            d = n & mask
            if d:
                b = buckets[d]
                buckets[d] = rows[i] if b is None else b * rows[i] % p
            n >>= window
            i += 1
        # Π_d B_d^d as a product of running products (d from the top down).
        running: Element | None = None
        total: Element | None = None
        for d in range(mask, 0, -1):
            b = buckets[d]
            if b is not None:
                running = b if running is None else running * b % p
            if running is not None:
                total = running if total is None else total * running % p
        return gmpy2.mpz(1) if total is None else total


def chain_window(uses: int) -> int:
    """The window of a ``BaseChain`` raised ``uses`` times (the best measured here)."""
    return 4 if uses >= 4 else 5


@dataclass(frozen=True)
class TablePowers:
    """``elgamal.Powers`` of g and the election key y (§4.10) by fixed-base tables.

    ``base_pow(x, e)`` is x^e for the proofs' variable bases: by a
    ``BaseChain`` when ``share_bases`` announced x, else by ``gmpy2.powmod``.
    A base announced as shifted, x = b · g^-m, is raised as b^e · g^(-m·e):
    the statements "beta encrypts 0" and "beta encrypts 1" of one choice
    (§4.12, §4.13) then share the chain of beta. The chains are per ballot
    (``forget_bases`` drops them): one ``BallotVerifier`` per thread.
    """

    group: FiniteFieldGroup
    y: Element
    _g: FixedBaseTable = field(init=False, repr=False, compare=False)
    _y: FixedBaseTable = field(init=False, repr=False, compare=False)
    _chains: dict[Element, BaseChain | int] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _shifted: dict[Element, tuple[Element, int]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_g", FixedBaseTable(self.group, self.group.g))
        object.__setattr__(self, "_y", FixedBaseTable(self.group, self.y))

    def g_pow(self, e: int) -> Element:
        """g^e mod p (§4.11–4.14)."""
        return self._g.pow(e)

    def y_pow(self, e: int) -> Element:
        """y^e mod p (§4.11–4.13)."""
        return self._y.pow(e)

    def gy_pow(self, e: int) -> tuple[Element, Element]:
        """(g^e, y^e) of one proof branch (§4.12), digits of e computed once."""
        digits = self._g.digits(e)
        return self._g.pow_digits(digits), self._y.pow_digits(digits)

    def share_bases(
        self, uses: dict[Element, int], shifted: dict[Element, tuple[Element, int]] | None = None
    ) -> None:
        """Announce variable bases and how many times each will be raised (chains for 2 or more).

        ``shifted`` maps a base x to (b, m) with x = b · g^-m mod p, b announced in ``uses``.
        """
        for base, count in uses.items():
            if count >= 2:
                self._chains[base] = count  # the chain is built at its first use
        for x, (base, m) in (shifted or {}).items():
            if base in self._chains and x != base:
                self._shifted[x] = (base, m)

    def forget_bases(self) -> None:
        """Drop the chains of the announced bases (end of a ballot)."""
        self._chains.clear()
        self._shifted.clear()

    def base_pow(self, x: Element, e: int) -> Element:
        """x^e mod p for a variable base x of a proof (§4.12–4.14), as ``gmpy2.powmod``."""
        shift = self._shifted.get(x) if e >= 0 else None
        if shift is not None:
            base, m = shift
            chain = self._chain(base)
            if chain is not None:
                # (b · g^-m)^e = b^e · g^(-m·e) for any b: only g is assumed in G.
                return chain.pow(e) * self._g.pow(-m * e) % self.group.p
        chain = self._chain(x)
        return gmpy2.powmod(x, e, self.group.p) if chain is None else chain.pow(e)

    def _chain(self, base: Element) -> BaseChain | None:
        chain = self._chains.get(base)
        if isinstance(chain, int):
            chain = BaseChain(self.group, base, chain_window(chain))
            self._chains[base] = chain
        return chain


def _multi_exp_small(
    group: FiniteFieldGroup, xs: Sequence[Element], exps: Sequence[int]
) -> Element:
    """Π x_i^e_i for ``ORDER_R_BITS``-bit e_i, by the bucket method (Pippenger)."""
    p = group.p
    window = 8 if len(xs) > 256 else 4
    mask = (1 << window) - 1
    acc = gmpy2.mpz(1)
    for shift in reversed(range(0, ORDER_R_BITS, window)):
        for _ in range(window):
            acc = acc * acc % p
        buckets = [gmpy2.mpz(1)] * (1 << window)
        for x, e in zip(xs, exps, strict=True):
            d = (e >> shift) & mask
            if d:
                buckets[d] = buckets[d] * x % p
        running = gmpy2.mpz(1)
        total = gmpy2.mpz(1)
        for d in range(mask, 0, -1):
            running = running * buckets[d] % p
            total = total * running % p
        acc = acc * total % p
    return acc


def _ternary_digits(count: int, rng: random.Random) -> list[int]:
    """``count`` uniform values in {0, 1, 2}: random bytes below 255, modulo 3."""
    digits: list[int] = []
    while len(digits) < count:
        digits += [b % 3 for b in rng.randbytes(count - len(digits) + 8) if b < 255]
    return digits[:count]


def _ternary_product(
    group: FiniteFieldGroup, xs: Sequence[Element], squares: Sequence[Element], rng: random.Random
) -> Element:
    p = group.p
    acc = gmpy2.mpz(1)
    for x, x2, e in zip(xs, squares, _ternary_digits(len(xs), rng), strict=True):
        if e == 1:
            acc = acc * x % p
        elif e == 2:
            acc = acc * x2 % p
    return acc


def _batch_passes_belenios(
    group: FiniteFieldGroup, xs: Sequence[Element], rng: random.Random
) -> bool:
    p, q = group.p, group.q
    squares = [x * x % p for x in xs]
    for _ in range(ORDER_3_TESTS):
        if gmpy2.powmod(_ternary_product(group, xs, squares, rng), q, p) != 1:
            return False
    size = ORDER_R_BITS // 8
    for _ in range(ORDER_R_TESTS):
        raw = rng.randbytes(size * len(xs))
        exps = [int.from_bytes(raw[size * i : size * (i + 1)], "little") for i in range(len(xs))]
        if gmpy2.powmod(_multi_exp_small(group, xs, exps), q, p) != 1:
            return False
    return True


def find_non_members(
    group: Group, elements: Sequence[Element], rng: random.Random | None = None
) -> list[int]:
    """Indices of ``elements`` not in G (§4.2), error ≤ 2^-41 (see the module docstring).

    ``rng`` must be unpredictable to whoever wrote the data: the default is the
    OS CSPRNG; a seeded generator is only for tests.
    """
    source = rng if rng is not None else _SYSTEM_RANDOM
    if not isinstance(group, FiniteFieldGroup):
        # Ed25519: the exact test (native library, else libsodium) costs about one multiplication.
        return [i for i, x in enumerate(elements) if not group.is_member(x)]
    p = group.p
    bad = [i for i, x in enumerate(elements) if not 0 < x < p or gmpy2.jacobi(x, p) != 1]
    if group == RFC_3526_2048:
        return bad  # p = 2q + 1: the squares are exactly G
    suspects = set(bad)
    rest = [x for i, x in enumerate(elements) if i not in suspects]
    if group == BELENIOS_2048 and _batch_passes_belenios(group, rest, source):
        return bad
    return [i for i, x in enumerate(elements) if not group.is_member(x)]


@dataclass(frozen=True)
class BallotOutcome:
    """What verifying one ballot found (§3.5.1 step 1); picklable, no secret in it.

    ``check`` and ``error`` name the failed check and its error class (None
    when ``ok``); ``choices`` holds, when asked for, each answer's
    ciphertexts as (alpha, beta) pairs of Python ints.
    """

    index: int
    ok: bool
    tracker: str
    credential: str | None
    weight: int | None
    check: str | None = None
    error: str | None = None
    reason: str | None = None
    choices: tuple[tuple[tuple[int, int], ...], ...] | None = None


class BallotVerifier:
    """Verifies ballots of one election (§3.5.1 step 1, §4.15), chunk by chunk."""

    def __init__(
        self,
        election: Election,
        credentials: CredentialList,
        *,
        with_choices: bool = False,
        rng: random.Random | None = None,
    ) -> None:
        self.election = election
        self.credentials = credentials
        self.with_choices = with_choices
        group = election.group
        # Ed25519: the exact membership test is cheap enough to run when parsing, and
        # the native library computes each proof commitment in one multiplication
        # (libsodium alone when it was not built).
        self.powers: TablePowers | PlainPowers | VerificationPowers | None = None
        self._tables: TablePowers | None = None
        if isinstance(group, FiniteFieldGroup):
            self._tables = TablePowers(group, election.public_key)
            self.powers = self._tables
        elif isinstance(group, Ed25519Group):
            native = verification_powers(group, election.public_key)
            self.powers = native or PlainPowers(group, election.public_key)
        else:
            self.powers = PlainPowers(group, election.public_key)
        self._rng = rng

    def verify_chunk(self, raws: Iterable[bytes], first_index: int = 0) -> list[BallotOutcome]:
        """Verify ballots (raw bytes, §4.15); one outcome per ballot, in order.

        The outcome names the same check as ``verify_ballot`` on a ballot
        parsed with the exact membership test: an element outside G is
        reported as such ("subgroup") even when a proof failed too.
        """
        outcomes: list[BallotOutcome] = []
        parsed: dict[int, Ballot] = {}
        for offset, raw in enumerate(raws):
            index = first_index + offset
            tracker = sha256_b64(bytes(raw).strip())
            tables = self._tables
            try:
                ballot = Ballot.from_bytes(raw, self.election, check_elements=tables is None)
            except ProtocolError as e:
                outcomes.append(_failure(index, tracker, e))
                continue
            if tables is not None:
                parsed[len(outcomes)] = ballot
                tables.share_bases(*_shared_bases(self.election, ballot))
            credential = str(ballot.credential)
            try:
                weight = verify_ballot(self.election, ballot, self.credentials, self.powers)
            except ProtocolError as e:
                outcomes.append(_failure(index, tracker, e, credential))
                continue
            finally:
                if tables is not None:
                    tables.forget_bases()
            choices = None
            if self.with_choices:
                choices = tuple(
                    tuple((int(c.alpha), int(c.beta)) for c in a.choices) for a in ballot.answers
                )
            outcomes.append(
                BallotOutcome(index, True, tracker, credential, weight, choices=choices)
            )
        self._check_members(outcomes, parsed)
        return outcomes

    def _check_members(self, outcomes: list[BallotOutcome], parsed: dict[int, Ballot]) -> None:
        owners: list[int] = []
        elements: list[Element] = []
        for position, ballot in parsed.items():
            for x in ballot.elements():
                # A credential found in L is a member: L was checked when it was loaded.
                if x is ballot.credential and x in self.credentials:
                    continue
                elements.append(x)
                owners.append(position)
        for i in find_non_members(self.election.group, elements, self._rng):
            old = outcomes[owners[i]]
            if old.check != "subgroup":
                error = NotInSubgroupError("a ballot element is not in the order-q subgroup")
                outcomes[owners[i]] = _failure(old.index, old.tracker, error, old.credential)


def _shared_bases(
    election: Election, ballot: Ballot
) -> tuple[dict[Element, int], dict[Element, tuple[Element, int]]]:
    """How many times ``verify_ballot`` raises each variable base of ``ballot`` (§4.12, §4.13).

    Every alpha is raised to both challenges of its interval proof (values 0
    and 1). With blank allowed, the blank choice c0 also enters the blank
    proof (alpha0, beta0) and the overall proof (alpha0, beta0 / g), and the
    alpha of cΣ (the product of the other choices) enters both. Only a hint:
    a base counted wrongly is computed as exactly, a little slower.
    """
    group = election.group
    assert isinstance(group, FiniteFieldGroup), "TablePowers only"
    p = group.p
    uses: dict[Element, int] = {}
    shifted: dict[Element, tuple[Element, int]] = {}
    for answer, question in zip(ballot.answers, election.questions, strict=False):
        for c in answer.choices:
            uses[c.alpha] = uses.get(c.alpha, 0) + 2
        if isinstance(question, HomomorphicQuestion) and question.blank_allowed and answer.choices:
            c0 = answer.choices[0]
            uses[c0.alpha] = uses.get(c0.alpha, 0) + 2
            # beta0 and beta0 / g: each twice, one chain for the four.
            uses[c0.beta] = uses.get(c0.beta, 0) + 4
            shifted[statement(group, c0, 1)[1]] = (c0.beta, 1)
            alpha_sigma = gmpy2.mpz(1)
            for c in answer.choices[1:]:
                alpha_sigma = alpha_sigma * c.alpha % p
            uses[alpha_sigma] = uses.get(alpha_sigma, 0) + 2
    return uses, shifted


def _failure(
    index: int, tracker: str, error: ProtocolError, credential: str | None = None
) -> BallotOutcome:
    return BallotOutcome(
        index, False, tracker, credential, None, error.check, type(error).__name__, error.technical
    )


class AnyCredential(CredentialList):
    """Stands for L in a pool's workers: every credential passes with weight 1.

    The caller checks each outcome's credential against the real L
    (``settle_credential``), so a worker's memory does not grow with the
    electorate. ``in`` is False: the credential's membership of G is then tested
    with the ballot's other elements.
    """

    def __init__(self) -> None:
        super().__init__(())

    def __contains__(self, credential: object) -> bool:
        return False

    def weight_of(self, credential: Element) -> int:
        return 1


ANY_CREDENTIAL = AnyCredential()

# Checks ``verify_ballot`` makes before looking the credential up in L (§4.15).
_BEFORE_CREDENTIAL = frozenset({"format", "subgroup", "election", "identity"})


def settle_credential(
    outcome: BallotOutcome, group: Group, credentials: CredentialList
) -> BallotOutcome:
    """The outcome ``verify_ballot`` gives with L, from one computed with ``ANY_CREDENTIAL``.

    A ballot that failed before the credential check keeps its failure; one whose
    credential is not in L fails on "credential" (checked before the proofs);
    else it keeps its outcome and gets its weight from L.
    """
    if outcome.check in _BEFORE_CREDENTIAL or outcome.credential is None:
        return outcome
    try:
        weight = credentials.weight_of(group.parse_raw_element(outcome.credential))
    except ProtocolError as e:
        error = e if isinstance(e, UnknownCredentialError) else UnknownCredentialError(e.technical)
        return _failure(outcome.index, outcome.tracker, error, outcome.credential)
    return replace(outcome, weight=weight) if outcome.ok else outcome


def load_credentials(group: Group, data: bytes, rng: random.Random | None = None) -> CredentialList:
    """The public credential list L (§4.8) with the batched membership test.

    The neutral element is refused (``IdentityElementError``): anyone can sign
    for it with the exponent 0, yet Belenios' membership test accepts it."""
    items = require_list(loads(data), "credentials")
    # Ed25519 elements are tested one by one (``Ed25519Group.is_member``) as they are read.
    batched = isinstance(group, FiniteFieldGroup)
    entries = [
        PublicCredential.from_str(group, require_str(i, "credential"), check_element=not batched)
        for i in items
    ]
    bad = find_non_members(group, [e.credential for e in entries], rng)
    if bad:
        raise NotInSubgroupError(f"public credential number {bad[0]} is not in the subgroup")
    identity = group.identity
    for i, entry in enumerate(entries):
        if entry.credential == identity:  # members already: only the identity is left to refuse
            raise IdentityElementError(f"public credential number {i} is the neutral element")
    return CredentialList(tuple(entries))
