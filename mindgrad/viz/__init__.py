"""Pictures for the lessons: pure figure builders and their slider twins.

Every ``*_figure`` function draws with matplotlib and returns the
Figure, so a lesson shows it with ``plt.show()`` and a test can build it
headless (Agg) and close it. Every ``explore_*`` function only wraps a
builder in ipywidgets sliders (see ``_widgets.explore``).

mindgrad-only: MindSpore has no equivalent, so lessons name these cells
as the ones to drop when moving code to MindSpore.

``import mindgrad`` does not load this package, and loading it does not
load matplotlib or ipywidgets until a picture is asked for: each name
below is imported from its module on first use.
"""
import importlib

# name -> module in this package (one module per kind of picture)
_WHERE = {
    # lesson 00
    "broadcasting_figure": "arrays",
    # lessons 01-02
    "tangent_line_figure": "calculus",
    "explore_tangent_line": "calculus",
    "partials_figure": "calculus",
    "explore_partials": "calculus",
    # lesson 03
    "gradient_field_figure": "fields",
    "explore_gradient_field": "fields",
    "directional_derivative_figure": "fields",
    "explore_directional_derivative": "fields",
    "tangent_plane_figure": "fields",
    "explore_tangent_plane": "fields",
    # lesson 04
    "loss_landscape_figure": "descent",
    "explore_gradient_descent": "descent",
    # lessons 05-06, 09
    "draw_graph": "graphs",
    "graph_table": "graphs",
    "mode_cost_figure": "graphs",
    # lessons 07-09
    "derivatives_figure": "derivatives",
    "step_size_figure": "derivatives",
    # lesson 10
    "network_figure": "networks",
    # lessons 12-13
    "digits_figure": "digits",
    "curves_figure": "digits",
    "bars_figure": "digits",
}

__all__ = sorted(_WHERE)


def __getattr__(name):
    if name not in _WHERE:
        raise AttributeError(f"module 'mindgrad.viz' has no attribute "
                             f"{name!r}")
    module = importlib.import_module(f"{__name__}.{_WHERE[name]}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
