from typing import *

def f(a: Literal["x"], b: Optional[int] = None):
    """Star import.

    Args:
        a: the a
        b: the b
    """
