# A chain through resources, a depends_on, and a module fed from the chain: Terraform records each instance's
# dependencies transitively, sorted.
resource "terraform_data" "a" {
  input = "a"
}

resource "terraform_data" "b" {
  input = terraform_data.a.output
}

resource "terraform_data" "c" {
  input = terraform_data.b.output
}

resource "terraform_data" "d" {
  depends_on = [terraform_data.c]
}

module "m" {
  source   = "./m"
  for_each = toset(["x", "y"])
  x        = terraform_data.b.output
}

resource "terraform_data" "after_module" {
  input = module.m["x"].out
}
