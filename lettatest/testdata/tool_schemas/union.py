from typing import Union

def f(a: Union[int, str]):
    """Union.

    Args:
        a: a
    """
