terraform {}

provider "alicloud" {
}

resource "terraform_data" "empty" {}

resource "terraform_data" "spaced" {

}

locals {}
