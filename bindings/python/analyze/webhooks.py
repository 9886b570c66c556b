"""Python API of the webhooks group."""
__all__: list = []
