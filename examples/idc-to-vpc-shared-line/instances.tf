# The guide's last steps: a vswitch, a security group and an instance in the VPC, the group admitting the data
# centre's ranges (CIDR authorization: the traffic comes over the leased line, not from a security group).
# `peerform reach alicloud_express_connect_virtual_border_router.idc alicloud_instance.app` then proves that a
# ping from the data centre passes both ways.

resource "alicloud_vswitch" "app" {
  provider   = alicloud.vpc
  vpc_id     = alicloud_vpc.app.id
  cidr_block = "10.30.1.0/24"
  zone_id    = "cn-hangzhou-a"
}

resource "alicloud_security_group" "app" {
  provider = alicloud.vpc
  vpc_id   = alicloud_vpc.app.id
}

resource "alicloud_security_group_rule" "app_from_idc" {
  for_each          = toset(local.idc_cidrs)
  provider          = alicloud.vpc
  type              = "ingress"
  ip_protocol       = "icmp"
  port_range        = "-1/-1"
  cidr_ip           = each.value
  security_group_id = alicloud_security_group.app.id
}

resource "alicloud_instance" "app" {
  provider        = alicloud.vpc
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.app.id
  security_groups = [alicloud_security_group.app.id]
}
