#!/usr/bin/env python3
"""The VAE training step of bench/PixyzGen.Benchmarks in PyTorch and, when Pixyz is importable, in Pixyz: the
sample's model (784-512-512-64, Bernoulli decoder, batch 128, Adam 1e-3), for the side-by-side runner.

Driven over stdin/stdout by `dotnet run -c Release --project bench/PixyzGen.Benchmarks -- side-by-side`: it answers
"ready <kinds>" and then, for each line "<kind> <steps>" (kind: torch or pixyz), runs that many steps and prints the
per-step times in milliseconds on one line; "torch-split <steps>" answers each step's loss/backward/Adam times. Run it with Debian's python3-torch (`/usr/bin/python3`); PYTHONPATH names
a Pixyz source tree for the pixyz kind.
"""
import sys
import time

import torch
from torch import nn, optim
from torch.nn import functional as F

torch.manual_seed(1)
torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
X, H, Z, BATCH = 784, 512, 64, 128


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(X, H), nn.Linear(H, H)
        self.loc, self.scale = nn.Linear(H, Z), nn.Linear(H, Z)

    def forward(self, x):
        h = F.relu(self.fc2(F.relu(self.fc1(x))))
        return self.loc(h), F.softplus(self.scale(h))


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2, self.fc3 = nn.Linear(Z, H), nn.Linear(H, H), nn.Linear(H, X)

    def forward(self, z):
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(z)))))


def torch_step_factory(split=False):
    """One step; split, it returns the milliseconds of its loss, backward and Adam parts instead of the loss."""
    q, p = Encoder(), Decoder()
    optimizer = optim.Adam(list(q.parameters()) + list(p.parameters()), lr=1e-3)
    x = torch.bernoulli(torch.full((BATCH, X), 0.2))

    def step():
        optimizer.zero_grad()
        start = time.perf_counter()
        loc, scale = q(x)
        z = loc + scale * torch.randn_like(loc)
        logits = p(z)
        reconstruction = -F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(-1)
        kl = (-torch.log(scale) + (scale ** 2 + loc ** 2) / 2 - 0.5).sum(-1)
        loss = (kl - reconstruction).mean()
        value = loss.item()
        forward = time.perf_counter()
        loss.backward()
        backward = time.perf_counter()
        optimizer.step()
        adam = time.perf_counter()
        return (forward - start, backward - forward, adam - backward) if split else value

    return step


def pixyz_step_factory():
    from pixyz.distributions import Bernoulli, Normal
    from pixyz.losses import Expectation as E, KullbackLeibler
    from pixyz.models import Model

    class Q(Normal):
        def __init__(self):
            super().__init__(var=["z"], cond_var=["x"], name="q")
            self.net = Encoder()

        def forward(self, x):
            loc, scale = self.net(x)
            return {"loc": loc, "scale": scale}

    class P(Bernoulli):
        def __init__(self):
            super().__init__(var=["x"], cond_var=["z"], name="p")
            self.net = Decoder()

        def forward(self, z):
            return {"probs": torch.sigmoid(self.net(z))}

    q, p = Q(), P()
    prior = Normal(loc=torch.tensor(0.0), scale=torch.tensor(1.0), var=["z"], features_shape=[Z], name="p_prior")
    loss = (KullbackLeibler(q, prior) - E(q, p.log_prob())).mean()
    model = Model(loss, distributions=[q, p], optimizer=optim.Adam, optimizer_params={"lr": 1e-3})
    x = torch.bernoulli(torch.full((BATCH, X), 0.2))
    # A new tensor each step: Pixyz 0.3.3's memo keys on the input tensor and would replay a freed graph.
    return lambda: model.train({"x": x.clone()})


steps = {"torch": torch_step_factory()}
split_steps = {"torch-split": torch_step_factory(split=True)}
try:
    steps["pixyz"] = pixyz_step_factory()
except ImportError:
    pass

print("ready " + " ".join(steps), flush=True)
for line in sys.stdin:
    kind, count = line.split()
    if kind in split_steps:
        # "<loss>/<backward>/<adam>" per step, in milliseconds.
        parts = [split_steps[kind]() for _ in range(int(count))]
        print(" ".join("/".join(f"{t * 1000:.4f}" for t in part) for part in parts), flush=True)
        continue
    step = steps[kind]
    times = []
    for _ in range(int(count)):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    print(" ".join(f"{t:.4f}" for t in times), flush=True)
