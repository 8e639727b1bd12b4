output "network_id" {
  description = "Id of the network; Memorystore is authorized on it."
  value       = google_compute_network.this.id
}

output "connector_id" {
  description = "Id of the Serverless VPC Access connector the functions send private traffic through."
  value       = google_vpc_access_connector.this.id
}
