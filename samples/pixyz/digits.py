"""The gallery's embedded digits (samples/data) as float tensors in [0, 1], [N, 784], for Pixyz runs beside ours."""
import gzip
import os

import numpy as np
import torch

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def images(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        raw = f.read()
    return torch.tensor(np.frombuffer(raw, np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255)


def load():
    """(train, test): 9,000 and 1,000 digits, as the gallery's Digits.Load()."""
    return images("train-images-idx3-ubyte.gz"), images("t10k-images-idx3-ubyte.gz")


def batches(data, size, shuffle):
    order = torch.randperm(len(data)) if shuffle else torch.arange(len(data))
    for i in range(0, len(data), size):
        yield data[order[i:i + size]]
