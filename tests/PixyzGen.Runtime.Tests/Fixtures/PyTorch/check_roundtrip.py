#!/usr/bin/env python3
"""Loads a checkpoint PixyzGen wrote with PyTorchCheckpoint.SavePixyz into Pixyz's VAE (Model.load) and prints
log p(x|z) per row at the fixture's inputs, one number per line, for the C# test to compare.

    PYTHONPATH=/path/to/pixyz /usr/bin/python3 check_roundtrip.py <checkpoint> <expected.pt>
"""
import sys

import torch

from pixyz_vae import build

q, p, prior, model = build()
model.load(sys.argv[1])
expected = torch.load(sys.argv[2])
with torch.no_grad():
    values = p.log_prob().eval({"x": expected["x"], "z": expected["z"]})
for value in values.tolist():
    print(repr(value))
