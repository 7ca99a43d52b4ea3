"""Plain-Python domain: ids, clocks, enums, state machines and the error tree. No I/O, no Qt."""
