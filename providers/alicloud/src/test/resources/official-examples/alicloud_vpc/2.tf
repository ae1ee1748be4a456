# Pattern of examples/vpc: a VPC and one vswitch per entry of a map variable, made with count and an explicit
# depends_on on the VPC (redundant with the reference, as users often write it).
provider "alicloud" {
  region = "cn-beijing"
}

variable "subnets" {
  type = map(string)
  default = {
    az0 = "10.8.1.0/24"
    az1 = "10.8.2.0/24"
  }
}

variable "zone" {
  default = "cn-beijing-h"
}

resource "alicloud_vpc" "main" {
  vpc_name   = "counted-subnets"
  cidr_block = "10.8.0.0/21"
}

resource "alicloud_vswitch" "main" {
  count      = length(var.subnets)
  vpc_id     = alicloud_vpc.main.id
  cidr_block = var.subnets["az${count.index}"]
  zone_id    = var.zone
  depends_on = [alicloud_vpc.main]
}

output "vswitch_ids" {
  value = join(",", alicloud_vswitch.main.*.id)
}
