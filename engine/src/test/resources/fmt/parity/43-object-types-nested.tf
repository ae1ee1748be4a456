variable "peers" {
  type = map(object({
    region = string
    bandwidth = optional(string, "Small.1")
    routes = list(object({
      cidr = string
      description = optional(string)
    }))
  }))
}
