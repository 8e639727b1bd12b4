# InstaTag on Google Cloud: six Cloud Functions (2nd gen) with Firestore, Memorystore, Cloud
# Storage, Pub/Sub, Cloud Tasks, Cloud Scheduler and Secret Manager. Which function is called by
# whom and which settings it reads follows `instatag.deploy.FUNCTIONS`; tests/infra checks it.

locals {
  runtime = "python311"
  labels  = merge(var.labels, { app = "instatag" })

  # The topic the scraper publishes to, named as `instatag.wiring.CORPUS_UPDATED`.
  corpus_updated_topic = "corpus-updated"

  services = [
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "cloudscheduler.googleapis.com",
    "cloudtasks.googleapis.com",
    "compute.googleapis.com",
    "firestore.googleapis.com",
    "iam.googleapis.com",
    "pubsub.googleapis.com",
    "redis.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
    "vpcaccess.googleapis.com",
  ]

  # What every function reads (instatag.deploy.BASE_SETTINGS).
  environment = {
    INSTATAG_BACKEND         = "google"
    INSTATAG_GOOGLE__PROJECT = var.project_id
    INSTATAG_GOOGLE__REGION  = var.region
  }

  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

data "google_project" "this" {
  project_id = var.project_id
}

resource "google_project_service" "enabled" {
  for_each = toset(local.services)

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# ---------------------------------------------------------------------------------------------
# Network and Memorystore

module "network" {
  source = "./modules/network"

  project_id = var.project_id
  region     = var.region
  name       = var.name_prefix
  connector = {
    cidr          = var.network.connector_cidr
    min_instances = var.network.connector_min_instances
    max_instances = var.network.connector_max_instances
    machine_type  = var.network.connector_machine_type
  }

  depends_on = [google_project_service.enabled]
}

module "cache" {
  source = "./modules/cache"

  project_id = var.project_id
  region     = var.region
  name       = "${var.name_prefix}-cache"
  network_id = module.network.network_id
  labels     = local.labels
  redis = merge(var.redis, {
    ca_mount_path = "/etc/secrets/redis"
    ca_file_name  = "ca.pem"
  })

  depends_on = [google_project_service.enabled]
}

# ---------------------------------------------------------------------------------------------
# Buckets: models, function sources, and the access logs of both

resource "google_storage_bucket" "access_logs" {
  # checkov:skip=CKV_GCP_62: this bucket receives the other buckets' access logs; logging its own access would log into itself (CKV_GCP_63).

  project                     = var.project_id
  name                        = "${var.buckets.sources}-logs"
  location                    = var.buckets.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      age = 90
    }

    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.enabled]
}

module "model_bucket" {
  source = "./modules/bucket"

  project_id = var.project_id
  name       = var.buckets.models
  location   = var.buckets.location
  retention  = var.model_retention
  log_bucket = google_storage_bucket.access_logs.name
  labels     = local.labels
}

module "source_bucket" {
  source = "./modules/bucket"

  project_id = var.project_id
  name       = var.buckets.sources
  location   = var.buckets.location
  log_bucket = google_storage_bucket.access_logs.name
  labels     = local.labels
  retention = {
    noncurrent_versions = 3
    noncurrent_days     = 30
  }
}

# ---------------------------------------------------------------------------------------------
# Firestore and the composite indexes the code queries

resource "google_firestore_database" "this" {
  project                           = var.project_id
  name                              = var.firestore.database
  location_id                       = var.firestore.location
  type                              = "FIRESTORE_NATIVE"
  concurrency_mode                  = "OPTIMISTIC"
  point_in_time_recovery_enablement = var.firestore.point_in_time_recovery ? "POINT_IN_TIME_RECOVERY_ENABLED" : "POINT_IN_TIME_RECOVERY_DISABLED"
  delete_protection_state           = var.firestore.delete_protection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED"
  deletion_policy                   = "ABANDON"

  depends_on = [google_project_service.enabled]
}

