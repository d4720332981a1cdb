"""ops.GradOperation flag combinations and the advanced tutorial case
(api.md 2.10)."""
import numpy as np

import mindspore as ms
from mindspore import Parameter, ParameterTuple, Tensor, nn, ops


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.z = Parameter(Tensor(np.array([1.0], np.float32)), name="z")

    def construct(self, x, y):
        return x * x * y * self.z


net = Net()
x = Tensor([3.0])
y = Tensor([5.0])
params = ParameterTuple(net.trainable_params())

print("F F:", ops.GradOperation()(net)(x, y))
print("F F, params ignored:", ops.GradOperation()(net, params)(x, y))
print("T F:", ops.GradOperation(get_all=True)(net)(x, y))
print("T F, one input:",
      ops.GradOperation(get_all=True)(lambda a: a * a)(x))
print("F T tuple:", ops.GradOperation(get_by_list=True)(net, params)(x, y))
print("F T list:", ops.GradOperation(get_by_list=True)(net, [net.z])(x, y))
print("F T bare:", ops.GradOperation(get_by_list=True)(net, net.z)(x, y))
# A plain function using no Parameter: no weights, so ().  (A Cell called
# without params is in 40_grad_operation_cell_weights.py.)
print("F T none:", ops.GradOperation(get_by_list=True)(lambda a: a * a)(x))
both = ops.GradOperation(get_all=True, get_by_list=True)
print("T T:", both(net, params)(x, y))
print("T T, one Parameter:", both(net, net.z)(x, y))
sens = ops.GradOperation(get_all=True, sens_param=True)
print("sens:", sens(net)(x, y, Tensor([2.0])))

print("tutorial grad (0, 1):", ms.grad(net, (0, 1))(x, y))
print("tutorial by weights:", ms.grad(net, None, params)(x, y))

for flags in ({"get_all": 1}, {"get_by_list": "yes"}, {"sens_param": None}):
    try:
        ops.GradOperation(**flags)
    except Exception as e:  # print the class only; messages differ
        print(flags, type(e).__name__)
