"""Runs one of Pixyz's MNIST notebooks as it is, on the gallery's embedded digits instead of torchvision's MNIST.

PYTHONPATH=<pixyz source> /usr/bin/python3 samples/pixyz/notebook_on_our_digits.py <pixyz>/examples/vae.ipynb [epochs]
The notebook's cells run in order, with these changes only: its MNIST loaders become DataLoaders over samples/data
(9,000 training digits shuffled, 1,000 test digits, integer labels, the notebook's batch size), TensorBoard, tqdm,
LaTeX display, torchvision's helpers and plot windows are switched off, `iter(loader).next()` becomes `next(iter(loader))`, and `epochs`
can be overridden. It prints what the notebook prints, to compare with `gallery <example>` on the same digits.
Note: the notebooks' test loss is the sum of the batch means times the batch size over the test set's size, so the
last, partial batch counts as a full one: on our 1,000 test digits that reads 1,024/1,000 of the mean (on MNIST's
10,000, 10,112/10,000).
"""
import json
import re
import sys

DIGITS = r"""
import gzip as _gzip, os as _os, numpy as _np
def _digits(prefix):
    root = _os.path.join(%r, 'data')
    with _gzip.open(_os.path.join(root, prefix + '-images-idx3-ubyte.gz')) as f:
        images = _np.frombuffer(f.read(), _np.uint8, offset=16).reshape(-1, 784).astype(_np.float32) / 255
    with _gzip.open(_os.path.join(root, prefix + '-labels-idx1-ubyte.gz')) as f:
        labels = _np.frombuffer(f.read(), _np.uint8, offset=8).astype(_np.int64)
    return torch.utils.data.TensorDataset(torch.tensor(images), torch.tensor(labels))
train_loader = torch.utils.data.DataLoader(_digits('train'), batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(_digits('t10k'), batch_size=batch_size, shuffle=False)
"""

QUIET = """
class SummaryWriter:
    def __init__(self, *args, **kwargs): pass
    def __getattr__(self, name): return lambda *args, **kwargs: None
"""


def script(notebook, epochs):
    import os
    samples = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cells = []
    for cell in json.load(open(notebook))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        if source.startswith("!"):
            continue
        if "datasets.MNIST" in source:
            source = DIGITS % samples
        source = source.replace("from __future__ import print_function", "")
        source = source.replace("from tensorboardX import SummaryWriter", QUIET)
        # torchvision is not needed: each name it gave becomes a no-op (save_image and the like).
        source = re.sub(r"^from torchvision[\w.]* import (.*)$",
                        lambda m: "; ".join(f"{n.strip()} = lambda *args, **kwargs: None" for n in m.group(1).split(",")), source, flags=re.M)
        source = re.sub(r"^import torchvision.*$|^from tqdm import tqdm$", "", source, flags=re.M)
        source = re.sub(r"tqdm\((\w+)\)", r"\1", source)
        source = source.replace("iter(test_loader).next()", "next(iter(test_loader))")
        source = source.replace("print_latex(", "(lambda *args: None)(").replace("plt.show()", "pass")
        source = re.sub(r"^%.*$", "", source, flags=re.M)
        cells.append(source)
    code = "\n".join(cells)
    if epochs is not None:
        code = re.sub(r"^epochs = \d+", f"epochs = {epochs}", code, flags=re.M)
    return "import matplotlib\nmatplotlib.use('Agg')\nimport torch\ntorch.set_num_threads(2)\n" + code


if __name__ == "__main__":
    exec(compile(script(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None), sys.argv[1], "exec"))
