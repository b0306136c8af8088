"""Coders menu: intercoder agreement, the consensus step, and copying a coder's pass."""
