"""Training workloads with the real nn layers: the seeds' MLP step built
from nn.Dense and nn.SGD, one epoch over the bundled digits, and memory
over 10,000 steps. Each mindgrad side is checked against the same work
written by hand in NumPy before it is timed.
"""
import os
import time

SIZES = (784, 512, 512, 10)
LEARNING_RATE = 0.05


def _network(weights):
    """The seeds' Network with the given (out, in) weights and biases."""
    import mindgrad as ms
    from mindgrad import nn

    class Network(nn.Cell):
        def __init__(self):
            super().__init__()
            self.flatten = nn.Flatten()
            self.dense_relu_sequential = nn.SequentialCell(
                nn.Dense(784, 512), nn.ReLU(), nn.Dense(512, 512),
                nn.ReLU(), nn.Dense(512, 10))

        def construct(self, x):
            return self.dense_relu_sequential(self.flatten(x))

    model = Network()
    for param, value in zip(model.trainable_params(), weights):
        param.set_data(ms.Tensor(value))
    return model


def mindgrad_step(weights):
    """MindSpore's tutorial step: value_and_grad over optimizer.parameters
    with has_aux, then optimizer(grads)."""
    import mindgrad as ms
    from mindgrad import nn
    model = _network(weights)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = nn.SGD(model.trainable_params(), learning_rate=LEARNING_RATE)

    def forward_fn(data, label):
        logits = model(data)
        return loss_fn(logits, label), logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters,
                                has_aux=True)

    def step(data, label):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        return loss
    return step, model.trainable_params()


def numpy_step(weights):
    """The same step by hand, updating ``params`` in place."""
    import numpy as np
    params = [w.copy() for w in weights]

    def step(x, labels):
        x = x.reshape(len(x), -1)
        w1, b1, w2, b2, w3, b3 = params
        h1 = np.maximum(x @ w1.T + b1, 0)
        h2 = np.maximum(h1 @ w2.T + b2, 0)
        logits = h2 @ w3.T + b3
        rows = np.arange(len(labels))
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        loss = np.mean(np.log(total[:, 0]) - shifted[rows, labels])
        d = exp / total
        d[rows, labels] -= 1
        d /= len(labels)
        grads = [None] * 6
        grads[4], grads[5] = d.T @ h2, d.sum(axis=0)
        d = (d @ w3) * (h2 > 0)
        grads[2], grads[3] = d.T @ h1, d.sum(axis=0)
        d = (d @ w2) * (h1 > 0)
        grads[0], grads[1] = d.T @ x, d.sum(axis=0)
        for param, grad in zip(params, grads):
            param -= LEARNING_RATE * grad
        return loss
    return step, params


def initial_weights(seed=0):
    import numpy as np
    rng = np.random.default_rng(seed)
    weights = []
    for fan_in, fan_out in zip(SIZES, SIZES[1:]):
        bound = 1 / np.sqrt(fan_in)
        weights.append(rng.uniform(-bound, bound, (fan_out, fan_in)))
        weights.append(rng.uniform(-bound, bound, fan_out))
    return [w.astype(np.float32) for w in weights]


def _agree(ours, theirs):
    import numpy as np
    return all(np.allclose(p.asnumpy(), q, rtol=1e-4, atol=1e-5)
               for p, q in zip(ours, theirs))


def make_step(batch):
    """(mindgrad step, NumPy step, results agree) on one fixed batch."""
    import numpy as np

    from mindgrad import Tensor
    rng = np.random.default_rng(1)
    x = rng.standard_normal((batch, 1, 28, 28)).astype(np.float32)
    labels = rng.integers(0, 10, batch).astype(np.int32)
    ours, our_params = mindgrad_step(initial_weights())
    base, base_params = numpy_step(initial_weights())
    tx, tl = Tensor(x), Tensor(labels)
    ours(tx, tl)
    base(x, labels)
    return (lambda: ours(tx, tl)), (lambda: base(x, labels)), _agree(
        our_params, base_params)


def make_epoch():
    """One epoch over the 6,000 bundled training digits, batch 64, both
    sides fed the same batches in the same order."""
    from mindgrad.data import batches, load_mnist
    images, labels = load_mnist("train")
    ours, our_params = mindgrad_step(initial_weights())
    base, base_params = numpy_step(initial_weights())
    order = [(x, y) for x, y in batches(images, labels, 64, seed=0)]
    arrays = [(x.asnumpy(), y.asnumpy()) for x, y in order]

    def our_epoch():
        for x, y in order:
            ours(x, y)

    def base_epoch():
        for x, y in arrays:
            base(x, y)
    our_epoch()
    base_epoch()
    return our_epoch, base_epoch, _agree(our_params, base_params)


def _resident_mb():
    """This process's resident memory now, in MB (Linux), or the peak."""
    try:
        with open(os.path.join(os.sep, "proc", "self", "statm")) as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10


def memory_growth(steps, batch=64):
    """Resident memory after a warm-up of steps // 10 MLP steps and after
    all ``steps``: a leak of even one small array per step shows."""
    import gc
    ours, _, _ = make_step(batch)
    warm = max(steps // 10, 1)
    for _ in range(warm):
        ours()
    gc.collect()
    before = _resident_mb()
    start = time.perf_counter()
    for _ in range(steps - warm):
        ours()
    gc.collect()
    return before, _resident_mb(), time.perf_counter() - start
