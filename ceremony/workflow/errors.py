"""Named errors of the ceremony engine: a refused step changes nothing."""

from __future__ import annotations

from ceremony.errors import CeremonyError


class WorkflowError(CeremonyError):
    default_message = "Cette étape de la cérémonie ne peut pas être faite maintenant."


class WrongPhaseError(WorkflowError):
    default_message = (
        "Cette étape n'appartient pas à la phase en cours de la cérémonie : "
        "consultez « bureau status » pour voir l'étape attendue."
    )


class StepAlreadyDoneError(WorkflowError):
    default_message = "Cette étape a déjà été faite et journalisée ; elle ne se refait pas."


class QuorumError(WorkflowError):
    # Every raise site that knows who is missing says so in its own user message.
    default_message = (
        "Le quorum n'est pas atteint : il faut la carte de la présidence ou du secrétariat "
        "et celles du nombre de délégués de liste que fixe la définition de l'élection."
    )


class MemberUnknownError(WorkflowError):
    default_message = "Ce membre ne fait pas partie du bureau défini par l'organisateur."


class CardNotRegisteredError(WorkflowError):
    default_message = (
        "Cette carte n'est pas celle qui a été enregistrée pour ce membre lors de la "
        "cérémonie des clés : reprenez la carte attendue."
    )


class PlatformKeyNotConfirmedError(WorkflowError):
    default_message = (
        "L'empreinte de la clé de la plateforme ne correspond pas à celle lue à voix "
        "haute : n'importez rien de plus et prévenez l'organisateur."
    )


class TestVoteFailedError(WorkflowError):
    __test__ = False
    default_message = (
        "Le vote à blanc n'a pas donné les résultats attendus : le système ne peut "
        "pas être scellé. Prévenez l'expert indépendant."
    )


class SealCheckError(WorkflowError):
    default_message = (
        "Une vérification avant scellement a échoué (listes, ordre du tirage, "
        "professions de foi ou logos) : le système ne peut pas être scellé."
    )


class UrnNotEmptyError(WorkflowError):
    default_message = (
        "L'urne n'était pas vide à l'ouverture du vote : ce constat doit figurer au "
        "procès-verbal et l'expert doit être prévenu."
    )


class ComponentsChangedError(WorkflowError):
    default_message = (
        "Le logiciel de vote en service n'est pas celui qui a été expertisé et scellé : "
        "son empreinte diffère de celle du scellement. Le vote ne doit pas se poursuivre ; "
        "le bureau consigne ce constat, prévient l'expert et le directeur général (art. 15 "
        "et 19)."
    )


class UrnCheckError(WorkflowError):
    default_message = (
        "L'urne reçue de la plateforme ne passe pas les vérifications : elle n'est "
        "pas acceptée. Le détail technique dit quelle vérification a échoué."
    )


class EmargementMismatchError(UrnCheckError):
    default_message = (
        "Le nombre d'émargements ne correspond pas au nombre de bulletins dans "
        "l'urne : l'urne n'est pas acceptée."
    )


class LateBallotError(UrnCheckError):
    default_message = (
        "Des votes ont été enregistrés après l'heure de clôture augmentée du délai "
        "de grâce : l'urne n'est pas acceptée."
    )


class SealChangedError(UrnCheckError):
    default_message = (
        "L'élection contenue dans l'urne n'est pas celle que le bureau a scellée : "
        "l'urne n'est pas acceptée."
    )


class CountMismatchError(WorkflowError):
    default_message = (
        "Le second dépouillement ne donne pas le même résultat que le premier : "
        "n'en publiez aucun et prévenez l'expert indépendant."
    )


class AuthorisationMissingError(WorkflowError):
    default_message = (
        "Le bureau suspend, reprend ou arrête le vote après autorisation du directeur général "
        "de l'organisateur (art. 19) : indiquez la référence de cette autorisation."
    )


class DecisionNotAllowedError(WorkflowError):
    default_message = (
        "Cette décision ne suit pas les précédentes : on ne reprend qu'un vote suspendu, "
        "on ne suspend qu'un vote en cours, et rien ne suit l'arrêt du vote."
    )
