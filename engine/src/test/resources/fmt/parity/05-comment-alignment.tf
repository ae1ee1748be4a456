variable "region" {
  type = string # the region
  default = "cn-hangzhou" # Hangzhou
  description = "Where the VPCs live" // a C++ style comment
}

locals {
  a = 1 # one
  bbb = 22 # twenty-two
  cccccc = 333 /* three hundred */
}
