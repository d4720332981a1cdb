"""Cell reprs and the seed-001 network's parameter table (api.md 5.5)."""
from collections import OrderedDict

import mindspore as ms
from mindspore import nn, ops


class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(
            nn.Dense(28 * 28, 512, bias_init="zeros"),
            nn.ReLU(),
            nn.Dense(512, 512, bias_init="zeros"),
            nn.ReLU(),
            nn.Dense(512, 10, bias_init="zeros"),
        )

    def construct(self, x):
        x = self.flatten(x)
        logits = self.dense_relu_sequential(x)
        return logits


model = Network()
print(model)
print(str(model) == repr(model))
for name, param in model.parameters_and_names():
    print(f"Layer: {name}\nSize: {param.shape}")
    if param.ndim == 1:
        print(f"Values : {param[:2]} \n")
X = ops.ones((1, 28, 28), ms.float32)
logits = model(X)
print(logits.shape, nn.Softmax(axis=1)(logits).shape)

print(nn.ReLU(), nn.Sigmoid(), nn.Tanh(), nn.Flatten(), nn.Softmax())
print(nn.SequentialCell(), nn.BCEWithLogitsLoss(), nn.MSELoss())
print(nn.L1Loss(), nn.CrossEntropyLoss(), nn.SoftmaxCrossEntropyWithLogits())
print(nn.Dense(3, 4, has_bias=False))
print(nn.Dense(3, 4, activation="relu"))
print(nn.Dense(3, 4, activation=nn.Tanh()))
print(nn.Dropout(), nn.Dropout(p=0.2), nn.Dropout(keep_prob=0.8))
print(nn.CellList([nn.Dense(2, 3), nn.ReLU()]))
print(nn.SequentialCell(OrderedDict([("fc", nn.Dense(2, 3)),
                                     ("act", nn.Sigmoid())])))


class Holder(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(2, 2)
        self.act = nn.ReLU()

    def construct(self, x):
        return x


holder = Holder()
holder.fc = None
print(holder)
del holder.act
print(holder)
print(model.dense_relu_sequential[1:3])
