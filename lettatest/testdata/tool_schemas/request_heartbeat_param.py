def f(a: int, request_heartbeat: bool):
    """Own heartbeat.

    Args:
        a: a
        request_heartbeat: hb
    """
