# Pattern of d/express_connect_physical_connections: once by ids, once by a name regexp; output each first id.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_express_connect_physical_connections" "by_id" {
  ids = ["pc-bj0peerformdemo0001"]
}

data "alicloud_express_connect_physical_connections" "by_name" {
  name_regex = "^idc-"
}

output "line_by_id" {
  value = data.alicloud_express_connect_physical_connections.by_id.connections.0.id
}

output "line_by_name" {
  value = data.alicloud_express_connect_physical_connections.by_name.connections.0.id
}
