from typing import Union

def f(a: Optional[Union[int, str]]):
    """Optional union.

    Args:
        a: a
    """
