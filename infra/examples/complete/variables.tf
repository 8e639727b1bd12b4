variable "project_id" {
  description = "Google Cloud project to deploy to."
  type        = string
}

variable "region" {
  description = "Region to deploy to."
  type        = string
  default     = "us-central1"
}
