"""TriageService over gRPC: convert, call the service, convert. No model code here."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import grpc

from triage.domain import Ticket
from triage.errors import FeedbackOff, InvalidTicket, TicketNotRemembered
from triage.feedback import FeedbackService
from triage.rpc import converters
from triage.rpc.logs import (
    REQUEST_ID_KEY,
    model_version_var,
    policy_version_var,
    request_id_from,
    request_id_var,
    worker_metadata,
)
from triage.rpc.status import MalformedRequest, abort_for
from triage.service import TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

log = logging.getLogger(__name__)


class Unparsable:
    """What the server's lenient deserializers hand over instead of bytes that do not parse."""


UNPARSABLE = Unparsable()
Request = pb.TriageRequest | Unparsable


@contextmanager
def call_scope(context: grpc.ServicerContext, service: TriageService, method: str) -> Iterator[str]:
    """Sets the log context, echoes the request id, logs one line per call and turns any
    exception into its status code (status.CODES)."""
    request_id = request_id_from(context.invocation_metadata())
    request_id_var.set(request_id)
    model_version_var.set(service.model_version or "-")
    policy_version_var.set(service.policy.version.version or "-")
    context.set_trailing_metadata(((REQUEST_ID_KEY, request_id), *worker_metadata()))
    started = time.perf_counter()
    try:
        yield request_id
        log.info("%s OK in %.1f ms", method, (time.perf_counter() - started) * 1000)
    except GeneratorExit:  # a stream closed by grpc between two responses: the client left
        log.info("%s ended by the client", method)
        raise
    except Exception as exc:
        if not context.is_active():  # the client went away (cancel, deadline): nobody to answer
            log.info("%s ended by the client", method)
            raise
        abort_for(context, exc, request_id)
    finally:
        # Reset instead of token.reset: a stream generator may be closed from another thread.
        request_id_var.set("-")
        model_version_var.set("-")
        policy_version_var.set("-")


def _ticket(request: Request) -> Ticket:
    if isinstance(request, Unparsable):
        raise MalformedRequest()
    return converters.ticket_from_request(request)


@contextmanager
def _at_position(i: int) -> Iterator[None]:
    """Name the stream position in errors: `request[3].ticket.body: ...`."""
    try:
        yield
    except InvalidTicket as exc:
        raise InvalidTicket(f"request[{i}].{exc.field}", exc.problem) from exc
    except MalformedRequest as exc:
        raise MalformedRequest(f"request[{i}]") from exc


@contextmanager
def _feedback_at(i: int) -> Iterator[None]:
    """Name the stream position in feedback errors too: `request[3].labels.topic: ...`."""
    with _at_position(i):
        try:
            yield
        except TicketNotRemembered as exc:
            raise TicketNotRemembered(f"request[{i}].{exc}") from exc


def _batches(requests: Iterable[Request], limit: int) -> Iterator[list[Request]]:
    """Requests in the batches they are ready in (see limits._Paced.next_batch); one by one
    from a plain iterator."""
    take = getattr(requests, "next_batch", None)
    if take is None:
        yield from ([request] for request in requests)
        return
    while batch := take(limit):
        yield batch


def _feedback_in(request: pb.FeedbackRequest | Unparsable) -> pb.FeedbackRequest:
    if isinstance(request, Unparsable):
        raise MalformedRequest()
    return request


class TriageServicer(pb_grpc.TriageServiceServicer):
    def __init__(self, service: TriageService, feedback: FeedbackService | None = None) -> None:
        self._service = service
        self._feedback = feedback

    def _feedback_service(self) -> FeedbackService:
        if self._feedback is None:
            raise FeedbackOff("feedback is off on this server")
        return self._feedback

    def Triage(self, request: Request, context: grpc.ServicerContext) -> pb.TriageResponse:
        with call_scope(context, self._service, "Triage"):
            return converters.result_to_proto(self._service.triage(_ticket(request)))

    def TriageStream(
        self,
        request_iterator: Iterable[Request],
        context: grpc.ServicerContext,
    ) -> Iterator[pb.TriageResponse]:
        # The tickets the client has already sent (read ahead, see limits._Paced) are scored
        # as one batch; a client that waits for each answer before sending on gets one ticket
        # per batch, so nothing waits for a batch to fill. A bad request ends the stream after
        # the answers to the requests before it, naming its position.
        with call_scope(context, self._service, "TriageStream"):
            position = 0
            for batch in _batches(request_iterator, self._service.settings.max_batch):
                tickets: list[Ticket] = []
                error: Exception | None = None
                for request in batch:
                    try:
                        with _at_position(position):
                            tickets.append(self._service.checked(_ticket(request)))
                    except Exception as exc:
                        error = exc
                        break
                    position += 1
                if tickets:
                    yield from map(converters.result_to_proto, self._service.triage_many(tickets))
                if error is not None:
                    raise error

    def GetModelInfo(
        self, request: pb.GetModelInfoRequest | Unparsable, context: grpc.ServicerContext
    ) -> pb.ModelInfo:
        with call_scope(context, self._service, "GetModelInfo"):
            return converters.model_info_to_proto(self._service.model_info())

    def SearchArticles(
        self, request: pb.SearchArticlesRequest | Unparsable, context: grpc.ServicerContext
    ) -> pb.SearchArticlesResponse:
        with call_scope(context, self._service, "SearchArticles"):
            if isinstance(request, Unparsable):
                raise MalformedRequest()
            articles = self._service.search_articles(request.query, request.language, request.limit)
            return pb.SearchArticlesResponse(
                articles=[converters.article_to_proto(a) for a in articles]
            )

    def SuggestAnswer(
        self, request: pb.SuggestAnswerRequest | Unparsable, context: grpc.ServicerContext
    ) -> pb.SuggestAnswerResponse:
        with call_scope(context, self._service, "SuggestAnswer"):
            if isinstance(request, Unparsable):
                raise MalformedRequest()
            ticket, conversation = converters.suggest_request_in(request)
            answer = self._service.suggest_answer(ticket, conversation)
            return converters.answer_to_proto(answer)

    def SubmitFeedback(
        self, request: pb.FeedbackRequest | Unparsable, context: grpc.ServicerContext
    ) -> pb.FeedbackResponse:
        with call_scope(context, self._service, "SubmitFeedback"):
            feedback = converters.feedback_from_proto(_feedback_in(request))
            outcome = self._feedback_service().submit(feedback)
            return converters.feedback_outcome_to_proto(outcome)

    def SubmitFeedbackStream(
        self,
        request_iterator: Iterable[pb.FeedbackRequest | Unparsable],
        context: grpc.ServicerContext,
    ) -> pb.FeedbackSummary:
        # Each correction is stored (durably) before the next is read: a stream cut short has
        # stored exactly the ones before the cut, and re-sending them all is idempotent.
        with call_scope(context, self._service, "SubmitFeedbackStream"):
            service = self._feedback_service()
            summary = pb.FeedbackSummary()
            for i, request in enumerate(request_iterator):
                with _feedback_at(i):
                    outcome = service.submit(converters.feedback_from_proto(_feedback_in(request)))
                summary.received += 1
                summary.duplicates += outcome.duplicate
                summary.stored += not outcome.duplicate
                summary.flagged += bool(outcome.flags)
            return summary
