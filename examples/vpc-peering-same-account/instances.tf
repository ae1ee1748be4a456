# The guide's last steps: a vswitch, a security group and an instance on each side. The VPCs are in different
# regions, so each group authorizes the peer VPC's CIDR block (a group authorization works only within a region).
# `peerform reach alicloud_instance.qingdao alicloud_instance.beijing` then proves that a ping passes both ways.

resource "alicloud_vswitch" "qingdao" {
  provider   = alicloud.qingdao
  vpc_id     = alicloud_vpc.qingdao.id
  cidr_block = "172.16.1.0/24"
  zone_id    = "cn-qingdao-a"
}

resource "alicloud_vswitch" "beijing" {
  provider   = alicloud.beijing
  vpc_id     = alicloud_vpc.beijing.id
  cidr_block = "192.168.1.0/24"
  zone_id    = "cn-beijing-a"
}

resource "alicloud_security_group" "qingdao" {
  provider = alicloud.qingdao
  vpc_id   = alicloud_vpc.qingdao.id
}

resource "alicloud_security_group" "beijing" {
  provider = alicloud.beijing
  vpc_id   = alicloud_vpc.beijing.id
}

resource "alicloud_security_group_rule" "qingdao_from_beijing" {
  provider          = alicloud.qingdao
  type              = "ingress"
  ip_protocol       = "icmp"
  port_range        = "-1/-1"
  cidr_ip           = alicloud_vpc.beijing.cidr_block
  security_group_id = alicloud_security_group.qingdao.id
}

resource "alicloud_security_group_rule" "beijing_from_qingdao" {
  provider          = alicloud.beijing
  type              = "ingress"
  ip_protocol       = "icmp"
  port_range        = "-1/-1"
  cidr_ip           = alicloud_vpc.qingdao.cidr_block
  security_group_id = alicloud_security_group.beijing.id
}

resource "alicloud_instance" "qingdao" {
  provider        = alicloud.qingdao
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.qingdao.id
  security_groups = [alicloud_security_group.qingdao.id]
}

resource "alicloud_instance" "beijing" {
  provider        = alicloud.beijing
  image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
  instance_type   = "ecs.g7.large"
  vswitch_id      = alicloud_vswitch.beijing.id
  security_groups = [alicloud_security_group.beijing.id]
}
