"""`triage serve` loads the content at start and re-reads it on SIGHUP, keeping the old content
when an edit is broken (a real process, real files)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

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


def _wait_for(stderr, pattern: str, timeout: float = 60) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stderr.readline()
        if re.search(pattern, line):
            return str(line)
    raise AssertionError(f"server never logged {pattern!r}")


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
        target = re.search(r"listening on (\S+:\d+)", _wait_for(process.stderr, "listening on"))
        assert target is not None
        _wait_for(process.stderr, r"suggestion content: 46 articles")
        _wait_for(process.stderr, r"loaded; serving")
        query = pb.SearchArticlesRequest(query="gift card voucher balance")
        with grpc.insecure_channel(target.group(1)) as channel:
            stub = pb_grpc.TriageServiceStub(channel)
            assert "gift-cards.en" not in [a.id for a in stub.SearchArticles(query).articles]

            (content / "kb" / "en" / "gift-cards.md").write_text(GIFT_CARD, encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            _wait_for(process.stderr, r"suggestion content reloaded: 47 articles")
            assert stub.SearchArticles(query).articles[0].id == "gift-cards.en"

            (content / "macros" / "en.yaml").write_text("macros: [", encoding="utf-8")
            process.send_signal(signal.SIGHUP)
            line = _wait_for(process.stderr, r"suggestion content kept as it was")
            assert "en.yaml:1" in line
            assert stub.SearchArticles(query).articles[0].id == "gift-cards.en"
    finally:
        process.kill()
        process.wait()
