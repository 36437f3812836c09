"""Pixyz's real_nvp notebook (Preprocess, 5 affine couplings of 1028 units with BatchNorm1d, ML, Adam 1e-3) on the
gallery's digits.

PYTHONPATH=<pixyz source> /usr/bin/python3 samples/pixyz/real_nvp.py [epochs, default 10]
Prints each epoch's mean train and test negative log-likelihood (nats per image), to compare with `gallery real-nvp`.
"""
import sys

import torch
from torch import nn, optim
from torch.nn import functional as F
from pixyz.distributions import Normal, InverseTransformedDistribution
from pixyz.flows import AffineCoupling, FlowList, BatchNorm1d, Preprocess
from pixyz.models import ML

import digits

torch.manual_seed(1)
torch.set_num_threads(2)
train, test = digits.load()
X = 784


class ScaleTranslateNet(nn.Module):
    def __init__(self, features, hidden):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(features, hidden), nn.Linear(hidden, hidden)
        self.fc3_s, self.fc3_t = nn.Linear(hidden, features), nn.Linear(hidden, features)

    def forward(self, x):
        hidden = F.relu(self.fc2(F.relu(self.fc1(x))))
        return torch.tanh(self.fc3_s(hidden)), self.fc3_t(hidden)


flows = [Preprocess()]
for i in range(5):
    flows += [AffineCoupling(in_features=X, scale_translate_net=ScaleTranslateNet(X, 1028), inverse_mask=(i % 2 != 0)),
              BatchNorm1d(X)]
prior = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["z"], features_shape=[X], name="p_prior")
model = ML(InverseTransformedDistribution(prior=prior, flow=FlowList(flows), var=["x"]),
           optimizer=optim.Adam, optimizer_params={"lr": 1e-3})


def mean_loss(data, step, shuffle):
    total = count = 0
    for x in digits.batches(data, 128, shuffle):
        total += step({"x": x}).item() * len(x)
        count += len(x)
    return total / count


for epoch in range(1, (int(sys.argv[1]) if len(sys.argv) > 1 else 10) + 1):
    print(f"epoch {epoch} train {mean_loss(train, model.train, True):.2f} test {mean_loss(test, model.test, False):.2f}", flush=True)
