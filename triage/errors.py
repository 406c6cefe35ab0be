"""Domain errors. Messages are safe to show to clients: they name the field or id, never echo
ticket text. `triage.rpc.status` maps each class to a gRPC status code in one table."""

from __future__ import annotations


class TriageError(Exception):
    """Base class of every error the service raises on purpose."""


class InvalidTicket(TriageError):
    """A ticket that breaks a rule; `field` is its dotted path (e.g. `ticket.body`)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class ModelUnavailable(TriageError):
    """No model is loaded yet (or loading failed at start)."""


class ModelNotFound(TriageError):
    """A model version or bundle path that does not exist."""


class BundleIntegrityError(TriageError):
    """A bundle whose files do not match their recorded SHA-256, or whose meta.json is unusable."""


class DatasetError(TriageError):
    """A training/evaluation dataset that cannot be read or lacks required columns."""


class ContentError(TriageError):
    """Suggestion content (knowledge base, macros, routing table) that cannot be loaded; the
    message names the file and line."""


class PolicyValidationError(TriageError):
    """An escalation policy that breaks a rule; `problems` name the key and line of each."""

    def __init__(self, problems: list) -> None:  # list[triage.escalation.policy.Problem]
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""
        super().__init__(f"invalid policy: {shown}{more}")


class PolicyNotFound(TriageError):
    """A policy version that is not in the store."""


class AuthMissing(TriageError):
    """A call without the credential it needs (UNAUTHENTICATED)."""


class AuthDenied(TriageError):
    """A call with a wrong credential (PERMISSION_DENIED)."""


class AdminAuthMissing(AuthMissing):
    """An admin call without a credential (or with admin calls switched off)."""


class AdminAuthDenied(AuthDenied):
    """An admin call with a wrong credential."""


# --- admin surface (SimulatePolicy datasets) ---


class DatasetPathDenied(TriageError):
    """A server-side dataset path outside the simulation directory (or none is configured);
    the message is the same whether or not such a file exists."""


class DatasetTooLarge(TriageError):
    """A server-side dataset over the configured bytes or rows (found while streaming)."""


class ConfigError(TriageError, ValueError):
    """Settings or files that cannot work (e.g. a TLS key that does not parse); the message names
    the variable or flag. The CLI prints it on one line and exits non-zero."""


# --- serving from a model source, reload (issue 11 part 3) ---


class ReloadFailed(TriageError):
    """A model that could not be resolved, fetched, loaded or verified on reload; the model
    already serving stays in service (FAILED_PRECONDITION: an operator must fix the source)."""


class ReloadInProgress(TriageError):
    """A reload asked for while another one runs (ABORTED: retry when it has ended)."""


# --- agents' feedback (issue 12) ---


class FeedbackOff(TriageError):
    """SubmitFeedback on a server without a feedback store (TRIAGE_FEEDBACK_URL empty)."""


class FeedbackStoreError(TriageError):
    """The feedback store cannot be opened or written (UNAVAILABLE: retry; nothing was
    acknowledged). Details are in the server log only."""


class TicketNotRemembered(TriageError):
    """Feedback naming only a ticket id the server has not served recently (NOT_FOUND)."""
