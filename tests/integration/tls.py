"""A throwaway CA and a broker certificate for 127.0.0.1, made with the openssl command line
(the cryptography package is not a dependency of Muster)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Certificates:
    ca: Path  # what clients trust: MUSTER_SSL_CAFILE
    keystore: Path  # the broker's certificate and unencrypted PKCS#8 key, for a PEM keystore


def make_certificates(directory: Path) -> Certificates:
    directory.mkdir(parents=True, exist_ok=True)
    ca, ca_key = directory / "ca.pem", directory / "ca.key"
    key, csr, cert = directory / "broker.key", directory / "broker.csr", directory / "broker.pem"
    san = directory / "san.ext"
    san.write_text("subjectAltName=IP:127.0.0.1\n")
    new_key = ["-newkey", "rsa:2048", "-nodes"]
    _openssl(
        "req", "-x509", *new_key, "-days", "2", "-keyout", ca_key, "-out", ca, "-subj", "/CN=ca"
    )
    _openssl("req", *new_key, "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1")
    signed = ["-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-days", "2", "-extfile", san]
    _openssl("x509", "-req", "-in", csr, *signed, "-out", cert)
    keystore = directory / "keystore.pem"
    keystore.write_text(cert.read_text() + key.read_text())
    return Certificates(ca=ca, keystore=keystore)


def _openssl(*args: object) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)
