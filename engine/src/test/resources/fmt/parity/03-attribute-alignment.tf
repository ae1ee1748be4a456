resource "alicloud_vpc" "main" {
  vpc_name = "main"
  cidr_block = "10.0.0.0/16"
  description = "the main VPC"
  enable_ipv6 = false

  tags = {
    Name = "main"
    Environment = "production"
  }
}
