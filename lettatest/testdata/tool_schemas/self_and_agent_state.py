def f(self, agent_state: 'AgentState', a: int):
    """Self and agent_state are skipped.

    Args:
        a: a
    """
