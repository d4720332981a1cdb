"""Loss functions as Cells: ``loss_fn(logits, labels)`` gives a Tensor.

>>> loss_fn = nn.BCEWithLogitsLoss()
>>> print(loss_fn(Tensor([0.0]), Tensor([1.0])))
0.6931472
"""
from ..primitives.functional import _check_reduction
from ..primitives.functional import binary_cross_entropy_with_logits
from .cell import Cell


class LossBase(Cell):
    """Base of the losses: holds ``reduction`` ('mean', 'sum', 'none')."""

    def __init__(self, reduction="mean"):
        super().__init__()
        _check_reduction(reduction, type(self).__name__)
        self.reduction = reduction


class BCEWithLogitsLoss(LossBase):
    """Binary cross-entropy on logits, as ``ops.binary_cross_entropy_with_
    logits`` (api.md 6.1), with the weights fixed at construction."""

    def __init__(self, reduction="mean", weight=None, pos_weight=None):
        super().__init__(reduction)
        self.weight, self.pos_weight = weight, pos_weight

    def construct(self, logits, labels):
        return binary_cross_entropy_with_logits(
            logits, labels, self.weight, self.pos_weight, self.reduction)
