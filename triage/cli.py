"""`triage serve|train|sign|evaluate|promote|score|classify|info|list|call|policy ...`.

The runtime modules of `triage` never import `training`; only this front door does, lazily, for
the `train` and `evaluate` commands."""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage import cli_checks as check
from triage.errors import ConfigError, InvalidTicket, TriageError
from triage.settings import Settings

if TYPE_CHECKING:
    from training.evaluation import Evaluation
    from triage.model import TriageModel
    from triage.rpc.client import Connection

log = logging.getLogger("triage")


def _settings(args: argparse.Namespace, **overrides: Any) -> Settings:
    """Settings from the environment, with the command's flags (and `overrides`) on top."""
    flags: dict[str, Any] = {
        "host": getattr(args, "host", None),
        "port": getattr(args, "port", None),
        "model_dir": getattr(args, "model", None),
        **overrides,
    }
    try:
        return Settings.from_env(**flags)
    except ValueError as exc:  # names the variable: one line, not a traceback
        raise ConfigError(str(exc)) from None


def cmd_serve(args: argparse.Namespace) -> int:
    check.port("--port", args.port)  # inputs first: the imports below take seconds
    if args.workers is not None:
        check.not_negative("--workers", args.workers)
    # --model is a bundle directory or a registered model (models:/NAME@ALIAS, models:/NAME/3);
    # either replaces both TRIAGE_MODEL_DIR and TRIAGE_MODEL_URI.
    given = args.model
    uri = given if given is not None and given.startswith("models:/") else None
    settings = _settings(
        args, model_dir=None if uri or given is None else Path(given), workers=args.workers
    )
    if uri is not None or (given is None and settings.model_uri):
        settings = replace(settings, model_uri=uri or settings.model_uri)
        check.model_uri("--model" if uri else "TRIAGE_MODEL_URI", settings.model_uri)
        where = settings.model_uri
    else:
        settings = replace(settings, model_uri="")
        check.bundle_dir("--model" if given else "TRIAGE_MODEL_DIR", settings.model_dir)
        where = str(settings.model_dir)
    if args.shadow is not None:
        settings = replace(settings, shadow_model=args.shadow)
    shadow_flag = "--shadow" if args.shadow is not None else "TRIAGE_SHADOW_MODEL"
    if settings.shadow_model.startswith("models:/"):
        check.model_uri(shadow_flag, settings.shadow_model)
    elif settings.shadow_model:
        check.bundle_dir(shadow_flag, Path(settings.shadow_model))
    from triage.malloc import one_malloc_arena
    from triage.supervisor import worker_count

    one_malloc_arena()  # before any thread: see triage.malloc
    workers = worker_count(settings.workers)
    if workers > 1:
        return _serve_workers(settings, workers, where)
    from triage.app import build_app
    from triage.rpc.logs import configure_logging

    configure_logging(log_format=settings.log_format)
    one_blas_thread()
    app = build_app(settings)
    app.hint = lambda port: _serving_hint(settings, port)
    app.serve_forever()
    if app.failure is not None:  # the last line says why, under the log lines
        print(f"triage serve: cannot load model from {where}: {app.failure}", file=sys.stderr)
        return 1
    return 0


def _serve_workers(settings: Settings, workers: int, where: str) -> int:
    """`serve` as `workers` processes on one port, under a supervisor (triage.supervisor)."""
    check.metrics_ports(settings.metrics_port, workers, settings.port)
    from triage.rpc.logs import configure_logging
    from triage.supervisor import Supervisor

    configure_logging(log_format=settings.log_format)
    supervisor = Supervisor(settings, workers, hint=lambda port: _serving_hint(settings, port))
    status = supervisor.run()
    if supervisor.failure is not None:  # the last line says why, under the log lines
        print(
            f"triage serve: cannot load model from {where}: {supervisor.failure}", file=sys.stderr
        )
    return status


