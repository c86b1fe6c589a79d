#!/bin/sh
# The alerting rules load in Prometheus' own checker, and promtool's unit
# tests (series that must fire and look-alikes that must not) pass.
# Usage: check-rules.sh <rules.test.yml> <rules file>
set -eu
command -v promtool > /dev/null || { echo "promtool is not installed (package prometheus, scripts/packages/helper.txt)" >&2; exit 1; }
promtool check rules "$2"
cd "$(dirname "$1")"
promtool test rules "$(basename "$1")"
