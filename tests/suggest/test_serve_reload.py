"""`triage serve` loads the content at start and re-reads it on SIGHUP, keeping the old content
when an edit is broken (a real process, real files)."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import IO

import grpc

from tests.test_cli import TRIAGE
from triage.v1 import triage_pb2 as pb
from triage.v1 import triage_pb2_grpc as pb_grpc

from .conftest import copy_content

GIFT_CARD = (
    "---\nid: gift-cards.en\ntitle: Gift cards and vouchers\nlanguage: en\ntopics: [billing]\n"
    "url: https://help.example.com/en/gift-cards\n---\n\n"
    "Check your gift card voucher balance under Account > Gift cards.\n"
)


class _Lines:
    """The server's stderr read by a thread, so waiting for a line can time out even when the
    server goes silent (a bare readline() would block the test forever)."""

    def __init__(self, stream: IO[str]) -> None:
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self._lines.put(x) for x in stream], daemon=True).start()

    def wait_for(self, pattern: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"server never logged {pattern!r}; it logged:\n{''.join(seen)}")


def test_sighup_reloads_content(tiny_model_dir: Path, tmp_path: Path) -> None:
    content = copy_content(tmp_path / "data")
    env = {
        **os.environ,
        "TRIAGE_CONTENT_DIR": str(content),
        "TRIAGE_POLICY_DIR": str(tmp_path / "policy-state"),
    }
    process = subprocess.Popen(
        [*TRIAGE, "serve", "--model", str(tiny_model_dir), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stderr is not None
        lines = _Lines(process.stderr)
        target = re.search(r"listening on (\S+:\d+)", lines.wait_for("listening on"))
        assert target is not None
        lines.wait_for(r"suggestion content loaded: 46 articles")
        lines.wait_for(r"loaded; serving")
        query = pb.SearchArticlesRequest(query="gift card voucher balance")
        with grpc.insecure_channel(target.group(1)) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            assert "gift-cards.en" not in [a.id for a in stub.SearchArticles(query).articles]

            (content / "kb" / "en" / "gift-cards.md").write_text(GIFT_CARD, encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            lines.wait_for(r"suggestion content reloaded: 47 articles")
            assert stub.SearchArticles(query).articles[0].id == "gift-cards.en"

            (content / "macros" / "en.yaml").write_text("macros: [", encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            line = lines.wait_for(r"suggestion content kept as it was")
            assert "en.yaml:1" in line
            assert stub.SearchArticles(query).articles[0].id == "gift-cards.en"
    finally:
        process.kill()
        process.wait()
