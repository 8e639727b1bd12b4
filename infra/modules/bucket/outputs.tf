output "name" {
  description = "Name of the bucket."
  value       = google_storage_bucket.this.name
}

output "url" {
  description = "gs:// address of the bucket."
  value       = google_storage_bucket.this.url
}
