"""Named card errors, each with a French message for the key holder.

No error ever carries a PIN, a secret or a plaintext: only counts, card
serials, reader names and status words.
"""

from __future__ import annotations

from ceremony.errors import CeremonyError


class CardError(CeremonyError):
    """Base of every card error."""

    default_message = "La carte n'a pas pu être utilisée. Retirez-la et réinsérez-la."


class WrongPinError(CardError):
    """The card refused the PIN; ``tries_left`` tries remain (``None``: unknown)."""

    default_message = "Code incorrect."

    def __init__(self, technical: str = "", *, tries_left: int | None = None) -> None:
        self.tries_left = tries_left
        if tries_left is None:
            message = "Code incorrect. Vérifiez le code et recommencez."
        elif tries_left == 1:
            message = (
                "Code incorrect. Il reste un seul essai : au prochain échec la carte sera bloquée."
            )
        else:
            message = f"Code incorrect. Il reste {tries_left} essais."
        super().__init__(technical, user_message=message)


class PinBlockedError(CardError):
    default_message = (
        "Le code de cette carte est bloqué après trop d'essais. Utilisez la carte d'un autre "
        "membre habilité, ou faites-la débloquer devant son titulaire : code administrateur "
        "(pli A) ou code de déblocage (pli R), voir la remise des clés."
    )


class PinPolicyError(CardError):
    default_message = (
        "Ce code n'est pas accepté : choisissez un code d'au moins 6 chiffres, "
        "différent du code d'usine."
    )


class PinEntryCancelledError(CardError):
    default_message = "Saisie du code annulée. Rien n'a été modifié sur la carte."


class WrongCardError(CardError):
    default_message = (
        "Ce n'est pas la carte attendue (titulaire, rôle ou bureau différent). "
        "Insérez la carte du membre indiqué."
    )


class NotOpenPGPCardError(CardError):
    default_message = (
        "Cette carte n'est pas une carte OpenPGP utilisable. Insérez une carte de membre du bureau."
    )


class CardNotInitialisedError(CardError):
    default_message = (
        "Cette carte n'a pas encore été préparée pour le bureau. "
        "Faites-la initialiser pendant la séance de création des clés."
    )


class MissingAlgorithmError(CardError):
    default_message = (
        "Cette carte ne sait pas produire les clés nécessaires (X25519 et P-256 ou RSA-2048). "
        "Utilisez un autre modèle de carte."
    )


class DataObjectTooSmallError(CardError):
    default_message = (
        "La mémoire de la carte est trop petite pour y ranger la clé du bureau. "
        "Utilisez un autre modèle de carte."
    )


class CardRemovedError(CardError):
    default_message = (
        "La carte a été retirée pendant l'opération. Rien n'a été enregistré : "
        "réinsérez la carte et recommencez."
    )


class NoReaderError(CardError):
    default_message = "Aucun lecteur de carte n'est branché. Branchez un lecteur et recommencez."


class NoCardError(CardError):
    default_message = "Aucune carte dans le lecteur. Insérez la carte et recommencez."


class PcscdNotRunningError(CardError):
    default_message = (
        "Le service des cartes à puce (pcscd) ne fonctionne pas. "
        "Démarrez-le (ou redémarrez l'ordinateur) puis recommencez."
    )


class CardInUseError(CardError):
    default_message = (
        "La carte est utilisée par un autre programme (par exemple GnuPG). "
        "Fermez ce programme, retirez et réinsérez la carte, puis recommencez."
    )


class CardOperationError(CardError):
    """The card answered an unexpected status word."""

    default_message = "La carte a refusé l'opération. Retirez-la, réinsérez-la et recommencez."


class UnwrapError(CardError):
    """The wrapped secret does not open with this card and this context."""

    default_message = (
        "La clé rangée sur cette carte ne correspond pas à ce bureau ou à cette élection. "
        "Vérifiez qu'il s'agit de la bonne carte."
    )


class NoWrappedSecretError(CardError):
    default_message = "Aucune clé du bureau n'est rangée sur cette carte."


class CardSignatureError(CardError):
    default_message = "La signature faite par la carte n'est pas valide."


class TrainingCardRefusedError(CardError):
    default_message = (
        "Ceci est une carte d'ENTRAÎNEMENT : elle est refusée pour une élection réelle. "
        "Utilisez la carte à puce du membre."
    )


class TrainingCardFileError(CardError):
    default_message = "Le fichier de la carte d'entraînement est illisible ou abîmé."


class CardHoldsKeyError(CardError):
    """The card already holds a ceremony key: nothing ordinary may overwrite it."""

    default_message = (
        "Cette carte porte déjà la clé d'une cérémonie : elle n'est ni réinitialisée ni "
        "réécrite. Seul son titulaire peut demander l'effacement (bureau card wipe)."
    )


class CardUnblockError(CardError):
    default_message = (
        "La carte n'a pas pu être débloquée : vérifiez le code administrateur de la carte."
    )
