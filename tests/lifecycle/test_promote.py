"""`triage promote` against a real mlflow server: the first candidate becomes champion, a better
one replaces it (previous = the old champion), a worse one is refused naming the head and metric,
--force moves it and tags who/why, --rollback swaps champion and previous; every comparison is an
MLflow run. Two versions are trained once for the module: one on 150 tickets (worse), one on the
whole training set."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.lifecycle.conftest import train_and_register
from training import promote
from triage.cli import main
from triage.lifecycle import registry as reg

SMALL_ROWS = 150


@pytest.fixture(scope="module")
def versions(
    corpus: Path, mlflow_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, str]]:
    """(name, version trained on SMALL_ROWS tickets, version trained on all of them)."""
    root = tmp_path_factory.mktemp("promote")
    small = root / "small.jsonl"
    with (corpus / "train.jsonl").open() as full:
        small.write_text("".join(line for _, line in zip(range(SMALL_ROWS), full, strict=False)))
    name = "promote-gate"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MLFLOW_TRACKING_URI", mlflow_server)
        # one after the other: two fresh `triage train` runs race to create the experiment
        refs = (
            train_and_register(corpus, root / "small", name, data=small),
            train_and_register(corpus, root / "full", name),
        )
        yield name, refs[0].version, refs[1].version


@pytest.fixture
def gate(
    versions: tuple[str, str, str],
    registry: str,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, str, str]:
    """The module's versions with no alias set; bundles cached in tmp, the policy file's
    escalation threshold (not a developer's policy store)."""
    monkeypatch.setenv("TRIAGE_MODEL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("TRIAGE_POLICY_DIR", str(tmp_path_factory.getbasetemp() / "no-policies"))
    name = versions[0]
    for alias in registry_aliases(name):
        reg.delete_alias(name, alias)
    return versions


def registry_aliases(name: str) -> dict[str, str]:
    found = reg.client().get_registered_model(name).aliases
    return {alias: str(version) for alias, version in found.items()}


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["promote", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def promote_run(run_id: str) -> tuple[dict[str, float], dict[str, str], list[str]]:
    client = reg.client()
    run = client.get_run(run_id)
    artifacts = [a.path for a in client.list_artifacts(run_id)]
    return run.data.metrics, run.data.tags, artifacts


def printed_run_id(out: str) -> str:
    return out.split("MLflow run ")[-1].split()[0]


def test_first_candidate_becomes_champion_then_a_better_one_replaces_it(
    gate: tuple[str, str, str], corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, worse, better = gate
    holdout = str(corpus / "test.jsonl")

    code, out, err = run_cli(capsys, name, "--candidate", worse, "--data", holdout)
    assert code == 0, err
    assert registry_aliases(name) == {"champion": worse}
    assert f"first-champion: candidate {worse} becomes the first champion" in out
    metrics, tags, _ = promote_run(printed_run_id(out))
    assert tags["triage.decision"] == "first-champion"
    assert {"candidate.topic.accuracy", "candidate.escalation.ece"} <= set(metrics)
    assert not any(k.startswith("champion.") for k in metrics)

    # The model trained on 150 tickets is better calibrated on topic (ECE 0.050 vs 0.063): the
    # whole-data model wins 16 of 18 head/metrics by far, so accept ECE within 0.03.
    code, out, err = run_cli(
        capsys, name, "--candidate", better, "--data", holdout, "--tolerance", "0.03"
    )
    assert code == 0, err
    assert registry_aliases(name) == {"champion": better, "previous": worse}  # no challenger
    assert f"champion of {name}: version {worse} -> {better} (previous: {worse})" in out
    assert out.splitlines()[-1].startswith(f"promoted: candidate {better} is no worse")
    table = {tuple(line.split()[:2]): line.split()[2:] for line in out.splitlines()}
    champion_acc, candidate_acc, delta, verdict = table[("topic", "accuracy")]
    assert float(candidate_acc) > float(champion_acc) and verdict == "better"

    metrics, tags, artifacts = promote_run(printed_run_id(out))
    assert tags["triage.model_name"] == name
    assert (tags["triage.champion_version"], tags["triage.candidate_version"]) == (worse, better)
    assert tags["triage.decision"] == "promoted"
    assert metrics["champion.topic.accuracy"] == pytest.approx(float(champion_acc), abs=5e-5)
    assert metrics["candidate.topic.accuracy"] == pytest.approx(float(candidate_acc), abs=5e-5)
    for head in ("topic", "priority", "tier", "sentiment", "escalation"):
        for metric in ("accuracy", "macro_f1", "ece"):
            assert (
                f"champion.{head}.{metric}" in metrics and f"candidate.{head}.{metric}" in metrics
            )
    assert {"comparison.txt", "comparison.json"} <= set(artifacts)
    version_tags = reg.client().get_model_version(name, better).tags
    assert version_tags["triage.promote_run_id"] == printed_run_id(out)


def test_worse_candidate_is_refused_forced_with_a_reason_and_rolled_back(
    gate: tuple[str, str, str], corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, worse, better = gate
    holdout = str(corpus / "test.jsonl")
    reg.set_alias(name, "champion", better)

    code, out, err = run_cli(capsys, name, "--candidate", worse, "--data", holdout)
    assert code == promote.REFUSED == 1
    reason = err.strip().splitlines()[-1]
    assert reason.startswith(
        f"triage promote: refused: candidate {worse} is worse than champion {better} on "
        "topic accuracy: "
    ), err
    assert registry_aliases(name) == {"champion": better, "challenger": worse}
    _, tags, _ = promote_run(printed_run_id(out))
    assert tags["triage.decision"] == "refused"
    assert tags["triage.reason"] in reason

    code, out, err = run_cli(capsys, name, "--candidate", worse, "--data", holdout, "--force")
    assert (code, err) == (
        2,
        "triage promote: --force: give --reason TEXT (recorded on the version)\n",
    )

    code, out, err = run_cli(
        capsys, name, "--candidate", worse, "--data", holdout, "--force", "--reason", "hotfix 42"
    )
    assert code == 0, err
    assert registry_aliases(name) == {"champion": worse, "previous": better}
    assert out.splitlines()[-1].startswith(f"forced: candidate {worse} is worse than champion")
    version_tags = reg.client().get_model_version(name, worse).tags
    assert version_tags["triage.forced_by"] == getpass.getuser()
    assert version_tags["triage.forced_reason"] == "hotfix 42"
    assert datetime.fromisoformat(version_tags["triage.forced_at"]).tzinfo is not None
    assert promote_run(printed_run_id(out))[1]["triage.decision"] == "forced"

    code, out, err = run_cli(capsys, name, "--rollback")
    assert code == 0, err
    assert registry_aliases(name) == {"champion": better, "previous": worse}
    assert f"champion of {name}: version {worse} -> {better} (previous: {worse})" in out
    code, out, err = run_cli(capsys, name, "--rollback")  # twice is a swap
    assert code == 0, err
    assert registry_aliases(name) == {"champion": worse, "previous": better}
    assert promote_run(printed_run_id(out))[1]["triage.decision"] == "rollback"

    reg.delete_alias(name, "previous")
    code, out, err = run_cli(capsys, name, "--rollback")
    assert code == 2
    assert err == (
        f"triage promote: {name} has no `previous` version to roll back to "
        "(it is set when champion moves)\n"
    )
    assert registry_aliases(name) == {"champion": worse}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--candidate", "x", "--data", "{data}"], "--candidate: 'x' is not a version number"),
        (["--candidate", "1"], "--data: required with --candidate (held-out labelled tickets)"),
        (
            ["--candidate", "1", "--data", "{tmp}/none.jsonl"],
            "--data: {tmp}/none.jsonl: no such file",
        ),
        (
            ["--candidate", "1", "--data", "{data}", "--tolerance", "-0.1"],
            "--tolerance: must be >= 0, got -0.1",
        ),
        (["--candidate", "1", "--rollback"], "--candidate: not used with --rollback"),
        ([], "give --candidate VERSION (with --data HOLDOUT), or --rollback"),
        (
            ["--candidate", "1", "--data", "{data}", "--reason", "why"],
            "--reason: only with --force",
        ),
    ],
)
def test_usage_errors_are_one_line_before_any_slow_work(
    argv: list[str], message: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def fill(text: str) -> str:
        return text.format(data=corpus / "test.jsonl", tmp=tmp_path)

    code, out, err = run_cli(capsys, "some-model", *map(fill, argv))
    assert (code, out, err) == (2, "", f"triage promote: {fill(message)}\n")


def test_unknown_model_version_and_the_champion_itself_are_refused(
    gate: tuple[str, str, str], corpus: Path, capsys: pytest.CaptureFixture[str], mlflow_server: str
) -> None:
    name, worse, _ = gate
    holdout = str(corpus / "test.jsonl")
    code, _, err = run_cli(capsys, "no-such-model", "--candidate", "1", "--data", holdout)
    assert (code, err) == (
        2,
        f"triage promote: no-such-model: no such registered model at {mlflow_server}\n",
    )
    code, _, err = run_cli(capsys, "no-such-model", "--rollback")
    assert (code, err) == (
        2,
        f"triage promote: no-such-model: no such registered model at {mlflow_server}\n",
    )
    code, _, err = run_cli(capsys, name, "--candidate", "99", "--data", holdout)
    assert (code, err) == (
        2,
        f"triage promote: models:/{name}/99: not in the model registry at {mlflow_server}\n",
    )
    reg.set_alias(name, "champion", worse)
    code, _, err = run_cli(capsys, name, "--candidate", worse, "--data", holdout)
    assert (code, err) == (
        2,
        f"triage promote: --candidate: version {worse} is already the champion of {name}\n",
    )
