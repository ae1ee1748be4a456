variable "region" {
  description = "The region to deploy into."
  type = string
  default = "cn-hangzhou"
}
variable "bandwidth" {
  description = "Router interface specification."
  type        = string
  default     = "Small.1"
  validation {
    condition = contains(["Small.1","Small.2","Middle.1"], var.bandwidth)
    error_message = "Must be a known specification."
  }
}
variable "password" {
  type = string
  sensitive = true
  nullable = false
}
variable "subnets" {
  type = list(object({
    name = string
    cidr = string
    zone = optional(string, "a")
  }))
  default = []
}
