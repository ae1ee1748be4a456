# Pattern of d/express_connect_virtual_border_routers: without arguments, by a name regexp, and with two filter
# blocks (physical connection, VBR ids); output each first id.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_express_connect_virtual_border_routers" "every" {}

data "alicloud_express_connect_virtual_border_routers" "by_name" {
  name_regex = "^seed"
}

data "alicloud_express_connect_virtual_border_routers" "filtered" {
  filter {
    key    = "PhysicalConnectionId"
    values = ["pc-bj0peerformdemo0001"]
  }
  filter {
    key    = "VbrId"
    values = data.alicloud_express_connect_virtual_border_routers.every.ids
  }
}

output "vbr_any" {
  value = data.alicloud_express_connect_virtual_border_routers.every.routers.0.id
}

output "vbr_by_name" {
  value = data.alicloud_express_connect_virtual_border_routers.by_name.routers.0.id
}

output "vbr_filtered" {
  value = data.alicloud_express_connect_virtual_border_routers.filtered.routers.0.id
}
