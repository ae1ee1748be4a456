region = "cn-hangzhou"
bandwidth="Middle.5"
accounts = {
  owner = "1234567890"
  peer = "0987654321"
}
cidrs = [
  "10.0.0.0/16",
  "10.1.0.0/16"
]
enable_ipv6 = false
