variable "secret" {
  description = "a password"
  type        = string
  default     = "s3cr3t"
  sensitive   = true
}

variable "names" {
  description = "the peers"
  type        = set(string)
  default     = ["x", "y"]
}

resource "terraform_data" "a" {
  input = { name = "a", tags = ["t1", "t2"] }
}

resource "terraform_data" "b" {
  count      = 2
  input      = "${terraform_data.a.id}-${count.index}"
  depends_on = [terraform_data.a]
}

module "peer" {
  source   = "./peer"
  for_each = var.names
  name     = each.key
  after    = terraform_data.a.id
}

module "once" {
  source = "./peer"
  count  = 1
  name   = "once"
  after  = "z"
}

resource "terraform_data" "s" {
  input = var.secret
}

output "ids" {
  value = terraform_data.b[*].id
}

output "doc" {
  value = jsonencode({ a = 1, b = ["x"] })
}

output "tags" {
  value = terraform_data.a.output.tags
}

output "m" {
  value = { k = "v", n = 2 }
}

output "sec" {
  value     = terraform_data.s.output
  sensitive = true
}
