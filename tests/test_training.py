"""The seeds' 784-512-512-10 MLP learns real digits: lesson 12's exact
configuration (curriculum 5, lesson 12) written as MindSpore's tutorial
writes it, with only the data cell mindgrad-specific.

The training takes about 10 s on 2 cores; its time is reported by
``bench/run.py``, never asserted here.
"""
import numpy as np

import mindgrad as ms
from mindgrad import nn
from mindgrad.data import batches, load_mnist


class Network(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(
            nn.Dense(28 * 28, 512, weight_init="normal", bias_init="zeros"),
            nn.ReLU(),
            nn.Dense(512, 512, weight_init="normal", bias_init="zeros"),
            nn.ReLU(),
            nn.Dense(512, 10, weight_init="normal", bias_init="zeros"),
        )

    def construct(self, x):
        return self.dense_relu_sequential(self.flatten(x))


def test_lesson_12_configuration_reaches_the_promised_accuracy():
    ms.set_seed(0)
    model = Network()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = nn.SGD(model.trainable_params(), learning_rate=0.05)

    def forward_fn(data, label):
        logits = model(data)
        return loss_fn(logits, label), logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters,
                                has_aux=True)
    train_images, train_labels = load_mnist("train")
    test_images, test_labels = load_mnist("test")

    model.set_train(False)
    first_loss = loss_fn(model(ms.Tensor(test_images)),
                         ms.Tensor(test_labels)).item()
    steps = 0
    for epoch in range(15):
        model.set_train(True)
        for data, label in batches(train_images, train_labels, 64,
                                   shuffle=True, seed=epoch):
            (loss, _), grads = grad_fn(data, label)
            optimizer(grads)
            steps += 1
    model.set_train(False)
    predicted = model(ms.Tensor(test_images)).argmax(1).asnumpy()
    accuracy = float(np.mean(predicted == test_labels))

    assert abs(first_loss - np.log(10)) < 0.01   # an untrained guess: ln 10
    assert steps == 1410                          # 15 epochs x 94 batches
    assert accuracy >= 0.92, f"test accuracy {accuracy:.4f} < 0.92"