# Posts of a category, most liked first (captions look-up).
resource "google_firestore_index" "posts_by_category" {
  project    = var.project_id
  database   = google_firestore_database.this.name
  collection = "posts"

  fields {
    field_path = "category"
    order      = "ASCENDING"
  }

  fields {
    field_path = "likes"
    order      = "DESCENDING"
  }
}

# Posts carrying a hashtag, most liked first.
resource "google_firestore_index" "posts_by_hashtag" {
  project    = var.project_id
  database   = google_firestore_database.this.name
  collection = "posts"

  fields {
    field_path   = "hashtags"
    array_config = "CONTAINS"
  }

  fields {
    field_path = "likes"
    order      = "DESCENDING"
  }
}

# A day's hashtag counters keep one map key per hashtag. Firestore would index every key (and
# refuse a document past 40,000 index entries); the code reads counters by id or by `day`.
resource "google_firestore_field" "tag_counts_not_indexed" {
  project    = var.project_id
  database   = google_firestore_database.this.name
  collection = "tag_counts"
  field      = "counts"

  index_config {}
}

# ---------------------------------------------------------------------------------------------
# Pub/Sub: corpus-updated, delivered to sync_cache with retries and a dead-letter topic.
#
# A push subscription owned here rather than an Eventarc trigger: Eventarc creates and owns the
# subscription of its triggers, and the provider cannot give that subscription a dead-letter
# policy. functions-framework turns the pushed message into the same CloudEvent Eventarc sends.

resource "google_pubsub_topic" "corpus_updated" {
  # checkov:skip=CKV_GCP_83: messages carry only ids of public posts; Google-managed keys encrypt them at rest.

  project                    = var.project_id
  name                       = local.corpus_updated_topic
  labels                     = local.labels
  message_retention_duration = "86400s"

  depends_on = [google_project_service.enabled]
}

resource "google_pubsub_topic" "corpus_updated_dead_letter" {
  # checkov:skip=CKV_GCP_83: holds undeliverable corpus-updated messages, which carry only ids of public posts.

  project = var.project_id
  name    = "${local.corpus_updated_topic}-dead-letter"
  labels  = local.labels

  depends_on = [google_project_service.enabled]
}

# Keeps dead letters for inspection; a topic without subscriptions would drop them.
resource "google_pubsub_subscription" "corpus_updated_dead_letter" {
  project                    = var.project_id
  name                       = "${local.corpus_updated_topic}-dead-letter"
  topic                      = google_pubsub_topic.corpus_updated_dead_letter.id
  labels                     = local.labels
  message_retention_duration = "604800s"
  ack_deadline_seconds       = 60

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_subscription" "sync_cache" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-sync-cache"
  topic                      = google_pubsub_topic.corpus_updated.id
  labels                     = local.labels
  ack_deadline_seconds       = var.sync_cache_delivery.ack_deadline_seconds
  message_retention_duration = "86400s"

  push_config {
    # The topic in the path becomes the CloudEvent's source, as with Eventarc.
    push_endpoint = "${module.sync_cache.uri}/${google_pubsub_topic.corpus_updated.id}"

    oidc_token {
      service_account_email = google_service_account.pubsub_push.email
      audience              = module.sync_cache.uri
    }
  }

  retry_policy {
    minimum_backoff = "${var.sync_cache_delivery.min_backoff_seconds}s"
    maximum_backoff = "${var.sync_cache_delivery.max_backoff_seconds}s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.corpus_updated_dead_letter.id
    max_delivery_attempts = var.sync_cache_delivery.max_delivery_attempts
  }

  expiration_policy {
    ttl = ""
  }
}

# ---------------------------------------------------------------------------------------------
# Scraping: Cloud Scheduler calls scrape_dispatch, which queues one Cloud Task per scrape job
# for scrape_worker.

resource "google_cloud_tasks_queue" "scrape" {
  project  = var.project_id
  location = var.region
  name     = "${var.name_prefix}-scrape"

  rate_limits {
    max_dispatches_per_second = var.scrape_queue.max_dispatches_per_second
    max_concurrent_dispatches = var.scrape_queue.max_concurrent_dispatches
  }

  retry_config {
    max_attempts       = var.scrape_queue.max_attempts
    min_backoff        = "${var.scrape_queue.min_backoff_seconds}s"
    max_backoff        = "${var.scrape_queue.max_backoff_seconds}s"
    max_doublings      = var.scrape_queue.max_doublings
    max_retry_duration = "${var.scrape_queue.max_retry_duration_seconds}s"
  }

  stackdriver_logging_config {
    sampling_ratio = 1.0
  }

  depends_on = [google_project_service.enabled]
}

