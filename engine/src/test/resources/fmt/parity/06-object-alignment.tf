locals {
  vpcs = {
    main = { cidr = "10.0.0.0/16", region = "cn-hangzhou" }
    backup = {
      cidr = "10.1.0.0/16"
      region = "cn-beijing"
      enable_nat_gateway = true
    }
    "quoted key" = 1
    (var.dynamic_key) = 2
  }
  colon = {
    a: 1,
    bbbb: 2
  }
}
