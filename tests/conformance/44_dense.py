"""nn.Dense: shapes, given init Tensors, activations, errors, and how many
draws initialisation takes from np.random (api.md 5.7-5.8)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor, nn


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


w = Tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], ms.float32)
b = Tensor([0.1, -0.2], ms.float32)
dense = nn.Dense(3, 2, weight_init=w, bias_init=b)
print(dense.weight.shape, dense.bias.shape, dense.weight.name)
print(dense.weight)
print(dense(Tensor([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]])))
print(dense(Tensor([1.0, 2.0, 3.0])))
print(dense(Tensor(np.ones((2, 4, 3)), ms.float32)).shape)
print(nn.Dense(3, 2, w, has_bias=False)(Tensor([1.0, 2.0, 3.0])))
print(nn.Dense(3, 2, w, b, activation="relu")(Tensor([[1.0, 2.0, 3.0]])))
print(nn.Dense(3, 2, w, b, activation="sigmoid")(Tensor([[1.0, 0.0, 0.0]])))
print(nn.Dense(3, 2, w, b, activation="tanh")(Tensor([[1.0, 0.0, 0.0]])))
print(nn.Dense(3, 2, w, b, activation="softmax")(Tensor([[1.0, 0.0, 0.0]])))
print(nn.Dense(3, 2, w, b, activation=nn.ReLU())(Tensor([[0.0, 1.0, 0.0]])))
print(nn.Dense(3, 2, "ones", "zeros")(Tensor([[1.0, 2.0, 3.0]])))
print(nn.Dense(3, 2, 0.5, 2)(Tensor([[1.0, 2.0, 3.0]])))
print(nn.Dense(3, 2, "Ones", "ZEROS").weight.asnumpy().sum())

grad_fn = ms.grad(lambda x: dense(x).sum(), 0, dense.trainable_params())
print(grad_fn(Tensor([[1.0, 2.0, 3.0]])))

show_error("f64 input:", lambda: dense(Tensor(np.ones((1, 3)))))
show_error("int input:", lambda: dense(Tensor([[1, 2, 3]], ms.int32)))
show_error("ndarray input:", lambda: dense(np.ones((1, 3), np.float32)))
show_error("wrong last dim:", lambda: dense(Tensor(np.ones((1, 4)),
                                                   ms.float32)))
show_error("float channels:", lambda: nn.Dense(3.0, 2))
show_error("zero channels:", lambda: nn.Dense(0, 2))
show_error("negative out:", lambda: nn.Dense(3, -1))
show_error("has_bias int:", lambda: nn.Dense(3, 2, has_bias=1))
show_error("weight shape:", lambda: nn.Dense(3, 2, Tensor(np.ones((3, 2)),
                                                          ms.float32)))
show_error("bias shape:", lambda: nn.Dense(3, 2, w, Tensor(np.ones(3),
                                                           ms.float32)))
show_error("unknown init:", lambda: nn.Dense(3, 2, "bogus"))
show_error("unknown activation:", lambda: nn.Dense(3, 2, activation="bogus"))


def draws_after(make):
    np.random.seed(0)
    make()
    return np.random.randint(1, 2**63 - 1)


np.random.seed(0)
reference = [np.random.randint(1, 2**63 - 1) for _ in range(3)]
counts = {
    "default": lambda: nn.Dense(3, 4),
    "normal/zeros": lambda: nn.Dense(3, 4, "normal", "zeros"),
    "uniform/normal": lambda: nn.Dense(3, 4, "uniform", "normal"),
    "he_uniform no bias": lambda: nn.Dense(3, 4, "he_uniform",
                                           has_bias=False),
    "tensors": lambda: nn.Dense(3, 2, w, b),
    "ones/zeros": lambda: nn.Dense(3, 4, "ones", "zeros"),
}
for label, make in counts.items():
    print(label, "draws:", reference.index(draws_after(make)))

ms.set_seed(5)
first = nn.Dense(4, 3).weight.asnumpy()
ms.set_seed(5)
print("set_seed repeats:", bool((first == nn.Dense(4, 3).weight.asnumpy())
                                .all()))
wide = nn.Dense(400, 300)
print(bool(np.abs(wide.weight.asnumpy()).max() <= 0.05),
      bool(np.abs(wide.bias.asnumpy()).max() <= 0.05),
      round(float(wide.weight.asnumpy().std()), 3))