def one_blas_thread() -> None:
    """BLAS runs on one thread in a server: its parallelism comes from concurrent requests and
    worker processes, and a BLAS pool per request thread only spins against them (measured:
    2.7x the throughput of OpenBLAS's default on 2 cores under load, bench/load.py)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


def _serving_hint(settings: Settings, port: int) -> str:
    """`serving on HOST:PORT (transport); try: <command>`: where to call, with a command to
    paste. A wildcard host is called on loopback."""
    from triage.rpc.tls import transport_mode

    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "[::]": "::1", "": "127.0.0.1"}.get(
        settings.host, settings.host
    )
    target = f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"
    mode = transport_mode(settings)
    tls = " --tls-ca CA.pem" if mode != "insecure" else ""
    tls += " --tls-cert CERT.pem --tls-key KEY.pem" if mode == "mTLS" else ""
    script = Path(sys.executable).parent / "triage"  # the venv's entry point, next to python
    if shutil.which("triage") == str(script):
        command = "triage"
    elif script.exists():
        command = os.path.relpath(script) if script.is_relative_to(Path.cwd()) else str(script)
    else:
        command = f"{sys.executable} -m triage.cli"
    plain = "plaintext" if mode == "insecure" else mode
    return (
        f"serving on {target} ({plain}); try: {command} classify --target {target}{tls} "
        "'my order never arrived'"
    )


def cmd_train(args: argparse.Namespace) -> int:
    from training.dataset import TRAINABLE, check_columns, parse_column_map

    # Every input is checked before the training stack is imported (seconds) or run (minutes).
    check.fraction("--holdout", args.holdout)
    check.not_negative("--seed", args.seed, high=2**32 - 1)  # numpy's seed range
    check.input_file("--data", args.data)
    if args.test_data is not None:
        check.input_file("--test-data", args.test_data)
    check.new_bundle_dir("--out", args.out)
    if args.register is not None:
        check.model_name("--register", args.register)
    if args.feedback is not None:
        check.feedback_url("--feedback", args.feedback)
    if not (args.feedback_weight > 0 and math.isfinite(args.feedback_weight)):
        raise ConfigError(f"--feedback-weight: must be a number > 0, got {args.feedback_weight}")
    column_map = parse_column_map(args.column_map)
    check_columns(args.data, column_map, labels=TRAINABLE)
    if args.test_data is not None:
        check_columns(args.test_data, column_map)
    model_key = _settings(args).model_key
    from training.builders import BUILDERS

    if args.builder not in BUILDERS:
        raise ConfigError(f"--builder: unknown {args.builder!r}; known: {', '.join(BUILDERS)}")
    from training.escalation import policy_threshold

    escalation_threshold = policy_threshold(_settings(args))

    from training.evaluation import format_table
    from training.pipeline import train

    result = train(
        args.data,
        args.out,
        column_map=column_map,
        test_path=args.test_data,
        holdout_fraction=args.holdout,
        builder_name=args.builder,
        name=args.name,
        seed=args.seed,
        experiment=args.experiment,
        show_progress=not args.no_progress,
        model_key=model_key,
        escalation_threshold=escalation_threshold,
        register=args.register or "",
        feedback_url=args.feedback or "",
        feedback_weight=args.feedback_weight,
        workers=_settings(args).train_workers,
    )
    if result.evaluation is not None:
        print(format_table(result.evaluation))
    print(
        f"\nmodel {result.version} written to {result.bundle_dir} in {result.seconds:.1f} s "
        f"(MLflow run {result.run_id})"
    )
    if result.registered is not None:
        print(f"registered as {result.registered.uri}")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from triage.bundle import sign_bundle

    check.bundle_dir("--model", args.model)
    key = _settings(args).model_key
    if not key:
        print("triage sign: set TRIAGE_MODEL_KEY to the key to sign with", file=sys.stderr)
        return 2
    sign_bundle(args.model, key)  # checks the files against SHA256SUMS first
    print(f"signed {args.model}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from training.dataset import LABEL_COLUMNS, check_columns, load_dataset, parse_column_map

    # Inputs first: loading the model takes many seconds.
    check.input_file("--data", args.data)
    check.bundle_dir("--model", args.model)
    if args.report is not None:
        check.output_dir("--report", args.report)
    column_map = parse_column_map(args.column_map)
    check_columns(args.data, column_map, labels=LABEL_COLUMNS)
    settings = _settings(args)
    data = load_dataset(args.data, column_map)
    from training.escalation import policy_threshold
    from training.evaluation import evaluate, format_table
    from triage.bundle import load_bundle

    threshold = policy_threshold(settings)  # before the model: a bad policy fails fast
    model = load_bundle(Path(args.model), key=settings.model_key)
    evaluation = evaluate(model, data, escalation_threshold=threshold)
    if args.json:
        json.dump({"model_version": model.version, **evaluation.to_json()}, sys.stdout, indent=2)
        print()
    else:
        print(f"model {model.version} on {args.data} ({evaluation.n} tickets)\n")
        print(format_table(evaluation))
    if args.report:
        _report(args, model, evaluation)
    return 0


def cmd_promote(args: argparse.Namespace) -> int:
    """Exit 0 when champion moved (or rolled back), 1 (promote.REFUSED) when the gate refused
    the candidate, 2 for usage errors (main's ConfigError/TriageError path)."""
    check.model_name("NAME", args.name)  # inputs first: the registry and the models are slow
    if args.rollback:
        for flag, given in (
            ("--candidate", args.candidate),
            ("--data", args.data),
            ("--force", args.force),
            ("--reason", args.reason),
        ):
            if given:
                raise ConfigError(f"{flag}: not used with --rollback")
    elif args.candidate is None:
        raise ConfigError("give --candidate VERSION (with --data HOLDOUT), or --rollback")
    if args.rollback:
        from training import promote

        restored, replaced, run_id = promote.rollback(args.name)
        print(
            f"champion of {args.name}: version {replaced or '(none)'} -> {restored} "
            f"(previous: {replaced or '(none)'}); MLflow run {run_id}"
        )
        return 0
    if not args.candidate.isdigit():
        raise ConfigError(f"--candidate: {args.candidate!r} is not a version number")
    if args.data is None:
        raise ConfigError("--data: required with --candidate (held-out labelled tickets)")
    check.input_file("--data", args.data)
    if not args.tolerance >= 0 or math.isinf(args.tolerance):  # `not >=` also refuses NaN
        raise ConfigError(f"--tolerance: must be >= 0, got {args.tolerance:g}")
    if args.force and not (args.reason or "").strip():
        raise ConfigError("--force: give --reason TEXT (recorded on the version)")
    if args.reason is not None and not args.force:
        raise ConfigError("--reason: only with --force")
    from training.dataset import LABEL_COLUMNS, check_columns, load_dataset, parse_column_map

    column_map = parse_column_map(args.column_map)
    check_columns(args.data, column_map, labels=LABEL_COLUMNS)
    settings = _settings(args)
    from training import promote
    from training.escalation import policy_threshold

    threshold = policy_threshold(settings)  # before the models: a bad policy fails fast
    candidate, champion = promote.resolve_candidate(args.name, args.candidate)
    data = load_dataset(args.data, column_map)
    outcome = promote.promote(
        candidate,
        champion,
        data,
        args.data,
        settings,
        threshold=threshold,
        tolerance=args.tolerance,
        force_reason=args.reason.strip() if args.force else None,
    )
    comparison = outcome.comparison
    print(
        f"{args.name}: candidate {candidate.version} on {args.data} ({len(data.tickets)} tickets)\n"
    )
    print(promote.format_comparison(comparison))
    print()
    if not outcome.moved:
        print(f"champion of {args.name} stays version {champion}; MLflow run {outcome.run_id}")
        print(f"triage promote: refused: {comparison.reason()}", file=sys.stderr)
        return promote.REFUSED
    print(
        f"champion of {args.name}: version {champion or '(none)'} -> {outcome.champion} "
        f"(previous: {outcome.previous or '(none)'}); MLflow run {outcome.run_id}"
    )
    print(f"{outcome.decision}: {comparison.reason()}")
    return 0


def _report(args: argparse.Namespace, model: TriageModel, evaluation: Evaluation) -> None:
    """`evaluate --report DIR`: the report files, logged with the metrics to an MLflow run."""
    from training import tracking
    from training.report import write_report

    model_dir, data_path = Path(args.model).resolve(), Path(args.data).resolve()
    tags = {
        "triage.command": "evaluate",
        "triage.model_name": str(model.meta.get("name", "")),
        "triage.model_version": model.version,
        "triage.model_dir": str(model_dir),
        "triage.data": str(data_path),
        "triage.training_run_id": str(model.meta.get("mlflow_run_id", "")),
    }
    model_name = str(model.meta.get("name", "")) or model_dir.name
    name = f"evaluate {model.version} on {data_path.name}"
    with tracking.start_run(args.experiment, run_name=name, tags=tags) as run:
        tracking.describe_run(
            f"Model {model_name} {model.version} evaluated on {data_path.name}: "
            f"{evaluation.n} tickets, heads {', '.join(evaluation.heads)}."
        )
        about = {
            "model": f"{model.meta.get('name', '')} {model.version} ({model_dir})",
            "data": str(data_path),
            "MLflow": f"experiment {args.experiment}, run {run.info.run_id}",
        }
        title = f"Evaluation of model {model_name} {model.version} on {data_path.name}"
        report = write_report(evaluation, args.report, title=title, about=about)
        tracking.log_evaluation(evaluation)
        tracking.log_report(report.folder)
    # stdout may carry --json: the note goes to stderr.
    print(
        f"report written to {report.markdown} and {report.html} (MLflow run {run.info.run_id})",
        file=sys.stderr,
    )


def cmd_score(args: argparse.Namespace) -> int:
    from triage.lifecycle import score_checks as checks

    # Inputs first: mlflow, the model and Spark take seconds to minutes to start.
    checks.batch_size(args.batch_size)
    data, out, spark = str(args.data), str(args.out), args.spark
    checks.suffix("--data", data, checks.INPUT_SUFFIXES)
    checks.suffix("--out", out, checks.OUTPUT_SUFFIXES)
    if spark is not None:
        checks.spark_master(spark)
        checks.spark_prerequisites()
    if spark is None or not checks.is_uri(data):  # Spark reads hdfs://, s3a://... itself
        check.input_file("--data", Path(data))
    if spark is None:
        check.output_file("--out", Path(out))
    else:
        checks.spark_out(out)
    checks.quiet_mlflow()
    from triage.lifecycle.registry import is_registry_uri, parse_uri

    if is_registry_uri(args.model):
        parse_uri(args.model)
    elif spark is not None:
        raise ConfigError(
            f"--model: {args.model}: --spark scores a registered model (models:/NAME@ALIAS or "
            "models:/NAME/VERSION)"
        )
    else:
        check.bundle_dir("--model", Path(args.model))
    from training.dataset import check_columns, parse_column_map

    column_map = parse_column_map(args.column_map)
    if spark is None or not checks.is_uri(data):
        check_columns(Path(data), column_map)  # a text column, and the columns the map names
    settings = _settings(argparse.Namespace())
    if spark is not None:
        from triage.lifecycle.spark_score import score_on_spark

        summary = score_on_spark(
            args.model,
            data,
            out,
            master=spark,
            column_map=column_map,
            batch_size=args.batch_size,
        )
    else:
        from triage.lifecycle.score import load_scorer, score_file

        scorer = load_scorer(
            args.model,
            key=settings.model_key,
            coverage=settings.conformal_coverage,
            ood_threshold=settings.ood_threshold,
        )
        summary = score_file(
            scorer,
            Path(data),
            Path(out),
            column_map=column_map,
            size=args.batch_size,
            progress=not args.no_progress,
        )
    print(summary.line())
    return 0


def _connection(args: argparse.Namespace) -> Connection:
    """The server a client command talks to, from the flags `_add_server_flags` adds; the target
    and token default to TRIAGE_HOST/TRIAGE_PORT and TRIAGE_API_TOKEN."""
    from triage.rpc.client import Connection

    settings = _settings(argparse.Namespace())
    check.positive("--timeout", args.timeout)
    if args.target:
        check.target("--target", args.target)
    else:
        check.target("TRIAGE_HOST:TRIAGE_PORT", f"{settings.host}:{settings.port}")
    return Connection(
        target=args.target or f"{settings.host}:{settings.port}",
        tls_ca=args.tls_ca,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        tls_server_name=args.tls_server_name or "",
        token=settings.api_token if args.token is None else args.token,
    )


def cmd_classify(args: argparse.Namespace) -> int:
    from triage.domain import Channel, Customer, Ticket
    from triage.rpc.client import classify

    check.not_negative("--previous-contacts", args.previous_contacts)
    connection = _connection(args)  # its flags are checked before stdin is read
    body = sys.stdin.read() if args.body == "-" else (args.body or "")
    ticket = Ticket(
        id=args.id,
        subject=args.subject,
        body=body,
        channel=Channel(args.channel),
        language_hint=args.language,
        customer=Customer(segment=args.segment, vip=args.vip, name=args.customer_name),
        previous_contacts=args.previous_contacts,
    )
    print(json.dumps(classify(connection, ticket, args.timeout), indent=2, ensure_ascii=False))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from triage.rpc.client import model_info

    print(json.dumps(model_info(_connection(args), args.timeout), indent=2, ensure_ascii=False))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from triage.rpc.reflection_client import list_methods

    for service, methods in list_methods(_connection(args), args.timeout).items():
        print(service)
        for method in methods:
            print(f"  {method.signature()}")
    return 0


def cmd_call(args: argparse.Namespace) -> int:
    from triage.rpc.reflection_client import call

    request = sys.stdin.read() if args.json == "-" else args.json
    admin_token = _settings(argparse.Namespace()).admin_token
    responses = call(
        _connection(args),
        args.method,
        request,
        args.timeout,
        admin_token=admin_token if args.admin_token is None else args.admin_token,
    )
    for response in responses:
        if responses.streaming:  # one JSON per line, as they come
            print(json.dumps(response, ensure_ascii=False), flush=True)
        else:  # indented, as `classify` prints
            print(json.dumps(response, indent=2, ensure_ascii=False))
    return 0


def cmd_policy_validate(args: argparse.Namespace) -> int:
    check.input_file("", args.file)  # before the import, which takes seconds
    from triage.escalation.report import validate_file

    try:
        problems = validate_file(args.file)
    except UnicodeDecodeError:
        raise ConfigError(f"{args.file}: not UTF-8 text") from None
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"{args.file}: valid")
    return 1 if problems else 0


