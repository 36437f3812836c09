#!/usr/bin/env python3
"""Writes the PyTorch / Pixyz checkpoint fixtures that tests/PixyzGen.Runtime.Tests/Checkpoints read.

Run from this folder with a real PyTorch and Pixyz's source tree (Debian 12: `apt-get install python3-torch
python3-sympy python3-networkx python3-ipython python3-scipy`; Pixyz 0.3.3 from github.com/masa-su/pixyz):

    PYTHONPATH=/path/to/pixyz /usr/bin/python3 make_fixtures.py

It trains a small Pixyz VAE for 30 steps, saves it with Pixyz's Model.save (pixyz_vae.pt), saves the encoder's
state_dict with torch.save (encoder.pt) and as safetensors (encoder.safetensors, written here from the same tensors
by the format's specification, since Debian has no safetensors package), and records inputs and the values Pixyz
computes for them (expected.pt) for the C# side to reproduce.
"""
import json
import struct

import torch
from torch import nn

import pixyz
from pixyz.losses import KullbackLeibler

from pixyz_vae import X_DIM, Z_DIM, build

torch.manual_seed(0)
q, p, prior, model = build()
x = (torch.rand(32, X_DIM) > 0.5).float()
for _ in range(30):
    # A new tensor each step: Pixyz 0.3.3's memo keys on the input tensor and would replay a freed graph.
    model.train({"x": x.clone()})

model.save("pixyz_vae.pt")
torch.save(q.state_dict(), "encoder.pt")


def save_safetensors(path, tensors):
    """The safetensors layout: u64 header size, JSON header (dtype, shape, byte offsets), then the raw little-endian data."""
    header, blobs, offset = {}, [], 0
    for key, tensor in tensors.items():
        data = tensor.detach().contiguous().numpy().tobytes()
        header[key] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


save_safetensors("encoder.safetensors", q.state_dict())

# A family with constants: Pixyz stores them with a leading dimension of 1 ([1, 2] for features [2]).
torch.save({"distributions": nn.ModuleList([prior]).state_dict()}, "pixyz_prior.pt")

# Values Pixyz computes at fixed inputs: log p(x|z), log q(z|x), KL(q(z|x) || p(z)) per row, and the loss.
z = torch.randn(32, Z_DIM)
with torch.no_grad():
    expected = {
        "x": x,
        "z": z,
        "log_p_x_given_z": p.log_prob().eval({"x": x, "z": z}),
        "log_q_z_given_x": q.log_prob().eval({"z": z, "x": x}),
        "kl": KullbackLeibler(q, prior).eval({"x": x}),
        "prior_loc": prior.loc,
    }
torch.save(expected, "expected.pt")
print("pixyz", pixyz.__version__, "torch", torch.__version__, "keys", sorted(model.distributions.state_dict().keys()))
