"""mindgrad: automatic differentiation on NumPy, with MindSpore's API.

Code written for mindgrad runs on MindSpore with only the import changed:

>>> import mindgrad as ms
>>> from mindgrad import ops, Tensor
>>> print(ms.grad(lambda x: (x ** 3).sum())(Tensor([2.0])))
[12.]
"""
from . import dtype
from .autodiff import GradOperation, grad, value_and_grad, vjp
from .context import (GRAPH_MODE, PYNATIVE_MODE, export, get_context,
                      get_seed, jit, load, set_context, set_device, set_seed)
from .dtype import (bool_, dtype_to_nptype, float16, float32, float64, int8,
                    int16, int32, int64, uint8)
from .parameter import Parameter, ParameterTuple
from .tensor import Tensor, tensor
from . import graph, nn, ops  # noqa: E402  (after the names they use)
from .serialization import (load_checkpoint, load_param_into_net,
                            save_checkpoint)

__version__ = "0.1.0"

__all__ = [
    "Tensor", "tensor", "Parameter", "ParameterTuple", "grad",
    "value_and_grad", "vjp", "GradOperation", "ops", "nn", "dtype", "graph",
    "float16", "float32", "float64", "int8", "int16", "int32", "int64",
    "uint8", "bool_", "dtype_to_nptype", "set_seed", "get_seed",
    "set_context", "get_context", "set_device", "jit", "export", "load",
    "GRAPH_MODE", "PYNATIVE_MODE", "__version__",
    "save_checkpoint", "load_checkpoint", "load_param_into_net",
]
