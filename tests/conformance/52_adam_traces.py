"""Adam over four steps in MindSpore's kernel form (api.md 7.2): eps,
weight decay, loss scale, nesterov, amsgrad."""
import numpy as np

from mindspore import Parameter, Tensor, nn

GRADS = [[0.5, 1.0], [-0.25, 2.0], [1.5, -0.5], [0.0, 0.75]]


def trace(label, make):
    p = Parameter(Tensor(np.array([1.0, -2.0], np.float32)), name="p")
    opt = make([p])
    for g in GRADS:
        result = opt((Tensor(np.array(g, np.float32)),))
        print(label, result, p.asnumpy())
    print(label, opt.moment1[0].asnumpy(), opt.moment2[0].asnumpy())


trace("adam", lambda ps: nn.Adam(ps, 0.1))
trace("eps", lambda ps: nn.Adam(ps, 0.1, eps=0.5))
trace("betas", lambda ps: nn.Adam(ps, 0.05, beta1=0.5, beta2=0.9))
trace("weight_decay", lambda ps: nn.Adam(ps, 0.1, weight_decay=0.1))
trace("loss_scale", lambda ps: nn.Adam(ps, 0.1, loss_scale=2.0))
trace("nesterov", lambda ps: nn.Adam(ps, 0.1, use_nesterov=True))
trace("amsgrad", lambda ps: nn.Adam(ps, 0.1, use_amsgrad=True))

q = Parameter(Tensor(np.array([0.0], np.float32)), name="q")
opt = nn.Adam([q], 0.1, use_amsgrad=True)
for g in (10.0, 0.1, 0.1):
    opt((Tensor(np.array([g], np.float32)),))
print("amsgrad spike", q.asnumpy(), [v.name for v in opt.vhat])
print("beta powers", opt.beta1_power.asnumpy(), opt.beta2_power.asnumpy())
