# Pattern of d/regions: the current region only.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_regions" "current" {
  current = true
}

output "current_region_id" {
  value = data.alicloud_regions.current.regions.0.id
}
