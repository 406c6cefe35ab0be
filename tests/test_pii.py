"""Personal data planted in training data and in requests never reaches the server log, the
MLflow store (database and artifacts) or the bundle (raw bytes and the fitted vocabularies), and
`evidence` cannot tell a training ticket's values from unseen ones (security finding #8; #16 for
client strings in logs). One tiny model is trained with the real pipeline into tmp_path, with
its own MLflow store there, and served by a real server on port 0."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import grpc
import mlflow
import pytest

from tests.rpc.conftest import SETTINGS, make_ticket, running_server
from triage.bundle import load_bundle
from triage.rpc.logs import JsonFormatter, RequestContextFilter, formatter
from triage.service import TriageService
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

N_TRAIN, N_TEST, N_PLANTED = 500, 150, 6  # planted in more tickets than min_df (3)
TOKEN = "admin-token-for-pii-test"


def iban(country: str, bban: str) -> str:
    """A valid IBAN for `bban` (check digits computed the ISO 13616 way)."""
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def luhn(partial: str) -> str:
    """`partial` with its Luhn check digit appended."""
    for check in "0123456789":
        digits = partial + check
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
            for i, d in enumerate(int(c) for c in reversed(digits))
        )
        if total % 10 == 0:
            return digits
    raise AssertionError("unreachable")


def spaced(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str
    iban: str
    card: str
    password: str
    ip: str

    def body(self) -> str:
        return (
            f"Hello, this is {self.name}. Mail {self.email} or call {self.phone}. "
            f"Refund to IBAN {spaced(self.iban)}, not my card {spaced(self.card)}. "
            f"My password is {self.password} and I log in from {self.ip}."
        )

    def needles(self) -> list[str]:
        """Every form of the values that would give them away (lowercase: vocabularies are)."""
        first, last = self.name.lower().split()
        local = self.email.split("@")[0]
        phone = self.phone.replace(" ", "")
        return [
            first,
            last,
            last[:5],  # a character n-gram of the name
            self.email.lower(),
            local.lower()[:13],
            phone[-8:],
            self.phone[-9:],
            self.iban.lower(),
            spaced(self.iban).lower(),
            self.iban[4:].lower(),
            self.card,
            spaced(self.card),
            self.password.lower(),
            self.password.lower()[3:],
            self.ip,
        ]


PLANTED = Person(
    name="Zebulon Quixtrand",
    email="zorro.plantedmail@example-pii.org",
    phone="+31 6 4821 7730",
    iban=iban("NL", "RABO0312345678"),
    card=luhn("455673758689985"),
    password="Xq7!vortexPlum",
    ip="203.0.113.77",
)
# The same kinds of values, never seen in training, of the same lengths.
UNSEEN = Person(
    name="Ambrose Fenwickle",
    email="yarra.unseenmails@example-xyz.org",
    phone="+31 6 9135 2208",
    iban=iban("NL", "INGB0998877665"),
    card=luhn("455612349876543"),
    password="Kp3!lanternFig",
    ip="198.51.100.23",
)
RARE_SEGMENT = "quokka-holdings"  # free-text metadata in 2 tickets: under min_df


def _plant(row: dict[str, object], person: Person) -> dict[str, object]:
    return {**row, "body": f"{row['body']}\n{person.body()}", "customer_name": person.name}


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@dataclass(frozen=True)
class Trained:
    bundle: Path
    mlflow_dir: Path


@pytest.fixture(scope="module")
def logs() -> Iterator[io.StringIO]:
    """Everything logged from training to the last request, as the server writes it."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield buffer
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture(scope="module")
def trained(
    corpus: Path, text_pipeline, tmp_path_factory: pytest.TempPathFactory, logs: io.StringIO
) -> Iterator[Trained]:  # type: ignore[no-untyped-def]
    from training.pipeline import train

    tmp = tmp_path_factory.mktemp("pii")
    lines = (corpus / "train.jsonl").read_text("utf-8").splitlines()[:N_TRAIN]
    rows = [json.loads(line) for line in lines]
    rows[:N_PLANTED] = [_plant(r, PLANTED) for r in rows[:N_PLANTED]]
    for row in rows[N_PLANTED : N_PLANTED + 2]:
        row["customer_segment"] = RARE_SEGMENT
    test_lines = (corpus / "test.jsonl").read_text("utf-8").splitlines()[:N_TEST]
    test_rows = [json.loads(line) for line in test_lines]
    test_rows[:2] = [_plant(r, PLANTED) for r in test_rows[:2]]

    previous = os.environ.get("MLFLOW_TRACKING_URI")
    os.environ["MLFLOW_TRACKING_URI"] = f"sqlite:///{tmp / 'mlflow.db'}"
    try:
        result = train(
            _write_jsonl(tmp / "train.jsonl", rows),
            tmp / "model",
            test_path=_write_jsonl(tmp / "test.jsonl", test_rows),
            column_map={"group": "phrasing_id"},
            show_progress=False,
            text=text_pipeline,
        )
    finally:
        if previous is not None:
            os.environ["MLFLOW_TRACKING_URI"] = previous
            mlflow.set_tracking_uri(previous)
    yield Trained(Path(result.bundle_dir), tmp)


