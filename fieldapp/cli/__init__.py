"""The command lines, the entry-point layer (may import any layer below it).

`device` is `fieldapp` (and `python -m fieldapp`, the bundle), `sync` adds its sync
commands, `hq` is `fieldapp-hq`. This file imports nothing, so `fieldapp-hq` loads none of
the device's code.
"""
