"""Runs one of Pixyz's MNIST notebooks as it is, on the gallery's embedded digits instead of torchvision's MNIST.

PYTHONPATH=<pixyz source> /usr/bin/python3 samples/pixyz/notebook_on_our_digits.py <pixyz>/examples/vae.ipynb [epochs]
The notebook's cells run in order with its own loaders, samplers and batch sizes; only these change: torchvision's
MNIST becomes the gallery's digits (train: the 9,000 of samples/data, test: the 1,000; images flattened to 784 floats
in [0, 1], which is what the MLP notebooks' ToTensor-then-view(-1) transform makes, so transforms are not applied),
TensorBoard, tqdm, LaTeX display, torchvision's other helpers and plot windows are switched off,
`iter(loader).next()` becomes `next(iter(loader))`, and `epochs` can be overridden. It prints what the notebook
prints, to compare with `gallery <example>` on the same digits.
Note: the notebooks' test loss is the sum of the batch means times the batch size over the test set's size, so the
last, partial batch counts as a full one: on our 1,000 test digits that reads 1,024/1,000 of the mean (on MNIST's
10,000, 10,112/10,000).
"""
import json
import os
import re
import sys

PREAMBLE = r"""
import gzip as _gzip, os as _os, types as _types
import numpy as _np
import torch
import torch.utils.data
torch.set_num_threads(2)


class _OurDigits(torch.utils.data.Dataset):
    '''torchvision's MNIST(root, train, transform, download) over the gallery's digits.'''
    def __init__(self, root=None, train=True, transform=None, download=False, **kwargs):
        prefix = 'train' if train else 't10k'
        with _gzip.open(_os.path.join(%(data)r, prefix + '-images-idx3-ubyte.gz')) as f:
            raw = _np.frombuffer(f.read(), _np.uint8, offset=16).reshape(-1, 784)
        with _gzip.open(_os.path.join(%(data)r, prefix + '-labels-idx1-ubyte.gz')) as f:
            self.targets = torch.tensor(_np.frombuffer(f.read(), _np.uint8, offset=8).astype(_np.int64))
        self.data = torch.tensor(raw.astype(_np.float32) / 255)

    def __len__(self):
        return len(self.targets)

    def __getitem__(self, index):
        return self.data[index], int(self.targets[index])


def _nothing(*args, **kwargs):
    return None


class _Identity:
    def __init__(self, *args, **kwargs): pass
    def __call__(self, x): return x


datasets = _types.SimpleNamespace(MNIST=_OurDigits)
transforms = _types.SimpleNamespace(Compose=_Identity, ToTensor=_Identity, Lambda=_Identity, Normalize=_Identity)
MNIST = _OurDigits


class SummaryWriter:
    def __init__(self, *args, **kwargs): pass
    def __getattr__(self, name): return _nothing
"""


def script(notebook, epochs):
    data = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    cells = []
    for cell in json.load(open(notebook))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if source.startswith("!"):
            continue
        source = source.replace("from __future__ import print_function", "")
        source = re.sub(r"^from tensorboardX import SummaryWriter$|^from tqdm import tqdm$|^import torchvision.*$", "", source, flags=re.M)
        # datasets, transforms and MNIST are the preamble's; any other torchvision name becomes a no-op.
        source = re.sub(r"^from torchvision(?:\.datasets)? import (?:datasets, transforms|transforms|MNIST)$", "", source, flags=re.M)
        source = re.sub(r"^from torchvision[\w.]* import (.*)$",
                        lambda m: "; ".join(f"{n.strip()} = _nothing" for n in m.group(1).split(",")), source, flags=re.M)
        source = re.sub(r"tqdm\(([\w.]+)\)", r"\1", source)
        source = re.sub(r"iter\((\w+)\)\.next\(\)", r"next(iter(\1))", source)
        source = source.replace("print_latex(", "_nothing(").replace("plt.show()", "pass")
        source = re.sub(r"^%.*$", "", source, flags=re.M)
        cells.append(source)
    code = "\n".join(cells)
    if epochs is not None:
        code = re.sub(r"^epochs = \d+", f"epochs = {epochs}", code, flags=re.M)
    return "import matplotlib\nmatplotlib.use('Agg')\n" + PREAMBLE % {"data": data} + code


if __name__ == "__main__":
    exec(compile(script(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None), sys.argv[1], "exec"))
