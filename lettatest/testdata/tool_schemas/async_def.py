async def f(a: int):
    """Async.

    Args:
        a: a
    """
