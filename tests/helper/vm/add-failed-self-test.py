#!/usr/bin/python3
"""Prints smartctl's JSON output (file argv[1]) with the self-test log an ATA
disk has after an extended self-test met a read failure at LBA argv[2]
(smartctl 7.3's keys, as in tests/helper/fixtures/ide-damaged-failing.json)."""
import json
import sys

with open(sys.argv[1]) as f:
    report = json.load(f)
report["ata_smart_self_test_log"] = {"standard": {"revision": 1, "count": 1, "table": [{
    "type": {"value": 2, "string": "Extended offline"},
    "status": {"value": 121, "string": "Completed: read failure", "passed": False},
    "lifetime_hours": 10, "lba": int(sys.argv[2])}]}}
json.dump(report, sys.stdout)
