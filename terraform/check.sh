#!/usr/bin/env bash
# Offline checks of the Terraform code: formatting, validation, and `terraform test`
# with the AWS provider mocked (tests/*.tftest.hcl). No AWS account or backend needed.
# Uses a local provider mirror when there is one (TF_PLUGIN_DIR, default /opt/tf-plugins),
# else the registry.
set -euo pipefail
cd "$(dirname "$0")"

command -v terraform >/dev/null 2>&1 || {
  echo "terraform/check.sh: terraform >= 1.7 is required (https://developer.hashicorp.com/terraform/install)" >&2
  exit 1
}
export TF_IN_AUTOMATION=1
# No CLI configuration (or one that points at a missing file): use none, quietly.
if [ ! -e "${TF_CLI_CONFIG_FILE:-$HOME/.terraformrc}" ]; then
  export TF_CLI_CONFIG_FILE=/dev/null
fi
plugin_dir="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
init_args=(-backend=false -input=false -no-color)
if [ -d "$plugin_dir" ]; then
  init_args+=("-plugin-dir=$plugin_dir")
fi

# (not `| head -1`: with pipefail, terraform's SIGPIPE would fail the script)
version=$(terraform version -no-color)
echo "${version%%$'\n'*}"
terraform fmt -check -recursive -diff -no-color
terraform init "${init_args[@]}" >/dev/null
terraform validate -no-color
terraform test -no-color
for settings in environments/*.tfvars; do
  echo "settings: $settings"
  terraform test -no-color -test-directory=tests/environments -var-file="$settings"
done
