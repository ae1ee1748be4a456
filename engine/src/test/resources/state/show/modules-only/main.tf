# no resources in the root: Terraform prints the modules' resources without blank lines between modules
module "a" {
  source = "./m"
}

module "b" {
  source = "./m"
}
