"""An `Evaluation` as a report on disk: `report.md` and `report.html` with PNG figures beside
them (confusion matrix, reliability diagram and conformal coverage per head), linked relatively
so the folder can be moved, zipped or logged to MLflow as it is. One job: Evaluation -> files."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from training.evaluation import ECE_BINS, Evaluation, HeadEvaluation, save_confusion_png

_CONFORMAL_KEY = re.compile(r"^conformal_coverage_(\d+)$")
_AVERAGES = ("macro avg", "weighted avg")


@dataclass(frozen=True)
class ReliabilityBin:
    """One equal-width confidence bin [low, high] of a reliability diagram."""

    low: float
    high: float
    count: int
    accuracy: float
    """Share of correct top labels in the bin (nan when empty)."""
    confidence: float
    """Mean top-label confidence in the bin (nan when empty)."""


@dataclass(frozen=True)
class ConformalLevel:
    target: float
    coverage: float
    set_size: float


@dataclass
class Report:
    """What `write_report` wrote: the two documents and every figure (all inside `folder`)."""

    folder: Path
    markdown: Path
    html: Path
    images: list[Path] = field(default_factory=list)


def reliability_bins(
    confidence: np.ndarray, correct: np.ndarray, bins: int = ECE_BINS
) -> list[ReliabilityBin]:
    """The bins of `training.evaluation.expected_calibration_error` (same edges, same rule for a
    confidence on an edge: it belongs to the lower bin), so the diagram and the ECE agree."""
    confidence = np.asarray(confidence, dtype=float)
    correct = np.asarray(correct, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    out = []
    for b in range(bins):
        mask = which == b
        count = int(mask.sum())
        out.append(
            ReliabilityBin(
                low=float(edges[b]),
                high=float(edges[b + 1]),
                count=count,
                accuracy=float(correct[mask].mean()) if count else math.nan,
                confidence=float(confidence[mask].mean()) if count else math.nan,
            )
        )
    return out


def conformal_levels(metrics: dict[str, float]) -> list[ConformalLevel]:
    """`conformal_coverage_90` / `conformal_set_size_90` (and 95, ...) as rows, lowest first."""
    levels = []
    for key in metrics:
        match = _CONFORMAL_KEY.match(key)
        if match:
            percent = match.group(1)
            levels.append(
                ConformalLevel(
                    target=int(percent) / 100,
                    coverage=float(metrics[key]),
                    set_size=float(metrics.get(f"conformal_set_size_{percent}", math.nan)),
                )
            )
    return sorted(levels, key=lambda level: level.target)


def class_rows(head: HeadEvaluation) -> list[tuple[str, dict[str, float]]]:
    """Per-class rows of the classification report: the head's labels in their order, then any
    held-out label the head never learned, then the macro and weighted averages."""
    report = head.per_class
    names = [label for label in head.labels if label in report]
    names += sorted(k for k in report if k not in names and k != "accuracy" and k not in _AVERAGES)
    names += [k for k in _AVERAGES if k in report]
    return [(name, report[name]) for name in names]


# --- figures -------------------------------------------------------------------------------------


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def save_reliability_png(head: HeadEvaluation, path: Path, bins: int = ECE_BINS) -> Path:
    """Accuracy per confidence bin against the diagonal, with the bin counts as a histogram (for
    a risk head: the positive share per bin of predicted P(positive))."""
    plt = _pyplot()
    rows = reliability_bins(head.confidence, head.correct, bins)
    width = 1.0 / bins
    lows = np.array([r.low for r in rows])
    filled = np.array([r.count > 0 for r in rows])
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(5.5, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 1]}
    )
    # a risk head is judged on P(positive) against the positive share, the others on the top label
    observed = f"share {head.positive}" if head.positive else "accuracy"
    predicted = f"predicted P({head.positive})" if head.positive else "confidence of the top label"
    top.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    top.bar(
        lows[filled],
        [r.accuracy for r in rows if r.count],
        width=width,
        align="edge",
        edgecolor="black",
        color="tab:blue",
        alpha=0.8,
        label=observed,
    )
    top.plot(
        [r.confidence for r in rows if r.count],
        [r.confidence for r in rows if r.count],
        "o",
        color="tab:red",
        markersize=4,
        label=f"mean {predicted}" if head.positive else "mean confidence",
    )
    top.set_xlim(0, 1)
    top.set_ylim(0, 1)
    top.set_ylabel(observed)
    top.legend(loc="upper left", fontsize=8)
    top.set_title(
        f"{head.name}: reliability, ECE {head.metrics.get('ece', math.nan):.4f} "
        f"({bins} bins, n={head.n})"
    )
    bottom.bar(lows, [r.count for r in rows], width=width, align="edge", color="grey")
    bottom.set_xlabel(predicted)
    bottom.set_ylabel("tickets")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def save_coverage_png(head: HeadEvaluation, levels: Sequence[ConformalLevel], path: Path) -> Path:
    """Target vs measured coverage of the conformal prediction sets, one pair of bars a level."""
    plt = _pyplot()
    x = np.arange(len(levels))
    fig, ax = plt.subplots(figsize=(5, 3.8))
    ax.bar(x - 0.2, [lv.target for lv in levels], width=0.4, color="grey", label="target")
    bars = ax.bar(
        x + 0.2, [lv.coverage for lv in levels], width=0.4, color="tab:green", label="measured"
    )
    for bar, level in zip(bars, levels, strict=True):
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height(),
            f"{level.coverage:.3f}\n|set| {level.set_size:.2f}",
            ha="center",
            va="bottom",
            fontsize=7,
        )
    ax.set_xticks(x, [f"{lv.target:.0%}" for lv in levels])
    ax.set_ylim(0, 1.15)
    ax.set_ylabel("coverage")
    ax.set_title(f"{head.name}: conformal prediction sets")
    # below the axes: every spot inside is covered by a bar or its label
    fig.legend(loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


# --- documents -----------------------------------------------------------------------------------


def _num(value: float | int | None, digits: int = 4) -> str:
    if value is None or math.isnan(value):
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def _md(text: object) -> str:
    """Text for a Markdown table cell: no HTML (renderers pass it through) and no cell breaks."""
    return html.escape(str(text), quote=False).replace("\\", "\\\\").replace("|", "\\|")


def _file_stem(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)


def _headline(head: HeadEvaluation) -> list[tuple[str, str]]:
    m = head.metrics
    rows = [("tickets", str(head.n))]
    if "roc_auc" in m:  # a risk head (escalation): how well it ranks and decides at the policy
        rows += [
            ("escalated share", _num(m.get("positive_rate"))),
            ("ROC-AUC", _num(m.get("roc_auc"))),
            ("policy threshold (a risk at or above it escalates)", _num(m.get("threshold"), 2)),
            ("precision at the threshold", _num(m.get("precision"))),
            ("recall at the threshold", _num(m.get("recall"))),
        ]
    rows += [
        ("accuracy", _num(m.get("accuracy"))),
        ("macro-F1", _num(m.get("macro_f1"))),
        ("log loss", _num(m.get("log_loss"))),
        (f"ECE ({ECE_BINS} bins)", _num(m.get("ece"))),
        ("majority baseline accuracy", _num(m.get("majority_accuracy"))),
    ]
    if "rules_roc_auc" in m:
        rows += [
            ("rules baseline ROC-AUC", _num(m.get("rules_roc_auc"))),
            ("rules baseline precision", _num(m.get("rules_precision"))),
            ("rules baseline recall", _num(m.get("rules_recall"))),
        ]
    return rows


@dataclass
class _Heading:
    level: int
    text: str

    def markdown(self) -> list[str]:
        return ["#" * self.level + " " + _md(self.text), ""]

    def html(self) -> str:
        return f"<h{self.level}>{html.escape(self.text)}</h{self.level}>"


@dataclass
class _Para:
    text: str

    def markdown(self) -> list[str]:
        return [_md(self.text), ""]

    def html(self) -> str:
        return f"<p>{html.escape(self.text)}</p>"


@dataclass
class _Table:
    header: list[str]
    rows: list[list[str]]

    def markdown(self) -> list[str]:
        lines = ["| " + " | ".join(_md(h) for h in self.header) + " |"]
        lines.append("|" + "|".join("---" for _ in self.header) + "|")
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in self.rows]
        return [*lines, ""]

    def html(self) -> str:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
            for row in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


@dataclass
class _Image:
    """A figure next to the documents, linked by its bare file name."""

    path: Path
    alt: str

    def markdown(self) -> list[str]:
        return [f"![{_md(self.alt)}]({self.path.name})", ""]

    def html(self) -> str:
        return f'<img src="{html.escape(self.path.name)}" alt="{html.escape(self.alt)}">'


_Block = _Heading | _Para | _Table | _Image


@dataclass
class _Document:
    """A report as a list of blocks, rendered once to Markdown and once to HTML."""

    blocks: list[_Block] = field(default_factory=list)

    def heading(self, level: int, text: str) -> None:
        self.blocks.append(_Heading(level, text))

    def para(self, text: str) -> None:
        self.blocks.append(_Para(text))

    def table(self, header: Iterable[str], rows: Iterable[Iterable[str]]) -> None:
        self.blocks.append(_Table(list(header), [list(r) for r in rows]))

    def image(self, path: Path, alt: str) -> None:
        self.blocks.append(_Image(path, alt))

    def markdown(self) -> str:
        return "\n".join(line for block in self.blocks for line in block.markdown())

    def html(self, title: str) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n<body>\n"
            + "\n".join(block.html() for block in self.blocks)
            + "\n</body></html>\n"
        )


_CSS = (
    "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1em}"
    "th,td{border:1px solid #ccc;padding:.2em .6em;text-align:right}"
    "th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}"
    "img{max-width:100%;display:block;margin:.5em 0 1em}h2{border-bottom:1px solid #ddd}"
)


def _head_section(
    doc: _Document, head: HeadEvaluation, folder: Path, images: list[Path], bins: int
) -> None:
    stem = _file_stem(head.name)
    doc.heading(2, f"Head: {head.name}")
    doc.table(["metric", "value"], _headline(head))
    if head.unknown_labels:
        doc.para(
            "Held-out labels this head was never trained on (counted wrong): "
            + ", ".join(f"{k} ({v})" for k, v in sorted(head.unknown_labels.items()))
        )

    doc.heading(3, "Per class")
    doc.table(
        ["class", "precision", "recall", "F1", "support"],
        [
            [
                name,
                _num(row.get("precision")),
                _num(row.get("recall")),
                _num(row.get("f1-score")),
                _num(int(row.get("support", 0))),
            ]
            for name, row in class_rows(head)
        ],
    )

    doc.heading(3, "Confusion matrix")
    images.append(save_confusion_png(head, folder / f"confusion_{stem}.png"))
    doc.image(images[-1], f"{head.name} confusion matrix")

    doc.heading(3, "Reliability")
    if len(head.confidence):
        images.append(save_reliability_png(head, folder / f"reliability_{stem}.png", bins))
        doc.image(images[-1], f"{head.name} reliability diagram")
        doc.table(
            (
                [f"P({head.positive}) bin", "tickets", f"share {head.positive}", "mean P", "gap"]
                if head.positive
                else ["confidence bin", "tickets", "accuracy", "mean confidence", "gap"]
            ),
            [
                [
                    f"{r.low:.3f}-{r.high:.3f}",
                    str(r.count),
                    _num(r.accuracy),
                    _num(r.confidence),
                    _num(abs(r.accuracy - r.confidence)),
                ]
                for r in reliability_bins(head.confidence, head.correct, bins)
                if r.count
            ],
        )
    else:
        doc.para("No per-ticket confidences in this evaluation: no reliability diagram.")

    doc.heading(3, "Conformal prediction sets")
    levels = conformal_levels(head.metrics)
    if levels:
        doc.table(
            ["target coverage", "measured coverage", "mean set size"],
            [[f"{lv.target:.2f}", _num(lv.coverage), _num(lv.set_size, 2)] for lv in levels],
        )
        images.append(save_coverage_png(head, levels, folder / f"coverage_{stem}.png"))
        doc.image(images[-1], f"{head.name} conformal coverage")
    else:
        doc.para("No conformal calibration in this model.")

    if head.per_language:
        doc.heading(3, "Per language")
        doc.table(
            ["language", "tickets", "accuracy", "macro-F1"],
            [
                [lang, _num(int(s.get("n", 0))), _num(s.get("accuracy")), _num(s.get("macro_f1"))]
                for lang, s in head.per_language.items()
            ],
        )


def write_report(
    evaluation: Evaluation,
    folder: Path,
    *,
    title: str = "Evaluation report",
    about: dict[str, str] | None = None,
    bins: int = ECE_BINS,
) -> Report:
    """Write `folder/report.md`, `folder/report.html` and their PNGs (the folder is created;
    files of an earlier report there are overwritten). `about` lists what was evaluated (model,
    data, MLflow run...) at the top."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    doc = _Document()
    doc.heading(1, title)
    doc.table(
        ["", ""],
        [*((k, v) for k, v in (about or {}).items()), ("tickets", str(evaluation.n))],
    )
    doc.para("Heads: " + ", ".join(evaluation.heads) if evaluation.heads else "No head scored.")
    images: list[Path] = []
    for head in evaluation.heads.values():
        _head_section(doc, head, folder, images, bins)
    if evaluation.language_id:
        doc.heading(2, "Language identification")
        doc.table(
            ["language", "accuracy"],
            [[lang, _num(acc)] for lang, acc in evaluation.language_id.items()],
        )
    markdown = folder / "report.md"
    markdown.write_text(doc.markdown(), encoding="utf-8")
    page = folder / "report.html"
    page.write_text(doc.html(title), encoding="utf-8")
    return Report(folder=folder, markdown=markdown, html=page, images=images)
