# One Cloud Function (2nd gen): its own service account, its source archive, the function and
# who may call it. Roles on other resources are granted by the caller of this module; only the
# secrets handed to the function are granted here.

locals {
  secrets = merge(
    { for key, value in var.secret_environment : "env-${key}" => value.secret },
    { for key, value in var.secret_files : "file-${key}" => value.secret },
  )
}

resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = var.name
  display_name = "Cloud Function ${var.name}"
  description  = "Runs the ${var.entry_point} function; holds only the roles it uses."
}

# The object name carries the archive's hash, so a changed bundle redeploys the function.
resource "google_storage_bucket_object" "source" {
  bucket = var.source_bucket
  name   = "${var.name}/${filemd5(var.archive)}.zip"
  source = var.archive
}

resource "google_cloudfunctions2_function" "this" {
  project     = var.project_id
  location    = var.region
  name        = var.name
  description = var.description
  labels      = var.labels

  build_config {
    runtime         = var.runtime
    entry_point     = var.entry_point
    service_account = var.build_service_account

    source {
      storage_source {
        bucket = google_storage_bucket_object.source.bucket
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    service_account_email            = google_service_account.this.email
    available_memory                 = var.sizing.memory
    available_cpu                    = var.sizing.cpu
    min_instance_count               = var.sizing.min_instances
    max_instance_count               = var.sizing.max_instances
    max_instance_request_concurrency = var.sizing.concurrency
    timeout_seconds                  = var.sizing.timeout_seconds
    ingress_settings                 = var.ingress
    all_traffic_on_latest_revision   = true
    vpc_connector                    = var.vpc_connector
    vpc_connector_egress_settings    = var.vpc_connector == null ? null : "PRIVATE_RANGES_ONLY"
    environment_variables            = merge(var.common_environment, var.environment)

    dynamic "secret_environment_variables" {
      for_each = var.secret_environment

      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = secret_environment_variables.value.secret
        version    = secret_environment_variables.value.version
      }
    }

    dynamic "secret_volumes" {
      for_each = var.secret_files

      content {
        mount_path = secret_volumes.value.mount_path
        project_id = var.project_id
        secret     = secret_volumes.value.secret

        versions {
          version = secret_volumes.value.version
          path    = secret_volumes.value.path
        }
      }
    }
  }

  depends_on = [google_secret_manager_secret_iam_member.reader]
}

resource "google_secret_manager_secret_iam_member" "reader" {
  for_each = local.secrets

  project   = var.project_id
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.this.member
}

# A 2nd gen function is served by a Cloud Run service of the same name; invoking it takes
# roles/run.invoker on that service.
resource "google_cloud_run_service_iam_member" "invoker" {
  for_each = var.invokers

  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.invoker"
  member   = each.value
}
