terraform {
  required_version = ">= 1.5"
  required_providers {
    alicloud = {
      source = "aliyun/alicloud"
      version = "~> 1.200"
    }
    random = { source = "hashicorp/random", version = ">= 3.0" }
  }
  backend "local" {
    path = "terraform.tfstate"
  }
}

provider "alicloud" {
  region = var.region
  alias = "hz"
  assume_role {
    role_arn = var.role_arn
  }
}
