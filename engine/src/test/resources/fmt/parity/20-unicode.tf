locals {
  greeting = "你好，世界"
  café = "unicode identifier"
  emoji = "😀 ok"
  mixed = {
    ascii = 1
    日本語 = 2
    é = 3
  }
}
