terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0.0, < 8.0.0"
    }
  }

  # State lives in a bucket created once by hand; pass it at init:
  # terraform init -backend-config=bucket=PROJECT_ID-instatag-tfstate
  backend "gcs" {
    prefix = "instatag"
  }
}
