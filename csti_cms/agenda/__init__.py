"""The agenda: events with recurrence and exceptions, agenda pages, ICS, JSON and JSON-LD out.

Part of the core distribution; the federation plugin builds on its public models
(``EventPage``, ``Occurrence``) and its outputs.
"""