def cmd_policy_simulate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    current = args.current or settings.policy_file
    # Inputs first (the model takes seconds to load): files, then policies, then the history.
    check.input_file("--policy", args.policy)
    check.input_file("--current" if args.current else "TRIAGE_POLICY_FILE", current)
    check.input_file("--data", args.data)
    check.bundle_dir("--model" if args.model else "TRIAGE_MODEL_DIR", settings.model_dir)
    if args.plot is not None:
        check.output_file("--plot", args.plot)
    _check_policy("--policy", args.policy)
    _check_policy("--current" if args.current else "TRIAGE_POLICY_FILE", current)
    from training.dataset import check_columns
    from triage.escalation.report import simulate_file

    check_columns(args.data, labels=("escalated",))
    try:
        table, _, _ = simulate_file(
            args.policy,
            args.data,
            settings.model_dir,
            current,
            args.plot,
            model_key=settings.model_key,
        )
    except InvalidTicket as exc:  # the history reader names its (server-side) field
        if exc.field != "dataset_path":
            raise
        raise ConfigError(f"--data: {args.data}: {exc.problem}") from None
    print(table)
    if args.plot:
        print(f"\nplot written to {args.plot}")
    return 0


def _check_policy(flag: str, path: Path) -> None:
    """The first problem of a policy file, as `flag: FILE:LINE: key: message`."""
    from triage.escalation.report import validate_file

    try:
        problems = validate_file(path)
    except UnicodeDecodeError:
        raise ConfigError(f"{flag}: {path}: not UTF-8 text") from None
    if problems:
        more = f" (and {len(problems) - 1} more: triage policy validate {path})"
        raise ConfigError(f"{flag}: {problems[0]}{more if len(problems) > 1 else ''}")


