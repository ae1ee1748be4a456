resource "alicloud_router_interface" "initiator" {
  opposite_region = var.region
  router_type = "VRouter"
  router_id = alicloud_vpc.a.router_id
  role = "InitiatingSide"
  specification = var.bandwidth

  lifecycle {
    prevent_destroy = true
    ignore_changes = [
      description,
      name,
    ]
    replace_triggered_by = [terraform_data.rev.id]
    postcondition {
      condition = self.status == "Active"
      error_message = "The interface is not active."
    }
  }
}
