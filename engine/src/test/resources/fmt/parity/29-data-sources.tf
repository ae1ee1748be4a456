data "alicloud_zones" "default" {
  available_resource_creation= "VSwitch"
}
data "terraform_remote_state" "network" {
  backend = "local"
  config = {
    path = "../network/terraform.tfstate"
  }
}
