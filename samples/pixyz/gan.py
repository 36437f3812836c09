"""Pixyz's gan notebook (its networks, GAN model and optimizers) on the gallery's 9,000 training digits.

PYTHONPATH=<pixyz source> /usr/bin/python3 samples/pixyz/gan.py [epochs, default 50]
Prints each epoch's mean train and test losses (generator, discriminator) and writes pixyz-gan-samples.png
(64 digits from fixed noise) to the current folder, to compare with `gallery gan`.
"""
import sys

import numpy as np
import torch
from PIL import Image
from torch import nn, optim
from pixyz.distributions import Deterministic, Normal
from pixyz.models import GAN

import digits

torch.manual_seed(1)
torch.set_num_threads(2)
train, test = digits.load()
X, Z = 784, 100


class Generator(Deterministic):
    def __init__(self):
        super().__init__(var=["x"], cond_var=["z"], name="p")

        def block(inputs, outputs, normalize=True):
            layers = [nn.Linear(inputs, outputs)]
            if normalize:
                layers.append(nn.BatchNorm1d(outputs, 0.8))   # the notebook's eps of 0.8
            return layers + [nn.LeakyReLU(0.2, inplace=True)]

        self.model = nn.Sequential(*block(Z, 128, False), *block(128, 256), *block(256, 512), *block(512, 1024),
                                   nn.Linear(1024, X), nn.Sigmoid())

    def forward(self, z):
        return {"x": self.model(z)}


class Discriminator(Deterministic):
    def __init__(self):
        super().__init__(var=["t"], cond_var=["x"], name="d")
        self.model = nn.Sequential(nn.Linear(X, 512), nn.LeakyReLU(0.2, inplace=True), nn.Linear(512, 256),
                                   nn.LeakyReLU(0.2, inplace=True), nn.Linear(256, 1), nn.Sigmoid())

    def forward(self, x):
        return {"t": self.model(x)}


prior = Normal(loc=torch.tensor(0.), scale=torch.tensor(1.), var=["z"], features_shape=[Z], name="p_{prior}")
generator = Generator()
model = GAN((generator * prior).marginalize_var("z"), Discriminator(),
            optimizer=optim.Adam, optimizer_params={"lr": 0.0002},
            d_optimizer=optim.Adam, d_optimizer_params={"lr": 0.0002})
fixed_noise = torch.randn(64, Z)
for epoch in range(1, (int(sys.argv[1]) if len(sys.argv) > 1 else 50) + 1):
    train_losses = [tuple(v.item() for v in model.train({"x": x})) for x in digits.batches(train, 128, shuffle=True)]
    test_losses = [tuple(v.item() for v in model.test({"x": x})) for x in digits.batches(test, 128, shuffle=False)]
    g, d = np.mean(train_losses, axis=0)
    tg, td = np.mean(test_losses, axis=0)
    print(f"epoch {epoch} train {g:.3f}, {d:.3f} test {tg:.3f}, {td:.3f}", flush=True)
with torch.no_grad():
    grid = generator.sample({"z": fixed_noise})["x"].view(8, 8, 28, 28).permute(0, 2, 1, 3).reshape(224, 224).numpy()
Image.fromarray((grid * 255).astype(np.uint8)).resize((448, 448)).save("pixyz-gan-samples.png")
