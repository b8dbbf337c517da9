"""What makes a backup trustworthy outside the database: who can read it and who wrote it.

- Owner-only files (0600): an archive holds password hashes, TOTP seeds and subscribers'
  addresses.
- A signature beside the archive (`<archive>.sig`, HMAC-SHA256 over the archive's bytes) made
  with an operator key file that is never put in the archive, so an archive altered in storage
  or in transit is refused before it is even opened.
- Optional encryption with GnuPG (Debian's `gpg`) to an operator's public key file; only the
  holder of the private key can decrypt (`gpg --recipient-file`, no keyring needed to encrypt).
"""

import hashlib
import hmac
import os
import shutil
import subprocess
from pathlib import Path

from .errors import ArchiveError

GZIP_MAGIC = b"\x1f\x8b"
SIGNATURE_SCHEME = "hmac-sha256"
MIN_KEY_BYTES = 32


def private_file(path: Path):
    """Open `path` for writing as a file only its owner can read (0600), replacing any file."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # an existing file keeps its mode through O_CREAT
    return os.fdopen(descriptor, "wb")


def signature_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".sig")


def read_key(key_file: Path) -> bytes:
    """The operator's signing key: a file of at least 32 random bytes (see docs/deploy.md)."""
    try:
        key = Path(key_file).read_bytes()
    except OSError as error:
        raise ArchiveError(f"cannot read the signing key {key_file}: {error}") from error
    if len(key.strip()) < MIN_KEY_BYTES:
        raise ArchiveError(
            f"the signing key {key_file} is too short: make one with "
            f"`head -c 32 /dev/urandom | base64 > {key_file}`"
        )
    return key.strip()


def _digest(archive: Path, key: bytes) -> str:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    with open(archive, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            mac.update(block)
    return mac.hexdigest()


def sign(archive: Path, key_file: Path) -> Path:
    """Write `<archive>.sig` and return its path."""
    path = signature_path(archive)
    with private_file(path) as handle:
        handle.write(f"{SIGNATURE_SCHEME} {_digest(archive, read_key(key_file))}\n".encode())
    return path


def verify(archive: Path, key_file: Path) -> None:
    """Raise ArchiveError unless `<archive>.sig` is this key's signature of these exact bytes."""
    path = signature_path(archive)
    try:
        scheme, _, expected = path.read_text().strip().partition(" ")
    except OSError as error:
        raise ArchiveError(f"the signature {path.name} is missing: {error.strerror}") from error
    if scheme != SIGNATURE_SCHEME or not hmac.compare_digest(
        expected, _digest(archive, read_key(key_file))
    ):
        raise ArchiveError(
            "the signature does not match: the archive was altered, or signed with another key"
        )


def _gpg() -> str:
    binary = shutil.which("gpg")
    if binary is None:
        raise ArchiveError("GnuPG is not installed: apt-get install gnupg")
    return binary


def _run_gpg(*arguments: str) -> None:
    result = subprocess.run(
        [_gpg(), "--batch", "--yes", "--no-tty", *arguments],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0o077),  # gpg's output file is owner-only from the start
        check=False,
    )
    if result.returncode != 0:
        raise ArchiveError(f"gpg failed: {result.stderr.strip().splitlines()[-1:]}")


def encrypt(plain: Path, recipient_file: Path, output: Path) -> None:
    """Encrypt `plain` to the public key in `recipient_file` (armoured or binary) as `output`."""
    if not Path(recipient_file).is_file():
        raise ArchiveError(f"no public key file {recipient_file}")
    _run_gpg(
        "--trust-model", "always", "--recipient-file", str(recipient_file),
        "--output", str(output), "--encrypt", str(plain),
    )  # fmt: skip
    os.chmod(output, 0o600)


def is_encrypted(archive: Path) -> bool:
    with open(archive, "rb") as handle:
        return handle.read(2) != GZIP_MAGIC


def decrypt(archive: Path, output: Path) -> None:
    """Decrypt with the operator's private key from the GnuPG keyring (GNUPGHOME)."""
    _run_gpg("--output", str(output), "--decrypt", str(archive))
