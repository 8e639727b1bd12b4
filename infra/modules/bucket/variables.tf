variable "project_id" {
  description = "Project the bucket lives in."
  type        = string
}

variable "name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be 3-63 lowercase letters, digits, hyphens or underscores."
  }
}

variable "location" {
  description = "Region or multi-region of the bucket."
  type        = string
}

variable "retention" {
  description = "How many older versions of an object are kept, and for how many days at most."
  type = object({
    noncurrent_versions = number
    noncurrent_days     = number
  })

  validation {
    condition     = var.retention.noncurrent_versions >= 1 && var.retention.noncurrent_days >= 1
    error_message = "retention must keep at least one older version for at least one day."
  }
}

variable "log_bucket" {
  description = "Bucket that receives this bucket's access logs."
  type        = string
}

variable "labels" {
  description = "Labels put on the bucket."
  type        = map(string)
}
