"""Hostile messages for every RPC of TriageService and AdminService, and a runner that sends them
to a real server and checks the answer. Shared by tests/rpc/test_hostile.py (small budget) and
bench/hostile.py (large budget).

Every request travels as raw bytes (identity serializers), so a case can be a well-formed message
built by hypothesis from the proto descriptors, a valid message with one field made hostile, or
hand-crafted wire bytes the client library would never produce (invalid UTF-8 in a string field,
truncated varints, garbage). A case passes when the call ends OK or with a precise client error
(never INTERNAL or UNKNOWN) and the server then still answers a health check and a small Triage.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass
from google.protobuf.timestamp_pb2 import Timestamp
from grpc_health.v1 import health_pb2, health_pb2_grpc
from hypothesis import strategies as st

from triage.settings import PROJECT_ROOT, Settings
from triage.v1 import triage_pb2 as pb

OK = grpc.StatusCode.OK
# Precise client errors: the call failed because of what the client sent (or its deadline).
CLIENT_ERRORS = frozenset(
    {
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.UNAUTHENTICATED,
        grpc.StatusCode.PERMISSION_DENIED,
        grpc.StatusCode.NOT_FOUND,
        grpc.StatusCode.FAILED_PRECONDITION,
        grpc.StatusCode.OUT_OF_RANGE,
    }
)
POLICY_YAML = (PROJECT_ROOT / "data" / "policy.yaml").read_text(encoding="utf-8")
MB = 1_000_000

# --- the RPCs, from the descriptors ---


@dataclass(frozen=True)
class Rpc:
    service: str
    name: str
    client_streaming: bool
    server_streaming: bool
    request: type[Message]

    @property
    def path(self) -> str:
        return f"/triage.v1.{self.service}/{self.name}"

    @property
    def admin(self) -> bool:
        return self.service == "AdminService"

    def __str__(self) -> str:
        return f"{self.service}.{self.name}"


RPCS: tuple[Rpc, ...] = tuple(
    Rpc(
        service.name,
        method.name,
        method.client_streaming,
        method.server_streaming,
        getattr(pb, method.input_type.name),
    )
    for service in pb.DESCRIPTOR.services_by_name.values()
    for method in service.methods
)


# --- hostile text ---

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
CONTROL = "".join(chr(c) for c in range(32)) + "\x7f\x85\u2028\u2029"
COMBINING = "\u0301\u0308\u0336\u20dd"
ODD = "ßİıǅﬃ\ufdfa𝔘𝕟𝖎😀👩‍👩‍👧🏳️‍🌈\U0010fffd\ufffd\uffff"
SNIPPETS = (
    "",
    " ",
    "\x00",
    "\u202eevil.exe\u202c",
    "{customer_name}{order_id}{{}}{",
    "${jndi:ldap://x/a}",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "%s%s%n%x",
    "?!" * 300,
    "😀" * 200,
    "a" + "\u0301" * 500,
    "\r\n" * 100,
    "NaN",
    "1e400",
    "[" * 2000,
    "&a [*a, *a, *a, *a]",
)
HOSTILE_ALPHABET = ZERO_WIDTH + BIDI + CONTROL + COMBINING + ODD + "?!.,;:-_'\"\\/ aZ09"


def hostile_text(max_size: int = 200) -> st.SearchStrategy[str]:
    """Random Unicode, control / zero-width / bidi characters and known-nasty snippets, mixed."""
    return st.one_of(
        st.text(max_size=max_size),
        st.text(alphabet=HOSTILE_ALPHABET, max_size=max_size),
        st.sampled_from(SNIPPETS),
        st.lists(
            st.one_of(st.sampled_from(SNIPPETS), st.text(alphabet=HOSTILE_ALPHABET, max_size=8)),
            max_size=6,
        ).map("".join),
    )


def sized(n_bytes: int, unit: str = "é") -> str:
    """A string of exactly `n_bytes` UTF-8 bytes (padding with 'a' when `unit` does not divide);
    the multi-byte unit makes a limit check that counts characters instead of bytes show."""
    size = len(unit.encode("utf-8"))
    return unit * (n_bytes // size) + "a" * (n_bytes % size)


INVALID_UTF8: tuple[bytes, ...] = (
    b"\xff",
    b"\x80",
    b"\xc0\x80",  # overlong NUL
    b"\xed\xa0\x80",  # a UTF-16 surrogate
    b"abc\xe2\x82",  # truncated sequence
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"ok \xfe\xfe text",
)

# --- timestamps, integers, enums ---

MIN_SECONDS = -62_135_596_800  # 0001-01-01T00:00:00Z
MAX_SECONDS = 253_402_300_799  # 9999-12-31T23:59:59Z
EXTREME_TIMES: tuple[tuple[str, int, int], ...] = (
    ("year 1", MIN_SECONDS, 0),
    ("9999-12-31T23:59:59.999999999", MAX_SECONDS, 999_999_999),
    ("one second past 9999", MAX_SECONDS + 1, 0),
    ("one second before year 1", MIN_SECONDS - 1, 0),
    ("negative seconds", -1, 0),
    ("nanos -1", 0, -1),
    ("nanos 1e9", 0, 1_000_000_000),
    ("int64 max", 2**63 - 1, 0),
    ("int64 min", -(2**63), 2**31 - 1),
)


def timestamps() -> st.SearchStrategy[Timestamp]:
    extreme = st.sampled_from(EXTREME_TIMES).map(lambda t: Timestamp(seconds=t[1], nanos=t[2]))
    anywhere = st.builds(
        Timestamp,
        seconds=st.integers(-(2**63), 2**63 - 1),
        nanos=st.integers(-(2**31), 2**31 - 1),
    )
    valid = st.builds(
        Timestamp,
        seconds=st.integers(MIN_SECONDS, MAX_SECONDS),
        nanos=st.integers(0, 999_999_999),
    )
    return st.one_of(valid, extreme, anywhere)


UINT32_EDGES = (0, 1, 100_000, 100_001, 2**31 - 1, 2**31, 2**32 - 1)
INT32_EDGES = (-(2**31), -1, 0, 1, 2**31 - 1)


def enum_values(field: FieldDescriptor) -> st.SearchStrategy[int]:
    """Known numbers most of the time, unknown ones (open proto3 enums keep them) otherwise."""
    known = [v.number for v in field.enum_type.values]
    return st.one_of(
        st.sampled_from(known),
        st.sampled_from((-1, max(known) + 1, 99, 2**31 - 1, -(2**31))),
        st.integers(-(2**31), 2**31 - 1),
    )


# --- messages from the descriptors ---

T = FieldDescriptor


def _scalar(field: FieldDescriptor) -> st.SearchStrategy[Any]:
    if field.type == T.TYPE_STRING:
        return hostile_text()
    if field.type == T.TYPE_BYTES:
        return st.binary(max_size=64)
    if field.type == T.TYPE_BOOL:
        return st.booleans()
    if field.type == T.TYPE_ENUM:
        return enum_values(field)
    if field.type in (T.TYPE_UINT32, T.TYPE_FIXED32):
        return st.one_of(st.sampled_from(UINT32_EDGES), st.integers(0, 2**32 - 1))
    if field.type in (T.TYPE_INT32, T.TYPE_SINT32, T.TYPE_SFIXED32):
        return st.one_of(st.sampled_from(INT32_EDGES), st.integers(-(2**31), 2**31 - 1))
    if field.type in (T.TYPE_INT64, T.TYPE_SINT64, T.TYPE_SFIXED64):
        return st.integers(-(2**63), 2**63 - 1)
    if field.type in (T.TYPE_UINT64, T.TYPE_FIXED64):
        return st.integers(0, 2**64 - 1)
    if field.type in (T.TYPE_DOUBLE, T.TYPE_FLOAT):
        return st.floats(allow_nan=True, allow_infinity=True, width=32)
    raise NotImplementedError(f"no strategy for {field.full_name}")


def _is_repeated(field: FieldDescriptor) -> bool:
    return bool(field.is_repeated)


def _is_map(field: FieldDescriptor) -> bool:
    return field.type == T.TYPE_MESSAGE and field.message_type.GetOptions().map_entry


def messages(descriptor: Descriptor, max_list: int = 4) -> st.SearchStrategy[Message]:
    """Any message of `descriptor`'s type: every field optional, values hostile."""
    if descriptor.full_name == "google.protobuf.Timestamp":
        return timestamps()
    cls = GetMessageClass(descriptor)
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for f in descriptor.fields:
        if _is_map(f):  # map<k, v>: hostile keys and values (FeedbackRequest.labels)
            key, value = (f.message_type.fields_by_name[n] for n in ("key", "value"))
            optional[f.name] = st.dictionaries(_scalar(key), _scalar(value), max_size=max_list)
            continue
        one = messages(f.message_type, max_list) if f.type == T.TYPE_MESSAGE else _scalar(f)
        optional[f.name] = st.lists(one, max_size=max_list) if _is_repeated(f) else one

    def build(values: dict[str, Any]) -> Message:
        msg = cls()
        for name, value in values.items():
            target = getattr(msg, name)
            f = descriptor.fields_by_name[name]
            if _is_map(f):
                target.update(value)
            elif _is_repeated(f):
                target.extend(value)
            elif f.type == T.TYPE_MESSAGE:
                target.CopyFrom(value)
            else:
                setattr(msg, name, value)
        return msg

    return st.fixed_dictionaries({}, optional=optional).map(build)


