"""Prints one closing line for all unit and integration tests from Surefire/Failsafe reports."""

import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for report in root.glob("**/target/*-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    for key in counts:
        counts[key] += int(suite.get(key, "0"))
failed = counts["failures"] + counts["errors"]
passed = counts["tests"] - failed - counts["skipped"]
print(f"tests: {passed} passed, {failed} failed, {counts['skipped']} skipped")
