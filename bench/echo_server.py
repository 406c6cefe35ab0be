"""The floor of `bench/load.py`: a do-nothing TriageService on the same gRPC stack.

    .venv/bin/python bench/echo_server.py --port P --responses DIR [--workers N]

The same grpcio sync server as `triage serve` (thread pool of the same size, same message
limits, SO_REUSEPORT when several worker processes share the port). Triage, TriageStream and
SuggestAnswer parse their request, as any service must, and answer a canned response of the
triage server's own making (DIR/Triage.bin, DIR/SuggestAnswer.bin), already serialised: no work
is done, so no Python gRPC service can answer faster on this machine."""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from triage.rpc.limits import Limiter  # noqa: E402
from triage.settings import Settings  # noqa: E402
from triage.v1 import triage_pb2 as pb  # noqa: E402


def _identity(data: bytes) -> bytes:
    return data


def serve(port: int, responses: Path, reuse_port: bool) -> None:
    settings = Settings()
    triage = (responses / "Triage.bin").read_bytes()
    answer = (responses / "SuggestAnswer.bin").read_bytes()

    def unary(reply: bytes) -> Any:
        return lambda _request, _context: reply

    def stream(requests: Iterator[Any], _context: grpc.ServicerContext) -> Iterator[bytes]:
        for _ in requests:
            yield triage

    handlers = {
        "Triage": grpc.unary_unary_rpc_method_handler(
            unary(triage), pb.TriageRequest.FromString, _identity
        ),
        "SuggestAnswer": grpc.unary_unary_rpc_method_handler(
            unary(answer), pb.SuggestAnswerRequest.FromString, _identity
        ),
        "TriageStream": grpc.stream_stream_rpc_method_handler(
            stream, pb.TriageRequest.FromString, _identity
        ),
    }
    threads = Limiter.from_settings(settings).threads
    server = grpc.server(
        ThreadPoolExecutor(max_workers=threads),
        options=[
            ("grpc.max_receive_message_length", settings.max_message_bytes),
            ("grpc.max_send_message_length", settings.max_message_bytes),
            ("grpc.so_reuseport", 1 if reuse_port else 0),
        ],
        maximum_concurrent_rpcs=4 * threads,
    )
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler("triage.v1.TriageService", handlers),)
    )
    server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    server.stop(1).wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--responses", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if args.workers == 1:
        serve(args.port, args.responses, reuse_port=False)
        return
    context = multiprocessing.get_context("spawn")  # no grpc state shared across processes
    workers = [
        context.Process(target=serve, args=(args.port, args.responses, True))
        for _ in range(args.workers)
    ]
    for worker in workers:
        worker.start()
    signal.signal(signal.SIGTERM, lambda *_: [w.terminate() for w in workers])
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    main()