def leaf_paths(
    descriptor: Descriptor, prefix: tuple[FieldDescriptor, ...] = ()
) -> Iterator[tuple[FieldDescriptor, ...]]:
    """Every field path down to a scalar, a Timestamp or a repeated field."""
    for f in descriptor.fields:
        path = (*prefix, f)
        if _is_map(f):
            continue  # no single leaf to replace; random_requests covers maps
        if f.type == T.TYPE_MESSAGE and f.message_type.full_name == "google.protobuf.Timestamp":
            yield path
        elif f.type == T.TYPE_MESSAGE:
            if _is_repeated(f):
                yield path  # the list itself (thousands of elements)
            yield from leaf_paths(f.message_type, path)
        else:
            yield path


def path_name(path: Sequence[FieldDescriptor]) -> str:
    return ".".join(f.name + ("[0]" if _is_repeated(f) else "") for f in path)


def with_leaf(base: Message, path: Sequence[FieldDescriptor], value: Any) -> Message:
    """A copy of `base` whose field at `path` holds `value` (for a repeated leaf: the list)."""
    msg = type(base)()
    msg.CopyFrom(base)
    parent = msg
    for f in path[:-1]:
        child = getattr(parent, f.name)
        if _is_repeated(f):
            parent = child[0] if len(child) else child.add()
        else:
            parent = child
    leaf = path[-1]
    target = getattr(parent, leaf.name)
    if _is_repeated(leaf):
        del target[:]
        target.extend(value if isinstance(value, list) else [value])
    elif leaf.type == T.TYPE_MESSAGE:
        target.CopyFrom(value)
    else:
        setattr(parent, leaf.name, value)
    return msg


