# Pattern of d/account: no arguments; the id is the caller's account.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_account" "current" {}

output "current_account_id" {
  value = data.alicloud_account.current.id
}
