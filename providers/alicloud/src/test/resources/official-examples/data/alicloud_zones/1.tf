# Pattern of d/zones: zones that offer an instance type and a disk category.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_zones" "for_instances" {
  available_instance_type = "ecs.g6.large"
  available_disk_category = "cloud_ssd"
}
