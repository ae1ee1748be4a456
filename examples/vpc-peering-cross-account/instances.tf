# The guide's last steps: a vswitch, a security group and an instance on each side. The VPCs are in different
# regions, so each group authorizes the peer VPC's CIDR block (a group authorization works only within a region).
# `peerform reach alicloud_instance.a alicloud_instance.b` then proves that a ping passes both ways.

resource "alicloud_vswitch" "a" {
  provider   = alicloud.a
  vpc_id     = alicloud_vpc.a.id
  cidr_block = "10.10.1.0/24"
  zone_id    = "cn-hangzhou-a"
}

resource "alicloud_vswitch" "b" {
  provider   = alicloud.b
  vpc_id     = alicloud_vpc.b.id
  cidr_block = "10.20.1.0/24"
  zone_id    = "cn-beijing-a"
}

resource "alicloud_security_group" "a" {
  provider = alicloud.a
  vpc_id   = alicloud_vpc.a.id
}

resource "alicloud_security_group" "b" {
  provider = alicloud.b
  vpc_id   = alicloud_vpc.b.id
}

resource "alicloud_security_group_rule" "a_from_b" {
  provider          = alicloud.a
  type              = "ingress"
  ip_protocol       = "icmp"
  port_range        = "-1/-1"
  cidr_ip           = alicloud_vpc.b.cidr_block
  security_group_id = alicloud_security_group.a.id
}

resource "alicloud_security_group_rule" "b_from_a" {
  provider          = alicloud.b
  type              = "ingress"
  ip_protocol       = "icmp"
  port_range        = "-1/-1"
  cidr_ip           = alicloud_vpc.a.cidr_block
  security_group_id = alicloud_security_group.b.id
}

resource "alicloud_instance" "a" {
  provider        = alicloud.a
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.a.id
  security_groups = [alicloud_security_group.a.id]
}

resource "alicloud_instance" "b" {
  provider        = alicloud.b
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.b.id
  security_groups = [alicloud_security_group.b.id]
}
