from typing import Any

def f(a: Any):
    """Any.

    Args:
        a: a
    """
