"""Performance benchmarks of qda_app's core on a large synthetic project.

`python -m benchmarks.generate` builds the project, `python -m benchmarks.run` times the core
operations against their targets; see benchmarks/README.md.
"""
