"""The one way a lesson's picture gets sliders.

A slider cell's output is drawn by the browser, so nbval cannot compare
it; the lessons therefore show every picture twice: a checked static
figure from the builder, and this interactive twin of the same builder
in a cell marked NBVAL_IGNORE_OUTPUT.
"""


def explore(builder, controls, **fixed):
    """Redraw ``builder(**fixed, **values)`` whenever a control moves.

    ``controls`` maps builder keyword names to ipywidgets controls
    (sliders, toggles). Returns the displayed widget box.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    def draw(**values):
        builder(**fixed, **values)
        plt.show()

    output = widgets.interactive_output(draw, controls)
    box = widgets.VBox([widgets.HBox(list(controls.values())), output])
    display(box)
    return box


def slider(value, low, high, step, description):
    """A float slider that redraws when released (keeps redraws cheap)."""
    import ipywidgets as widgets

    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=description,
                               continuous_update=False)
