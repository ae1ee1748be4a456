locals {
  merged = merge(
  var.defaults,
      {
  name = "x"
        tags = var.tags
      },
  )
  cidrs = cidrsubnets(var.cidr,
    4, 4,
      8)
}
