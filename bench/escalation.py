"""Escalation benchmark (not a test): `make bench-escalation`.

1. The escalation head on the default data's held-out split (data/generated/test.jsonl: whole
   phrasings unseen in training): ROC-AUC, precision/recall at the policy's threshold and the
   expected calibration error of `risk`, next to a rules-only baseline (legal/regulator/security/
   churn phrase, VIP, 2+ contacts -> escalate). Also the full policy decision (risk + escalating
   flags) replayed by the simulator.
2. LEGAL_THREAT / CHURN_RISK / REGULATOR_MENTION: precision and recall per language on the
   labelled sentences in tests/escalation/flag_sentences.tsv (>= 50 per language, hard negatives
   included).
3. SetPolicy under a steady Triage load: N client threads call Triage back to back on a real
   server while SetPolicy stores new versions; every call must succeed.

Writes bench/results/escalation.json and bench/results/escalation.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.escalation.conftest import LABELLED_FLAGS, labelled_sentences  # noqa: E402
from training.dataset import load_dataset  # noqa: E402
from training.escalation import evaluate_escalation  # noqa: E402
from training.pipeline import process_texts, train  # noqa: E402
from triage.bundle import load_bundle  # noqa: E402
from triage.domain import ESCALATION_HEAD, Ticket  # noqa: E402
from triage.errors import BundleIntegrityError  # noqa: E402
from triage.escalation.datasets import read_history  # noqa: E402
from triage.escalation.flags import TextFlagger  # noqa: E402
from triage.escalation.policy import candidate_policy  # noqa: E402
from triage.escalation.simulate import history_signals, simulate  # noqa: E402
from triage.model import TriageModel  # noqa: E402
from triage.settings import Settings  # noqa: E402
from triage.text import TextPipeline  # noqa: E402

DATA = ROOT / "data" / "generated"
POLICY = ROOT / "data" / "policy.yaml"
RESULTS = ROOT / "bench" / "results"


def ensure_model(model_dir: Path) -> TriageModel:
    key = Settings.from_env().model_key
    model = None
    if (model_dir / "meta.json").is_file():
        try:
            model = load_bundle(model_dir, key=key)
        except BundleIntegrityError as exc:  # e.g. a joblib bundle of an earlier version
            print(f"retraining: {exc}", flush=True)
    if model is None or model.escalation_head is None:
        print(f"training {model_dir} (no usable bundle with an escalation head yet)", flush=True)
        train(
            DATA / "train.jsonl",
            model_dir,
            test_path=DATA / "test.jsonl",
            column_map={"group": "phrasing_id"},
            show_progress=False,
            model_key=key,
        )
        model = load_bundle(model_dir, key=key)
    return model


def bench_model(model: TriageModel) -> dict[str, Any]:
    test = load_dataset(DATA / "test.jsonl", {"group": "phrasing_id"})
    inputs = process_texts(model.text, test, show_progress=False)
    policy = candidate_policy(POLICY.read_text(encoding="utf-8"))
    head = evaluate_escalation(model, inputs, test.labels["escalated"], policy.policy.threshold)
    history = read_history(DATA / "test.jsonl")
    signals = history_signals(model, history)
    report = simulate(signals, [h.escalated for h in history], policy, policy)
    return {
        "data": "data/generated/test.jsonl (held-out phrasings)",
        "model_version": model.version,
        "head": head,
        "policy_decision": {
            "escalations": report.overall.escalations,
            "precision": report.overall.precision,
            "recall": report.overall.recall,
            "flags": {
                f.code: {"raised": f.escalations, "precision": f.precision, "recall": f.recall}
                for f in report.flags
            },
        },
    }


def bench_flags(text: TextPipeline) -> dict[str, Any]:
    flagger = TextFlagger(text)
    rows = labelled_sentences()
    out: dict[str, Any] = {}
    for language in ("en", "nl", "ro", "de", "fr"):
        chosen = [r for r in rows if r[0] == language]
        found = flagger.match([Ticket(body=s) for _, _, s in chosen], [language] * len(chosen))
        per_flag = {}
        for flag in LABELLED_FLAGS:
            tp = sum(
                1 for r, f in zip(chosen, found, strict=True) if flag in r[1] and flag in f.spans
            )
            fp = sum(
                1
                for r, f in zip(chosen, found, strict=True)
                if flag not in r[1] and flag in f.spans
            )
            fn = sum(
                1
                for r, f in zip(chosen, found, strict=True)
                if flag in r[1] and flag not in f.spans
            )
            per_flag[flag] = {
                "positives": tp + fn,
                "precision": tp / (tp + fp) if tp + fp else 0.0,
                "recall": tp / (tp + fn) if tp + fn else 0.0,
            }
        out[language] = {
            "sentences": len(chosen),
            "hard_negatives": sum(1 for r in chosen if not r[1]),
            "flags": per_flag,
        }
    return out


def bench_hot_reload(
    model: TriageModel, clients: int, seconds: float, swaps: int
) -> dict[str, Any]:
    import grpc

    from triage.rpc.server import build_server
    from triage.service import TriageService
    from triage.v1 import triage_pb2 as pb
    from triage.v1 import triage_pb2_grpc as pb_grpc

    token = "bench-token"
    text = POLICY.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as state:
        settings = Settings(
            port=0, admin_token=token, policy_dir=Path(state), max_workers=clients + 2
        )
        service = TriageService(settings, model)
        server, port = build_server(service, settings)
        server.start()
        target = f"127.0.0.1:{port}"
        ok: list[int] = [0] * clients
        failed: list[str] = []
        versions: set[str] = set()
        stop = threading.Event()
        request = pb.TriageRequest(
            ticket=pb.Ticket(
                subject="Invoice charged twice",
                body="My invoice was charged twice. If this is not fixed I will call my lawyer.",
                channel=pb.CHANNEL_EMAIL,
            )
        )

        def client(i: int) -> None:
            with grpc.insecure_channel(target) as ch:
                stub = pb_grpc.TriageServiceStub(ch)
                while not stop.is_set():
                    try:
                        versions.add(stub.Triage(request, timeout=10).policy_version)
                        ok[i] += 1
                    except grpc.RpcError as exc:
                        failed.append(exc.code().name)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        set_times = []
        with grpc.insecure_channel(target) as ch:
            admin = pb_grpc.AdminServiceStub(ch)
            for k in range(swaps):
                time.sleep(seconds / (swaps + 1))
                threshold = 0.4 + 0.1 * (k % 3)
                yaml_text = text.replace("threshold: 0.5\n", f"threshold: {threshold:.1f}\n", 1)
                t0 = time.perf_counter()
                admin.SetPolicy(
                    pb.SetPolicyRequest(yaml=yaml_text, author="bench", comment=f"swap {k}"),
                    metadata=(("authorization", f"Bearer {token}"),),
                    timeout=10,
                )
                set_times.append((time.perf_counter() - t0) * 1000)
            time.sleep(seconds / (swaps + 1))
        stop.set()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        server.stop(None).wait()
    total = sum(ok)
    return {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "set_policy_calls": swaps,
        "set_policy_ms_mean": round(sum(set_times) / len(set_times), 1),
        "triage_calls_ok": total,
        "triage_calls_failed": len(failed),
        "triage_per_second": round(total / elapsed, 1),
        "policy_versions_seen": sorted(
            versions, key=lambda v: int(v[1:]) if v[1:].isdigit() else 0
        ),
    }


def to_markdown(r: dict[str, Any]) -> str:
    h = r["model"]["head"]
    d = r["model"]["policy_decision"]
    lines = [
        "# Escalation benchmark",
        "",
        f"`make bench-escalation` on {r['machine']}; model {r['model']['model_version']}, "
        f"held-out split `data/generated/test.jsonl` ({int(h['n'])} tickets, "
        f"{h['positive_rate']:.1%} escalated).",
        "",
        "## Escalation risk vs a rules-only baseline",
        "",
        "| | ROC-AUC | precision | recall | ECE |",
        "|---|---|---|---|---|",
        f"| escalation head (risk >= {h['threshold']}) | {h['roc_auc']:.3f} | {h['precision']:.3f} "
        f"| {h['recall']:.3f} | {h['ece']:.3f} |",
        f"| policy decision (risk or escalating flag) | | {d['precision']:.3f} "
        f"| {d['recall']:.3f} | |",
        f"| rules only (any legal/regulator/security/churn phrase, VIP, 2+ contacts) "
        f"| {h['rules_roc_auc']:.3f} | {h['rules_precision']:.3f} | {h['rules_recall']:.3f} | |",
        "",
        "ECE: expected calibration error of `risk`, 10 equal-width bins (target <= 0.05).",
        "",
        "## Flags on the labelled sentences (tests/escalation/flag_sentences.tsv)",
        "",
        "| language | sentences | hard negatives | "
        + " | ".join(f"{f} P / R" for f in LABELLED_FLAGS)
        + " |",
        "|---|---|---|" + "---|" * len(LABELLED_FLAGS),
    ]
    for language, v in r["flags"].items():
        cells = " | ".join(
            f"{v['flags'][f]['precision']:.2f} / {v['flags'][f]['recall']:.2f}"
            for f in LABELLED_FLAGS
        )
        lines.append(f"| {language} | {v['sentences']} | {v['hard_negatives']} | {cells} |")
    lines += [
        "",
        "The sentences were written for the test suite together with the patterns, so these are "
        "development-set numbers: they show the patterns cover the phrasings listed and reject the "
        "hard negatives, not how they generalise to unseen wording.",
        "",
        "## SetPolicy under load",
        "",
    ]
    hr = r["hot_reload"]
    lines += [
        f"{hr['clients']} client threads calling Triage back to back for {hr['seconds']} s "
        f"({hr['triage_per_second']} calls/s) while {hr['set_policy_calls']} SetPolicy calls "
        f"stored new versions (mean {hr['set_policy_ms_mean']} ms each): "
        f"**{hr['triage_calls_ok']} calls succeeded, {hr['triage_calls_failed']} failed**; "
        f"responses named versions {', '.join(hr['policy_versions_seen'])}.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "bench" / "out" / "escalation-model")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--swaps", type=int, default=5)
    args = parser.parse_args()
    model = ensure_model(args.model)
    assert model.escalation_head is not None, ESCALATION_HEAD
    results = {
        "machine": f"{platform.machine()} / Python {platform.python_version()}",
        "model": bench_model(model),
        "flags": bench_flags(model.text),
        "hot_reload": bench_hot_reload(model, args.clients, args.seconds, args.swaps),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "escalation.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "escalation.md").write_text(to_markdown(results))
    print(to_markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
