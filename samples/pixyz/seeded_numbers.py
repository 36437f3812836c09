"""The numbers the gallery's tests hold, printed by Pixyz itself: the seeded cells of tutorials 01 and 02 and of the
distributions, gmm and normalizing_flow_toy notebooks, run in their order from their seeds.

PYTHONPATH=<pixyz source> /usr/bin/python3 samples/pixyz/seeded_numbers.py
Run with Pixyz 0.3.3 on Debian's python3-torch 1.13 on 2026-12-07; tests/PixyzGen.IntegrationTests/GalleryTests.cs
compares the gallery's `distribution-api`, `loss-api`, `distributions`, `gmm` and `normalizing-flow-toy` with these
numbers.
"""
import numpy as np
import torch
from torch import nn
from torch.nn import functional as F
from pixyz.distributions import Bernoulli, Categorical, Normal
from pixyz.distributions.mixture_distributions import MixtureModel
from pixyz.losses import Expectation, KullbackLeibler, LogProb


def show(name, values, count=8):
    print(name, " ".join(f"{v:.4f}" for v in values.flatten()[:count].tolist()))


def tutorial_01():
    torch.manual_seed(1)
    p1 = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["x"], features_shape=[50], name="p_{1}")
    show("x ~ p1(x)", p1.sample()["x"])
    around_mu = Normal(loc="mu_var", scale=torch.tensor(1.), var=["x"], cond_var=["mu_var"], features_shape=[50])
    show("x ~ p(x|mu_var=0)", around_mu.sample({"mu_var": 0})["x"])
    coins = Bernoulli(probs=torch.tensor(0.3), var=["mu_var"], features_shape=[50])
    show("mu_var ~ p(mu_var)", coins.sample()["mu_var"])
    draw = (around_mu * coins).sample()
    show("mu_var of p(x,mu_var)", draw["mu_var"])
    show("x of p(x,mu_var)", draw["x"])

    class AGivenX(Normal):
        def __init__(self):
            super().__init__(var=["a"], cond_var=["x"])
            self.fc1, self.fc_loc, self.fc_scale = nn.Linear(50, 10), nn.Linear(10, 20), nn.Linear(10, 20)

        def forward(self, x):
            h = F.relu(self.fc1(x))
            return {"loc": self.fc_loc(h), "scale": F.softplus(self.fc_scale(h))}

    # The tutorial's x_samples, as the gallery's DistributionApiExample writes them out.
    x = torch.tensor([[-0.3030, -1.7618, 0.6348, -0.8044, -1.0371, -1.0669, -0.2085, -0.2155, 2.2952, 0.6749, 1.7133,
                       -1.7943, -1.5208, 0.9196, -0.5484, -0.3472, 0.4730, -0.4286, 0.5514, -1.5474, 0.7575, -0.4068,
                       -0.1277, 0.2804, 1.7460, 1.8550, -0.7064, 2.5571, 0.7705, -1.0739, -0.2015, -0.5603, -0.6240,
                       -0.9773, -0.1637, -0.3582, -0.0594, -2.4919, 0.2423, 0.2883, -0.1095, 0.3126, -0.3417, 0.9473,
                       0.6223, -0.4481, -0.2856, 0.3880, -1.1435, -0.6512]])
    show("a ~ p(a|x)", AGivenX().sample({"x": x})["a"])


def tutorial_02():
    torch.manual_seed(1)
    p5 = Normal(var=["x"], loc=torch.tensor(0.), scale=torch.tensor(1.), features_shape=[5])
    show("sum of log p(x)", LogProb(p5).eval({"x": torch.randn(100, 5)}).sum())
    p10 = Normal(var=["x"], loc=torch.tensor(0.), scale=torch.tensor(1.), features_shape=[10])
    q10 = Normal(var=["x"], loc=torch.tensor(5.), scale=torch.tensor(0.1), features_shape=[10], name="q")
    show("KL(q(x) || p(x))", KullbackLeibler(q10, p10).eval())
    q = Normal(loc="x", scale=torch.tensor(1.), var=["z"], cond_var=["x"], features_shape=[10], name="q")
    p = Normal(loc="z", scale=torch.tensor(1.), var=["x"], cond_var=["z"], features_shape=[10])
    show("E_q(z|x)[log p(x|z)]", Expectation(q, LogProb(p)).eval({"x": torch.randn(2, 10)}))
    show("mean log p(x)", LogProb(p5).mean().eval({"x": torch.randn(100, 5)}))
    prior = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["z"], features_shape=[10])
    bound = (Expectation(q, LogProb(p)) - KullbackLeibler(q, prior)).mean()
    show("the bound", bound.eval({"x": torch.randn(100, 10)}))


