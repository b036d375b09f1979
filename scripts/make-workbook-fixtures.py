#!/usr/bin/env python3
"""Writes the fixtures of CharterWorkbook's tests, so they can be remade and reviewed.

    scripts/make-workbook-fixtures.py

- Tests/CharterTests/Fixtures/deflate/NAME.bin and NAME.deflate: an input and its raw DEFLATE
  stream (zlib, wbits=-15) at several levels and strategies, so the inflater is checked against
  zlib itself without the tests needing Python.
- Tests/CharterTests/Fixtures/workbooks/*.xlsx: small workbooks written with zipfile, one of them
  laid out the way Excel saves one (shared strings, styles with date formats, a missing cell,
  Chinese sheet names).
- Tests/Fuzz/seeds/workbook/*: the same workbooks' parts, as the `workbook` fuzz target's second
  form reads them (see Tests/Fuzz/WorkbookFuzz.swift).

Everything is deterministic: running it again rewrites the same bytes (for one zlib version; the
one used is printed).
"""

import io
import os
import random
import warnings
import zipfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Tests", "CharterTests", "Fixtures")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)


# --- DEFLATE vectors -------------------------------------------------------------------------------


def deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY, mem_level=8):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, mem_level, strategy)
    return compressor.compress(data) + compressor.flush()


def text_sample(rng, size):
    """Words of a members' table, English and Chinese, so matches and literals both occur."""
    words = ["member", "full", "probationary", "community", "unit", "2026-06-30", "党员", "正式党员",
             "预备党员", "社区", "在职", "离退休", "支部", "积分", ",", "\n", " ", "0", "1", "42"]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words).encode("utf-8")
    return bytes(out[:size])


def deflate_vectors():
    rng = random.Random(17)
    text = text_sample(rng, 6000)
    noise = bytes(rng.getrandbits(8) for _ in range(3000))
    runs = b"".join(bytes([rng.choice(b"ab\x00")]) * rng.randint(1, 600) for _ in range(40))
    vectors = {
        # An empty input: one fixed block holding only its end.
        "empty": (b"", dict(level=6)),
        # Short text: zlib picks a fixed-Huffman block.
        "short-fixed": (b"hello, hello, hello members", dict(level=6)),
        # Fixed-Huffman forced on text long enough for matches of every length.
        "text-fixed": (text, dict(level=6, strategy=zlib.Z_FIXED)),
        # Level 0: stored blocks only; a small memLevel makes many of them.
        "text-stored": (text[:2500], dict(level=0, mem_level=1)),
        # Dynamic-Huffman blocks at levels 1, 6 and 9.
        "text-level1": (text, dict(level=1)),
        "text-level6": (text, dict(level=6)),
        "text-level9": (text, dict(level=9)),
        # memLevel 1: a new block every 128 symbols, so many dynamic headers in one stream.
        "text-many-blocks": (text, dict(level=9, mem_level=1)),
        # Huffman only (literals, no matches) and run-length (distance 1 only).
        "text-huffman-only": (text[:3000], dict(level=6, strategy=zlib.Z_HUFFMAN_ONLY)),
        "runs-rle": (runs, dict(level=6, strategy=zlib.Z_RLE)),
        "runs-level9": (runs, dict(level=9)),
        # Random bytes: zlib falls back to stored blocks inside a compressed stream.
        "noise-level6": (noise, dict(level=6)),
        # Text, then random bytes, then the text again: a match from far back.
        "far-match": (text[:2000] + noise + text[:2000], dict(level=9)),
    }
    folder = os.path.join(FIXTURES, "deflate")
    for name, (data, options) in vectors.items():
        stream = deflate(data, **options)
        assert zlib.decompress(stream, -15) == data
        write(os.path.join(folder, name + ".bin"), data)
        write(os.path.join(folder, name + ".deflate"), stream)


# --- Zip archives --------------------------------------------------------------------------------

# A fixed time for every entry, so the archives are the same bytes on every run.
WHEN = (2026, 6, 30, 9, 30, 0)


def info(name, method=zipfile.ZIP_DEFLATED):
    entry = zipfile.ZipInfo(name, WHEN)
    entry.compress_type = method
    entry.external_attr = 0o644 << 16
    return entry


class Unseekable(io.RawIOBase):
    """A stream that cannot seek back, so zipfile writes each entry's sizes in a data descriptor."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, chunk):
        self.data += chunk
        return len(chunk)


class GBKName(zipfile.ZipInfo):
    """An entry whose name is written in GBK without the UTF-8 flag, as old Chinese tools do."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def zip_fixtures():
    folder = os.path.join(FIXTURES, "zip")
    text = "党员,member\n".encode("utf-8") * 40
    # Stored and deflated entries, a folder, a UTF-8 name, and an archive comment.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info("folder/", zipfile.ZIP_STORED), b"")
        archive.writestr(info("stored.txt", zipfile.ZIP_STORED), b"stored bytes\n")
        archive.writestr(info("deflated.csv"), text)
        archive.writestr(info("名单/党员.csv"), text)
        archive.comment = b"An archive comment, as some tools leave one."
    write(os.path.join(folder, "comment.zip"), buffer.getvalue())
    # Written to a stream that cannot seek: every entry has a data descriptor (flag bit 3).
    stream = Unseekable()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(info("deflated.csv"), text)
        archive.writestr(info("stored.txt", zipfile.ZIP_STORED), b"stored bytes\n")
    write(os.path.join(folder, "descriptor.zip"), bytes(stream.data))
    # A GBK name without the UTF-8 flag, and the same with an Info-ZIP Unicode Path extra field.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        entry = GBKName("党员.csv", WHEN)
        entry.compress_type = zipfile.ZIP_STORED
        archive.writestr(entry, b"id\n")
        entry = GBKName("名单.csv", WHEN)
        entry.compress_type = zipfile.ZIP_STORED
        raw = "名单.csv".encode("gbk")
        unicode = "名单.csv".encode("utf-8")
        body = bytes([1]) + zlib.crc32(raw).to_bytes(4, "little") + unicode
        entry.extra = (0x7075).to_bytes(2, "little") + len(body).to_bytes(2, "little") + body
        archive.writestr(entry, b"id\n")
    write(os.path.join(folder, "gbk-names.zip"), buffer.getvalue())
    # Two entries of one name (zipfile warns, and writes them).
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(info("xl/workbook.xml"), b"<workbook/>")
            archive.writestr(info("xl/workbook.xml"), b"<other/>")
    write(os.path.join(folder, "duplicate.zip"), buffer.getvalue())


def main():
    print("zlib", zlib.ZLIB_RUNTIME_VERSION)
    deflate_vectors()
    zip_fixtures()


if __name__ == "__main__":
    main()
