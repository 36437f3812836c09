#!/usr/bin/env python3
"""The sequence benchmark's deep Markov model (x 16, z 8, 32 hidden units, batch 32, Adam 1e-3) in PyTorch, unrolled
by hand, and in Pixyz with its IterativeLoss, for `dotnet run -c Release --project bench/PixyzGen.Benchmarks --
sequence --pixyz <pixyz source tree>`.

Same protocol as vae_steps.py: it answers "ready <kinds>", then for each line "<kind>-<length> <steps>" (kind: torch
or pixyz, length: the sequence's) runs that many training steps on a fresh sequence of that length and prints the
per-step milliseconds on one line.
"""
import sys
import time

import torch
from torch import nn, optim
from torch.nn import functional as F

torch.manual_seed(1)
torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
X, Z, H, BATCH = 16, 8, 32, 32


class Networks(nn.Module):
    """q(z|x,z_prev), p(z|z_prev), p(x|z) as in bench/PixyzGen.Benchmarks/Sequence/DmmModel.cs."""

    def __init__(self):
        super().__init__()
        self.posterior = nn.Sequential(nn.Linear(X + Z, H), nn.ReLU(), nn.Linear(H, 2 * Z))
        self.transition = nn.Sequential(nn.Linear(Z, H), nn.ReLU(), nn.Linear(H, 2 * Z))
        self.emission = nn.Sequential(nn.Linear(Z, H), nn.ReLU(), nn.Linear(H, X))

    @staticmethod
    def normal(h):
        loc, scale = h.chunk(2, -1)
        return loc, F.softplus(scale) + 1e-3


def torch_factory():
    nets = Networks()
    optimizer = optim.Adam(nets.parameters(), lr=1e-3)

    def step(x, start):
        optimizer.zero_grad()
        total, previous = torch.zeros(BATCH), start
        for t in range(x.shape[0]):
            q_loc, q_scale = nets.normal(nets.posterior(torch.cat([x[t], previous], -1)))
            p_loc, p_scale = nets.normal(nets.transition(previous))
            z = q_loc + q_scale * torch.randn_like(q_loc)
            kl = (p_scale.log() - q_scale.log() + (q_scale ** 2 + (q_loc - p_loc) ** 2) / (2 * p_scale ** 2) - 0.5).sum(-1)
            log_likelihood = -F.binary_cross_entropy_with_logits(nets.emission(z), x[t], reduction="none").sum(-1)
            total = total + kl - log_likelihood
            previous = z
        loss = total.mean()
        loss.backward()
        optimizer.step()
        return loss.item()

    return step


def pixyz_factory():
    from pixyz.distributions import Bernoulli, Normal
    from pixyz.losses import Expectation as E, IterativeLoss, KullbackLeibler, LogProb
    from pixyz.models import Model

    nets = Networks()

    class Posterior(Normal):
        def __init__(self):
            super().__init__(var=["z"], cond_var=["x", "z_prev"], name="q")
            self.net = nets.posterior

        def forward(self, x, z_prev):
            loc, scale = Networks.normal(self.net(torch.cat([x, z_prev], -1)))
            return {"loc": loc, "scale": scale}

    class Transition(Normal):
        def __init__(self):
            super().__init__(var=["z"], cond_var=["z_prev"], name="p")
            self.net = nets.transition

        def forward(self, z_prev):
            loc, scale = Networks.normal(self.net(z_prev))
            return {"loc": loc, "scale": scale}

    class Emission(Bernoulli):
        def __init__(self):
            super().__init__(var=["x"], cond_var=["z"], name="p")
            self.net = nets.emission

        def forward(self, z):
            return {"probs": torch.sigmoid(self.net(z))}

    q, prior, p = Posterior(), Transition(), Emission()
    step_loss = KullbackLeibler(q, prior) - E(q, LogProb(p))
    loss = IterativeLoss(step_loss, series_var=["x"], update_value={"z": "z_prev"}).mean()
    model = Model(loss, distributions=[q, prior, p], optimizer=optim.Adam, optimizer_params={"lr": 1e-3})
    # New tensors each step: Pixyz 0.3.3's memo keys on the input tensors.
    return lambda x, start: model.train({"x": x.clone(), "z_prev": start.clone()})


factories = {"torch": torch_factory}
try:
    import pixyz  # noqa: F401
    factories["pixyz"] = pixyz_factory
except ImportError:
    pass
steps = {kind: factory() for kind, factory in factories.items()}

print("ready " + " ".join(steps), flush=True)
for line in sys.stdin:
    name, count = line.split()
    kind, length = name.rsplit("-", 1)
    x = torch.bernoulli(torch.full((int(length), BATCH, X), 0.3))
    start = torch.zeros(BATCH, Z)
    times = []
    for _ in range(int(count)):
        begin = time.perf_counter()
        steps[kind](x, start)
        times.append((time.perf_counter() - begin) * 1000)
    print(" ".join(f"{t:.4f}" for t in times), flush=True)
