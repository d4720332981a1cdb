"""Containers: SequentialCell chains cells; CellList only holds them.

>>> net = nn.SequentialCell(nn.Dense(2, 3), nn.ReLU())
>>> [p.name for p in net.trainable_params()]
['0.weight', '0.bias']
>>> len(net), net[1]
(2, ReLU())
"""
from collections import OrderedDict

from .cell import Cell


def _check_cell(cell, owner):
    if not isinstance(cell, Cell):
        raise TypeError(f"{owner}: every item must be a Cell, got "
                        f"{type(cell).__name__}; wrap functions in a Cell")
    return cell


class _Indexed(Cell):
    """Shared indexing over the registered children."""

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells.values())

    def __getitem__(self, index):
        keys = list(self._cells)
        if isinstance(index, slice):
            return type(self)(OrderedDict(
                (key, self._cells[key]) for key in keys[index]))
        if not -len(keys) <= index < len(keys):
            raise IndexError(f"{type(self).__name__}: index {index} is out "
                             f"of range for {len(keys)} cells")
        return self._cells[keys[index]]

    def append(self, cell):
        """Add ``cell`` at the end, keyed by its position."""
        setattr(self, str(len(self)), _check_cell(cell, type(self).__name__))
        return self


class SequentialCell(_Indexed):
    """Run cells one after another: ``SequentialCell(a, b)(x)`` is
    ``b(a(x))``. Takes cells, a list, or an OrderedDict whose keys
    become the children's names."""

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            items = args[0].items()
        else:
            cells = args[0] if len(args) == 1 and isinstance(
                args[0], list) else args
            items = ((str(i), cell) for i, cell in enumerate(cells))
        for key, cell in items:
            setattr(self, key, _check_cell(cell, "SequentialCell"))

    def construct(self, x):
        for cell in self._cells.values():
            x = cell(x)
        return x


class CellList(_Indexed):
    """A list of cells, registered so their Parameters are found; it has
    no ``construct``: loop over it in your own."""

    def __init__(self, args=None):
        super().__init__()
        if isinstance(args, OrderedDict):
            args = list(args.values())
        for cell in args or ():
            self.append(cell)

    def construct(self, *inputs):
        raise NotImplementedError("CellList cannot be called; loop over it "
                                  "in your Cell's construct instead")
