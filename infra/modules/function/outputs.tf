output "name" {
  description = "Name of the function (and of the Cloud Run service serving it)."
  value       = google_cloudfunctions2_function.this.name
}

output "uri" {
  description = "HTTPS address the function answers on; also the OIDC audience of its callers."
  value       = google_cloudfunctions2_function.this.service_config[0].uri
}

output "service_account_email" {
  description = "Email of the account the function runs as."
  value       = google_service_account.this.email
}

output "service_account_member" {
  description = "IAM member (serviceAccount:EMAIL) of the account the function runs as."
  value       = google_service_account.this.member
}