def distributions():
    torch.manual_seed(1)

    class P1(Normal):
        def __init__(self):
            super().__init__(var=["x"], cond_var=["y", "a"], name="p_{1}")
            self.fc1, self.fc2 = nn.Linear(30, 10), nn.Linear(50, 10)
            self.fc21, self.fc22 = nn.Linear(20, 20), nn.Linear(20, 20)

        def forward(self, a, y):
            h = torch.cat([F.relu(self.fc1(y)), F.relu(self.fc2(a))], 1)
            return {"loc": self.fc21(h), "scale": F.softplus(self.fc22(h))}

    class P2(Normal):
        def __init__(self):
            super().__init__(var=["z"], cond_var=["x", "y"], name="p_{2}")
            self.fc3, self.fc4 = nn.Linear(20, 30), nn.Linear(60, 400)
            self.fc51, self.fc52 = nn.Linear(400, 20), nn.Linear(400, 20)

        def forward(self, x, y):
            h = F.relu(self.fc4(torch.cat([F.relu(self.fc3(x)), y], 1)))
            return {"loc": self.fc51(h), "scale": F.softplus(self.fc52(h))}

    p4 = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["a"], features_shape=[50], name="p_{4}")
    p6 = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["y"], features_shape=[30], name="p_{6}")
    # numpy's unseeded inputs in the notebook: whatever they are, torch's draws below do not depend on them.
    x, y, a = (torch.from_numpy(np.random.random((2, n)).astype("float32")) for n in (20, 30, 50))
    p1, p2 = P1(), P2()
    p3 = p2 * p1
    p_all = p1 * p2 * p4 * p6
    p1.sample({"a": a, "y": y}, return_all=False)
    p1.sample({"a": a, "y": y}, sample_shape=[5], return_all=False)
    p1.sample({"a": a, "y": y}, return_all=True)
    p1.log_prob().eval(p1.sample({"y": y, "a": a}))
    p2.log_prob().eval(p2.sample({"x": x, "y": y}))
    p2.sample(p1.sample({"y": y, "a": a}))
    p3.log_prob().eval(p3.sample({"y": y, "a": a}, batch_n=2))
    show("log p_all(x,y,z,a)", p_all.log_prob().eval(p_all.sample(batch_n=2)))


def gmm():
    torch.manual_seed(0)

    def cluster(mu, var, count):
        return torch.stack([torch.normal(torch.Tensor(mu), torch.Tensor(var).sqrt()) for _ in range(count)])

    samples = torch.cat([cluster([1.5, 2.5], [1.2, .8], 150), cluster([7.5, 7.5], [.75, .5], 50), cluster([8, 1.5], [.6, .8], 100)])
    samples = (samples - samples.mean(dim=0)) / samples.std(dim=0)
    components = [Normal(loc=torch.randn(2), scale=torch.empty(2).fill_(0.6), var=["x"], name=f"p_{i}") for i in range(3)]
    prior = Categorical(probs=torch.empty(3).fill_(1. / 3), var=["z"], name="p_{prior}")
    p = MixtureModel(distributions=components, prior=prior)
    post = p.posterior()
    eps = 1e-6
    likelihoods = []
    for _ in range(8):
        posterior = post.prob().eval({"x": samples})
        n_k = posterior.sum(dim=1)
        prior.probs[0] = n_k / n_k.sum()
        loc = (posterior[:, None] @ samples[None]).squeeze(1) / (n_k[:, None] + eps)
        var = (posterior[:, None, :] @ ((samples[None, :, :] - loc[:, None, :]) ** 2)).squeeze(1) / (n_k[:, None] + eps)
        for i, d in enumerate(components):
            d.loc[0], d.scale[0] = loc[i], var[i].sqrt()
        likelihoods.append(p.log_prob().mean().eval({"x": samples}).item())
    print("gmm log-likelihood per EM step", " ".join(f"{v:.6f}" for v in likelihoods))


def normalizing_flow_toy():
    """The first training loss of the notebook's VI with 128 draws of q. The notebook's model.train(batch_size=128)
    draws one: Pixyz takes the batch size as batch_n and ignores batch_size, so its printed losses are single draws."""
    from pixyz.distributions import CustomProb, TransformedDistribution
    from pixyz.flows import FlowList, PlanarFlow
    from pixyz.models import VI

    torch.manual_seed(1)

    def banana(z):
        z1, z2 = torch.chunk(z, chunks=2, dim=1)
        norm = torch.sqrt(z1 ** 2 + z2 ** 2)
        exp1, exp2 = torch.exp(-0.5 * ((z1 - 2) / 0.6) ** 2), torch.exp(-0.5 * ((z1 + 2) / 0.6) ** 2)
        return -(0.5 * ((norm - 2) / 0.4) ** 2 - torch.log(exp1 + exp2))

    prior = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["x"], features_shape=[2], name="prior")
    q = TransformedDistribution(prior, FlowList([PlanarFlow(2) for _ in range(32)]), var=["z"], name="q")
    model = VI(CustomProb(banana, var=["z"]), q, optimizer=torch.optim.Adam, optimizer_params={"lr": 1e-2})
    show("normalizing-flow-toy first loss, 128 draws", model.train(batch_n=128).detach())


with torch.no_grad():
    tutorial_01()
    tutorial_02()
    distributions()
    gmm()
normalizing_flow_toy()
