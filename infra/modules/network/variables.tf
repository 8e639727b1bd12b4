variable "project_id" {
  description = "Project the network lives in."
  type        = string
}

variable "region" {
  description = "Region of the connector's subnet."
  type        = string
}

variable "name" {
  description = "Name of the network; its subnet, firewall rule and connector are named after it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,13}[a-z0-9]$", var.name))
    error_message = "name must be 2-15 lowercase letters, digits or hyphens (the connector name adds 10)."
  }
}

variable "connector" {
  description = "Serverless VPC Access connector: its /28 range, instance bounds and machine type."
  type = object({
    cidr          = string
    min_instances = number
    max_instances = number
    machine_type  = string
  })

  validation {
    condition     = can(cidrhost(var.connector.cidr, 0)) && endswith(var.connector.cidr, "/28")
    error_message = "connector.cidr must be a /28 range, e.g. 10.8.0.0/28."
  }

  validation {
    condition     = var.connector.min_instances >= 2 && var.connector.min_instances < var.connector.max_instances && var.connector.max_instances <= 10
    error_message = "connector instances must satisfy 2 <= min_instances < max_instances <= 10."
  }

  validation {
    condition     = contains(["f1-micro", "e2-micro", "e2-standard-4"], var.connector.machine_type)
    error_message = "connector.machine_type must be f1-micro, e2-micro or e2-standard-4."
  }
}
