variable "name" {
  type = "string"
}

variable "names" {
  type = "list"
  default = []
}

variable "tags" {
  type = "map"
}

variable "modern" {
  type = list(string)
}

variable "bad_quoted" {
  type = "list(string)"
}
