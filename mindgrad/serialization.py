"""Checkpoints: save a network's Parameters to a file and load them back.

The functions, names and rules are MindSpore's; the file is not. mindgrad
writes an uncompressed NumPy ``.npz`` archive: the arrays under the keys
``p0``, ``p1``, ... and a ``__manifest__`` (UTF-8 JSON stored as uint8)
that names each entry and holds appended scalars and strings. MindSpore's
protobuf ``.ckpt`` files cannot be read, nor can mindgrad's by MindSpore.

>>> import os, tempfile
>>> class Line(nn.Cell):
...     def __init__(self):
...         super().__init__()
...         self.w = Parameter(Tensor([2.0, 3.0]))
...     def construct(self, x):
...         return self.w * x
>>> folder = tempfile.TemporaryDirectory()
>>> path = os.path.join(folder.name, "line")
>>> ms.save_checkpoint(Line(), path)             # writes line.ckpt
>>> saved = ms.load_checkpoint(path + ".ckpt")
>>> print(saved["w"].asnumpy())
[2. 3.]
>>> fresh = Line(); _ = fresh.w.set_data(Tensor([0.0, 0.0]))
>>> ms.load_param_into_net(fresh, saved), fresh.w.asnumpy()
(([], []), array([2., 3.], dtype=float32))
>>> folder.cleanup()

See lesson 13.
"""
import json
import os
import warnings
import zipfile

import numpy as np

from . import dtype as mstype
from ._atomic import atomic_write
from .cells.cell import Cell
from .parameter import Parameter
from .tensor import Tensor

FORMAT, VERSION, MANIFEST = "mindgrad-checkpoint", 1, "__manifest__"
# Everything np.load and the manifest checks raise on a foreign file.
_UNREADABLE = (OSError, EOFError, ValueError, KeyError, TypeError,
               AttributeError, IndexError, zipfile.BadZipFile)


def save_checkpoint(save_obj, ckpt_file_name, integrated_save=True,
                    async_save=False, append_dict=None, enc_key=None,
                    enc_mode="AES-GCM", choice_func=None, crc_check=False,
                    format="ckpt", **kwargs):
    """Save Parameters to ``ckpt_file_name`` (``.ckpt`` added if missing).

    Args:
        save_obj: a Cell (every Parameter, keyed by its name), a list of
            Parameters or of ``{"name": ..., "data": Tensor}`` dicts, or a
            dict such as ``load_checkpoint`` returns.
        append_dict: extra ``{name: int, float, bool, str or Tensor}``,
            such as the epoch number.
        choice_func: ``choice_func(name) -> bool`` keeps the chosen
            Parameters.

    Raises:
        TypeError: for another ``save_obj`` or a non-str file name.
        IsADirectoryError: when the file name is a directory.
        NotImplementedError: for ``enc_key`` or ``format='safetensors'``.
    """
    if enc_key is not None or format != "ckpt":
        error = ValueError if format not in ("ckpt", "safetensors") else \
            NotImplementedError
        raise error("save_checkpoint: mindgrad writes plain .ckpt files "
                    "only; drop enc_key and format")
    if not isinstance(save_obj, (Cell, list, dict)):
        raise TypeError(f"save_checkpoint: save_obj must be a Cell, a list "
                        f"or a dict, got {type(save_obj).__name__}; pass "
                        f"the network itself")
    if not isinstance(ckpt_file_name, str):
        raise TypeError(f"save_checkpoint: ckpt_file_name must be a str, got "
                        f"{type(ckpt_file_name).__name__}; use str(path)")
    path = os.path.realpath(ckpt_file_name)
    if os.path.isdir(path):
        raise IsADirectoryError(f"save_checkpoint: {ckpt_file_name!r} is a "
                                f"directory; give a file name such as "
                                f"'model.ckpt'")
    entries = _saved_values(save_obj, choice_func)
    entries.update(_appended_values(append_dict))
    _write_atomically(path if path.endswith("ckpt") else path + ".ckpt",
                      entries)


def _saved_values(save_obj, choice_func):
    """{name: Tensor or str} in save order, as MindSpore reads save_obj."""
    if isinstance(save_obj, Cell):
        pairs = [(p.name, p) for _, p in save_obj.parameters_and_names()]
    elif isinstance(save_obj, dict):
        pairs = [(key, Parameter(value, name=key) if isinstance(
            value, np.ndarray) else value) for key, value in save_obj.items()]
        for key, value in pairs:
            _check(isinstance(key, str) and isinstance(value, (
                Parameter, str)), "a dict maps str names to Parameters")
    elif save_obj and isinstance(save_obj[0], dict):
        for item in save_obj:
            _check(isinstance(item, dict) and isinstance(item.get(
                "name"), str) and isinstance(item.get("data"), Tensor),
                'a list holds {"name": str, "data": Tensor} dicts')
        pairs = [(item["name"], item["data"]) for item in save_obj]
    else:
        for item in save_obj:
            _check(isinstance(item, Parameter), "a list holds Parameters")
        pairs = [(param.name, param) for param in save_obj]
    return {name: value for name, value in pairs
            if choice_func is None or choice_func(name)}


