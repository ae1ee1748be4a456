module "vpc" {
  source = "./modules/vpc"
  version = "~> 1.0"
  count = var.create ? 1 : 0

  name = "main"
  cidr_block = var.cidr
  azs = ["cn-hangzhou-h","cn-hangzhou-i"]
  providers = {
    alicloud = alicloud.hz
  }
  depends_on = [module.network]
}