resource "google_cloud_scheduler_job" "scrape" {
  project          = var.project_id
  region           = var.region
  name             = "${var.name_prefix}-scrape"
  description      = "Starts a scrape round: scrape_dispatch queues the scrape tasks."
  schedule         = var.scrape_schedule.cron
  time_zone        = var.scrape_schedule.time_zone
  attempt_deadline = "320s"

  retry_config {
    retry_count = 1
  }

  http_target {
    http_method = "POST"
    uri         = module.scrape_dispatch.uri
    body        = base64encode("{}")
    headers = {
      "Content-Type" = "application/json"
    }

    oidc_token {
      service_account_email = google_service_account.scheduler.email
      audience              = module.scrape_dispatch.uri
    }
  }

  depends_on = [google_project_service.enabled]
}

# Holds the Instagram Graph API token. Its value is added out of band (see README, Deploying),
# so that it never passes through Terraform state.
resource "google_secret_manager_secret" "graph_token" {
  project   = var.project_id
  secret_id = "${var.name_prefix}-graph-token"
  labels    = local.labels

  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }

  depends_on = [google_project_service.enabled]
}

# ---------------------------------------------------------------------------------------------
# Identities that are not functions: the function builds and the three callers that sign
# OIDC tokens.

resource "google_service_account" "build" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-build"
  display_name = "InstaTag function builds"
  description  = "Cloud Build builds the functions' images as this account."
}

resource "google_service_account" "scheduler" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-scheduler"
  display_name = "InstaTag scheduler"
  description  = "Cloud Scheduler calls scrape_dispatch as this account."
}

resource "google_service_account" "tasks" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-tasks"
  display_name = "InstaTag scrape tasks"
  description  = "Cloud Tasks calls scrape_worker as this account."
}

resource "google_service_account" "pubsub_push" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-pubsub-push"
  display_name = "InstaTag event delivery"
  description  = "Pub/Sub pushes corpus-updated events to sync_cache as this account."
}

# ---------------------------------------------------------------------------------------------
# The functions

module "tags" {
  # checkov:skip=CKV_GCP_124: part of the public API the web page calls, so it takes requests from anywhere.
  # checkov:skip=CKV_GCP_102: part of the public API the web page calls, so anyone may invoke it.

  source = "./modules/function"

  project_id            = var.project_id
  region                = var.region
  name                  = "${var.name_prefix}-tags"
  description           = "Hashtags for a photo or a few words."
  entry_point           = "tags"
  runtime               = local.runtime
  archive               = "${var.bundle_dir}/tags.zip"
  source_bucket         = module.source_bucket.name
  build_service_account = google_service_account.build.id
  sizing                = var.function_sizing["tags"]
  ingress               = "ALLOW_ALL"
  invokers              = { public = "allUsers" }
  vpc_connector         = null
  labels                = local.labels
  common_environment    = local.environment
  environment = {
    INSTATAG_GOOGLE__MODEL_BUCKET = module.model_bucket.name
  }
  secret_environment = {}
  secret_files       = {}

  depends_on = [google_project_service.enabled]
}

module "captions" {
  # checkov:skip=CKV_GCP_124: part of the public API the web page calls, so it takes requests from anywhere.
  # checkov:skip=CKV_GCP_102: part of the public API the web page calls, so anyone may invoke it.

  source = "./modules/function"

