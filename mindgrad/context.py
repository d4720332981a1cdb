"""Seeds and MindSpore's context switches, which mindgrad accepts as shims.

``set_seed(s)`` makes runs repeatable: it seeds NumPy's global generator
(as MindSpore does) and the generator behind dropout masks.

>>> ms.set_seed(7); ms.get_seed()
7
"""
import os
import sys
import warnings

import numpy as np

GRAPH_MODE, PYNATIVE_MODE = 0, 1
_settings = {"mode": PYNATIVE_MODE, "device_target": "CPU"}
_KNOWN = {"mode", "device_target", "device_id", "max_call_depth",
          "save_graphs", "save_graphs_path", "pynative_synchronize",
          "deterministic", "jit_config", "max_device_memory"}
_seed = None
_generator = None          # made on first use: numpy.random is slow to load
_warned = set()
_HERE = os.path.dirname(os.path.abspath(__file__))    # the package


def set_seed(seed):
    """Seed NumPy's global RNG and mindgrad's own generator.

    >>> ms.set_seed(0); a = np.random.rand()
    >>> ms.set_seed(0); a == np.random.rand()
    True
    """
    global _seed, _generator
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"set_seed: seed must be an int, got {seed!r}")
    if not 0 <= seed < 2**32:
        raise ValueError(f"set_seed: seed must lie in [0, 2**32), got "
                         f"{seed}")
    _seed = seed
    np.random.seed(seed)
    _generator = np.random.default_rng(seed)


def get_seed():
    """The seed last given to ``set_seed`` (None before any)."""
    return _seed


def generator():
    """The NumPy Generator behind dropout masks (seeded by ``set_seed``)."""
    global _generator
    if _generator is None:
        _generator = np.random.default_rng()
    return _generator


def warn_once(key, message):
    """Warn once per process, pointing at the learner's line: the first
    frame outside mindgrad."""
    if key in _warned:
        return
    _warned.add(key)
    frame, level = sys._getframe(1), 2    # level 2: who called us
    while frame is not None and frame.f_code.co_filename.startswith(_HERE):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, UserWarning, stacklevel=level)


def set_context(**kwargs):
    """Accept MindSpore's context settings; mindgrad always runs eagerly on
    the CPU, so graph mode and other devices only warn once."""
    unknown = sorted(set(kwargs) - _KNOWN)
    if unknown:
        raise ValueError(f"set_context: unknown setting {unknown[0]!r}; "
                         f"known: {', '.join(sorted(_KNOWN))}")
    if kwargs.get("mode", PYNATIVE_MODE) != PYNATIVE_MODE:
        warn_once("graph mode", "mindgrad runs eagerly; accepted as a "
                  "no-op (set_context(mode=GRAPH_MODE))")
    if kwargs.get("device_target", "CPU") != "CPU":
        warn_once("device", f"mindgrad runs on the CPU; device_target="
                  f"{kwargs['device_target']!r} accepted as a no-op")
    _settings.update(kwargs)


def get_context(key):
    """The value stored by ``set_context`` (mode defaults to PYNATIVE)."""
    if key not in _KNOWN:
        raise ValueError(f"get_context: unknown setting {key!r}")
    return _settings.get(key)


def set_device(device_target, device_id=None):
    set_context(device_target=device_target)


def jit(function=None, **options):
    """MindSpore compiles a ``@jit`` function to a graph; mindgrad runs it
    eagerly and returns it unchanged (warning once)."""
    warn_once("jit", "mindgrad runs eagerly; accepted as a no-op (@jit)")
    return function if function is not None else (lambda f: f)


def export(net, *inputs, file_name=None, file_format="MINDIR", **kwargs):
    """MindSpore writes the net as a MindIR graph; mindgrad has no graph
    format, so this says what to do instead."""
    raise NotImplementedError(
        "export: mindgrad runs eagerly and has no MindIR format; save the "
        "weights with mindgrad.save_checkpoint(net, 'model.ckpt') and "
        "rebuild the net in code")


def load(file_name, **kwargs):
    """MindSpore loads a MindIR graph; see ``export``."""
    raise NotImplementedError(
        "load: mindgrad has no MindIR format; rebuild the net in code and "
        "use mindgrad.load_checkpoint and load_param_into_net")
