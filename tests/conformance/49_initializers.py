"""mindspore.common.initializer and Parameter.data / item assignment
(api.md 5.8, 4.1)."""
import numpy as np

import mindspore as ms
from mindspore import Parameter, Tensor
from mindspore.common.initializer import (HeUniform, Normal, One, Uniform,
                                          Zero, initializer)


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


p = Parameter(initializer("ones", (2, 2), ms.float32), name="p")
print(p, p.asnumpy())
print(Parameter(initializer(One(), [3]), name="q").asnumpy())
print(Parameter(initializer(Zero(), [2, 3], ms.float32), name="z").asnumpy())
print(Parameter(initializer(2.5, [2]), name="c").asnumpy())
print(Parameter(initializer("Ones", [2]), name="o").asnumpy())
print(Parameter(initializer(Tensor([1.0, 2.0]), [2]), name="t").asnumpy())
print(Parameter(initializer(Normal(), [2, 2]), name="n").dtype)
show_error("unknown name:", lambda: initializer("bogus", [2]))
show_error("tensor shape:", lambda: initializer(Tensor([1.0, 2.0]), [3]))

np.random.seed(0)
reference = [np.random.randint(1, 2**63 - 1) for _ in range(2)]
for label, init in [("normal", "normal"), ("Normal()", Normal()),
                    ("uniform", Uniform()), ("he_uniform", "he_uniform"),
                    ("HeUniform", HeUniform()), ("ones", "ones"),
                    ("zeros", Zero()), ("constant", 3.0)]:
    np.random.seed(0)
    Parameter(initializer(init, [30, 40], ms.float32), name="x")
    print(label, "draws:", reference.index(np.random.randint(1, 2**63 - 1)))


def stats(init):
    values = Parameter(initializer(init, [300, 400]), name="s").asnumpy()
    return round(float(values.std()), 2), round(float(abs(values).max()), 2)


print(stats("normal")[0], round(stats(Normal(sigma=2.0, mean=1.0))[0]))
print(stats("uniform")[1], stats(Uniform(scale=3))[1])
print(stats("he_uniform")[1], stats(HeUniform(negative_slope=5 ** 0.5))[1])
print(stats("xavier_uniform")[1])

w = Parameter(Tensor([1.0, 2.0, 3.0]), name="w")
w[0] = 10.0
print(w.asnumpy(), type(w).__name__)
data = w.data
data[1] = -1.0
print(w.asnumpy())
