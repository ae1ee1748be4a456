moved {
  from = terraform_data.old
  to = terraform_data.new
}
import {
  to = alicloud_vpc.main
  id = "vpc-123"
}
removed {
  from = terraform_data.gone
  lifecycle {
    destroy = false
  }
}
check "health" {
  assert {
    condition = var.ok
    error_message = "not ok"
  }
}
