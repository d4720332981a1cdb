"""Learning-rate schedules: the list functions, the schedule Cells, and an
optimizer driven by a schedule Cell."""
import numpy as np

import mindspore as ms
from mindspore import Parameter, Tensor, nn


def show_error(label, make):
    try:
        make()
    except Exception as e:
        print(label, type(e).__name__)
    else:
        print(label, "no error")


print(nn.piecewise_constant_lr([2, 5, 6], [0.1, 0.05, 0.01]))
print(nn.exponential_decay_lr(0.1, 0.9, 6, 2, 1))
print(nn.exponential_decay_lr(0.1, 0.9, 6, 2, 2, True))
print(nn.exponential_decay_lr(0.1, 0.9, 6, 2, 2))
print(nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5))
print(nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5, True))
print(nn.polynomial_decay_lr(0.1, 0.01, 6, 1, 2, 2.0, True))
print(nn.polynomial_decay_lr(0.2, 0.001, 8, 2, 3, 1.0))
show_error("milestones decrease:",
           lambda: nn.piecewise_constant_lr([2, 1], [0.1, 0.2]))
show_error("lengths differ:",
           lambda: nn.piecewise_constant_lr([2, 3], [0.1]))
show_error("negative lr:", lambda: nn.exponential_decay_lr(-0.1, 0.9, 6, 2, 1))
show_error("zero total_step:",
           lambda: nn.exponential_decay_lr(0.1, 0.9, 0, 2, 1))
show_error("int power:",
           lambda: nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 1))

exp = nn.ExponentialDecayLR(0.1, 0.9, 4)
print(exp)
print([exp(Tensor(s, ms.int32)) for s in [0, 1, 4, 5, 8]])
stair = nn.ExponentialDecayLR(0.1, 0.9, 4, True)
print([stair(Tensor(s, ms.int32)) for s in [0, 3, 4, 5, 9]])
poly = nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5)
print(poly)
print([poly(Tensor(s, ms.int32)) for s in [0, 1, 4, 5, 9]])
grow = nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5, True)
print([grow(Tensor(s, ms.int32)) for s in [0, 1, 4, 5, 9]])
print(grow(Tensor(np.array([2]), ms.int32)))
show_error("zero decay_steps:", lambda: nn.ExponentialDecayLR(0.1, 0.9, 0))
show_error("int power Cell:", lambda: nn.PolynomialDecayLR(0.1, 0.01, 4, 1))
show_error("int update flag:",
           lambda: nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5, 1))

for schedule in (nn.ExponentialDecayLR(0.1, 0.5, 1),
                 nn.PolynomialDecayLR(0.1, 0.01, 3, 2.0)):
    p = Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name="p")
    opt = nn.SGD([p], schedule)
    print(opt)
    for _ in range(4):
        lr = opt.get_lr()
        opt((Tensor(np.array([1.0, 1.0], np.float32)),))
        print(lr, p.asnumpy(), opt.global_step.asnumpy())
