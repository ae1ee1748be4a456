locals {
  very_long_line = "this is a very long string that goes well beyond eighty columns and fmt must not wrap it at all"
  long_expression = var.first_long_variable_name + var.second_long_variable_name + var.third_long_variable_name + var.fourth
  long_call = format("%s-%s-%s-%s", var.first_long_variable_name, var.second_long_variable_name, var.third_long_variable_name)
}
