#!/usr/bin/env bash
# A policy over Terraform-format plan JSON (peerform show -json PLANFILE): deny plans that delete a router interface
# connection (a "delete" among its change actions: destroy or replace). Needs jq.
# Usage: peerform show -json p.plan > plan.json && deny-connection-deletes.sh plan.json
set -euo pipefail
denied=$(jq -r '.resource_changes[]
  | select(.type == "alicloud_router_interface_connection")
  | select(.change.actions | index("delete"))
  | .address' "$1")
if [ -n "$denied" ]; then
  echo "DENY: this plan deletes Express Connect connections:"
  printf '  %s\n' $denied
  exit 1
fi
echo "PASS: no connection is deleted."
