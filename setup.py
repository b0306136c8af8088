"""Adds the top-level migrations/ and resources/ folders to the package as subpackages."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["qda_app", "qda_app.*"])
    + ["qda_app.migrations", "qda_app.migrations.versions", "qda_app.resources"]
    + [f"qda_app.resources.{p}" for p in find_packages(where="resources")],
)