# --- hand-crafted wire bytes ---


def varint(n: int) -> bytes:
    n &= (1 << 64) - 1  # negative int32/int64 go out as ten-byte two's complement
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def length_delimited(number: int, payload: bytes) -> bytes:
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def raw_at(path: Sequence[FieldDescriptor], payload: bytes) -> bytes:
    """Wire bytes that put `payload` (unchecked, e.g. invalid UTF-8) in the string field at
    `path`; appended to a serialized message they merge into it (protobuf's merge semantics)."""
    data = length_delimited(path[-1].number, payload)
    for f in reversed(path[:-1]):
        data = length_delimited(f.number, data)
    return data


GARBAGE: tuple[tuple[str, bytes], ...] = (
    ("0xff x 16", b"\xff" * 16),
    ("truncated varint", b"\x08\xff\xff\xff"),
    ("length past the end", b"\x0a\x64abc"),
    ("wire type 7", b"\x0f\x00"),
    ("field number 0", b"\x02\x00"),
    ("end group without start", b"\x0c"),
    ("200 nested groups", b"\x0b" * 200),  # start-group tags: recursion depth of the parser
    ("10-byte varint overflow", b"\x08" + b"\xff" * 10 + b"\x01"),
)


def nested(depth: int, number: int = 1) -> bytes:
    """`depth` length-delimited fields nested in one another (field `number` at each level)."""
    data = b""
    for _ in range(depth):
        data = length_delimited(number, data)
    return data


