#!/usr/bin/env python3
"""Writes engine/src/test/resources/state/encryption: a state encrypted in OpenTofu's format by an implementation
other than peerform's (Python's hashlib and the cryptography package), so EnvelopeTest can show peerform opens it.

The format (OpenTofu's internal/encryption): {"meta": {"key_provider.pbkdf2.NAME": base64(JSON of salt, iterations,
hash_function, key_length)}, "encrypted_data": base64(nonce(12) || AES-GCM ciphertext || tag(16)),
"encryption_version": "v0"}, the key PBKDF2-HMAC-SHA512 of the passphrase, 600000 iterations, 32 bytes, 32-byte salt.

Run from anywhere: python3 engine/src/test/oracle/generate-encryption-fixture.py
"""
import base64
import hashlib
import json
import os
import pathlib

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

out = pathlib.Path(__file__).resolve().parent.parent / "resources" / "state" / "encryption"
out.mkdir(parents=True, exist_ok=True)
passphrase = "a throwaway test passphrase"  # not a real secret
plain = (pathlib.Path(__file__).resolve().parent.parent / "resources" / "state" / "parity"
         / "terraform.tfstate").read_bytes()
salt = os.urandom(32)
key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, 600000, 32)
nonce = os.urandom(12)
sealed = nonce + AESGCM(key).encrypt(nonce, plain, None)
meta = json.dumps({"salt": base64.b64encode(salt).decode(), "iterations": 600000, "hash_function": "sha512",
                   "key_length": 32}, separators=(",", ":")).encode()
envelope = {"meta": {"key_provider.pbkdf2.main": base64.b64encode(meta).decode()},
            "encrypted_data": base64.b64encode(sealed).decode(), "encryption_version": "v0"}
(out / "encrypted.json").write_text(json.dumps(envelope, separators=(",", ":")))
(out / "plain.json").write_bytes(plain)
(out / "passphrase.txt").write_text(passphrase + "\n")
print("wrote", out)
