# The zone lookup the resource docs use everywhere: zones where a vswitch can be created; the first one.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_zones" "for_vswitches" {
  available_resource_creation = "VSwitch"
}

output "first_zone" {
  value = data.alicloud_zones.for_vswitches.zones.0.id
}
