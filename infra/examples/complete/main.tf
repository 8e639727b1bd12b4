# One complete InstaTag environment. Every setting of the module is spelled out, so this file
# shows what can be tuned; the values are the ones production starts from.

provider "google" {
  project = var.project_id
  region  = var.region
}

module "instatag" {
  source = "../.."

  project_id  = var.project_id
  region      = var.region
  name_prefix = "instatag"
  bundle_dir  = "${path.root}/../../../build/bundles"
  labels      = { env = "production" }

  firestore = {
    database               = "(default)"
    location               = "nam5"
    point_in_time_recovery = true
    delete_protection      = true
  }

  buckets = {
    location = "US"
    models   = "${var.project_id}-instatag-models"
    sources  = "${var.project_id}-instatag-sources"
  }

  model_retention = {
    noncurrent_versions = 5
    noncurrent_days     = 90
  }

  network = {
    connector_cidr          = "10.8.0.0/28"
    connector_min_instances = 2
    connector_max_instances = 3
    connector_machine_type  = "e2-micro"
  }

  redis = {
    tier             = "STANDARD_HA"
    memory_size_gb   = 1
    version          = "REDIS_7_2"
    maintenance_day  = "SUNDAY"
    maintenance_hour = 3
  }

  function_sizing = {
    tags            = { memory = "2Gi", cpu = "1", min_instances = 1, max_instances = 20, timeout_seconds = 60, concurrency = 4 }
    captions        = { memory = "1Gi", cpu = "1", min_instances = 0, max_instances = 20, timeout_seconds = 60, concurrency = 8 }
    trending        = { memory = "512Mi", cpu = "1", min_instances = 1, max_instances = 20, timeout_seconds = 30, concurrency = 40 }
    scrape_dispatch = { memory = "512Mi", cpu = "1", min_instances = 0, max_instances = 1, timeout_seconds = 300, concurrency = 1 }
    scrape_worker   = { memory = "512Mi", cpu = "1", min_instances = 0, max_instances = 5, timeout_seconds = 540, concurrency = 1 }
    sync_cache      = { memory = "512Mi", cpu = "1", min_instances = 0, max_instances = 2, timeout_seconds = 300, concurrency = 1 }
  }

  graph_api = {
    user_id = var.graph_user_id
    url     = "https://graph.facebook.com/v21.0"
  }

  scrape_schedule = {
    cron      = "0 */6 * * *"
    time_zone = "Etc/UTC"
  }

  scrape_queue = {
    max_dispatches_per_second  = 1
    max_concurrent_dispatches  = 2
    max_attempts               = 5
    min_backoff_seconds        = 30
    max_backoff_seconds        = 900
    max_doublings              = 4
    max_retry_duration_seconds = 7200
  }

  sync_cache_delivery = {
    ack_deadline_seconds  = 300
    min_backoff_seconds   = 10
    max_backoff_seconds   = 600
    max_delivery_attempts = 5
  }
}
