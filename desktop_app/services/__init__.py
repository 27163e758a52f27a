"""Use cases, synchronous and Qt-free: what the GUI and the command line both call."""
