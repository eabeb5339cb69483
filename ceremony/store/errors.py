"""Named errors of the store, the blob directory and the journal.

Every journal error names the entry (by sequence number) or the checkpoint
where the record stops being trustworthy, so the expert knows where to look.
"""

from __future__ import annotations

from ceremony.errors import CeremonyError


class StoreError(CeremonyError):
    default_message = (
        "Le registre du bureau ne peut pas être utilisé. "
        "Vérifiez le dossier du registre et relancez l'application."
    )


class StoreLockedError(StoreError):
    default_message = (
        "Le registre du bureau est déjà ouvert par une autre instance de Bureau. "
        "Fermez l'autre fenêtre ou l'autre commande, puis réessayez."
    )


class StoreMigrationError(StoreError):
    default_message = (
        "Le registre du bureau n'a pas pu être mis à jour vers le format de cette version. "
        "Gardez une copie du dossier et contactez l'assistance technique."
    )


class TransactionError(StoreError):
    default_message = (
        "Une opération sur le registre a été refusée : rien n'a été enregistré. "
        "Recommencez l'étape."
    )


class BlobNotFoundError(StoreError):
    default_message = (
        "Un fichier attendu (paquet ou pièce) est absent du registre. "
        "Réimportez-le ou signalez-le à l'expert."
    )


class BlobIntegrityError(StoreError):
    default_message = (
        "Un fichier conservé dans le registre a été modifié depuis son enregistrement. "
        "Ne l'utilisez pas et signalez-le à l'expert."
    )


class JournalError(StoreError):
    """A journal (or its export) fails verification; ``sequence`` names the entry."""

    default_message = (
        "Le journal du bureau a été modifié : il ne correspond plus à ce qui a été "
        "enregistré. Signalez-le au président et à l'expert."
    )

    def __init__(
        self, technical: str = "", *, sequence: int | None = None, user_message: str | None = None
    ) -> None:
        self.sequence = sequence
        super().__init__(technical, user_message=user_message)


class JournalFormatError(JournalError):
    default_message = (
        "Le fichier de journal est illisible ou n'est pas un journal de Bureau. "
        "Vérifiez que vous avez choisi le bon fichier."
    )


class JournalEntryModifiedError(JournalError):
    default_message = (
        "Une entrée du journal a été modifiée après son enregistrement. "
        "Signalez-le au président et à l'expert."
    )


class JournalChainBrokenError(JournalError):
    default_message = (
        "Le chaînage du journal est rompu : une entrée a été remplacée. "
        "Signalez-le au président et à l'expert."
    )


class JournalEntryMissingError(JournalError):
    default_message = (
        "Une entrée du journal a été supprimée. Signalez-le au président et à l'expert."
    )


class JournalOrderError(JournalError):
    default_message = (
        "Les entrées du journal ont été réordonnées ou dupliquées. "
        "Signalez-le au président et à l'expert."
    )


class JournalTruncatedError(JournalError):
    default_message = (
        "La fin du journal a été supprimée : des entrées certifiées manquent. "
        "Signalez-le au président et à l'expert."
    )


class JournalUnsignedError(JournalError):
    default_message = (
        "La fin du journal n'est couverte par aucun point de contrôle signé : elle ne peut "
        "pas être authentifiée. Demandez le journal complet, signé à la clôture."
    )


class CheckpointSignatureError(JournalError):
    default_message = (
        "Un point de contrôle du journal porte une signature invalide : il a été "
        "falsifié. Signalez-le au président et à l'expert."
    )


class CheckpointKeyError(JournalError):
    default_message = (
        "Un point de contrôle du journal est signé par une clé qui n'est pas celle du "
        "poste du bureau. Signalez-le au président et à l'expert."
    )


class CheckpointMismatchError(JournalError):
    default_message = (
        "Le journal ne correspond plus à un point de contrôle signé : des entrées "
        "certifiées ont été réécrites. Signalez-le au président et à l'expert."
    )


class JournalValueError(StoreError):
    default_message = (
        "Une entrée de journal mal formée a été refusée : rien n'a été enregistré. "
        "Signalez-le à l'assistance technique."
    )


class WorkstationKeyError(StoreError):
    default_message = (
        "La clé du poste de travail est inutilisable. "
        "Vérifiez le trousseau du système ou le fichier de clé du poste."
    )
