# Memorystore for Redis with AUTH and TLS. Clients get a rediss:// URL carrying the AUTH string
# (a Secret Manager secret, read as an environment variable) and the instance's CA certificate
# (another secret, mounted as a file the URL points at).

resource "google_redis_instance" "this" {
  project                 = var.project_id
  region                  = var.region
  name                    = var.name
  tier                    = var.redis.tier
  memory_size_gb          = var.redis.memory_size_gb
  redis_version           = var.redis.version
  authorized_network      = var.network_id
  connect_mode            = "DIRECT_PEERING"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  labels                  = var.labels

  maintenance_policy {
    weekly_maintenance_window {
      day = var.redis.maintenance_day

      start_time {
        hours   = var.redis.maintenance_hour
        minutes = 0
        seconds = 0
        nanos   = 0
      }
    }
  }
}

locals {
  ca_file = "${trimsuffix(var.redis.ca_mount_path, "/")}/${var.redis.ca_file_name}"
  url = format(
    "rediss://:%s@%s:%d/0?ssl_ca_certs=%s",
    urlencode(google_redis_instance.this.auth_string),
    google_redis_instance.this.host,
    google_redis_instance.this.port,
    urlencode(local.ca_file),
  )
}

resource "google_secret_manager_secret" "url" {
  project   = var.project_id
  secret_id = "${var.name}-url"
  labels    = var.labels

  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
}

resource "google_secret_manager_secret_version" "url" {
  secret      = google_secret_manager_secret.url.id
  secret_data = local.url
}

resource "google_secret_manager_secret" "ca" {
  project   = var.project_id
  secret_id = "${var.name}-ca"
  labels    = var.labels

  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
}

resource "google_secret_manager_secret_version" "ca" {
  secret      = google_secret_manager_secret.ca.id
  secret_data = join("\n", google_redis_instance.this.server_ca_certs[*].cert)
}
