"""HQ's own TLS certificate: a self-signed one made by `fieldapp-hq init` for `serve`.

Devices do not need a certificate authority to trust it: the enrolment answer, signed by
HQ's key that the enrolment code vouches for, names the certificate's SHA-256, and the
device pins it (``fieldapp.sync.client``). A certificate from a CA (``serve --tls-cert``)
works as well and is verified the usual way.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from cryptography.x509.oid import NameOID

from fieldapp.hq.keys import write_private

CERT_FILE = "hq-tls.crt"
KEY_FILE = "hq-tls.key"
VALID_DAYS = 5 * 365


def make_self_signed(data_dir: Path, names: list[str] | None = None) -> Path:
    """Write ``hq-tls.key`` (0600) and ``hq-tls.crt`` for localhost, this machine's name and
    `names` (host names or IP addresses devices use to reach HQ); returns the cert path."""
    key = generate_private_key(SECP256R1())
    hostname = socket.gethostname()
    dns = {"localhost", hostname, *(n for n in names or [] if not _is_ip(n))}
    ips = {"127.0.0.1", "::1", *(n for n in names or [] if _is_ip(n))}
    san = [x509.DNSName(n) for n in sorted(dns) if n] + [
        x509.IPAddress(ipaddress.ip_address(ip)) for ip in sorted(ips)
    ]
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"fieldapp-hq {hostname}"[:64])])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(san), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    write_private(data_dir / KEY_FILE,
                  key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    write_private(data_dir / CERT_FILE, cert.public_bytes(Encoding.PEM))
    return data_dir / CERT_FILE


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def check_pair(cert: Path, key: Path) -> None:
    """Raise ValueError/OSError unless `cert` and `key` load and belong together."""
    import ssl

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))
