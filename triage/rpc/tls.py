"""TLS credentials for the server (TRIAGE_TLS_*) and the client (--tls-* flags).

Files are read and parsed here, once, so a missing file, a file that is not PEM or a key that does
not belong to its certificate is a ConfigError naming the variable or flag at start-up, not a
handshake failure later. Messages name paths, never file contents; key material is never logged."""

from __future__ import annotations

from pathlib import Path

import grpc
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from triage.errors import ConfigError
from triage.settings import Settings

_SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
"""Hosts whose plaintext traffic never leaves the machine."""


def is_loopback(target: str) -> bool:
    """Whether a `host:port` target (or a bare host) names this machine."""
    host = target.rsplit(":", 1)[0] if target.count(":") == 1 or "]:" in target else target
    return host in LOOPBACK_HOSTS


def _read(path: str | Path, label: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{label}: cannot read {path}: {exc.strerror or exc}") from None


def certificates(path: str | Path, label: str) -> tuple[bytes, list[x509.Certificate]]:
    """The PEM bytes of `path` and the certificates in it (at least one)."""
    data = _read(path, label)
    try:
        return data, x509.load_pem_x509_certificates(data)
    except ValueError:
        raise ConfigError(f"{label}: {path} holds no PEM certificate") from None


def private_key(
    path: str | Path, label: str, certificate: x509.Certificate, certificate_label: str
) -> bytes:
    """The PEM bytes of an unencrypted private key that belongs to `certificate`."""
    data = _read(path, label)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        # TypeError: the key is encrypted. The library's message is not shown: never echo keys.
        raise ConfigError(f"{label}: {path} is not an unencrypted PEM private key") from None
    if key.public_key().public_bytes(*_SPKI) != certificate.public_key().public_bytes(*_SPKI):
        raise ConfigError(f"{label}: {path} is not the key of the {certificate_label} certificate")
    return data


def server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    """None for plaintext; TLS with settings.tls_cert/tls_key; mutual TLS (client certificate
    required, chained to settings.tls_client_ca) when that is set too."""
    if not settings.tls_cert:
        return None
    chain, certs = certificates(settings.tls_cert, "TRIAGE_TLS_CERT")
    key = private_key(settings.tls_key, "TRIAGE_TLS_KEY", certs[0], "TRIAGE_TLS_CERT")
    client_ca = None
    if settings.tls_client_ca:
        client_ca, _ = certificates(settings.tls_client_ca, "TRIAGE_TLS_CLIENT_CA")
    return grpc.ssl_server_credentials(
        [(key, chain)], root_certificates=client_ca, require_client_auth=client_ca is not None
    )


def transport_mode(settings: Settings) -> str:
    """`insecure`, `TLS` or `mTLS`: what the start-up log line says."""
    if not settings.tls_cert:
        return "insecure"
    return "mTLS" if settings.tls_client_ca else "TLS"


def channel_credentials(
    ca: Path | None, cert: Path | None, key: Path | None
) -> grpc.ChannelCredentials:
    """Client TLS: trust `ca` (None: grpc's default roots) and present `cert`/`key` if given
    (both or neither) for mutual TLS."""
    if (cert is None) != (key is None):
        raise ConfigError("--tls-cert and --tls-key go together")
    roots = certificates(ca, "--tls-ca")[0] if ca is not None else None
    chain = key_pem = None
    if cert is not None and key is not None:
        chain, certs = certificates(cert, "--tls-cert")
        key_pem = private_key(key, "--tls-key", certs[0], "--tls-cert")
    return grpc.ssl_channel_credentials(roots, key_pem, chain)
