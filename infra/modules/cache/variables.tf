variable "project_id" {
  description = "Project the instance and its secrets live in."
  type        = string
}

variable "region" {
  description = "Region of the instance."
  type        = string
}

variable "name" {
  description = "Name of the instance; its secrets are named after it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}[a-z0-9]$", var.name))
    error_message = "name must be 2-32 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "network_id" {
  description = "Network the instance is reachable from."
  type        = string
}

variable "redis" {
  description = "Memorystore tier, size, Redis version, weekly maintenance window (UTC) and where clients mount its CA certificate."
  type = object({
    tier             = string
    memory_size_gb   = number
    version          = string
    maintenance_day  = string
    maintenance_hour = number
    ca_mount_path    = string
    ca_file_name     = string
  })

  validation {
    condition     = contains(["BASIC", "STANDARD_HA"], var.redis.tier)
    error_message = "redis.tier must be BASIC or STANDARD_HA."
  }

  validation {
    condition     = var.redis.memory_size_gb >= 1 && var.redis.memory_size_gb <= 300
    error_message = "redis.memory_size_gb must be between 1 and 300."
  }

  validation {
    condition     = can(regex("^REDIS_[0-9]+_[0-9X]+$", var.redis.version))
    error_message = "redis.version must look like REDIS_7_2."
  }

  validation {
    condition     = contains(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"], var.redis.maintenance_day)
    error_message = "redis.maintenance_day must be a day of the week in capitals, e.g. SUNDAY."
  }

  validation {
    condition     = var.redis.maintenance_hour >= 0 && var.redis.maintenance_hour <= 23
    error_message = "redis.maintenance_hour must be between 0 and 23."
  }

  validation {
    condition     = startswith(var.redis.ca_mount_path, "/") && !contains(["/", "/dev", "/proc", "/sys"], var.redis.ca_mount_path)
    error_message = "redis.ca_mount_path must be an absolute path outside /, /dev, /proc and /sys."
  }
}

variable "labels" {
  description = "Labels put on the instance and its secrets."
  type        = map(string)
}
