# Pattern of d/resource_manager_resource_groups: a name regexp, output the first group's id (every account has
# its default group).
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_resource_manager_resource_groups" "named" {
  name_regex = "default"
}

output "first_resource_group_id" {
  value = data.alicloud_resource_manager_resource_groups.named.groups.0.id
}
