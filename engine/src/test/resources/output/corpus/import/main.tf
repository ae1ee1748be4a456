resource "terraform_data" "m" {
  for_each = toset(["x", "y"])
}

import {
  for_each = toset(["x", "y"])
  to       = terraform_data.m[each.key]
  id       = "id-${each.key}"
}
