variable "project_id" {
  description = "Google Cloud project InstaTag is deployed to."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a project id: 6-30 lowercase letters, digits or hyphens."
  }
}

variable "region" {
  description = "Region of the functions, the queue, the scheduler job, Memorystore and the network."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a region name such as us-central1."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name, so that several environments can share a project."
  type        = string
  default     = "instatag"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,11}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2-13 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "bundle_dir" {
  description = "Folder holding one <function>.zip per function, as built by `make bundle`."
  type        = string
}

variable "labels" {
  description = "Labels put on every resource that takes them."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.labels) : can(regex("^[a-z][a-z0-9_-]{0,62}$", key))])
    error_message = "label keys must be lowercase letters, digits, hyphens or underscores, starting with a letter."
  }
}

variable "firestore" {
  description = "Firestore database: its name, location, point-in-time recovery and delete protection."
  type = object({
    database               = string
    location               = string
    point_in_time_recovery = bool
    delete_protection      = bool
  })
  default = {
    database               = "(default)"
    location               = "nam5"
    point_in_time_recovery = true
    delete_protection      = true
  }

  validation {
    condition     = var.firestore.database == "(default)" || can(regex("^[a-z][a-z0-9-]{2,61}[a-z0-9]$", var.firestore.database))
    error_message = "firestore.database must be (default) or 4-63 lowercase letters, digits or hyphens."
  }
}

variable "buckets" {
  description = "Location of the buckets and the names of the model bucket and the function-source bucket."
  type = object({
    location = string
    models   = string
    sources  = string
  })

  validation {
    condition     = alltrue([for name in [var.buckets.models, var.buckets.sources] : can(regex("^[a-z0-9][a-z0-9_-]{1,50}[a-z0-9]$", name))])
    error_message = "bucket names must be 3-52 lowercase letters, digits, hyphens or underscores (a suffix is added for the access-log bucket)."
  }
}

variable "model_retention" {
  description = "How many earlier versions of each model object the model bucket keeps, and for how many days."
  type = object({
    noncurrent_versions = number
    noncurrent_days     = number
  })
  default = {
    noncurrent_versions = 5
    noncurrent_days     = 90
  }
}

variable "network" {
  description = "Serverless VPC Access connector the functions reach Memorystore through."
  type = object({
    connector_cidr          = string
    connector_min_instances = number
    connector_max_instances = number
    connector_machine_type  = string
  })
  default = {
    connector_cidr          = "10.8.0.0/28"
    connector_min_instances = 2
    connector_max_instances = 3
    connector_machine_type  = "e2-micro"
  }
}

variable "redis" {
  description = "Memorystore for Redis holding the trending cache (AUTH and TLS are always on)."
  type = object({
    tier             = string
    memory_size_gb   = number
    version          = string
    maintenance_day  = string
    maintenance_hour = number
  })
  default = {
    tier             = "BASIC"
    memory_size_gb   = 1
    version          = "REDIS_7_2"
    maintenance_day  = "SUNDAY"
    maintenance_hour = 3
  }

  validation {
    condition     = contains(["BASIC", "STANDARD_HA"], var.redis.tier)
    error_message = "redis.tier must be BASIC or STANDARD_HA."
  }
}

variable "function_sizing" {
  description = "Memory, CPU, instance bounds, timeout and per-instance concurrency of each function, keyed by function name."
  type = map(object({
    memory          = string
    cpu             = string
    min_instances   = number
    max_instances   = number
    timeout_seconds = number
    concurrency     = number
  }))
  default = {
    tags            = { memory = "2Gi", cpu = "1", min_instances = 1, max_instances = 20, timeout_seconds = 60, concurrency = 4 }
    captions        = { memory = "1Gi", cpu = "1", min_instances = 0, max_instances = 20, timeout_seconds = 60, concurrency = 8 }
    trending        = { memory = "512Mi", cpu = "1", min_instances = 1, max_instances = 20, timeout_seconds = 30, concurrency = 40 }
    scrape_dispatch = { memory = "512Mi", cpu = "1", min_instances = 0, max_instances = 1, timeout_seconds = 300, concurrency = 1 }
    scrape_worker   = { memory = "512Mi", cpu = "1", min_instances = 0, max_instances = 5, timeout_seconds = 540, concurrency = 1 }
    sync_cache      = { memory = "512Mi", cpu = "1", min_instances = 0, max_instances = 2, timeout_seconds = 300, concurrency = 1 }
  }

  validation {
    condition = (
      length(setsubtract(keys(var.function_sizing), ["tags", "captions", "trending", "scrape_dispatch", "scrape_worker", "sync_cache"])) == 0 &&
      length(setsubtract(["tags", "captions", "trending", "scrape_dispatch", "scrape_worker", "sync_cache"], keys(var.function_sizing))) == 0
    )
    error_message = "function_sizing must have exactly one entry per function: tags, captions, trending, scrape_dispatch, scrape_worker, sync_cache."
  }

  validation {
    condition     = alltrue([for sizing in values(var.function_sizing) : can(regex("^[0-9]+(Mi|Gi)$", sizing.memory))])
    error_message = "function_sizing memory must look like 512Mi or 2Gi."
  }

  validation {
    condition     = alltrue([for sizing in values(var.function_sizing) : sizing.min_instances >= 0 && sizing.min_instances <= sizing.max_instances])
    error_message = "function_sizing min_instances must be between 0 and max_instances."
  }
}

