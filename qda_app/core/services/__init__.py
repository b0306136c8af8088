"""Core services: every read and every change a user can make, without Qt.

Each service is an attribute of `Project` (`project.codings`, `project.segments` …). Changes
come in two forms: a command (`project.codings.add(...)`, one logged, undoable step) and an
`*_in(session, ...)` form that composes into a caller's `project.command(...)`.
"""
