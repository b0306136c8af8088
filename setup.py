"""Adds the top-level migrations/ and resources/ folders to the package as subpackages."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["qda_app", "qda_app.*"])
    + ["qda_app.migrations", "qda_app.migrations.versions", "qda_app.resources"]
    + ["qda_app.sample_projects", "qda_app.sample_projects.leverkusen"]
    + [f"qda_app.sample_projects.leverkusen.{data}" for data in ("codings", "protocols", "sources")]
    + [f"qda_app.resources.{p}" for p in find_packages(where="resources")],
)
