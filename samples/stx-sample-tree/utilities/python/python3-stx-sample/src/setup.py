from setuptools import setup

setup(name="stx_sample", version="0.3.1", py_modules=["stx_sample"])
