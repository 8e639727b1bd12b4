variable "project_id" {
  description = "Project the function, its service account and its source object live in."
  type        = string
}

variable "region" {
  description = "Region the function runs in."
  type        = string
}

variable "name" {
  description = "Name of the function, also the account id of its service account."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.name))
    error_message = "name must be 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "description" {
  description = "What the function does, shown in the console."
  type        = string
}

variable "entry_point" {
  description = "Python function in the bundle's main.py that serves requests or events."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]*$", var.entry_point))
    error_message = "entry_point must be a Python identifier."
  }
}

variable "runtime" {
  description = "Cloud Functions runtime, e.g. python311."
  type        = string

  validation {
    condition     = can(regex("^python3[0-9]+$", var.runtime))
    error_message = "runtime must be a Python runtime such as python311."
  }
}

variable "archive" {
  description = "Path of the function's source archive built by `make bundle`."
  type        = string
}

variable "source_bucket" {
  description = "Bucket the source archive is uploaded to before the build."
  type        = string
}

variable "build_service_account" {
  description = "Id (projects/.../serviceAccounts/...) of the account Cloud Build builds the function as."
  type        = string
}

variable "sizing" {
  description = "Memory, CPU, instance bounds, timeout and per-instance concurrency."
  type = object({
    memory          = string
    cpu             = string
    min_instances   = number
    max_instances   = number
    timeout_seconds = number
    concurrency     = number
  })

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.sizing.memory))
    error_message = "sizing.memory must look like 512Mi or 2Gi."
  }

  validation {
    condition     = var.sizing.min_instances >= 0 && var.sizing.min_instances <= var.sizing.max_instances
    error_message = "sizing.min_instances must be between 0 and sizing.max_instances."
  }

  validation {
    condition     = var.sizing.timeout_seconds >= 1 && var.sizing.timeout_seconds <= 3600
    error_message = "sizing.timeout_seconds must be between 1 and 3600."
  }

  validation {
    condition     = var.sizing.concurrency >= 1 && var.sizing.concurrency <= 1000
    error_message = "sizing.concurrency must be between 1 and 1000."
  }
}

variable "ingress" {
  description = "Where requests may come from: ALLOW_ALL for public functions, ALLOW_INTERNAL_ONLY otherwise."
  type        = string

  validation {
    condition     = contains(["ALLOW_ALL", "ALLOW_INTERNAL_ONLY", "ALLOW_INTERNAL_AND_GCLB"], var.ingress)
    error_message = "ingress must be ALLOW_ALL, ALLOW_INTERNAL_ONLY or ALLOW_INTERNAL_AND_GCLB."
  }
}

variable "invokers" {
  description = "Members allowed to call the function (roles/run.invoker), keyed by a fixed name per caller."
  type        = map(string)

  validation {
    condition     = alltrue([for member in values(var.invokers) : can(regex("^(allUsers|serviceAccount:.+)$", member))])
    error_message = "invokers must be allUsers or serviceAccount:EMAIL members."
  }
}

variable "common_environment" {
  description = "Plain environment variables every function is given."
  type        = map(string)
}

variable "environment" {
  description = "Plain environment variables of this function, on top of common_environment."
  type        = map(string)
}

variable "secret_environment" {
  description = "Environment variables read from Secret Manager, keyed by variable name; the function's account may read each secret."
  type = map(object({
    secret  = string
    version = string
  }))
}

variable "secret_files" {
  description = "Secrets mounted as files, keyed by a fixed name; the function's account may read each secret."
  type = map(object({
    secret     = string
    version    = string
    mount_path = string
    path       = string
  }))
}

variable "vpc_connector" {
  description = "Serverless VPC Access connector for traffic to private ranges (Memorystore), or null for none."
  type        = string
  nullable    = true
}

variable "labels" {
  description = "Labels put on the function."
  type        = map(string)
}
