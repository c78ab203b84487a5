from typing import Union

def f(a: Union[int, None], b: Union[str]):
    """Degenerate unions.

    Args:
        a: the a
        b: the b
    """
