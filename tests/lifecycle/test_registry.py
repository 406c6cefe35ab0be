"""Training registers a pyfunc model version; the registry resolves names, versions and aliases
and hands out the bundle; the pyfunc model scores DataFrames in a plain Python process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lifecycle.conftest import first_rows, train_and_register
from triage.bundle import load_bundle
from triage.domain import Channel, Ticket
from triage.errors import ConfigError, ModelNotFound
from triage.lifecycle import registry
from triage.lifecycle.registry import ModelRef, parse_uri

SCORE_IN_A_FRESH_PROCESS = """
import json, sys
import mlflow, pandas as pd
model = mlflow.pyfunc.load_model(sys.argv[1])
frame = pd.DataFrame({
    "text": ["I was charged twice for my subscription", None],
    "subject": [None, "Wachtwoord"],
    "body": [None, "Ik kan niet inloggen op mijn account"],
    "channel": ["email", "chat"],
})
out = model.predict(frame)
print(json.dumps({"columns": list(out.columns), "rows": out.to_dict("records"),
                  "inputs": [c.name for c in model.metadata.get_input_schema().inputs]}))
"""


def test_parse_uri() -> None:
    assert parse_uri("models:/triage/3") == ("triage", "3", "")
    assert parse_uri("models:/triage@champion") == ("triage", "", "champion")
    for bad in ("models:/", "models:/x", "models:/x/", "models:/x@", "runs:/abc/model", "x/3"):
        with pytest.raises(ConfigError, match="is not a model URI"):
            parse_uri(bad)


TRAIN_ROWS = 400  # a third of the corpus: registering is what is tested, seconds saved


@pytest.fixture(scope="module")
def two_versions(
    corpus: Path, mlflow_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """`triage train --register` twice under one name: (name, the folder of bundles m1, m2)."""
    folder = tmp_path_factory.mktemp("registered")
    data = first_rows(corpus / "train.jsonl", folder / "train.jsonl", TRAIN_ROWS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_TRACKING_URI", mlflow_server)
        first = train_and_register(corpus, folder / "m1", "registry-test", data=data)
        second = train_and_register(corpus, folder / "m2", "registry-test", seed=14, data=data)
    assert (first.version, second.version) == ("1", "2")
    yield "registry-test", folder


@pytest.mark.usefixtures("registry")
def test_train_registers_a_pyfunc_model_that_scores_dataframes(
    two_versions: tuple[str, Path],
) -> None:
    model_name, folder = two_versions
    client = registry.client()
    version = client.get_model_version(model_name, "2")
    run = client.get_run(version.run_id)
    assert run.data.params["builder"] == "tfidf_linear.v2"  # the training run holds the model
    logged = client.search_logged_models([run.info.experiment_id])
    assert any(m.source_run_id == version.run_id and m.name == "model" for m in logged)

    done = subprocess.run(
        [sys.executable, "-c", SCORE_IN_A_FRESH_PROCESS, f"models:/{model_name}/2"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    bundle = load_bundle(folder / "m2")
    heads = list(bundle.heads)
    expected = ["language"] + [c for h in heads for c in (h, f"{h}_confidence")]
    assert found["columns"] == [*expected, "escalation_risk"]
    assert {"text", "subject", "body", "channel", "customer_vip"} <= set(found["inputs"])
    rows = found["rows"]
    assert [r["language"] for r in rows] == ["en", "nl"]
    direct = bundle.predict(
        [
            Ticket(body="I was charged twice for my subscription", channel=Channel.EMAIL),
            Ticket(
                subject="Wachtwoord",
                body="Ik kan niet inloggen op mijn account",
                channel=Channel.CHAT,
            ),
        ]
    )
    for row, result in zip(rows, direct, strict=True):
        for head, prediction in result.predictions.items():
            assert row[head] == prediction.label
            assert row[f"{head}_confidence"] == pytest.approx(prediction.confidence)
        assert 0.0 <= row["escalation_risk"] <= 1.0


@pytest.mark.usefixtures("registry")
def test_aliases_resolve_and_fetch_the_bundle(
    two_versions: tuple[str, Path], tmp_path: Path
) -> None:
    model_name, folder = two_versions
    ref = ModelRef(model_name, "1")
    with pytest.raises(ModelNotFound, match=f"models:/{model_name}@champion: not in the model"):
        registry.resolve(f"models:/{model_name}@champion")
    assert registry.alias_version(model_name, "champion") is None

    registry.set_alias(model_name, "champion", ref.version)
    found = registry.resolve(f"models:/{model_name}@champion")
    assert found == ModelRef(model_name, ref.version, "champion")
    assert registry.alias_version(model_name, "champion") == ref.version

    bundle = registry.fetch_bundle(found, tmp_path / "cache")
    assert bundle == tmp_path / "cache" / model_name / ref.version
    original = load_bundle(folder / "m1")
    assert load_bundle(bundle).version == original.version  # hashes checked on load
    assert registry.fetch_bundle(found, tmp_path / "cache") == bundle  # cached

    with pytest.raises(ModelNotFound, match="not in the model registry"):
        registry.resolve(f"models:/{model_name}/99")
    with pytest.raises(ModelNotFound, match="not in the model registry"):
        registry.resolve("models:/no-such-model@champion")


def test_register_refuses_an_unreadable_bundle(
    tiny_model_dir: Path, tmp_path: Path, model_name: str
) -> None:
    import shutil

    broken = Path(shutil.copytree(tiny_model_dir, tmp_path / "broken"))
    (broken / "featurizer.json").write_text("{}")
    from triage.errors import BundleIntegrityError

    with pytest.raises(BundleIntegrityError):
        registry.register_bundle(broken, model_name)
    client = registry.client()
    assert not client.search_model_versions(f"name='{model_name}'")
