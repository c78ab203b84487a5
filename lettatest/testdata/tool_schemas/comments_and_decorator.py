# a comment
import functools


@functools.lru_cache
def f(a: int):
    """Decorated.

    Args:
        a: a
    """