  project_id            = var.project_id
  region                = var.region
  name                  = "${var.name_prefix}-captions"
  description           = "Caption options in several tones."
  entry_point           = "captions"
  runtime               = local.runtime
  archive               = "${var.bundle_dir}/captions.zip"
  source_bucket         = module.source_bucket.name
  build_service_account = google_service_account.build.id
  sizing                = var.function_sizing["captions"]
  ingress               = "ALLOW_ALL"
  invokers              = { public = "allUsers" }
  vpc_connector         = null
  labels                = local.labels
  common_environment    = local.environment
  environment = {
    INSTATAG_GOOGLE__MODEL_BUCKET       = module.model_bucket.name
    INSTATAG_GOOGLE__FIRESTORE_DATABASE = google_firestore_database.this.name
  }
  secret_environment = {}
  secret_files       = {}

  depends_on = [google_project_service.enabled]
}

module "trending" {
  # checkov:skip=CKV_GCP_124: part of the public API the web page calls, so it takes requests from anywhere.
  # checkov:skip=CKV_GCP_102: part of the public API the web page calls, so anyone may invoke it.

  source = "./modules/function"

  project_id            = var.project_id
  region                = var.region
  name                  = "${var.name_prefix}-trending"
  description           = "The hashtags trending in a category, served from the cache."
  entry_point           = "trending"
  runtime               = local.runtime
  archive               = "${var.bundle_dir}/trending.zip"
  source_bucket         = module.source_bucket.name
  build_service_account = google_service_account.build.id
  sizing                = var.function_sizing["trending"]
  ingress               = "ALLOW_ALL"
  invokers              = { public = "allUsers" }
  vpc_connector         = module.network.connector_id
  labels                = local.labels
  common_environment    = local.environment
  environment = {
    INSTATAG_GOOGLE__FIRESTORE_DATABASE = google_firestore_database.this.name
  }
  secret_environment = {
    INSTATAG_GOOGLE__REDIS_URL = module.cache.url_secret
  }
  secret_files = {
    redis_ca = module.cache.ca_file
  }

  depends_on = [google_project_service.enabled]
}

module "scrape_dispatch" {
  source = "./modules/function"

  project_id            = var.project_id
  region                = var.region
  name                  = "${var.name_prefix}-scrape-dispatch"
  description           = "Queues one scrape task per source; called by Cloud Scheduler."
  entry_point           = "scrape_dispatch"
  runtime               = local.runtime
  archive               = "${var.bundle_dir}/scrape_dispatch.zip"
  source_bucket         = module.source_bucket.name
  build_service_account = google_service_account.build.id
  sizing                = var.function_sizing["scrape_dispatch"]
  ingress               = "ALLOW_INTERNAL_ONLY"
  invokers              = { scheduler = google_service_account.scheduler.member }
  vpc_connector         = null
  labels                = local.labels
  common_environment    = local.environment
  environment = {
    INSTATAG_GOOGLE__TASKS_QUEUE           = google_cloud_tasks_queue.scrape.name
    INSTATAG_GOOGLE__TASKS_SERVICE_ACCOUNT = google_service_account.tasks.email
    INSTATAG_GOOGLE__FUNCTION_URLS         = jsonencode({ scrape_worker = module.scrape_worker.uri })
  }
  secret_environment = {}
  secret_files       = {}

  depends_on = [google_project_service.enabled]
}

module "scrape_worker" {
  source = "./modules/function"

  project_id            = var.project_id
  region                = var.region
  name                  = "${var.name_prefix}-scrape-worker"
  description           = "Runs one scrape task and stores the posts; called by Cloud Tasks."
  entry_point           = "scrape_worker"
  runtime               = local.runtime
  archive               = "${var.bundle_dir}/scrape_worker.zip"
  source_bucket         = module.source_bucket.name
  build_service_account = google_service_account.build.id
  sizing                = var.function_sizing["scrape_worker"]
  ingress               = "ALLOW_INTERNAL_ONLY"
  invokers              = { tasks = google_service_account.tasks.member }
  vpc_connector         = null
  labels                = local.labels
  common_environment    = local.environment
  environment = {
    INSTATAG_GOOGLE__FIRESTORE_DATABASE    = google_firestore_database.this.name
    INSTATAG_GOOGLE__TASKS_SERVICE_ACCOUNT = google_service_account.tasks.email
    INSTATAG_SCRAPE__SOURCE                = "graph"
    INSTATAG_SCRAPE__GRAPH_USER_ID         = var.graph_api.user_id
    INSTATAG_SCRAPE__GRAPH_API_URL         = var.graph_api.url
  }
  secret_environment = {
    INSTATAG_SCRAPE__GRAPH_TOKEN = { secret = google_secret_manager_secret.graph_token.secret_id, version = "latest" }
  }
  secret_files = {}