def _add_server_flags(parser: argparse.ArgumentParser) -> None:
    """Where a client command finds the server and how it proves who it is (`_connection`)."""
    parser.add_argument("--target", help="HOST:PORT (default from TRIAGE_HOST/TRIAGE_PORT)")
    parser.add_argument("--timeout", type=float, default=10.0)
    tls = parser.add_argument_group("TLS (plaintext unless --tls-ca or --tls-cert is given)")
    tls.add_argument(
        "--tls-ca", type=Path, metavar="FILE", help="trust this CA (PEM); turns TLS on"
    )
    tls.add_argument("--tls-cert", type=Path, metavar="FILE", help="client certificate (mTLS)")
    tls.add_argument("--tls-key", type=Path, metavar="FILE", help="its unencrypted private key")
    tls.add_argument(
        "--tls-server-name", metavar="NAME", help="check the server certificate for this name"
    )
    parser.add_argument(
        "--token",
        help="API bearer token (default TRIAGE_API_TOKEN; prefer the variable: flags show in ps)",
    )


def cmd_feedback_export(args: argparse.Namespace) -> int:
    url = args.url or _settings(args).feedback_url
    if not url:
        raise ConfigError("--url: no feedback store (and TRIAGE_FEEDBACK_URL is empty)")
    check.feedback_url("--url", url)
    check.output_file("--out", args.out)
    from training.feedback import export

    rows = export(url, args.out)
    print(f"wrote {rows} corrected tickets to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triage", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="serve a model bundle over gRPC")
    serve.add_argument(
        "--model",
        help="bundle directory, or a registered model: models:/NAME@ALIAS (followed on "
        "reload) or models:/NAME/VERSION (default: TRIAGE_MODEL_URI, else TRIAGE_MODEL_DIR, "
        "else models/default)",
    )
    serve.add_argument(
        "--shadow",
        metavar="MODEL",
        help="also score every ticket with MODEL (models:/NAME@challenger or a bundle directory) "
        "off the response path; agreement shows in `triage info` (default: TRIAGE_SHADOW_MODEL)",
    )
    serve.add_argument("--host", help="interface to bind (default 127.0.0.1, or TRIAGE_HOST)")
    serve.add_argument("--port", type=int, help="port (default 50051, or TRIAGE_PORT)")
    serve.add_argument(
        "--workers",
        type=int,
        help="server processes sharing the port, each loading the model (default 1, or "
        "TRIAGE_WORKERS; 0 = one per usable core)",
    )
    serve.set_defaults(run=cmd_serve)

    train = sub.add_parser("train", help="train a model bundle from a CSV/JSONL dataset")
    train.add_argument("--data", required=True, type=Path, help="training data (.csv or .jsonl)")
    train.add_argument("--out", required=True, type=Path, help="bundle directory to write")
    train.add_argument("--column-map", help="rename columns: ours=theirs,... (text=description)")
    train.add_argument("--test-data", type=Path, help="held-out data; default: carve --holdout")
    train.add_argument("--holdout", type=float, default=0.15, help="held-out share (default 0.15)")
    train.add_argument(
        "--builder",
        default="tfidf_embed.v1",
        help="versioned model builder: tfidf_embed.v1 (default: TF-IDF + multilingual "
        "embeddings, novelty scores), tfidf_linear.v3 (TF-IDF only, fastest to train), "
        "tfidf_linear.v2 (v3 solved more tightly, twice as slow), tfidf_linear.v1 (no label sets)",
    )
    train.add_argument("--name", help="model name (default: the --out folder's name)")
    train.add_argument("--seed", type=int, default=13)
    train.add_argument("--experiment", default="triage", help="MLflow experiment name")
    train.add_argument("--no-progress", action="store_true", help="hide progress bars")
    train.add_argument(
        "--register",
        metavar="NAME",
        help="also register the bundle as a new version of NAME in the MLflow Model Registry",
    )
    train.add_argument(
        "--feedback",
        metavar="URL",
        help="merge agents' corrections from this feedback store (sqlite:///state/feedback.db): "
        "they override the labels of rows with the same id and add rows for new ids",
    )
    train.add_argument(
        "--feedback-weight",
        type=float,
        default=1.0,
        metavar="W",
        help="each correction counts round(W) times in training (default 1)",
    )
    train.set_defaults(run=cmd_train)

    feedback = sub.add_parser("feedback", help="agents' corrections stored by SubmitFeedback")
    feedback_sub = feedback.add_subparsers(dest="feedback_command", required=True)
    export = feedback_sub.add_parser(
        "export", help="write the corrections as a training dataset (JSONL, or CSV by suffix)"
    )
    export.add_argument("--out", required=True, type=Path, help="file to write (.jsonl or .csv)")
    export.add_argument("--url", help="feedback store (default: TRIAGE_FEEDBACK_URL)")
    export.set_defaults(run=cmd_feedback_export)

    sign = sub.add_parser(
        "sign", help="sign an existing bundle with TRIAGE_MODEL_KEY (train signs its own)"
    )
    sign.add_argument("--model", required=True, type=Path, help="bundle directory")
    sign.set_defaults(run=cmd_sign)

    evaluate = sub.add_parser("evaluate", help="per-head metrics of a bundle on labelled data")
    evaluate.add_argument("--model", required=True, type=Path)
    evaluate.add_argument("--data", required=True, type=Path)
    evaluate.add_argument("--column-map")
    evaluate.add_argument("--json", action="store_true", help="print JSON on stdout")
    evaluate.add_argument(
        "--report",
        type=Path,
        metavar="DIR",
        help="write DIR/report.md and report.html with figures; log them and the metrics to MLflow",
    )
    evaluate.add_argument(
        "--experiment", default="triage-evaluate", help="MLflow experiment of --report"
    )
    evaluate.set_defaults(run=cmd_evaluate)

    promote = sub.add_parser(
        "promote",
        help="move a registered model's champion alias to a candidate that beats it, or back",
        description="Exit status: 0 champion moved, 1 the gate refused the candidate, "
        "2 usage error (also an unknown model or version, or no previous to roll back to).",
    )
    promote.add_argument("name", metavar="NAME", help="registered model name")
    promote.add_argument("--candidate", metavar="VERSION", help="version to evaluate and promote")
    promote.add_argument("--data", type=Path, metavar="HOLDOUT", help="held-out labelled data")
    promote.add_argument("--column-map", help="rename columns: ours=theirs,...")
    promote.add_argument(
        "--tolerance",
        type=float,
        default=0.005,
        help="largest drop of any head's accuracy or macro-F1 (or rise of ECE) still accepted "
        "(default 0.005)",
    )
    promote.add_argument("--force", action="store_true", help="promote whatever the gate says")
    promote.add_argument("--reason", help="why --force (recorded on the version with the user)")
    promote.add_argument(
        "--rollback", action="store_true", help="move champion back to the previous version"
    )
    promote.set_defaults(run=cmd_promote)

    score = sub.add_parser(
        "score", help="score a table of tickets with a registered model, in-process or on Spark"
    )
    score.add_argument(
        "--model",
        required=True,
        help="models:/NAME@ALIAS or models:/NAME/VERSION (or a bundle directory, without --spark)",
    )
    score.add_argument("--data", required=True, help="tickets (.jsonl or .csv)")
    score.add_argument(
        "--out",
        required=True,
        help="scores (.jsonl, .csv or .parquet; with --spark a directory of part files)",
    )
    score.add_argument("--column-map", help="rename columns: ours=theirs,... (text=description)")
    score.add_argument(
        "--batch-size", type=int, default=512, help="rows per model call (default 512)"
    )
    score.add_argument(
        "--spark",
        metavar="MASTER",
        help="score on Spark: local[2], local[*], spark://HOST:7077, yarn, k8s://...",
    )
    score.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    score.set_defaults(run=cmd_score)

    classify = sub.add_parser("classify", help="triage one ticket via a running server")
    classify.add_argument("body", nargs="?", default="", help="ticket body ('-' reads stdin)")
    classify.add_argument("--subject", default="")
    classify.add_argument("--id", default="cli")
    classify.add_argument(
        "--channel",
        default="unspecified",
        choices=["unspecified", "email", "chat", "phone", "web", "social"],
    )
    classify.add_argument("--language", default="", help="language hint (ISO 639-1)")
    classify.add_argument("--segment", default="")
    classify.add_argument("--vip", action="store_true")
    classify.add_argument("--customer-name", default="", help="fills {customer_name} in macros")
    classify.add_argument("--previous-contacts", type=int, default=0)
    _add_server_flags(classify)
    classify.set_defaults(run=cmd_classify)

    info = sub.add_parser("info", help="describe the model a running server serves")
    _add_server_flags(info)
    info.set_defaults(run=cmd_info)

    listing = sub.add_parser("list", help="services and methods of a running server (reflection)")
    _add_server_flags(listing)
    listing.set_defaults(run=cmd_list)

    call = sub.add_parser("call", help="call any RPC of a running server with JSON (reflection)")
    call.add_argument("method", help="SERVICE/METHOD, e.g. triage.v1.TriageService/Triage")
    call.add_argument(
        "json",
        nargs="?",
        default="{}",
        help="the request as JSON ('-' reads stdin; a client stream: an array or JSON lines)",
    )
    _add_server_flags(call)
    call.add_argument(
        "--admin-token",
        help="bearer token for AdminService methods (default TRIAGE_ADMIN_TOKEN)",
    )
    call.set_defaults(run=cmd_call)

    policy = sub.add_parser("policy", help="check or try out an escalation policy file")
    policy_sub = policy.add_subparsers(dest="policy_command", required=True)
    validate = policy_sub.add_parser("validate", help="check a policy file (key and line)")
    validate.add_argument("file", type=Path)
    validate.set_defaults(run=cmd_policy_validate)
    simulate = policy_sub.add_parser("simulate", help="what a policy would do on history")
    simulate.add_argument("--policy", required=True, type=Path, help="candidate policy YAML")
    simulate.add_argument("--data", required=True, type=Path, help="history with `escalated`")
    simulate.add_argument("--model", type=Path, help="bundle (default: models/default)")
    simulate.add_argument("--current", type=Path, help="policy to compare with (default file)")
    simulate.add_argument("--plot", type=Path, help="write the threshold sweep as a PNG here")
    simulate.set_defaults(run=cmd_policy_simulate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sub_command = getattr(args, "policy_command", None) or getattr(args, "feedback_command", None)
    command = " ".join(filter(None, (args.command, sub_command)))
    try:
        return int(args.run(args))
    except TriageError as exc:  # expected failures (bad data, failed calls) carry a clean message
        print(f"triage {command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`triage call ... | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second one at exit
        return 0
    except OSError as exc:  # a path the checks could not foresee (a full disk, a lost mount)
        where = f": {exc.filename}" if exc.filename else ""
        print(f"triage {command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
