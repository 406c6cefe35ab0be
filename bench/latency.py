"""Latency and throughput of the triage path, measured side by side in one run.

    .venv/bin/python bench/latency.py [--model DIR] [--data FILE.jsonl] [--n 500]

Reports, for the same tickets: in-process `model.predict` per ticket (the server-side cost) and
its split by stage (text pipeline, features, heads, escalation flags + risk), a unary
`Triage` round trip over loopback gRPC, and `TriageStream` throughput. Numbers are medians and
percentiles of wall time on a shared machine: compare rows of one run, not runs of different days.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.dataset import load_dataset  # noqa: E402
from triage.bundle import load_bundle  # noqa: E402
from triage.rpc.converters import ticket_to_proto  # noqa: E402
from triage.rpc.server import build_server  # noqa: E402
from triage.service import TriageService  # noqa: E402
from triage.settings import Settings  # noqa: E402
from triage.v1 import triage_pb2 as pb  # noqa: E402
from triage.v1 import triage_pb2_grpc as pb_grpc  # noqa: E402


def percentiles(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return (
        f"median {statistics.median(ordered):7.2f} ms   p90 {at(0.90):7.2f} ms   "
        f"p99 {at(0.99):7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path("models/default"))
    parser.add_argument("--data", type=Path, default=Path("data/generated/test.jsonl"))
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args()

    started = time.perf_counter()
    model = load_bundle(args.model, key=Settings.from_env().model_key)
    print(f"model {model.version}: loaded and warmed up in {time.perf_counter() - started:.1f} s")
    tickets = load_dataset(args.data).tickets[: args.n]
    print(f"{len(tickets)} tickets from {args.data}")

    in_process = []
    for ticket in tickets:
        t0 = time.perf_counter()
        model.predict([ticket])
        in_process.append((time.perf_counter() - t0) * 1000)

    # One ticket at a time, stage by stage, as TriageService does it.
    stages: dict[str, list[float]] = {
        "text": [],
        "features": [],
        "heads": [],
        "escalation (flags + risk)": [],
    }
    for ticket in tickets:
        t0 = time.perf_counter()
        inputs = model.inputs([ticket])
        t1 = time.perf_counter()
        features = model.features(inputs)
        t2 = time.perf_counter()
        results = model.predict_inputs(inputs, features)
        t3 = time.perf_counter()
        model.escalator.signals(inputs, results, model, features=features)
        t4 = time.perf_counter()
        for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            stages[name].append(seconds * 1000)

    t0 = time.perf_counter()
    model.predict(tickets)
    batch_ms = (time.perf_counter() - t0) * 1000 / len(tickets)

    settings = Settings(port=0)
    server, port = build_server(TriageService(settings, model), settings)
    server.start()
    requests = [pb.TriageRequest(ticket=ticket_to_proto(t)) for t in tickets]
    unary = []
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = pb_grpc.TriageServiceStub(channel)
        stub.Triage(requests[0])  # connect before timing
        for request in requests:
            t0 = time.perf_counter()
            stub.Triage(request)
            unary.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        streamed = sum(1 for _ in stub.TriageStream(iter(requests)))
        stream_s = time.perf_counter() - t0
    server.stop(None)

    print(f"in-process predict, one ticket:  {percentiles(in_process)}")
    for name, samples in stages.items():
        print(f"  stage {name + ':':40} {percentiles(samples)}")
    print(f"in-process predict, batch of {len(tickets)}: {batch_ms:.2f} ms per ticket")
    print(f"gRPC Triage round trip:          {percentiles(unary)}")
    print(f"gRPC TriageStream:               {streamed / stream_s:.0f} tickets/s")
    overhead = statistics.median(unary) / statistics.median(in_process)
    print(f"gRPC round trip / in-process:    {overhead:.2f}x")


if __name__ == "__main__":
    main()