def _appended_values(append_dict):
    if append_dict is None:
        return {}
    _check(isinstance(append_dict, dict), "append_dict is a dict")
    for key, value in append_dict.items():
        _check(isinstance(key, str) and isinstance(
            value, (int, float, str, Tensor)),
            "append_dict maps str names to int, float, bool, str or Tensor")
    return dict(append_dict)


def _check(condition, rule):
    if not condition:
        raise TypeError(f"save_checkpoint: {rule}; fix the value you pass")


def _write_atomically(path, values):
    """Write the .npz beside ``path`` under a temporary name, then rename
    it: a crash mid-write leaves the previous checkpoint intact."""
    arrays, entries = {}, []
    for name, value in values.items():
        if isinstance(value, str):
            entries.append({"name": name, "text": value})
        elif isinstance(value, Tensor):
            key = f"p{len(arrays)}"
            arrays[key] = value.asnumpy()
            entries.append({"name": name, "key": key, "shape": list(
                value.shape), "dtype": arrays[key].dtype.name})
        else:                   # dtype as MindSpore gives Tensor(value)
            entries.append({"name": name, "value": value, "dtype": Tensor(
                value).asnumpy().dtype.name})
    manifest = json.dumps({"format": FORMAT, "version": VERSION,
                           "entries": entries}).encode("utf-8")
    with atomic_write(path) as file:      # a file object: np.savez adds
        np.savez(file, **{MANIFEST: np.frombuffer(manifest, np.uint8)},
                 **arrays)                # no .npz suffix


def load_checkpoint(ckpt_file_name, net=None, strict_load=False,
                    filter_prefix=None, dec_key=None, dec_mode="AES-GCM",
                    specify_prefix=None, choice_func=None, crc_check=False,
                    remove_redundancy=False, format="ckpt"):
    """Read a checkpoint as ``{name: Parameter}`` (appended strings stay
    str), in save order; with ``net``, also load it into ``net``.

    Args:
        filter_prefix: drop names starting with it (a str, list or tuple).
        specify_prefix: keep only names starting with it.
        choice_func: ``choice_func(name) -> bool`` keeps the chosen names
            (used when neither prefix is given, as in MindSpore).

    Raises:
        TypeError: for a non-str file name or prefix.
        ValueError: for a name not ending in ``ckpt``, a missing file, a
            file that is not a mindgrad checkpoint, or nothing left after
            filtering.
    """
    specify, drop = _prefixes(specify_prefix), _prefixes(filter_prefix)
    if dec_key is not None:
        raise NotImplementedError("load_checkpoint: mindgrad checkpoints "
                                  "are not encrypted; drop dec_key")
    if not isinstance(ckpt_file_name, str):
        raise TypeError(f"load_checkpoint: ckpt_file_name must be a str, got "
                        f"{type(ckpt_file_name).__name__}; use str(path)")
    if not ckpt_file_name.endswith(format):
        raise ValueError(f"load_checkpoint: {ckpt_file_name!r} does not end "
                         f"in '.ckpt'; save_checkpoint added the suffix, so "
                         f"load {ckpt_file_name + '.ckpt'!r}")
    if not os.path.isfile(ckpt_file_name):
        raise ValueError(f"load_checkpoint: no checkpoint file "
                         f"{ckpt_file_name!r}; check the name and folder")
    chosen = choice_func if specify is drop is None else None
    loaded = {}
    for name, value in _read(ckpt_file_name):
        if (specify is None or name.startswith(specify)) and not (
                drop and name.startswith(drop)) and (
                chosen is None or chosen(name)):
            loaded[name] = value if isinstance(value, str) else Parameter(
                value, name=name)
    if not loaded:
        raise ValueError("load_checkpoint: nothing is left after "
                         "filter_prefix, specify_prefix or choice_func; "
                         "check them against the saved names")
    if net is not None:
        load_param_into_net(net, loaded, strict_load)
    return loaded


def _prefixes(prefix):
    if prefix is None:
        return None
    prefixes = (prefix,) if isinstance(prefix, str) else prefix
    if not isinstance(prefixes, (list, tuple)) or not all(
            isinstance(p, str) for p in prefixes):
        raise TypeError(f"load_checkpoint: a prefix must be a str, or a "
                        f"list or tuple of str, got {prefix!r}")
    if "" in prefixes or not prefixes:
        raise ValueError("load_checkpoint: a prefix cannot be '' or empty")
    return tuple(prefixes)


