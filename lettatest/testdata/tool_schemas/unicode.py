def f(a: str):
    """Grüße, 世界.

    Args:
        a: Straße
    """
