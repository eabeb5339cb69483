"""Errors raised while computing results and allocating seats."""

from __future__ import annotations

from ceremony.errors import CeremonyError


class TallyError(CeremonyError):
    """Base of the results and seat-allocation errors."""

    default_message = "Le calcul des résultats a échoué."


class InconsistentCountError(TallyError):
    """The decrypted result does not agree with the counted ballots or the electors."""

    default_message = (
        "Les chiffres du dépouillement ne sont pas cohérents (votants, blancs, voix par liste). "
        "Ne publiez pas ces résultats : relancez le dépouillement et prévenez l'expert."
    )


class InvalidContestDefinitionError(TallyError):
    """The contest definition (lists, seats, union key, tie-break rules) is not usable."""

    default_message = (
        "La définition du scrutin est invalide (listes, sièges, clé de répartition ou "
        "règles de départage). Corrigez la définition de l'élection."
    )


class LotDrawRequiredError(TallyError):
    """A tie on the last seat(s) can only be broken by a public drawing of lots."""

    default_message = (
        "Égalité parfaite entre des listes pour le dernier siège : un tirage au sort public "
        "est nécessaire. Tirez la graine en séance, consignez-la au journal, puis relancez "
        "la répartition des sièges."
    )

    def __init__(self, technical: str, *, tied_lists: tuple[str, ...]) -> None:
        super().__init__(technical)
        self.tied_lists = tied_lists


class UnresolvedTieError(TallyError):
    """The tie-break rules of the election definition leave a tie undecided."""

    default_message = (
        "Les règles de départage de l'élection ne permettent pas de départager des listes à "
        "égalité. La définition de l'élection doit prévoir un tirage au sort."
    )
