def f():
    """First line
    second line of the summary.

    More text.
    """
