"""Sub-commands of `qda`, grouped by what they work on."""
