variable "project_id" {
  description = "Google Cloud project to deploy to."
  type        = string
}

variable "region" {
  description = "Region to deploy to."
  type        = string
  default     = "us-central1"
}

variable "graph_user_id" {
  description = "Numeric id of the Instagram business account whose Graph API token is in Secret Manager."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+$", var.graph_user_id))
    error_message = "graph_user_id must be numeric."
  }
}