# --- valid baselines ---


def valid_ticket(i: int = 1) -> pb.Ticket:
    return pb.Ticket(
        id=f"T-{i}",
        subject="Invoice charged twice",
        body="Hello, my invoice for March was charged twice. Please refund one payment.",
        channel=pb.CHANNEL_EMAIL,
        language_hint="en",
        customer=pb.Customer(id="C-7", segment="smb", plan="pro", name="Ana"),
        created_at=Timestamp(seconds=1_700_000_000),
        sla_due_at=Timestamp(seconds=1_700_086_400),
        tags=["billing"],
        thread=[
            pb.ThreadMessage(
                author_role=pb.AUTHOR_ROLE_CUSTOMER,
                text="Any news?",
                sent_at=Timestamp(seconds=1_699_990_000),
            )
        ],
    )


def baseline(rpc: Rpc) -> Message:
    """A small valid request of `rpc` (the starting point of single-field mutations)."""
    r = rpc.request
    if r is pb.TriageRequest:
        return pb.TriageRequest(ticket=valid_ticket())
    if r is pb.SuggestAnswerRequest:
        return pb.SuggestAnswerRequest(
            text="How do I reset my password?",
            conversation=[pb.ThreadMessage(author_role=pb.AUTHOR_ROLE_CUSTOMER, text="Hi")],
        )
    if r is pb.SearchArticlesRequest:
        return pb.SearchArticlesRequest(query="reset password", language="en", limit=3)
    if r is pb.ValidatePolicyRequest:
        return pb.ValidatePolicyRequest(yaml=POLICY_YAML)
    if r is pb.SetPolicyRequest:
        return pb.SetPolicyRequest(yaml=POLICY_YAML, author="hostile", comment="fuzz")
    if r is pb.SimulatePolicyRequest:
        return pb.SimulatePolicyRequest(
            tickets=pb.LabelledTickets(
                tickets=[pb.LabelledTicket(ticket=valid_ticket(), escalated=True, queue="billing")]
            )
        )
    return r()  # GetModelInfo, GetPolicy, ReloadPolicy, ReloadContent


def smallest_valid(rpc: Rpc) -> Message:
    """What a repeated leaf is filled with thousands of times."""
    return baseline(rpc)


def field_limit(field: FieldDescriptor, settings: Settings) -> int:
    """The documented byte limit of a string field (the tightest one the server applies)."""
    return {
        "body": settings.max_body_bytes,
        "text": settings.max_body_bytes,
        "subject": settings.max_subject_bytes,
        "query": settings.max_query_bytes,
        "language_hint": 16,
    }.get(field.name, settings.max_id_bytes)


# --- cases ---


@dataclass
class Case:
    """One call: `requests` are serialized messages (one for a unary call)."""

    rpc: Rpc
    kind: str
    requests: Callable[[], Iterable[bytes]]
    metadata: tuple[tuple[str, str], ...] = ()
    timeout: float = 10.0
    hold_open: bool = False  # a client stream that never half-closes (ended by the deadline)

    def __str__(self) -> str:
        return f"{self.rpc} [{self.kind}]"


def _one(data: bytes) -> Callable[[], Iterable[bytes]]:
    return lambda: (data,)


def _many(data: bytes, n: int) -> Callable[[], Iterable[bytes]]:
    return lambda: itertools.repeat(data, n)


