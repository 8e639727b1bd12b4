output "host" {
  description = "Private address of the instance."
  value       = google_redis_instance.this.host
}

output "port" {
  description = "TLS port of the instance."
  value       = google_redis_instance.this.port
}

output "url_secret" {
  description = "Secret holding the rediss:// URL (with the AUTH string), for INSTATAG_GOOGLE__REDIS_URL."
  value       = { secret = google_secret_manager_secret.url.secret_id, version = google_secret_manager_secret_version.url.version }
}

output "ca_file" {
  description = "Secret holding the instance's CA certificate and where the URL expects it mounted."
  value = {
    secret     = google_secret_manager_secret.ca.secret_id
    version    = google_secret_manager_secret_version.ca.version
    mount_path = var.redis.ca_mount_path
    path       = var.redis.ca_file_name
  }
}
