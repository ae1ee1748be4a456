# Pattern of d/vpcs: filter by CIDR, status and a name regexp, and output the first match. The VPC is made here
# so that the filters (known only after apply) find something; the docs read an existing one.
provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_vpc" "target" {
  vpc_name   = "found-by-filters"
  cidr_block = "172.16.0.0/12"
}

data "alicloud_vpcs" "found" {
  cidr_block = alicloud_vpc.target.cidr_block
  status     = "Available"
  name_regex = "^${alicloud_vpc.target.vpc_name}$"
}

output "first_vpc_id" {
  value = data.alicloud_vpcs.found.vpcs.0.id
}