def thousands(path: Sequence[FieldDescriptor], n: int) -> list[Any]:
    """`n` small elements for the repeated field at `path`."""
    leaf = path[-1]
    if leaf.type == T.TYPE_MESSAGE:
        cls = GetMessageClass(leaf.message_type)
        if cls is pb.LabelledTicket:
            return [
                pb.LabelledTicket(ticket=valid_ticket(i), escalated=i % 2 == 0) for i in range(n)
            ]
        if cls is pb.ThreadMessage:
            return [pb.ThreadMessage(author_role=1, text=f"message {i}") for i in range(n)]
        return [cls() for _ in range(n)]
    return [f"tag{i}" for i in range(n)]


def explicit_cases(
    rpc: Rpc,
    settings: Settings,
    auth: tuple[tuple[str, str], ...],
    long_stream_deadline: float = 3.0,
) -> list[Case]:
    """The adversarial catalogue for `rpc`: every string field at 1 MB, just over its limit, full
    of zero-width/bidi/control characters and as invalid UTF-8; every timestamp at its extremes;
    every enum with unknown numbers; every list with thousands of elements; empty, oversized and
    garbage messages; for admin calls, bad credentials."""
    base = baseline(rpc)
    base_bytes = base.SerializeToString()
    cases: list[Case] = []

    def add(kind: str, requests: Callable[[], Iterable[bytes]], **kw: Any) -> None:
        cases.append(Case(rpc, kind, requests, kw.pop("metadata", auth), **kw))

    def add_msg(kind: str, msg: Message) -> None:
        add(kind, _one(msg.SerializeToString()))

    add_msg("valid baseline", base)
    add("empty message", _one(b""))
    over = settings.max_message_bytes + 1
    add("message just over the size limit", _one(base_bytes + length_delimited(999, b"x" * over)))
    for name, data in GARBAGE:
        add(f"garbage: {name}", _one(data))
    add("unknown fields", _one(base_bytes + length_delimited(77, b"\x01\x02") + b"\xa8\x1f\x05"))
    add("5,000 nested messages", _one(nested(5000)))

    for path in leaf_paths(rpc.request.DESCRIPTOR):
        name, leaf = path_name(path), path[-1]
        if leaf.type == T.TYPE_STRING and not _is_repeated(leaf):
            limit = field_limit(leaf, settings)
            add_msg(f"{name}: 1 MB", with_leaf(base, path, sized(MB, "a")))
            add_msg(
                f"{name}: {limit + 1} bytes (just over)", with_leaf(base, path, sized(limit + 1))
            )
            add_msg(f"{name}: {limit} bytes (at the limit)", with_leaf(base, path, sized(limit)))
            mix = "".join(SNIPPETS[3:6]) + ZERO_WIDTH + BIDI + CONTROL + COMBINING + ODD
            add_msg(f"{name}: zero-width/bidi/control", with_leaf(base, path, mix))
            add_msg(f"{name}: only zero-width", with_leaf(base, path, ZERO_WIDTH * 20))
            for bad in INVALID_UTF8[:3]:
                add(f"{name}: invalid UTF-8 {bad!r}", _one(base_bytes + raw_at(path, bad)))
        elif leaf.type == T.TYPE_STRING:  # repeated string (tags)
            add_msg(f"{name}: 5,000 elements", with_leaf(base, path, thousands(path, 5000)))
            add_msg(f"{name}: one of 1 MB", with_leaf(base, path, [sized(MB, "a")]))
            add(f"{name}: invalid UTF-8", _one(base_bytes + raw_at(path, INVALID_UTF8[0])))
        elif leaf.type == T.TYPE_MESSAGE and _is_repeated(leaf):
            n = 2000 if leaf.message_type.name == "LabelledTicket" else 5000
            add_msg(f"{name}: {n:,} elements", with_leaf(base, path, thousands(path, n)))
        elif leaf.type == T.TYPE_MESSAGE:  # Timestamp
            for label, seconds, nanos in EXTREME_TIMES:
                add_msg(
                    f"{name}: {label}",
                    with_leaf(base, path, Timestamp(seconds=seconds, nanos=nanos)),
                )
        elif leaf.type == T.TYPE_ENUM:
            for number in (-1, 99, 2**31 - 1):
                add_msg(f"{name}: unknown enum {number}", with_leaf(base, path, number))
        elif leaf.type == T.TYPE_UINT32:
            for number in (100_001, 2**32 - 1):
                add_msg(f"{name}: {number}", with_leaf(base, path, number))

    if rpc.request is pb.SimulatePolicyRequest:
        for where in (
            "/etc/passwd",
            "/proc/self/environ",
            "/proc/self/status",
            "../../../../../../etc/hostname",
            "/dev/null",
            "/tmp",
            "/nonexistent/x.jsonl",
            "x" * 5000 + ".jsonl",
            "a\x00b.jsonl",
            str(PROJECT_ROOT / "pyproject.toml"),
        ):
            shown = where if len(where) < 40 else f"{where[:12]}...({len(where)} chars)"
            add_msg(f"dataset_path {shown!r}", pb.SimulatePolicyRequest(dataset_path=where))
    if rpc.request in (pb.ValidatePolicyRequest, pb.SetPolicyRequest):
        cls = rpc.request
        for label, text in (
            ("[ x 50,000", "[" * 50_000),
            ("{ x 50,000", "{" * 50_000),
            (
                "billion laughs",
                "a: &a [x, x]\n"
                + "".join(
                    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n"
                    for i in range(20)
                ),
            ),
            ("python tag", "!!python/object/apply:os.system ['touch /tmp/hostile-pwned']"),
            ("1e400 threshold", POLICY_YAML.replace("0.", "1e400", 1)),
            ("not a mapping", "- 1\n- 2\n"),
        ):
            add_msg(f"yaml: {label}", cls(yaml=text))
    if rpc.request is pb.SearchArticlesRequest:
        for limit in (0, 50, 51, 2**32 - 1):
            add_msg(f"limit {limit}", pb.SearchArticlesRequest(query="refund", limit=limit))
        for lang in ("xx", "EN", "en-US", "zz-ZZ-x-private", "\u202eне", "e\x00n"):
            add_msg(f"language {lang!r}", pb.SearchArticlesRequest(query="refund", language=lang))
    if rpc.request is pb.GetPolicyRequest:
        for version in ("0", "-1", "99999", "../../etc/passwd", "v1\x00", sized(MB, "a")):
            shown = version if len(version) < 40 else f"({len(version)} bytes)"
            add_msg(f"version {shown!r}", pb.GetPolicyRequest(version=version))

    if rpc.admin:
        for label, metadata in (
            ("no credential", ()),
            ("wrong token", (("authorization", "Bearer wrong"),)),
            ("basic scheme", (("authorization", "Basic YWRtaW46YWRtaW4="),)),
            ("empty bearer", (("authorization", "Bearer "),)),
            ("4 KB token", (("authorization", "Bearer " + "x" * 4096),)),
        ):
            add(f"auth: {label}", _one(base_bytes), metadata=metadata)

    if rpc.client_streaming:
        one = pb.TriageRequest(ticket=valid_ticket()).SerializeToString()
        add("stream: no messages", lambda: ())
        add(
            f"stream: 50,000 messages (client deadline {long_stream_deadline:.0f} s)",
            _many(one, 50_000),
            timeout=long_stream_deadline,
        )
        add("stream: valid, garbage, valid", lambda: (one, b"\xff" * 8, one))
        add("stream: valid then empty", lambda: (one, b""))
        add("stream: never half-closes (deadline 2 s)", _one(one), timeout=2.0, hold_open=True)
    return cases


