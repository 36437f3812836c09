"""The small Pixyz VAE of the checkpoint fixtures: its fields are named as the C# classes of
tests/PixyzGen.Runtime.Tests/Checkpoints name theirs, so the state-dict keys agree."""
import torch
from torch import nn, optim
from torch.nn import functional as F

from pixyz.distributions import Bernoulli, Normal
from pixyz.losses import KullbackLeibler
from pixyz.models import VAE

X_DIM, Z_DIM, HIDDEN = 6, 2, 8


class Inference(Normal):
    """q(z|x): the fields are named as the C# encoder names them, so the state-dict keys agree."""

    def __init__(self):
        super().__init__(var=["z"], cond_var=["x"], name="q")
        self.fc1 = nn.Linear(X_DIM, HIDDEN)
        self.fc_loc = nn.Linear(HIDDEN, Z_DIM)
        self.fc_scale = nn.Linear(HIDDEN, Z_DIM)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        return {"loc": self.fc_loc(h), "scale": F.softplus(self.fc_scale(h))}


class Generator(Bernoulli):
    """p(x|z)."""

    def __init__(self):
        super().__init__(var=["x"], cond_var=["z"], name="p")
        self.fc1 = nn.Linear(Z_DIM, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, X_DIM)

    def forward(self, z):
        return {"probs": torch.sigmoid(self.fc2(F.relu(self.fc1(z))))}




def build():
    """q, p, the prior and Pixyz's VAE over them (Model.save stores q, then p)."""
    q = Inference()
    p = Generator()
    prior = Normal(loc=torch.tensor(0.0), scale=torch.tensor(1.0), var=["z"], features_shape=[Z_DIM], name="p_prior")
    model = VAE(q, p, regularizer=KullbackLeibler(q, prior), optimizer=optim.Adam, optimizer_params={"lr": 1e-2})
    return q, p, prior, model
