"""Sample Python module of the starlingx-build demo tree."""
VERSION = "0.3.1"


def describe(name):
    return "%s built with stx_sample %s" % (name, VERSION)
