"""Prints one closing line for all unit and integration tests from Surefire/Failsafe reports."""

import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
seconds = []
for report in root.glob("**/target/*-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    for key in counts:
        counts[key] += int(suite.get(key, "0"))
    seconds.append((float(suite.get("time", "0") or 0), suite.get("name", report.stem)))
# Where CI's time goes: the slowest test classes, to keep the whole run under its budget.
seconds.sort(reverse=True)
print(f"test classes: {len(seconds)}, {sum(t for t, _ in seconds) / 60:.1f} min in all; slowest:")
for taken, name in seconds[:15]:
    print(f"  {taken:7.1f} s  {name.rsplit('.', 1)[-1]}")
failed = counts["failures"] + counts["errors"]
passed = counts["tests"] - failed - counts["skipped"]
print(f"tests: {passed} passed, {failed} failed, {counts['skipped']} skipped")
