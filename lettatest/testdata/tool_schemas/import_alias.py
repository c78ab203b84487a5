from typing import List as L

def f(a: L[str]):
    """Alias.

    Args:
        a: a
    """
