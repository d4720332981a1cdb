"""Loss functions as Cells: ``loss_fn(logits, labels)`` gives a Tensor.

Every loss takes ``reduction``: 'mean' (the default), 'sum' or 'none'
(one loss per element or sample). A custom loss subclasses ``LossBase``
and finishes with ``self.get_loss(x)``.

>>> loss_fn = nn.BCEWithLogitsLoss()
>>> print(loss_fn(Tensor([0.0]), Tensor([1.0])))
0.6931472
>>> print(nn.MSELoss()(Tensor([1.0, 2.0]), Tensor([0.0, 4.0])))
2.5
"""
from ..primitives.elementwise import _as_tensor, _mul
from ..primitives.functional import (_check_reduction, _reduce,
                                     binary_cross_entropy_with_logits,
                                     cross_entropy, l1_loss, mse_loss)
from ..tensor import Tensor
from .cell import Cell


class LossBase(Cell):
    """Base of the losses: holds ``reduction`` ('mean', 'sum', 'none').

    >>> class AbsLoss(nn.LossBase):
    ...     def construct(self, x, y):
    ...         return self.get_loss(ops.abs(x - y))
    >>> print(AbsLoss()(Tensor([1.0, 2.0]), Tensor([0.0, 0.0])))
    1.5
    """

    def __init__(self, reduction="mean"):
        super().__init__()
        _check_reduction(reduction, type(self).__name__)
        self.reduction = reduction

    def get_loss(self, x, weights=1.0):
        """``weights * x``, reduced by ``self.reduction``.

        Math: 'mean' gives Σ w·x / n over all n elements.
        """
        x = _as_tensor(x, f"{type(self).__name__}.get_loss")
        if not isinstance(weights, Tensor):
            weights = Tensor(weights, x.dtype)
        return _reduce(_mul(x, weights.astype(x.dtype)), self.reduction)


def _tensors(loss, logits, labels):
    """The nn losses take Tensors only (ops accept more)."""
    for argument, value in (("logits", logits), ("labels", labels)):
        if not isinstance(value, Tensor):
            raise TypeError(f"{type(loss).__name__}: {argument} must be a "
                            f"Tensor, got {type(value).__name__}; use "
                            f"Tensor({argument}, mindgrad.float32)")
    return logits, labels


class BCEWithLogitsLoss(LossBase):
    """Binary cross-entropy on logits, as ``ops.binary_cross_entropy_with_
    logits`` (api.md 6.1), with the weights fixed at construction."""

    def __init__(self, reduction="mean", weight=None, pos_weight=None):
        super().__init__(reduction)
        self.weight, self.pos_weight = weight, pos_weight

    def construct(self, logits, labels):
        _tensors(self, logits, labels)
        return binary_cross_entropy_with_logits(
            logits, labels, self.weight, self.pos_weight, self.reduction)


class MSELoss(LossBase):
    """Mean squared error: mean((x - y)²); the inputs broadcast."""

    def construct(self, logits, labels):
        _tensors(self, logits, labels)
        return mse_loss(logits, labels, self.reduction)


class L1Loss(LossBase):
    """Mean absolute error: mean(|x - y|); the inputs broadcast."""

    def construct(self, logits, labels):
        _tensors(self, logits, labels)
        return l1_loss(logits, labels, self.reduction)


def _checked_logits(logits, name):
    logits = _as_tensor(logits, name)
    if logits.dtype.name not in ("Float16", "Float32"):
        raise TypeError(f"{name}: logits must be float16 or float32, got "
                        f"{logits.dtype}; use logits.astype("
                        f"mindgrad.float32)")
    return logits


class CrossEntropyLoss(LossBase):
    """Softmax cross-entropy of logits (N, C) against class indices (N,)
    (Int32 only) or class probabilities (N, C).

    Math: ℓ = -w_y log softmax(x)_y; 'mean' divides by Σ w_y.

    >>> logits = Tensor([[2., 1., .1], [.5, 2.5, .3]])
    >>> print(nn.CrossEntropyLoss()(logits, Tensor([0, 1], ms.int32)))
    0.31853...
    """

    def __init__(self, weight=None, ignore_index=-100, reduction="mean",
                 label_smoothing=0.0):
        super().__init__(reduction)
        self.weight, self.ignore_index = weight, ignore_index
        self.label_smoothing = label_smoothing

    def construct(self, logits, labels):
        name = "CrossEntropyLoss"
        logits = _checked_logits(*_tensors(self, logits, labels)[:1], name)
        if labels.ndim == logits.ndim:           # probabilities
            if labels.dtype.name not in ("Float16", "Float32"):
                raise TypeError(
                    f"{name}: labels of the logits' rank {logits.ndim} are "
                    f"read as class probabilities and must be float, got "
                    f"{labels.dtype}; for class indices drop the class "
                    f"axis, e.g. labels of shape {logits.shape[:1]}")
        else:
            if labels.dtype.name != "Int32":
                raise TypeError(f"{name}: labels must be int32 class "
                                f"indices, got {labels.dtype}; use "
                                f"labels.astype(mindgrad.int32)")
            axis = 1 if logits.ndim > 1 else 0
            expected = logits.shape[:axis] + logits.shape[axis + 1:]
            if labels.shape != expected:
                raise ValueError(f"{name}: logits of shape {logits.shape} "
                                 f"need labels of shape {expected}, got "
                                 f"{labels.shape}")
        return cross_entropy(logits, labels, self.weight, self.ignore_index,
                             self.reduction, self.label_smoothing)


class SoftmaxCrossEntropyWithLogits(LossBase):
    """Softmax cross-entropy per sample; older code and MindSpore's
    docstrings use it. ``sparse=True`` takes class indices (int32 or
    int64), else one-hot or probability labels of the logits' dtype.
    The default reduction is 'none'."""

    def __init__(self, sparse=False, reduction="none"):
        super().__init__(reduction)
        self.sparse = sparse

    def construct(self, logits, labels):
        name = "SoftmaxCrossEntropyWithLogits"
        logits = _checked_logits(*_tensors(self, logits, labels)[:1], name)
        if self.sparse and labels.dtype.name not in ("Int32", "Int64"):
            raise TypeError(f"{name}: with sparse=True, labels must be "
                            f"int32 or int64 class indices, got "
                            f"{labels.dtype}")
        if not self.sparse and labels.dtype is not logits.dtype:
            raise TypeError(f"{name}: labels must be one-hot rows of the "
                            f"logits' dtype {logits.dtype}, got "
                            f"{labels.dtype}; for class indices pass "
                            f"sparse=True")
        return cross_entropy(logits, labels, reduction=self.reduction)