def random_requests(rpc: Rpc) -> st.SearchStrategy[list[bytes]]:
    """Hypothesis: fully random messages from the descriptor, or the baseline with one field
    replaced by a random hostile value or by invalid UTF-8 bytes; lists of them for streams."""
    descriptor = rpc.request.DESCRIPTOR
    base = baseline(rpc)
    paths = list(leaf_paths(descriptor))
    string_paths = [p for p in paths if p[-1].type == T.TYPE_STRING]

    def mutate(path: tuple[FieldDescriptor, ...]) -> st.SearchStrategy[bytes]:
        leaf = path[-1]
        if leaf.type == T.TYPE_MESSAGE and leaf.message_type.full_name.endswith("Timestamp"):
            one: st.SearchStrategy[Any] = timestamps()
        elif leaf.type == T.TYPE_MESSAGE:
            one = st.lists(messages(leaf.message_type), max_size=3)
        else:
            one = _scalar(leaf)
            if _is_repeated(leaf):
                one = st.lists(one, max_size=20)
        return one.map(lambda v: with_leaf(base, path, v).SerializeToString())

    options: list[st.SearchStrategy[bytes]] = [
        messages(descriptor).map(lambda m: m.SerializeToString()),
        st.binary(max_size=256),
    ]
    if paths:
        options.append(st.sampled_from(paths).flatmap(mutate))
    if string_paths:
        options.append(
            st.tuples(st.sampled_from(string_paths), st.sampled_from(INVALID_UTF8)).map(
                lambda pb_: base.SerializeToString() + raw_at(pb_[0], pb_[1])
            )
        )
    one_request = st.one_of(*options)
    if rpc.client_streaming:
        return st.lists(one_request, max_size=5)
    return one_request.map(lambda b: [b])


