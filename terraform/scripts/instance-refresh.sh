#!/usr/bin/env bash
# Rolls the auto-scaling group onto the launch template Terraform just wrote, keeping half
# the capacity in service, and waits for the end. Terraform may already have started a
# refresh (the launch template changed): then this waits for that one.
set -euo pipefail
asg="$1"

status() {
  aws autoscaling describe-instance-refreshes --auto-scaling-group-name "$asg" --max-records 1 \
    --query 'InstanceRefreshes[0].Status' --output text
}

current=$(status || echo None)
if [ "$current" != "Pending" ] && [ "$current" != "InProgress" ]; then
  aws autoscaling start-instance-refresh --auto-scaling-group-name "$asg" \
    --preferences '{"MinHealthyPercentage":50,"InstanceWarmup":120,"AutoRollback":true}'
fi
for _ in $(seq 1 120); do
  current=$(status)
  echo "instance refresh: $current"
  case "$current" in
    Successful) exit 0 ;;
    Failed|Cancelled|RollbackSuccessful|RollbackFailed) exit 1 ;;
  esac
  sleep 15
done
echo "instance refresh did not finish within 30 minutes" >&2
exit 1
