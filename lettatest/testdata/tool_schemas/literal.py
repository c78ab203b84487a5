from typing import Literal

def f(a: Literal['x', "y"]):
    """Literal.

    Args:
        a: a
    """
