"""Hostile input on every RPC (issue 10): one real server with the admin token set takes the
adversarial catalogue of tests/rpc/hostile.py and hypothesis' random messages on every method of
TriageService and AdminService. Each call must end OK or with a precise client error, never
INTERNAL or UNKNOWN, and the server must still answer health and a small Triage after it.
The counts per RPC and status code are written to the terminal summary and hostile.json in tmp."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import grpc
import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tests.rpc.conftest import SETTINGS, running_server
from tests.rpc.hostile import (
    RPCS,
    Case,
    HostileRunner,
    Rpc,
    explicit_cases,
    random_metadata,
    random_requests,
    summary_lines,
    valid_ticket,
    write_json,
)
from triage.service import Predictor, TriageService
from triage.v1 import triage_pb2 as pb

TOKEN = "hostile-admin-token"
AUTH = (("authorization", f"Bearer {TOKEN}"),)
# A 2 MiB message cap lets 1 MB fields reach the server's own checks (the size limits of the
# ticket fields stay the small ones of tests/rpc/conftest.py).
HOSTILE = replace(SETTINGS, max_message_bytes=2 * 1024 * 1024, admin_token=TOKEN)
RANDOM_EXAMPLES = 12  # per RPC; bench/hostile.py runs thousands


@pytest.fixture(scope="module")
def runner(
    tiny_model: Predictor, tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[HostileRunner]:
    tmp = tmp_path_factory.mktemp("hostile")
    settings = replace(HOSTILE, policy_dir=tmp / "policy")
    service = TriageService(settings, tiny_model)
    service.reload_content()
    with running_server(service, settings) as target:
        hostile = HostileRunner(target, admin_metadata=AUTH)
        yield hostile
        hostile.close()
    summary = hostile.summary()
    write_json(tmp / "hostile.json", summary)
    reporter = pytestconfig.pluginmanager.getplugin("terminalreporter")
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            for line in [*summary_lines(summary), f"  counts written to {tmp / 'hostile.json'}"]:
                reporter.write_line(line)


def _auth(rpc: Rpc) -> tuple[tuple[str, str], ...]:
    return AUTH if rpc.admin else ()


@pytest.mark.parametrize("rpc", RPCS, ids=str)
def test_adversarial_catalogue(runner: HostileRunner, rpc: Rpc) -> None:
    """Every case runs (so one test lists every failing case), then the failures are shown."""
    outcomes = [runner.run(case) for case in explicit_cases(rpc, HOSTILE, _auth(rpc))]
    failed = [f"{o.case}: {o.problem}" for o in outcomes if o.problem]
    assert len(outcomes) > 10
    assert not failed, f"{len(failed)} of {len(outcomes)} cases failed:\n" + "\n".join(failed)


@pytest.mark.parametrize("rpc", RPCS, ids=str)
def test_random_messages(runner: HostileRunner, rpc: Rpc) -> None:
    metadata = random_metadata(AUTH) if rpc.admin else st.just(())

    # No shrinking: a failing case is printed as it was sent, and the test stays fast.
    @hsettings(
        max_examples=RANDOM_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(requests=random_requests(rpc), metadata=metadata)
    def one(requests: list[bytes], metadata: tuple[tuple[str, str], ...]) -> None:
        outcome = runner.run(Case(rpc, "random", lambda: requests, metadata))
        assert outcome.problem is None, f"{outcome.problem}; requests sent: {requests!r:.1500}"

    one()


def test_streams_that_never_half_close_do_not_starve_the_server(runner: HostileRunner) -> None:
    """Finding 4: as many silent streams as the server has worker threads; health and a small
    Triage must still be answered while they hang, and each stream ends by its deadline or is
    refused by the stream cap."""
    rpc = next(r for r in RPCS if r.name == "TriageStream")
    one = pb.TriageRequest(ticket=valid_ticket()).SerializeToString()
    hangers = [
        Case(rpc, "silent stream", lambda: (one,), timeout=4.0, hold_open=True)
        for _ in range(HOSTILE.max_workers)
    ]
    codes: list[grpc.StatusCode] = []
    threads = [
        threading.Thread(target=lambda c=c: codes.append(runner.send(c)[0])) for c in hangers
    ]
    for t in threads:
        t.start()
    try:
        threading.Event().wait(1.0)  # let every stream reach the server
        runner.health_timeout = 2.0
        problem = runner.alive()
    finally:
        runner.health_timeout = 5.0
        for t in threads:
            t.join(15)
    assert problem is None, f"while {len(hangers)} streams hang: {problem}"
    # Each either hung until its deadline or was refused at once by the stream cap (finding 4).
    hung = codes.count(grpc.StatusCode.DEADLINE_EXCEEDED)
    refused = codes.count(grpc.StatusCode.RESOURCE_EXHAUSTED)
    assert hung >= 1 and hung + refused == len(hangers), codes
    assert runner.alive() is None
