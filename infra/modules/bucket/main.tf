# A private, versioned bucket: uniform access, public access prevented, access logged, and
# older versions pruned.

resource "google_storage_bucket" "this" {
  project                     = var.project_id
  name                        = var.name
  location                    = var.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels

  versioning {
    enabled = true
  }

  logging {
    log_bucket        = var.log_bucket
    log_object_prefix = var.name
  }

  lifecycle_rule {
    condition {
      num_newer_versions = var.retention.noncurrent_versions
      with_state         = "ARCHIVED"
    }

    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.retention.noncurrent_days
      with_state                 = "ARCHIVED"
    }

    action {
      type = "Delete"
    }
  }
}