  depends_on = [google_project_service.enabled]
}

module "sync_cache" {
  source = "./modules/function"

  project_id            = var.project_id
  region                = var.region
  name                  = "${var.name_prefix}-sync-cache"
  description           = "Refreshes the trending cache when the corpus changes; called by Pub/Sub."
  entry_point           = "sync_cache"
  runtime               = local.runtime
  archive               = "${var.bundle_dir}/sync_cache.zip"
  source_bucket         = module.source_bucket.name
  build_service_account = google_service_account.build.id
  sizing                = var.function_sizing["sync_cache"]
  ingress               = "ALLOW_INTERNAL_ONLY"
  invokers              = { pubsub = google_service_account.pubsub_push.member }
  vpc_connector         = module.network.connector_id
  labels                = local.labels
  common_environment    = local.environment
  environment = {
    INSTATAG_GOOGLE__FIRESTORE_DATABASE = google_firestore_database.this.name
  }
  secret_environment = {
    INSTATAG_GOOGLE__REDIS_URL = module.cache.url_secret
  }
  secret_files = {
    redis_ca = module.cache.ca_file
  }

  depends_on = [google_project_service.enabled]
}

# ---------------------------------------------------------------------------------------------
# Roles: each function's account gets only what its code uses.

# Firestore roles are granted on the project: Firestore has no per-database IAM.
resource "google_project_iam_member" "firestore" {
  for_each = {
    captions      = { member = module.captions.service_account_member, role = "roles/datastore.viewer" }
    trending      = { member = module.trending.service_account_member, role = "roles/datastore.viewer" }
    scrape_worker = { member = module.scrape_worker.service_account_member, role = "roles/datastore.user" }
    sync_cache    = { member = module.sync_cache.service_account_member, role = "roles/datastore.viewer" }
  }

  project = var.project_id
  role    = each.value.role
  member  = each.value.member
}

resource "google_storage_bucket_iam_member" "model_readers" {
  for_each = {
    tags     = module.tags.service_account_member
    captions = module.captions.service_account_member
  }

  bucket = module.model_bucket.name
  role   = "roles/storage.objectViewer"
  member = each.value
}

resource "google_cloud_tasks_queue_iam_member" "dispatch_enqueues" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_tasks_queue.scrape.name
  role     = "roles/cloudtasks.enqueuer"
  member   = module.scrape_dispatch.service_account_member
}

# Queuing a task that Cloud Tasks signs as the tasks account requires acting as that account.
resource "google_service_account_iam_member" "dispatch_acts_as_tasks" {
  service_account_id = google_service_account.tasks.name
  role               = "roles/iam.serviceAccountUser"
  member             = module.scrape_dispatch.service_account_member
}

resource "google_pubsub_topic_iam_member" "worker_publishes" {
  project = var.project_id
  topic   = google_pubsub_topic.corpus_updated.name
  role    = "roles/pubsub.publisher"
  member  = module.scrape_worker.service_account_member
}

# The Pub/Sub service agent signs push tokens as the push account and moves dead letters.
resource "google_service_account_iam_member" "pubsub_signs_push_tokens" {
  service_account_id = google_service_account.pubsub_push.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_agent
}

resource "google_pubsub_topic_iam_member" "pubsub_publishes_dead_letters" {
  project = var.project_id
  topic   = google_pubsub_topic.corpus_updated_dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "pubsub_forwards_dead_letters" {
  project      = var.project_id
  subscription = google_pubsub_subscription.sync_cache.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

resource "google_project_iam_member" "build" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])

  project = var.project_id
  role    = each.value
  member  = google_service_account.build.member
}

resource "google_storage_bucket_iam_member" "build_reads_sources" {
  bucket = module.source_bucket.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.build.member
}