def _read(path):
    """[(name, array or str)] from a mindgrad checkpoint, checked first."""
    try:
        with open(path, "rb") as file:
            archive = np.load(file, allow_pickle=False)
            manifest = json.loads(archive[MANIFEST].tobytes().decode())
            if (manifest["format"], manifest["version"]) != (FORMAT,
                                                             VERSION):
                raise ValueError("another format or version")
            return [(entry["name"], _entry_value(entry, archive))
                    for entry in manifest["entries"]]
    except _UNREADABLE:
        raise ValueError(f"load_checkpoint: {path!r} is not a mindgrad "
                         f"checkpoint (or is corrupted); MindSpore's "
                         f"protobuf .ckpt files cannot be read, so save "
                         f"again with mindgrad.save_checkpoint") from None


def _entry_value(entry, archive):
    if not isinstance(entry["name"], str):
        raise TypeError("a name is not a str")
    if "text" in entry:
        return str(entry["text"])
    array = archive[entry["key"]] if "key" in entry else np.array(
        entry["value"], np.dtype(entry["dtype"]))      # appended scalars
    if [array.dtype.name, list(array.shape)] != [entry["dtype"],
                                                 entry.get("shape", [])]:
        raise ValueError("an array does not match its manifest entry")
    mstype.from_numpy(array.dtype)          # a dtype mindgrad has
    return array


def load_param_into_net(net, parameter_dict, strict_load=False,
                        remove_redundancy=False):
    """Copy values from ``parameter_dict`` into ``net``'s Parameters, by
    name; nothing is loaded if any value does not fit.

    Returns ``(param_not_load, ckpt_not_load)``: the net's Parameter names
    that got no value, and the dict's names that were not used.

    Raises:
        TypeError: for a non-Cell net, a non-dict, or non-Parameter values.
        RuntimeError: for a shape mismatch (both shapes named), or a dtype
            that cannot be converted (float vs int, or any with
            ``strict_load``).
    """
    if not isinstance(net, Cell) or not isinstance(parameter_dict, dict):
        raise TypeError(f"load_param_into_net: expected a Cell and a dict, "
                        f"got {type(net).__name__} and "
                        f"{type(parameter_dict).__name__}; pass "
                        f"(net, load_checkpoint(file))")
    for key, value in parameter_dict.items():
        if not isinstance(key, str) or not isinstance(value, (Parameter,
                                                              str)):
            raise TypeError(f"load_param_into_net: {key!r} maps to a "
                            f"{type(value).__name__}; values must be "
                            f"Parameters, e.g. Parameter(tensor, name)")
    if not isinstance(strict_load, bool) or remove_redundancy:
        raise TypeError("load_param_into_net: strict_load must be a bool "
                        "and remove_redundancy False (no parallel runs)")
    plan, missing = [], []
    for _, param in net.parameters_and_names():
        value = parameter_dict.get(param.name)
        if value is None:
            missing.append(param)
        elif not isinstance(value, str):
            plan.append((param, value))
    unused = [key for key in parameter_dict if key not in {
        param.name for param, _ in plan}]
    if not strict_load:
        plan += _matched_by_suffix(missing, parameter_dict)
    values = [(param, _fitted(param, value, strict_load))
              for param, value in plan]        # every check before a write
    for param, value in values:
        param.set_data(value)
    if missing:
        warnings.warn(f"load_param_into_net: {len(missing)} Parameters of "
                      f"the net are not in the dict and keep their values: "
                      f"{[param.name for param in missing]}", stacklevel=2)
    return [param.name for param in missing], unused


def _matched_by_suffix(missing, parameter_dict):
    """MindSpore 2.10's fallback: when a dict name ends with a missing
    Parameter's name (``backbone.fc.weight`` for ``fc.weight``), strip
    that prefix from the dict names and match again. Removes the matched
    Parameters from ``missing``; the dict names stay "not loaded"."""
    plan = []
    while True:
        prefix = next((key[:-len(param.name)] for param in missing
                       for key, value in parameter_dict.items()
                       if key.endswith(param.name) and
                       isinstance(value, Parameter)), None)
        if prefix is None:
            return plan
        for param in list(missing):
            value = parameter_dict.get(prefix + param.name)
            if isinstance(value, Parameter):
                plan.append((param, value))
                missing.remove(param)


def _fitted(param, value, strict_load):
    if value.shape != param.shape:
        raise RuntimeError(f"load_param_into_net: {param.name} has shape "
                           f"{param.shape} in the net but {value.shape} in "
                           f"the checkpoint; build the net with the shapes "
                           f"it was saved with")
    if value.dtype is not param.dtype:
        kinds = {value.dtype.kind, param.dtype.kind}
        if strict_load or kinds not in ({2}, {3}):
            raise RuntimeError(f"load_param_into_net: {param.name} is "
                               f"{param.dtype} in the net but {value.dtype} "
                               f"in the checkpoint; cast one to match")
        warnings.warn(f"load_param_into_net: {param.name} is converted from "
                      f"{value.dtype} to {param.dtype}", stacklevel=3)
    return Tensor(value)
