#!/usr/bin/python3
"""Every dmremap_ metric the alerting rules, the Grafana dashboard and
docs/monitoring.md name is one the helper writes (helper/metrics.cpp), and
the docs list every metric the helper writes.
Usage: check-names.py <source dir>"""
import json
import re
import sys

src = sys.argv[1]
name = re.compile(r"\bdmremap_[a-z_]+[a-z]\b")


def read(path):
    with open(f"{src}/{path}", encoding="utf-8") as f:
        return f.read()


written = set(re.findall(r'"(dmremap_[a-z_]+)"', read("helper/metrics.cpp")))
failures = []
if len(written) < 20:
    failures.append(f"only {len(written)} metrics found in helper/metrics.cpp")
dashboard = json.loads(read("monitoring/grafana/dm-remap.json"))
exprs = " ".join(t["expr"] for p in dashboard["panels"] for t in p.get("targets", []))
exprs += " " + " ".join(v.get("definition", "") for v in dashboard["templating"]["list"])
sources = {
    "monitoring/prometheus/dm-remap.rules.yml": set(name.findall(read("monitoring/prometheus/dm-remap.rules.yml"))),
    "monitoring/grafana/dm-remap.json": set(name.findall(exprs)),
}
docs = set(name.findall(read("docs/monitoring.md")))
sources["docs/monitoring.md"] = docs
for where, names in sources.items():
    for unknown in sorted(names - written):
        failures.append(f"{where} names {unknown}, which the helper does not write")
for undocumented in sorted(written - docs):
    failures.append(f"docs/monitoring.md does not list {undocumented}")
for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(1)
print(f"ok: {len(written)} metrics; rules, dashboard and docs name only these")