def random_metadata(auth: tuple[tuple[str, str], ...]) -> st.SearchStrategy[tuple]:
    """The admin token most of the time; otherwise none, a wrong one, or a malformed one."""
    token = auth[0][1] if auth else ""
    wrong = st.sampled_from(
        ((), (("authorization", "Bearer nope"),), (("authorization", token.lower()),))
    )
    return st.one_of(st.just(auth), st.just(auth), st.just(auth), wrong)


# --- the runner ---


@dataclass
class Outcome:
    case: str
    rpc: str
    code: str
    details: str
    seconds: float
    responses: int
    problem: str | None = None  # why the case failed (None: it passed)


@dataclass
class HostileRunner:
    """Sends cases to `target`, checks each answer and that the server still serves after it;
    counts cases per RPC and per status code."""

    target: str
    admin_metadata: tuple[tuple[str, str], ...] = ()  # with it, GetPolicy must also answer OK
    health_timeout: float = 5.0
    keep_outcomes: bool = False
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)
    slowest: list[Outcome] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        big = 64 * 1024 * 1024
        self.channel = grpc.insecure_channel(
            self.target,
            options=[
                ("grpc.max_send_message_length", big),
                ("grpc.max_receive_message_length", big),
            ],
        )
        self._health = health_pb2_grpc.HealthStub(self.channel)
        self._triage = self.channel.unary_unary("/triage.v1.TriageService/Triage")
        self._probe = pb.TriageRequest(ticket=valid_ticket()).SerializeToString()
        self._get_policy = self.channel.unary_unary("/triage.v1.AdminService/GetPolicy")

    def close(self) -> None:
        self.channel.close()

    def send(self, case: Case) -> tuple[grpc.StatusCode, str, int]:
        """(status code, details, responses received) of one call; raw bytes both ways."""
        rpc, kw = case.rpc, {"timeout": case.timeout, "metadata": case.metadata}
        release = threading.Event()

        def requests() -> Iterator[bytes]:
            yield from case.requests()
            if case.hold_open:
                release.wait(case.timeout + 5)  # never half-close: only the deadline ends it

        responses = 0
        try:
            if rpc.client_streaming and rpc.server_streaming:
                for _ in self.channel.stream_stream(rpc.path)(requests(), **kw):
                    responses += 1
            elif rpc.client_streaming:
                self.channel.stream_unary(rpc.path)(requests(), **kw)
                responses = 1
            elif rpc.server_streaming:
                for _ in self.channel.unary_stream(rpc.path)(next(requests()), **kw):
                    responses += 1
            else:
                self.channel.unary_unary(rpc.path)(next(requests()), **kw)
                responses = 1
            return OK, "", responses
        except grpc.RpcError as exc:
            return exc.code(), exc.details() or "", responses  # type: ignore[attr-defined]
        finally:
            release.set()

    def alive(self) -> str | None:
        """None when the server answers health SERVING and a small Triage OK; else why not."""
        try:
            status = self._health.Check(
                health_pb2.HealthCheckRequest(service=""), timeout=self.health_timeout
            ).status
            if status != health_pb2.HealthCheckResponse.SERVING:
                return f"health is {health_pb2.HealthCheckResponse.ServingStatus.Name(status)}"
            self._triage(self._probe, timeout=self.health_timeout)
            if self.admin_metadata:
                self._get_policy(b"", metadata=self.admin_metadata, timeout=self.health_timeout)
        except grpc.RpcError as exc:
            return f"server no longer serves: {exc.code().name} {exc.details()}"  # type: ignore[attr-defined]
        return None

    def run(self, case: Case) -> Outcome:
        started = time.perf_counter()
        code, details, responses = self.send(case)
        seconds = time.perf_counter() - started
        outcome = Outcome(str(case), str(case.rpc), code.name, details[:300], seconds, responses)
        if code is not OK and code not in CLIENT_ERRORS:
            outcome.problem = f"answered {code.name}: {details[:200]}"
        elif case.hold_open and code is OK:
            outcome.problem = "a stream that never half-closed ended OK"
        else:
            outcome.problem = self.alive()
        self.counts[(str(case.rpc), code.name)] += 1
        if outcome.problem:
            self.failures.append(outcome)
        if self.keep_outcomes:
            self.outcomes.append(outcome)
        self.slowest = sorted([*self.slowest, outcome], key=lambda o: -o.seconds)[:10]
        return outcome

    def summary(self) -> dict[str, Any]:
        per_rpc: dict[str, dict[str, int]] = {}
        per_code: Counter[str] = Counter()
        for (rpc, code), n in sorted(self.counts.items()):
            per_rpc.setdefault(rpc, {})[code] = n
            per_code[code] += n
        return {
            "cases": sum(self.counts.values()),
            "per_rpc": {rpc: {"cases": sum(c.values()), "codes": c} for rpc, c in per_rpc.items()},
            "per_code": dict(per_code),
            "failures": [vars(f) for f in self.failures],
            "slowest": [
                {"case": o.case, "code": o.code, "seconds": round(o.seconds, 3)}
                for o in self.slowest
            ],
        }


