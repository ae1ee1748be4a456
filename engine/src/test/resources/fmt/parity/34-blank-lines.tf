


resource "terraform_data" "a" {


  input = "x"



  output = "y"


}




resource "terraform_data" "b" {}



