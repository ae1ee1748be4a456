# The guide's last steps, in every VPC: a vswitch, a security group admitting the data centre's range
# (172.16.0.0/12, the range the VPCs route to the VBR) and an instance.
# `peerform reach 'alicloud_express_connect_virtual_border_router.line:172.16.0.10' 'alicloud_instance.each["web"]'`
# then proves that a ping from the data centre passes both ways.

resource "alicloud_vswitch" "each" {
  for_each   = var.vpcs
  vpc_id     = alicloud_vpc.each[each.key].id
  cidr_block = cidrsubnet(each.value, 8, 1)
  zone_id    = "cn-beijing-a"
}

resource "alicloud_security_group" "each" {
  for_each = var.vpcs
  vpc_id   = alicloud_vpc.each[each.key].id
}

resource "alicloud_security_group_rule" "from_idc" {
  for_each          = var.vpcs
  type              = "ingress"
  ip_protocol       = "icmp"
  port_range        = "-1/-1"
  cidr_ip           = "172.16.0.0/12"
  security_group_id = alicloud_security_group.each[each.key].id
}

resource "alicloud_instance" "each" {
  for_each        = var.vpcs
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.each[each.key].id
  security_groups = [alicloud_security_group.each[each.key].id]
}

# Replies to the data centre leave each VPC toward the VBR, and the VBR needs a route onward to the leased line:
# without it the ping goes out and never comes back (`reach` names this route as the fix).
resource "alicloud_route_entry" "vbr_to_idc" {
  route_table_id        = alicloud_express_connect_virtual_border_router.line.route_table_id
  destination_cidrblock = "172.16.0.0/12"
  nexthop_type          = "PhysicalConnection"
  nexthop_id            = alicloud_express_connect_virtual_border_router.line.physical_connection_id
}