def grouped_failures(failures: Sequence[dict[str, Any]]) -> list[tuple[str, int, list[str]]]:
    """(problem, how many cases, the first few cases) per distinct problem, request ids cut."""
    groups: dict[str, list[str]] = {}
    for f in failures:
        problem = re.sub(r" \(request id \w+\)", "", f["problem"])
        problem = re.sub(r"\(\d+ vs\. (\d+)\)", r"(N vs. \1)", problem)
        groups.setdefault(f"{f['rpc']}: {problem}", []).append(f["case"])
    return [(p, len(cases), cases[:4]) for p, cases in groups.items()]


def summary_lines(summary: dict[str, Any]) -> list[str]:
    lines = [f"hostile cases: {summary['cases']}, failures: {len(summary['failures'])}"]
    for rpc, row in summary["per_rpc"].items():
        codes = ", ".join(f"{c} {n}" for c, n in sorted(row["codes"].items()))
        lines.append(f"  {rpc}: {row['cases']} ({codes})")
    for problem, n, cases in grouped_failures(summary["failures"]):
        lines.append(f"  FAIL x{n} {problem} -- e.g. {'; '.join(cases)}")
    return lines


def write_json(path: Path, summary: dict[str, Any]) -> None:
    import json

    path.write_text(json.dumps(summary, indent=2, ensure_ascii=True), encoding="utf-8")
