#!/usr/bin/env bash
# Makes sure the system programs the test suite needs are present: Debian's Chromium (for the
# end-to-end tier), PostgreSQL (for the medium tier on a real server), HAProxy (the load balancer
# in front of three instances), xmllint (validates payout files against the ISO 20022 schema) and
# pdftotext (reads generated PDFs back). Installs them from
# Debian's packages when running as root; otherwise fails and names what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The test suite needs these Debian packages, which are not installed: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing from Debian's packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
