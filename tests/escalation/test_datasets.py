"""Reading labelled history for the simulator: only under the simulation directory, streamed
with caps, and every malformed row an InvalidTicket naming the line (security review #12)."""

from __future__ import annotations

import os
import resource
from pathlib import Path

import pytest

from triage.errors import DatasetPathDenied, DatasetTooLarge, InvalidTicket
from triage.escalation.datasets import MAX_LINE_BYTES, read_history, resolve_dataset

SECRET = "NL91ABNA0417164300"  # planted in bad rows: never in an error message
GOOD = '{"subject": "Refund", "body": "Please refund me", "escalated": true}\n'
OUTSIDE = (
    "dataset_path: must name a .jsonl or .csv file by its path relative to the simulation directory"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    inside = tmp_path / "sim"
    inside.mkdir()
    (inside / "ok.jsonl").write_text(GOOD)
    (tmp_path / "secret.jsonl").write_text(GOOD)
    (inside / "leak.jsonl").symlink_to(tmp_path / "secret.jsonl")
    (inside / "gone.jsonl").symlink_to(tmp_path / "nothing.jsonl")
    (inside / "up").symlink_to(tmp_path)
    return inside


def test_only_paths_under_the_directory_resolve(root: Path) -> None:  # finding #12
    assert resolve_dataset(str(root), "ok.jsonl") == root / "ok.jsonl"
    with pytest.raises(DatasetPathDenied, match="no TRIAGE_SIMULATION_DIR"):
        resolve_dataset("", "ok.jsonl")
    # The same message whether or not the file outside exists.
    for path in (
        str(root.parent / "secret.jsonl"),
        str(root.parent / "missing.jsonl"),
        "/etc/passwd",
        "../secret.jsonl",
        "../missing.jsonl",
        "a/../../secret.jsonl",
        "leak.jsonl",  # a symlink leading out
        "gone.jsonl",  # a dangling one leading out
        "up/secret.jsonl",  # a directory symlink leading out
        "up/missing.jsonl",
    ):
        with pytest.raises(DatasetPathDenied) as info:
            resolve_dataset(str(root), path)
        assert str(info.value) == OUTSIDE, path
    with pytest.raises(InvalidTicket, match=r"^dataset_path: must name a \.jsonl or \.csv file$"):
        resolve_dataset(str(root), "notes.txt")
    with pytest.raises(InvalidTicket, match="^dataset_path: no such file$"):
        read_history(resolve_dataset(str(root), "missing.jsonl"), follow_symlinks=False)
    fifo = root / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InvalidTicket, match="^dataset_path: is not a regular file$"):
        read_history(resolve_dataset(str(root), "pipe.jsonl"), follow_symlinks=False)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (f'["{SECRET}"]\n', "line 2: must be a JSON object, not an array"),
        (f'"{SECRET}"\n', "line 2: must be a JSON object, not a string"),
        ("null\n", "line 2: must be a JSON object, not null"),
        (f'{{"body": "{SECRET}", "escalated": 1e400}}\n', "line 2: a number out of range"),
        (f'{{"body": "{SECRET}", "x": NaN}}\n', "line 2: NaN is not a number JSON allows"),
        (f'{{"body": "{SECRET}", "x": {"9" * 5000}}}\n', "line 2: a number out of range"),
        ('{"a": ' + "[" * 100_000 + "\n", "line 2: not valid JSON (nested too deeply)"),
        (f'{{"body": "{SECRET}",\n', "line 2, column 32: not valid JSON (Expecting property"),
        (
            f'{{"body": "{SECRET}", "escalated": true, "previous_contacts": 1e300}}\n',
            "line 2, column previous_contacts: must be between 0 and 100000",
        ),
        (
            f'{{"body": "{SECRET}", "escalated": true, "reopen_count": "{SECRET}"}}\n',
            "line 2, column reopen_count: must be a whole number",
        ),
        (
            f'{{"body": "{SECRET}", "escalated": true, "created_at": "{SECRET}"}}\n',
            "line 2, column created_at: must be an ISO 8601 time",
        ),
        (
            f'{{"body": "{SECRET}", "escalated": true, "created_at": "9999-12-31T23:59:59Z"}}\n',
            "line 2, created_at: must be between 1970-01-01 and 2200-01-01 (UTC)",
        ),
        (
            f'{{"body": "{SECRET}", "escalated": true, "customer_name": "{"n" * 300}"}}\n',
            "line 2, customer.name: is 300 bytes, over the limit of 256 bytes",
        ),
        (f'{{"body": {{"x": "{SECRET}"}}, "escalated": 1}}\n', "line 2, column body: must be text"),
        (f'{{"body": "{SECRET}", "escalated": "{SECRET}"}}\n', "line 2, column escalated: must be"),
        (b'{"body": "\xff\xfe"}\n', "line 2, byte 11: not valid UTF-8"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    data = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(GOOD.encode() + data + GOOD.encode())
    with pytest.raises(InvalidTicket) as info:
        read_history(path)
    assert str(info.value).startswith(f"dataset_path: {message}")
    assert SECRET not in str(info.value)


def test_malformed_csv_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    head = "subject,body,escalated,previous_contacts\nRefund,Please,true,1\n"
    path.write_bytes(head.encode() + b"Refund,caf\xe9 " + SECRET.encode() + b",true,0\n")
    with pytest.raises(InvalidTicket) as info:
        read_history(path)
    assert str(info.value) == "dataset_path: line 3, byte 11: not valid UTF-8"
    path.write_text(head + f"Refund,{SECRET},true,1e400\n")
    with pytest.raises(InvalidTicket) as info:
        read_history(path)
    assert (
        str(info.value) == "dataset_path: line 3, column previous_contacts: must be a whole number"
    )
    path.write_text(head + f'Refund,"{SECRET}' + "x" * 200_000 + '",true,1\n')
    with pytest.raises(InvalidTicket) as info:
        read_history(path)
    assert "line 3: not valid CSV (field larger than field limit" in str(info.value)
    assert SECRET not in str(info.value)
    path.write_text(head + 'Refund,"multi\nline body",yes,2\n')
    [first, second] = read_history(path)
    assert second.ticket.body == "multi\nline body" and second.escalated


def test_caps_stop_reading_early(tmp_path: Path) -> None:  # finding #12: 130 MB read whole
    big = tmp_path / "big.jsonl"
    with big.open("wb") as handle:
        handle.truncate(130 * 1024 * 1024)  # sparse: 130 MB of NUL bytes, no newline
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(DatasetTooLarge, match=r"^dataset_path: the file is over the limit of 1024"):
        read_history(big, max_bytes=1024)  # refused on its size, before reading
    with pytest.raises(InvalidTicket, match=f"^dataset_path: line 1: longer than {MAX_LINE_BYTES}"):
        read_history(big)  # no cap: still stops after one line's worth
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50
    rows = tmp_path / "rows.jsonl"
    rows.write_text(GOOD * 3)
    assert len(read_history(rows, max_rows=3)) == 3
    with pytest.raises(DatasetTooLarge, match="^dataset_path: more than 2 labelled rows$"):
        read_history(rows, max_rows=2)
    with pytest.raises(DatasetTooLarge, match="over the limit of 100 bytes"):
        read_history(rows, max_bytes=100)
