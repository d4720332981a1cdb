"""Optimizer errors: construction, validation and opt(grads) (api.md 7.1
and 9). Only the class is printed."""
import time

import numpy as np

from mindspore import Parameter, Tensor, nn


def show_error(label, make):
    """Print the class of the error make() raises (messages differ)."""
    try:
        str(make())
    except Exception as e:
        print(label, type(e).__name__)
    else:
        print(label, "no error")
    if Tensor.__module__.startswith("mindspore"):
        time.sleep(0.2)


def param(name="p"):
    return Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name=name)


show_error("params None:", lambda: nn.SGD(None))
show_error("params empty:", lambda: nn.SGD([]))
show_error("a Tensor in params:", lambda: nn.SGD([Tensor([1.0])]))
show_error("negative lr:", lambda: nn.SGD([param()], -1.0))
show_error("str lr:", lambda: nn.SGD([param()], "a"))
show_error("2-D lr Tensor:",
           lambda: nn.SGD([param()], Tensor(np.ones((2, 2), np.float32))))
show_error("negative momentum:", lambda: nn.SGD([param()], momentum=-1.0))
show_error("negative dampening:", lambda: nn.SGD([param()], dampening=-1.0))
show_error("nesterov, no momentum:", lambda: nn.SGD([param()], nesterov=True))
show_error("nesterov, dampening:", lambda: nn.SGD(
    [param()], momentum=0.9, dampening=0.1, nesterov=True))
show_error("negative weight_decay:",
           lambda: nn.SGD([param()], weight_decay=-1.0))
show_error("zero loss_scale:", lambda: nn.SGD([param()], loss_scale=0.0))
show_error("Momentum no lr:", lambda: nn.Momentum([param()]))
show_error("Momentum no momentum:", lambda: nn.Momentum([param()], 0.1))
show_error("Momentum negative:", lambda: nn.Momentum([param()], 0.1, -1.0))
show_error("Adam beta1 = 1:", lambda: nn.Adam([param()], beta1=1.0))
show_error("Adam beta2 = 0:", lambda: nn.Adam([param()], beta2=0.0))
show_error("Adam eps = 0:", lambda: nn.Adam([param()], eps=0.0))
a = param("a")
show_error("repeated in groups:",
           lambda: nn.SGD([{"params": [a], "lr": 0.5}, {"params": [a]}]))
show_error("same Parameter twice:", lambda: nn.SGD([a, a]))
show_error("two Parameters named p:", lambda: nn.SGD([param(), param()]))
show_error("Parameters and groups:",
           lambda: nn.SGD([{"params": [a]}, param()]))
show_error("group without params:", lambda: nn.SGD([{"lr": 0.5}]))
show_error("unknown group key:",
           lambda: nn.SGD([{"params": [a], "foo": 1}]))

p = param()
opt = nn.SGD([p], 0.1)
g = Tensor(np.array([0.5, 1.0], np.float32))
show_error("grads as a list:", lambda: opt([g]))
show_error("one bare Tensor:", lambda: opt(g))
show_error("too many grads:", lambda: opt((g, g)))
show_error("no grads:", lambda: opt(()))
show_error("f64 grad:", lambda: opt((Tensor(np.ones(2)),)))
show_error("int grad:", lambda: opt((Tensor(np.ones(2, np.int32)),)))
print(p.asnumpy())
list_opt = nn.SGD([p], [0.1, 0.01])
list_opt((g,))
list_opt((g,))
show_error("lr list exhausted:", lambda: list_opt((g,)))