variable "scrape_schedule" {
  description = "When Cloud Scheduler calls scrape_dispatch: a five-field cron expression and its time zone."
  type = object({
    cron      = string
    time_zone = string
  })
  default = {
    cron      = "0 */6 * * *"
    time_zone = "Etc/UTC"
  }

  validation {
    condition     = length(split(" ", trimspace(var.scrape_schedule.cron))) == 5
    error_message = "scrape_schedule.cron must have five fields, e.g. \"0 */6 * * *\"."
  }
}

variable "graph_api" {
  description = "The Instagram Graph API the scraper reads: the Instagram business account's user id, and the versioned base URL."
  type = object({
    user_id = string
    url     = string
  })

  validation {
    condition     = can(regex("^[0-9]+$", var.graph_api.user_id))
    error_message = "graph_api.user_id must be the numeric id of an Instagram business account."
  }

  validation {
    condition     = can(regex("^https://graph\\.facebook\\.com/v[0-9]+\\.[0-9]+$", var.graph_api.url))
    error_message = "graph_api.url must look like https://graph.facebook.com/v21.0."
  }
}

variable "scrape_queue" {
  description = "Cloud Tasks queue feeding scrape_worker: dispatch rate, concurrency and retries."
  type = object({
    max_dispatches_per_second  = number
    max_concurrent_dispatches  = number
    max_attempts               = number
    min_backoff_seconds        = number
    max_backoff_seconds        = number
    max_doublings              = number
    max_retry_duration_seconds = number
  })
  default = {
    max_dispatches_per_second  = 1
    max_concurrent_dispatches  = 2
    max_attempts               = 5
    min_backoff_seconds        = 30
    max_backoff_seconds        = 900
    max_doublings              = 4
    max_retry_duration_seconds = 7200
  }

  validation {
    condition     = var.scrape_queue.max_dispatches_per_second > 0 && var.scrape_queue.max_dispatches_per_second <= 500
    error_message = "scrape_queue.max_dispatches_per_second must be above 0 and at most 500."
  }

  validation {
    condition     = var.scrape_queue.max_concurrent_dispatches >= 1 && var.scrape_queue.max_attempts >= 1
    error_message = "scrape_queue needs at least one concurrent dispatch and one attempt."
  }

  validation {
    condition     = var.scrape_queue.min_backoff_seconds <= var.scrape_queue.max_backoff_seconds
    error_message = "scrape_queue.min_backoff_seconds must not exceed max_backoff_seconds."
  }
}

variable "sync_cache_delivery" {
  description = "Delivery of corpus-updated events to sync_cache: ack deadline, retry backoff and attempts before dead-lettering."
  type = object({
    ack_deadline_seconds  = number
    min_backoff_seconds   = number
    max_backoff_seconds   = number
    max_delivery_attempts = number
  })
  default = {
    ack_deadline_seconds  = 300
    min_backoff_seconds   = 10
    max_backoff_seconds   = 600
    max_delivery_attempts = 5
  }

  validation {
    condition     = var.sync_cache_delivery.ack_deadline_seconds >= 10 && var.sync_cache_delivery.ack_deadline_seconds <= 600
    error_message = "sync_cache_delivery.ack_deadline_seconds must be between 10 and 600."
  }

  validation {
    condition     = var.sync_cache_delivery.min_backoff_seconds >= 0 && var.sync_cache_delivery.max_backoff_seconds <= 600 && var.sync_cache_delivery.min_backoff_seconds <= var.sync_cache_delivery.max_backoff_seconds
    error_message = "sync_cache_delivery backoff must satisfy 0 <= min_backoff_seconds <= max_backoff_seconds <= 600."
  }

  validation {
    condition     = var.sync_cache_delivery.max_delivery_attempts >= 5 && var.sync_cache_delivery.max_delivery_attempts <= 100
    error_message = "sync_cache_delivery.max_delivery_attempts must be between 5 and 100."
  }
}