@pytest.fixture(scope="module")
def served(trained: Trained, text_pipeline, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    settings = replace(
        SETTINGS,
        max_body_bytes=8192,
        admin_token=TOKEN,
        policy_dir=tmp_path_factory.mktemp("pii-state") / "policy",
    )
    service = TriageService(settings, load_bundle(trained.bundle, text_pipeline))
    service.reload_content()
    with running_server(service, settings) as target, grpc.insecure_channel(target) as channel:
        yield pb_grpc.TriageServiceStub(channel), pb_grpc.AdminServiceStub(channel)


def _ticket(person: Person) -> pb.Ticket:
    return make_ticket(
        body=person.body(),
        customer=pb.Customer(id="C-9", segment=RARE_SEGMENT, plan="pro", name=person.name),
    )


def _heads(response: pb.TriageResponse) -> list[tuple[str, str, list[tuple[str, float]]]]:
    return [
        (
            head,
            getattr(response, head).label,
            [(e.term, e.weight) for e in getattr(response, head).evidence],
        )
        for head in ("topic", "priority", "tier", "sentiment")
        if response.HasField(head)
    ]


def _assert_clean(text: str, where: str) -> None:
    lowered = text.lower()
    found = [n for n in PLANTED.needles() + [RARE_SEGMENT] if n.lower() in lowered]
    assert not found, f"{where} contains {found}"


def _call_every_rpc(
    stub: pb_grpc.TriageServiceStub, admin: pb_grpc.AdminServiceStub
) -> pb.TriageResponse:
    meta = (("x-request-id", "pii-1"),)
    seen = stub.Triage(pb.TriageRequest(ticket=_ticket(PLANTED)), metadata=meta, timeout=20)
    requests = [pb.TriageRequest(ticket=_ticket(p)) for p in (PLANTED, UNSEEN)]
    assert len(list(stub.TriageStream(iter(requests), metadata=meta, timeout=20))) == 2
    stub.SuggestAnswer(
        pb.SuggestAnswerRequest(
            text=PLANTED.body(),
            conversation=[
                pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_CUSTOMER, text=PLANTED.body())
            ],
        ),
        metadata=meta,
        timeout=20,
    )
    stub.SearchArticles(pb.SearchArticlesRequest(query=PLANTED.body()), metadata=meta, timeout=20)
    # Client strings that come back in error messages (finding #16) stay out of the log.
    with pytest.raises(grpc.RpcError) as bad_language:
        stub.SearchArticles(
            pb.SearchArticlesRequest(query="refund", language=PLANTED.email), timeout=20
        )
    assert bad_language.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert bad_language.value.details().startswith("language: ")
    auth = (("authorization", f"Bearer {TOKEN}"),)
    with pytest.raises(grpc.RpcError) as bad_path:
        path = f"/nonexistent/{PLANTED.iban}/{PLANTED.email}.jsonl"
        admin.SimulatePolicy(pb.SimulatePolicyRequest(dataset_path=path), metadata=auth, timeout=20)
    assert bad_path.value.code() is grpc.StatusCode.PERMISSION_DENIED
    assert bad_path.value.details().startswith("dataset_path: ")
    with pytest.raises(grpc.RpcError) as bad_version:
        admin.GetPolicy(pb.GetPolicyRequest(version=PLANTED.iban), metadata=auth, timeout=20)
    assert bad_version.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    return seen


def test_planted_personal_data_is_nowhere(
    served: tuple[pb_grpc.TriageServiceStub, pb_grpc.AdminServiceStub],
    trained: Trained,
    logs: io.StringIO,
    text_pipeline,  # type: ignore[no-untyped-def]
) -> None:
    stub, admin = served
    seen = _call_every_rpc(stub, admin)
    unseen = stub.Triage(pb.TriageRequest(ticket=_ticket(UNSEEN)), timeout=20)

    # evidence: nothing planted, and no membership oracle (training values = unseen values)
    for head, _, evidence in _heads(seen):
        _assert_clean(" ".join(term for term, _ in evidence), f"{head} evidence")
    assert _heads(seen) == _heads(unseen)

    # the server log: one JSON object per line, with the request context, and nothing planted
    lines = logs.getvalue().splitlines()
    records = [json.loads(line) for line in lines]
    assert any(r["request_id"] == "pii-1" and r["model_version"] != "-" for r in records)
    assert any(r.get("error") == "DatasetPathDenied" for r in records)  # the error, not the path
    _assert_clean(logs.getvalue(), "the log")

    # the MLflow store: the database file and every artifact (the bundle copy included)
    files = [trained.mlflow_dir / "mlflow.db", *(trained.mlflow_dir / "mlruns").rglob("*")]
    scanned = [f for f in files if f.is_file()]
    assert any(f.name == "evaluation.json" for f in scanned)
    for path in scanned:
        _assert_clean(path.read_bytes().decode("latin-1"), str(path))

    # the bundle: raw bytes of every file and the fitted vocabularies
    for path in trained.bundle.iterdir():
        _assert_clean(path.read_bytes().decode("latin-1"), str(path))
    featurizer = load_bundle(trained.bundle, text_pipeline).featurizer
    for vocabulary in (featurizer.word_, featurizer.char_, featurizer.meta_):
        _assert_clean("\n".join(vocabulary.vocabulary_), type(vocabulary).__name__)
    _assert_clean("\n".join(map(str, featurizer.feature_names_)), "feature names")
    # ...while the placeholders themselves were learned (masking, not deleting)
    assert {"ibantoken", "emailtoken", "secrettoken", "nametoken"} <= set(
        featurizer.word_.vocabulary_
    )


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_a_logged_exception_keeps_its_frames_but_not_its_message(log_format: str) -> None:
    """An unexpected error's message may quote client input (KeyError of a field value): the log
    gets its type and stack frames only."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(formatter(log_format))
    logger = logging.getLogger(f"test-exception-{log_format}")
    logger.addHandler(handler)
    try:
        {}[PLANTED.email]
    except KeyError:
        logger.exception("unexpected")
    finally:
        logger.removeHandler(handler)
    assert "KeyError" in out.getvalue() and "test_pii.py" in out.getvalue()
    assert PLANTED.email not in out.getvalue()
